/**
 * Is batch-1 fp32 decoding bound by memory bandwidth here? One fp32 MatMul
 * x[1, 768] · W[768, N] — the shape of every GPT-2 decode projection — timed on
 * onnxruntime-node (1 and 2 intra-op threads) and onnxruntime-web's WASM (1 thread),
 * with W small enough to stay in cache and large enough (≈ 200 MB) to stream from RAM.
 * Reports the weight bytes read per second. A GEMV does 2 FLOPs per 4-byte weight, so a
 * kernel that reaches the same GB/s as another from RAM is waiting on memory, not on math.
 *   node tools/bench/gemv-bandwidth.ts [--repeats 30]
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type * as Ort from 'onnxruntime-web';
import { GraphBuilder } from '../gpt2/onnx-builder.ts';
import { DataType, encodeModel } from '../gpt2/onnx-schema.ts';

const { values } = parseArgs({ options: { repeats: { type: 'string', default: '30' } } });
const repeats = Number(values.repeats);
const K = 768;

function gemvModel(n: number): Uint8Array {
  const g = new GraphBuilder();
  const x = g.input('x', DataType.FLOAT, [1, K]);
  const w = new Float32Array(K * n);
  for (let i = 0; i < w.length; i++) w[i] = ((i * 2654435761) % 1000) / 1000 - 0.5;
  g.node('MatMul', [x, g.initializer('w', w, [K, n])], ['y']);
  g.output('y', DataType.FLOAT, [1, n]);
  return encodeModel({ irVersion: 8, opsetImport: [{ domain: '', version: 17 }], producerName: 'cowrite-gemv-probe', producerVersion: '1', docString: '', graph: g.build('gemv') });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function time(ort: typeof Ort, bytes: Uint8Array, options: Ort.InferenceSession.SessionOptions): Promise<number> {
  const session = await ort.InferenceSession.create(bytes, { graphOptimizationLevel: 'all', ...options });
  const x = new ort.Tensor('float32', new Float32Array(K).fill(0.01), [1, K]);
  for (let i = 0; i < 3; i++) await session.run({ x });
  const ms: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    await session.run({ x });
    ms.push(performance.now() - start);
  }
  await session.release();
  return median(ms);
}

const native = (await import('onnxruntime-node')) as unknown as typeof Ort;
const web = await import('onnxruntime-web');
web.env.wasm.numThreads = 1;
native.env.logLevel = 'error';
console.log(`1-min load average ${loadavg()[0].toFixed(2)}`);
console.log('| weights | native 1 thread | native 2 threads | WASM 1 thread |');
console.log('| ---: | ---: | ---: | ---: |');
for (const n of [2048, 8192, 65536]) {
  const bytes = gemvModel(n);
  const mb = (K * n * 4) / 1e6;
  const rate = (ms: number) => `${(mb / ms).toFixed(1)} GB/s (${ms.toFixed(2)} ms)`;
  const n1 = await time(native, bytes, { executionProviders: ['cpu'], intraOpNumThreads: 1 });
  const n2 = await time(native, bytes, { executionProviders: ['cpu'], intraOpNumThreads: 2 });
  const w1 = await time(web, bytes, { executionProviders: ['wasm'] });
  console.log(`| ${mb.toFixed(0)} MB | ${rate(n1)} | ${rate(n2)} | ${rate(w1)} |`);
}
