/**
 * The Worker engine in Chromium: same answers as in-process, streaming across the
 * Worker boundary, abort, typed errors, one shared model for many widgets, a
 * newer request from a widget cancelling its older one, and a main thread free of
 * long tasks while the Worker decodes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createWorkerEngine, disposeSharedEngines, getEngineChannel, getSharedEngine, loadModel, ModelNotFoundError } from '@cowrite/core';

const TINY = '/test/fixtures/models/tiny-gpt2/';

afterEach(async () => {
  await disposeSharedEngines();
});

describe('Worker engine', () => {
  it('streams chunk by chunk and answers like the in-process model', async () => {
    const engine = await createWorkerEngine({ source: TINY });
    const local = await loadModel({ source: TINY });
    const options = { maxNewTokens: 10, doSample: true, topP: 0.9, seed: 5, repetitionPenalty: 1.2 };
    const chunks = [];
    for await (const chunk of engine.stream('质量很好，物流很快', options)) chunks.push(chunk);
    expect(chunks).toHaveLength(10);
    const expected = await local.generate('质量很好，物流很快', options);
    expect(chunks.flatMap((c) => c.tokenIds)).toEqual(expected.tokenIds);
    expect(chunks.map((c) => c.text).join('')).toBe(expected.text);
    expect(engine.tokenizer.encode('This is a new product, it is')).toEqual([1212, 318, 257, 649, 1720, 11, 340, 318]);
    expect(engine.contextLength).toBe(1024);
    engine.dispose();
  });

  it('aborts across the boundary with AbortError', async () => {
    const engine = await createWorkerEngine({ source: TINY });
    const controller = new AbortController();
    let count = 0;
    await expect(
      (async () => {
        for await (const _ of engine.stream('Hello', { maxNewTokens: 500, signal: controller.signal })) if (++count === 3) controller.abort();
      })(),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(count).toBe(3);
    // Still usable afterwards.
    expect((await engine.generate('Hello', { maxNewTokens: 2 })).tokenIds).toHaveLength(2);
    engine.dispose();
  });

  it('rebuilds typed errors on the page', async () => {
    await expect(createWorkerEngine({ source: '/test/fixtures/models/missing/' })).rejects.toBeInstanceOf(ModelNotFoundError);
    const engine = await createWorkerEngine({ source: TINY });
    await expect(engine.generate('')).rejects.toMatchObject({ name: 'InvalidArgumentError', code: 'EMPTY_PROMPT' });
    engine.dispose();
  });

  it('two widgets share one engine; a newer request from one widget cancels its older one', async () => {
    const [a, b] = await Promise.all([getSharedEngine({ source: TINY }), getSharedEngine({ source: TINY })]);
    expect(a).toBe(b);
    const composer = await getEngineChannel({ source: TINY });
    const summary = await getEngineChannel({ source: TINY });
    const stale = composer.generate('The fabric', { maxNewTokens: 200 });
    const fresh = composer.generate('The fabric is', { maxNewTokens: 3 });
    const other = summary.generate('Delivery', { maxNewTokens: 3 });
    await expect(stale).rejects.toMatchObject({ name: 'AbortError' });
    expect((await fresh).tokenIds).toHaveLength(3);
    expect((await other).tokenIds).toHaveLength(3);
  });

  it('keeps the main thread free of long tasks (> 50 ms) while the Worker generates', async () => {
    const engine = await createWorkerEngine({ source: TINY });
    const longTasks: number[] = [];
    // Only tasks of this test's own frame: other test files share the tab's main thread.
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => entry.name === 'self' && longTasks.push(entry.duration)));
    observer.observe({ type: 'longtask', buffered: false });
    let chunks = 0;
    for await (const _ of engine.stream('Great shoes, but the sizing', { maxNewTokens: 120 })) chunks++;
    await new Promise((resolve) => setTimeout(resolve, 100));
    observer.disconnect();
    expect(chunks).toBe(120);
    expect(longTasks).toEqual([]);
    engine.dispose();
  });
});
