/** Cowrite in its module Worker (createWorkerEngine): same API, decoding off the main thread. */
import { createWorkerEngine } from '@cowrite/core';
import type { WorkerEngine } from '@cowrite/core';
import type { BenchRunner } from './protocol.ts';

let engine: WorkerEngine | undefined;

const runner: BenchRunner = {
  async load({ modelPath, dtype, threads }) {
    const started = performance.now();
    engine = await createWorkerEngine({ source: modelPath, dtype, threads, wasmPaths: new URL('/ort/', location.href).href });
    return { loadMs: performance.now() - started, threads: engine.info.runtime.threads };
  },
  async generate({ text, newTokens }) {
    if (!engine) throw new Error('load first');
    const tokenTimes: number[] = [];
    const started = performance.now();
    for await (const chunk of engine.stream(text, { maxNewTokens: newTokens, minNewTokens: newTokens })) {
      const now = performance.now() - started;
      for (let i = 0; i < chunk.tokenIds.length; i++) tokenTimes.push(now);
    }
    return { tokenTimes };
  },
};
window.benchRunner = runner;
