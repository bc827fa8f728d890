import { describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';
import { fileURLToPath, pathToFileURL } from 'node:url';

const entry = pathToFileURL(fileURLToPath(new URL('../../packages/core/src/sentiment/index.ts', import.meta.url))).href;

describe('analyzeSentiment in a Worker', () => {
  it('runs off the main thread with no DOM and no download', async () => {
    const source = `
      import { parentPort } from 'node:worker_threads';
      const { analyzeSentiment, summarizeFeedback } = await import(${JSON.stringify(entry)});
      const result = analyzeSentiment('物流很快，但是质量太差了。');
      const summary = summarizeFeedback(['great', 'awful', 'fine', 'love it', 'broke']);
      parentPort.postMessage({ label: result.label, aspects: result.aspects.length, status: summary.status, hasDocument: typeof document !== 'undefined' });
    `;
    const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(source)}`));
    const message = await new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    expect(message).toEqual({ label: 'negative', aspects: 2, status: 'ok', hasDocument: false });
  });
});
