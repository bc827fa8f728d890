/**
 * transformers.js v4 in the page, as its docs show: the text-generation pipeline, offline
 * (remote models off, files from this origin, its onnxruntime WASM files self-hosted).
 */
import { env, pipeline } from '@huggingface/transformers';
import type { TextGenerationPipeline } from '@huggingface/transformers';
import type { BenchRunner } from './protocol.ts';

let generator: TextGenerationPipeline | undefined;

const runner: BenchRunner = {
  async load({ modelId, dtype, threads }) {
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    env.localModelPath = '/models/';
    env.useBrowserCache = false;
    // transformers.js points wasmPaths at a CDN when it is imported; override it on the live env object.
    const wasm = (env.backends.onnx as { wasm: { wasmPaths?: string; numThreads?: number } }).wasm;
    wasm.wasmPaths = '/ort-tjs/';
    wasm.numThreads = threads;
    const started = performance.now();
    generator = (await pipeline('text-generation', modelId, { dtype, device: 'wasm' })) as TextGenerationPipeline;
    return { loadMs: performance.now() - started, threads };
  },
  async generate({ text, newTokens }) {
    if (!generator) throw new Error('load first');
    const tokenTimes: number[] = [];
    let promptSeen = false;
    const started = performance.now();
    // A streamer receives the prompt ids once, then each step's new token.
    const streamer = {
      put() {
        if (!promptSeen) {
          promptSeen = true;
          return;
        }
        tokenTimes.push(performance.now() - started);
      },
      end() {},
    };
    await generator(text, { max_new_tokens: newTokens, min_new_tokens: newTokens, do_sample: false, streamer } as never);
    return { tokenTimes };
  },
};
window.benchRunner = runner;
