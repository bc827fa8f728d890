/**
 * Sanity timing for a generated model: one prompt step, then single-token decode steps with the
 * KV cache, in onnxruntime-web (WASM, 1 thread) under Node. Not the product benchmark.
 *   node tools/gpt2/time-decode-step.ts .bench/models/gpt2-124m/onnx/model.onnx [steps]
 */
import * as ort from 'onnxruntime-web';

ort.env.wasm.numThreads = 1;
const [path, stepsText = '16'] = process.argv.slice(2);
if (!path) {
  console.error('usage: node tools/gpt2/time-decode-step.ts MODEL.onnx [steps]');
  process.exit(2);
}

const loadStarted = performance.now();
const session = await ort.InferenceSession.create(path);
const loadMs = performance.now() - loadStarted;
const pastInputs = session.inputNames.filter((name) => name.startsWith('past_key_values.'));
const pastMeta = session.inputMetadata.find((m) => m.name === pastInputs[0]);
const [, heads, , headDim] = pastMeta?.isTensor ? (pastMeta.shape as number[]) : [];

const int64Row = (values: number[]) => new ort.Tensor('int64', BigInt64Array.from(values, BigInt), [1, values.length]);
function feeds(tokens: number[], start: number, present?: ort.InferenceSession.OnnxValueMapType): Record<string, ort.Tensor> {
  const result: Record<string, ort.Tensor> = {
    input_ids: int64Row(tokens),
    attention_mask: int64Row(Array(start + tokens.length).fill(1)),
    position_ids: int64Row(tokens.map((_, i) => start + i)),
  };
  for (const name of pastInputs) {
    result[name] = present?.[name.replace('past_key_values.', 'present.')] ?? new ort.Tensor('float32', new Float32Array(0), [1, heads, 0, headDim]);
  }
  if (session.inputNames.includes('use_cache_branch')) result.use_cache_branch = new ort.Tensor('bool', [present !== undefined], [1]);
  return result;
}

const prompt = Array.from({ length: 8 }, (_, i) => 1000 + i);
let started = performance.now();
let out = await session.run(feeds(prompt, 0));
const promptMs = performance.now() - started;
const stepMs: number[] = [];
for (let step = 0; step < Number(stepsText); step++) {
  started = performance.now();
  out = await session.run(feeds([2000 + step], prompt.length + step, out));
  stepMs.push(performance.now() - started);
}
stepMs.sort((a, b) => a - b);
const median = stepMs[Math.floor(stepMs.length / 2)];
console.log(`load ${loadMs.toFixed(0)} ms, 8-token prompt ${promptMs.toFixed(1)} ms, decode step median ${median.toFixed(1)} ms (min ${stepMs[0].toFixed(1)}, ${stepMs.length} steps)`);
