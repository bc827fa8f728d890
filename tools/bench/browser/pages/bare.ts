/**
 * The floor: a bare onnxruntime-web greedy loop (the same plain WASM build and session options
 * as Cowrite), token ids in, token ids out; no tokenizer, no processors, no streaming.
 */
import * as ort from 'onnxruntime-web/wasm';
import { type BareLoop, createBareLoop } from '../../bare-ort-loop.ts';
import type { BenchRunner } from './protocol.ts';

let loop: BareLoop | undefined;

const runner: BenchRunner = {
  async load({ modelPath, dtype, threads }) {
    const started = performance.now();
    ort.env.wasm.numThreads = threads;
    ort.env.wasm.wasmPaths = '/ort/';
    const config = (await (await fetch(`${modelPath}config.json`)).json()) as { n_head: number; n_embd: number };
    const file = dtype === 'q8' ? 'onnx/model_quantized.onnx' : 'onnx/model.onnx';
    const bytes = new Uint8Array(await (await fetch(`${modelPath}${file}`)).arrayBuffer());
    loop = await createBareLoop(ort, bytes, config);
    return { loadMs: performance.now() - started, threads };
  },
  async generate({ ids, newTokens }) {
    if (!loop) throw new Error('load first');
    const tokenTimes: number[] = [];
    const started = performance.now();
    await loop.generate(ids, newTokens, () => tokenTimes.push(performance.now() - started));
    return { tokenTimes };
  },
};
window.benchRunner = runner;
