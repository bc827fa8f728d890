// tsc rewrites `.ts` import specifiers to `.js` but not URL strings, so the
// Worker URL (`new URL('./worker-entry.ts', import.meta.url)`) is fixed after the build.
import { readFile, writeFile } from 'node:fs/promises';

const file = new URL('../dist/engine/worker/spawn-worker.js', import.meta.url);
const source = await readFile(file, 'utf8');
const fixed = source.replace("new URL('./worker-entry.ts', import.meta.url)", "new URL('./worker-entry.js', import.meta.url)");
if (fixed === source) throw new Error('worker URL not found in dist/engine/worker/spawn-worker.js; update scripts/rewrite-worker-url.ts');
await writeFile(file, fixed);
