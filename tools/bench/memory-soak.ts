/**
 * Memory after 10 vs after 1,000 generations on one loaded model: a leak in the
 * loop (tensors, caches, listeners) shows as growth. Prints one JSON line.
 *   node --conditions=source --expose-gc tools/bench/memory-soak.ts <modelDir> <dtype> <newTokens>
 */
import { loadModel } from '@cowrite/core';

const [modelDir, dtype = 'fp32', newArg = '16'] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc;
const snapshot = () => {
  gc?.();
  const m = process.memoryUsage();
  return { rssMb: m.rss / 2 ** 20, heapMb: m.heapUsed / 2 ** 20, externalMb: (m.external + m.arrayBuffers) / 2 ** 20 };
};
const model = await loadModel({ source: modelDir, dtype: dtype as 'fp32' | 'q8' });
const prompts = ['Great shoes, but', 'The blender is loud and', '质量很好，', 'I returned it because the'];
let done = 0;
let after10 = snapshot();
const t0 = performance.now();
for (; done < 1000; done++) {
  await model.generate(prompts[done % prompts.length], { maxNewTokens: Number(newArg), doSample: true, topP: 0.9, seed: done });
  if (done + 1 === 10) after10 = snapshot();
}
const after1000 = snapshot();
console.log(JSON.stringify({ generations: done, seconds: (performance.now() - t0) / 1000, after10, after1000, rssGrowth: after1000.rssMb / after10.rssMb - 1 }));
