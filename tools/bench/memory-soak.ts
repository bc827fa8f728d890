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
const checkpoints = new Set([10, 100, 250, 500, 750, 1000]);
const series: ({ generations: number } & ReturnType<typeof snapshot>)[] = [];
const t0 = performance.now();
for (let done = 1; done <= 1000; done++) {
  await model.generate(prompts[done % prompts.length], { maxNewTokens: Number(newArg), doSample: true, topP: 0.9, seed: done });
  if (checkpoints.has(done)) series.push({ generations: done, ...snapshot() });
}
const after10 = series[0];
const after1000 = series[series.length - 1];
console.log(JSON.stringify({ generations: 1000, seconds: (performance.now() - t0) / 1000, after10, after1000, series, rssGrowth: after1000.rssMb / after10.rssMb - 1 }));
