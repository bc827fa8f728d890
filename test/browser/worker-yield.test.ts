/**
 * In a Worker, aborts arrive as `message` events. A decoding loop must let them in between steps:
 * with `scheduler.yield()` (which resumes ahead of queued messages) a superseded request ran to its
 * end, and fast typing queued seconds of work on a large model.
 */
import { expect, it } from 'vitest';

it('a loop that yields with yieldToEventLoop sees a message posted while it runs', async () => {
  const worker = new Worker(new URL('./support/yield-loop-worker.ts', import.meta.url), { type: 'module' });
  const ready = new Promise((resolve) => worker.addEventListener('message', resolve, { once: true }));
  await ready;
  const result = new Promise<{ steps: number; stopped: boolean }>((resolve) => worker.addEventListener('message', (event) => resolve(event.data), { once: true }));
  worker.postMessage('start');
  worker.postMessage('stop');
  const { steps, stopped } = await result;
  worker.terminate();
  expect(stopped).toBe(true);
  // The stop came in a few steps after the start, not after all 2,000.
  expect(steps).toBeLessThan(100);
});
