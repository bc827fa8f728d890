/** Cowrite in the page: @cowrite/core's loadModel + stream, as a storefront would use it. */
import { loadModel } from '@cowrite/core';
import type { Gpt2Model } from '@cowrite/core';
import type { BenchRunner } from './protocol.ts';

let model: Gpt2Model | undefined;

const runner: BenchRunner = {
  async load({ modelPath, dtype, threads }) {
    const started = performance.now();
    model = await loadModel({ source: modelPath, dtype, threads, wasmPaths: '/ort/' });
    return { loadMs: performance.now() - started, threads: model.info.runtime.threads };
  },
  async generate({ text, newTokens }) {
    if (!model) throw new Error('load first');
    const tokenTimes: number[] = [];
    const started = performance.now();
    for await (const chunk of model.stream(text, { maxNewTokens: newTokens, minNewTokens: newTokens })) {
      const now = performance.now() - started;
      for (let i = 0; i < chunk.tokenIds.length; i++) tokenTimes.push(now);
    }
    return { tokenTimes };
  },
};
window.benchRunner = runner;
