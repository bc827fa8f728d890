// The page under test: loads a model through the Worker engine (the production path) and
// reports load time, where the bytes came from, and the longest main-thread task while it generates.
import { availability, createWorkerEngine } from '@cowrite/core';

interface Measurement {
  availabilityBefore: string;
  loadMs: number;
  tokens: number;
  generateMs: number;
  longestTaskMs: number;
  longTasks: number;
  backend: string;
  threads: number;
}

async function measure(source: string, dtype: 'fp32' | 'q8', newTokens: number): Promise<Measurement> {
  const availabilityBefore = await availability({ source, dtype });
  const start = performance.now();
  const engine = await createWorkerEngine({ source, dtype });
  const loadMs = performance.now() - start;
  const durations: number[] = [];
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => durations.push(e.duration)));
  // Let the page settle (engine start-up) before watching generation.
  await new Promise((resolve) => setTimeout(resolve, 200));
  observer.observe({ type: 'longtask' });
  const t0 = performance.now();
  let tokens = 0;
  for await (const chunk of engine.stream('The jacket fits well and the fabric feels soft, but the zipper', { maxNewTokens: newTokens, minNewTokens: newTokens })) {
    tokens += chunk.tokenIds.length;
  }
  const generateMs = performance.now() - t0;
  await new Promise((resolve) => setTimeout(resolve, 100));
  observer.disconnect();
  engine.dispose();
  return {
    availabilityBefore,
    loadMs,
    tokens,
    generateMs,
    longestTaskMs: durations.length ? Math.max(...durations) : 0,
    longTasks: durations.length,
    backend: engine.info.runtime.backend,
    threads: engine.info.runtime.threads,
  };
}

(globalThis as { cowriteDelivery?: unknown }).cowriteDelivery = { measure };
