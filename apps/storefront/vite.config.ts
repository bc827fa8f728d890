import { fileURLToPath } from 'node:url';
import { defineConfig, defaultClientConditions } from 'vite';
import { serveModels } from './vite/serve-models.ts';

/**
 * Cross-origin isolation (COOP + COEP) gives the page SharedArrayBuffer, so onnxruntime-web
 * runs WASM with several threads; CORP lets the page's own files load under COEP.
 */
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Model folders served at `/models/<name>/`; default: the generated test models (`pnpm run fixtures`). */
const modelsDir = process.env.COWRITE_MODELS_DIR ?? fileURLToPath(new URL('../../test/fixtures/models', import.meta.url));

export default defineConfig({
  // `source` resolves `@cowrite/*` to their TypeScript sources: the demo needs no package build.
  resolve: { conditions: ['source', ...defaultClientConditions] },
  // onnxruntime-web finds its .wasm next to its module; pre-bundling would move the module away from it.
  optimizeDeps: { exclude: ['onnxruntime-web'] },
  worker: { format: 'es' },
  plugins: [serveModels(modelsDir)],
  server: { headers: isolationHeaders, port: Number(process.env.PORT ?? 5173) },
  preview: { headers: isolationHeaders, port: Number(process.env.PORT ?? 4173) },
  // Two pages: the store and the merchant's co-writing dashboard.
  build: { target: 'es2023', rollupOptions: { input: { main: 'index.html', dashboard: 'dashboard.html' } } },
});
