/**
 * One benchmark measurement in a fresh process, so peak memory (maxRSS) belongs to
 * one runner only. Prints one JSON line. Run by core-bench.ts.
 *   node --conditions=source --expose-gc tools/bench/bench-child.ts <runner> <modelDir> <dtype> <promptTokens> <newTokens> <repeats> [wasm|native] [threads]
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadModel } from '@cowrite/core';
import { type OrtModule, createBareLoop } from './bare-ort-loop.ts';

const [runner, modelDir, dtype, promptArg, newArg, repeatArg, backendArg = 'wasm', threadsArg] = process.argv.slice(2);
const backend = backendArg as 'wasm' | 'native';
/** CPU threads for both backends (undefined: onnxruntime's default). */
const threads = threadsArg ? Number(threadsArg) : undefined;
const promptTokens = Number(promptArg);
const newTokens = Number(newArg);
const repeats = Number(repeatArg);
// A fixed, varied prompt of the requested length (token ids of ordinary words).
const promptIds = Array.from({ length: promptTokens }, (_, i) => 262 + ((i * 7919) % 20000));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

interface Run {
  ttftMs: number;
  perTokenMs: number[];
  /** CPU time (user + system, this process) per decoded token after the first: steadier than wall time on a busy machine. */
  cpuPerTokenMs: number;
}

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

async function measure(generate: (onToken: () => void) => Promise<void>): Promise<Run> {
  const stamps: number[] = [];
  let cpuAtFirst = 0;
  const start = performance.now();
  await generate(() => {
    stamps.push(performance.now());
    if (stamps.length === 1) cpuAtFirst = cpuMs();
  });
  const cpuPerTokenMs = (cpuMs() - cpuAtFirst) / Math.max(1, stamps.length - 1);
  const perTokenMs = stamps.slice(1).map((t, i) => t - stamps[i]);
  return { ttftMs: stamps[0] - start, perTokenMs, cpuPerTokenMs };
}

const loadStart = performance.now();
let generate: (onToken: () => void) => Promise<void>;
if (runner === 'cowrite') {
  const model = await loadModel({ source: modelDir, dtype: dtype as 'fp32' | 'q8', backend, threads });
  generate = async (onToken) => {
    model.clearCache(); // time a cold prompt, not a cached prefix
    for await (const chunk of model.stream(promptIds, { maxNewTokens: newTokens, minNewTokens: newTokens })) if (chunk.tokenIds.length) onToken();
  };
} else {
  const file = dtype === 'q8' ? 'onnx/model_quantized.onnx' : 'onnx/model.onnx';
  const config = JSON.parse(await readFile(join(modelDir, 'config.json'), 'utf8'));
  const ort = backend === 'native' ? ((await import('onnxruntime-node')) as unknown as OrtModule) : await import('onnxruntime-web');
  const loop = await createBareLoop(ort, new Uint8Array(await readFile(join(modelDir, file))), config, backend === 'native' ? 'cpu' : 'wasm', threads);
  generate = (onToken) => loop.generate(promptIds, newTokens, onToken);
}
const loadMs = performance.now() - loadStart;

await generate(() => {}); // full-length warm-up
const runs: Run[] = [];
for (let r = 0; r < repeats; r++) runs.push(await measure(generate));
console.log(
  JSON.stringify({
    runner,
    backend,
    dtype,
    loadMs,
    ttftMs: median(runs.map((r) => r.ttftMs)),
    perTokenMs: median(runs.flatMap((r) => r.perTokenMs)),
    cpuPerTokenMs: median(runs.map((r) => r.cpuPerTokenMs)),
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
