/**
 * Decode timing of one ONNX decoder file in onnxruntime-web (WASM, 1 thread, Node), for choosing
 * between graph variants. Prints one JSON line: load, a prompt step (prefill) and the median
 * single-token decode step with the KV cache, after a warm-up.
 *   node tools/optimize/time-decode.ts FILE.onnx [--prompt 128] [--steps 32] [--config key=value ...]
 * --config sets onnxruntime session config entries, e.g. disable_quant_qdq=1 (→ session.disable_quant_qdq).
 */
import { parseArgs } from 'node:util';
import * as ort from 'onnxruntime-web';
import { StepRunner, argmax, createSession } from './closeness.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    prompt: { type: 'string', default: '128' },
    steps: { type: 'string', default: '32' },
    config: { type: 'string', multiple: true, default: [] },
  },
});
const [file] = positionals;
if (!file) {
  console.error('usage: node tools/optimize/time-decode.ts FILE.onnx [--prompt 128] [--steps 32] [--config key=value]');
  process.exit(2);
}
ort.env.wasm.numThreads = 1;
const config = Object.fromEntries(values.config.map((entry) => entry.split('=') as [string, string]));

let started = performance.now();
const session = await createSession(file, config);
const loadMs = performance.now() - started;
const meta = session.inputMetadata.find((m) => m.name.startsWith('past_key_values.'));
const [, heads, , headDim] = meta?.isTensor ? (meta.shape as number[]) : [];
const prompt = Array.from({ length: Number(values.prompt) }, (_, i) => (i * 7919) % 50000);

async function run(): Promise<{ prefillMs: number; stepMs: number[] }> {
  const runner = new StepRunner(session, heads, headDim);
  let t = performance.now();
  let next = argmax(await runner.step(prompt));
  const prefillMs = performance.now() - t;
  const stepMs: number[] = [];
  for (let i = 0; i < Number(values.steps); i++) {
    t = performance.now();
    next = argmax(await runner.step([next]));
    stepMs.push(performance.now() - t);
  }
  return { prefillMs, stepMs };
}

started = performance.now();
const cold = await run();
const warm = await run();
const sorted = [...warm.stepMs].sort((a, b) => a - b);
console.log(
  JSON.stringify({
    file,
    config,
    loadMs: Math.round(loadMs),
    coldPrefillMs: Math.round(cold.prefillMs),
    prefillMs: Math.round(warm.prefillMs),
    decodeMedianMs: Number(sorted[Math.floor(sorted.length / 2)].toFixed(2)),
    rssMb: Math.round(process.memoryUsage().rss / 1e6),
  }),
);
