/**
 * The floor: a bare onnxruntime-web greedy loop (the same plain WASM build and session options
 * as Cowrite), token ids in, token ids out; no tokenizer, no processors, no streaming.
 */
import * as ort from 'onnxruntime-web/wasm';
import type { BenchRunner } from './protocol.ts';

let session: ort.InferenceSession | undefined;
let heads = 12;
let headDim = 64;

const runner: BenchRunner = {
  async load({ modelPath, dtype, threads }) {
    const started = performance.now();
    ort.env.wasm.numThreads = threads;
    ort.env.wasm.wasmPaths = '/ort/';
    ort.env.logLevel = 'error';
    const config = (await (await fetch(`${modelPath}config.json`)).json()) as { n_head: number; n_embd: number };
    heads = config.n_head;
    headDim = config.n_embd / config.n_head;
    const file = dtype === 'q8' ? 'onnx/model_quantized.onnx' : 'onnx/model.onnx';
    const bytes = new Uint8Array(await (await fetch(`${modelPath}${file}`)).arrayBuffer());
    session = await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
    return { loadMs: performance.now() - started, threads };
  },
  async generate({ ids: promptIds, newTokens }) {
    if (!session) throw new Error('load first');
    const pastNames = session.inputNames.filter((n) => n.startsWith('past_key_values.'));
    let past: ort.Tensor[] = pastNames.map(() => new ort.Tensor('float32', new Float32Array(0), [1, heads, 0, headDim]));
    let ids = promptIds;
    let length = 0;
    const tokenTimes: number[] = [];
    const started = performance.now();
    for (let t = 0; t < newTokens; t++) {
      const total = length + ids.length;
      const feeds: Record<string, ort.Tensor> = {
        input_ids: new ort.Tensor('int64', BigInt64Array.from(ids, BigInt), [1, ids.length]),
        attention_mask: new ort.Tensor('int64', new BigInt64Array(total).fill(1n), [1, total]),
        position_ids: new ort.Tensor('int64', BigInt64Array.from(ids, (_, i) => BigInt(length + i)), [1, ids.length]),
      };
      pastNames.forEach((name, i) => (feeds[name] = past[i]));
      const out = await session.run(feeds);
      const logits = out.logits.data as Float32Array;
      const vocab = out.logits.dims[2];
      const row = (out.logits.dims[1] - 1) * vocab;
      let best = 0;
      for (let i = 1; i < vocab; i++) if (logits[row + i] > logits[row + best]) best = i;
      past = pastNames.map((name) => out[name.replace('past_key_values.', 'present.')]);
      length = total;
      ids = [best];
      tokenTimes.push(performance.now() - started);
    }
    return { tokenTimes };
  },
};
window.benchRunner = runner;
