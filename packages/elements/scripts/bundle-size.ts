/**
 * Measures the elements' own JavaScript: every element registered (src/define-all.ts),
 * minified, with Lit and @cowrite/core left out (the page ships those once anyway).
 * Run: node packages/elements/scripts/bundle-size.ts
 */
import { build } from 'vite';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../src/define-all.ts', import.meta.url));
const output = await build({
  configFile: false,
  logLevel: 'silent',
  resolve: { conditions: ['source', 'browser', 'module', 'import', 'default'] },
  build: {
    write: false,
    minify: true,
    target: 'es2023',
    lib: { entry, formats: ['es'], fileName: 'elements' },
    rollupOptions: { external: [/^lit($|\/)/, /^@lit\//, /^@cowrite\/core/] },
  },
});
const outputs = Array.isArray(output) ? output : [output];
let raw = 0;
let gzip = 0;
for (const result of outputs) {
  if (!('output' in result)) continue;
  for (const chunk of result.output) {
    if (chunk.type !== 'chunk') continue;
    raw += chunk.code.length;
    gzip += gzipSync(chunk.code, { level: 9 }).length;
  }
}
console.log(`elements (all six, minified, without lit and @cowrite/core): ${(raw / 1024).toFixed(1)} kB, ${(gzip / 1024).toFixed(1)} kB gzipped`);
