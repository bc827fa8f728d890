import { fileURLToPath } from 'node:url';
import { defineConfig, defaultClientConditions, type Plugin } from 'vite';
import { serveModels } from '../../../apps/storefront/vite/serve-models.ts';

/** The README's minimal policy for a page running Cowrite: no inline script or style, Trusted Types enforced. */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; worker-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html cowrite";

/** Variants a test switches to (GET /__csp/<name>), each missing one thing Cowrite needs. */
export const CSP_VARIANTS: Record<string, string> = {
  strict: STRICT_CSP,
  'no-cowrite-policy': STRICT_CSP.replace(' cowrite', ''),
  'no-wasm': STRICT_CSP.replace(" 'wasm-unsafe-eval'", ''),
  'no-worker': STRICT_CSP.replace("worker-src 'self'", "worker-src 'none'"),
};

/** Every response (the page, its modules, the Worker script) carries the current policy, as a real server's would. */
function strictCsp(): Plugin {
  let current = STRICT_CSP;
  return {
    name: 'cowrite-strict-csp',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const switchTo = /^\/__csp\/([\w-]+)$/.exec(req.url ?? '');
        if (switchTo) {
          current = CSP_VARIANTS[switchTo[1]] ?? STRICT_CSP;
          res.writeHead(204).end();
          return;
        }
        res.setHeader('Content-Security-Policy', current);
        next();
      });
    },
  };
}

const modelsDir = fileURLToPath(new URL('../../fixtures/models', import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  resolve: { conditions: ['source', ...defaultClientConditions] },
  optimizeDeps: { exclude: ['onnxruntime-web'] },
  worker: { format: 'es' },
  plugins: [strictCsp(), serveModels(modelsDir)],
  server: { fs: { allow: [fileURLToPath(new URL('../../..', import.meta.url))] } },
});
