/**
 * A Worker that dies silently (issue 13, item 5): the engine notices while a request is in
 * flight (liveness pings), fails it with WORKER_FAILED instead of hanging, restarts the Worker
 * once, and <cw-model-status> says so; a second death is reported as final.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkerEngine, type WorkerEngine } from '@cowrite/core';
import '@cowrite/elements/model-status/define';
import { setDefaultEngine } from '@cowrite/elements';
import { cleanup, mount, shadow } from './elements/helpers.ts';

const TINY = '/test/fixtures/models/tiny-gpt2/';

afterEach(() => {
  setDefaultEngine(undefined);
  cleanup();
});

async function engineWithWorkers(): Promise<{ engine: WorkerEngine; workers: Worker[] }> {
  const workers: Worker[] = [];
  const engine = await createWorkerEngine({
    source: TINY,
    // Long enough for a fresh Worker's first (compiling) step on a loaded machine, short enough for a test.
    livenessTimeoutMs: 4_000,
    spawnWorker: () => {
      const worker = new Worker(new URL('../../packages/core/src/engine/worker/worker-entry.ts', import.meta.url), { type: 'module' });
      workers.push(worker);
      return worker;
    },
  });
  return { engine, workers };
}

describe('a Worker that dies', () => {
  it('fails the request in flight with WORKER_FAILED, restarts once, and answers again', async () => {
    const { engine, workers } = await engineWithWorkers();
    expect((await engine.generate('Hello', { maxNewTokens: 2 })).tokenIds).toHaveLength(2);
    workers[0].terminate(); // no error event: a silent death, as when the browser kills it for memory
    await expect(engine.generate('Hello', { maxNewTokens: 2 })).rejects.toMatchObject({ code: 'WORKER_FAILED' });
    await expect.poll(() => engine.health, { timeout: 20_000 }).toBe('restarted');
    expect(workers).toHaveLength(2);
    expect((await engine.generate('Hello', { maxNewTokens: 2 })).tokenIds).toHaveLength(2);

    workers[1].terminate();
    await expect(engine.generate('Hello', { maxNewTokens: 2 })).rejects.toMatchObject({ code: 'WORKER_FAILED' });
    expect(engine.health).toBe('failed');
    // Gone for good: later requests fail at once instead of hanging.
    await expect(engine.generate('Hello', { maxNewTokens: 2 })).rejects.toMatchObject({ code: 'WORKER_FAILED' });
    expect(workers).toHaveLength(2);
    engine.dispose();
  });

  it('<cw-model-status> says the assistant restarted, then that it stopped', async () => {
    const { engine, workers } = await engineWithWorkers();
    const container = mount('<cw-model-status></cw-model-status>');
    const status = container.querySelector('cw-model-status') as HTMLElement;
    setDefaultEngine(engine);
    const label = () => shadow(status, '[part=label]').textContent?.trim();
    await expect.poll(label).toBe('Writing assistant ready');

    workers[0].terminate();
    await engine.generate('Hello', { maxNewTokens: 2 }).catch(() => undefined);
    await expect.poll(label, { timeout: 20_000 }).toBe('Writing assistant ready (restarted after it stopped)');

    workers[1].terminate();
    await engine.generate('Hello', { maxNewTokens: 2 }).catch(() => undefined);
    await expect.poll(label).toBe('The writing assistant stopped.');
    // The reason is said once, in the collapsed details (issue 13 item 12).
    expect(shadow(status, '[part=error-details] p').textContent).toMatch(/^The engine Worker stopped/);
    expect(status.getAttribute('status')).toBe('error');
    engine.dispose();
  });
});
