/**
 * One Node run of the ghost-latency benchmark (`pnpm bench:ghost --runtime node`), in its own process
 * so each backend and thread count starts fresh: the GPT-2 engine on `backend` with `threads` CPU
 * threads answers the composer's ghost-text call (`streamDraftContinuation`, the same call the element
 * makes) for the review typed so far, every `stride` keys; each call runs to its end, as when the
 * shopper pauses. Times: call → first whole visible word (the first streamed update), and → the
 * complete suggestion. Prints one JSON line.
 *
 *   node --conditions=source tools/bench/ghost-latency/node-run.ts DIR native|wasm THREADS STRIDE
 */
import { loadModel } from '@cowrite/core';
import { streamDraftContinuation } from '../../../packages/elements/src/services/tasks.ts';
import { REVIEW } from './review.ts';

const [dir, backend, threadsArg, strideArg] = process.argv.slice(2);
const threads = Number(threadsArg);
const stride = Number(strideArg ?? '3');

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  return (sorted[low] as number) + ((sorted[Math.min(low + 1, sorted.length - 1)] as number) - (sorted[low] as number)) * (rank - low);
}

const loadStarted = performance.now();
const engine = await loadModel({ source: dir as string, dtype: 'q8', backend: backend as 'native' | 'wasm', threads });
const loadMs = performance.now() - loadStarted;

async function call(draft: string): Promise<{ firstWordMs: number; completeMs: number; words: number }> {
  const started = performance.now();
  let firstWordMs: number | undefined;
  const result = await streamDraftContinuation(engine, { draft }, new AbortController().signal, () => {
    firstWordMs ??= performance.now() - started;
  });
  const completeMs = performance.now() - started;
  return { firstWordMs: firstWordMs ?? completeMs, completeMs, words: result.text.trim().split(/\s+/).filter(Boolean).length };
}

// Warm-up: the first run after load compiles kernels and sizes buffers; report it apart.
const cold = await call('I wore this jacket on a');
const firstWord: number[] = [];
const complete: number[] = [];
const words: number[] = [];
for (let k = 8; k <= REVIEW.length; k += stride) {
  const r = await call(REVIEW.slice(0, k));
  firstWord.push(r.firstWordMs);
  complete.push(r.completeMs);
  words.push(r.words);
}
console.log(
  JSON.stringify({
    backend,
    threads,
    calls: firstWord.length,
    loadMs,
    coldCompleteMs: cold.completeMs,
    firstWordMs: { p50: percentile(firstWord, 50), p90: percentile(firstWord, 90) },
    completeMs: { p50: percentile(complete, 50), p90: percentile(complete, 90) },
    wordsP50: percentile(words, 50),
  }),
);
