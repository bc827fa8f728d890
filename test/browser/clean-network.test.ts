/**
 * A normal model load leaves no request the browser reports as failed (issue 13, item 7):
 * a storefront developer's network panel shows no red lines — no aborted HEAD size checks,
 * no GET cancelled after its 200. First load (download), cached load, and the Worker engine.
 */
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { commands } from 'vitest/browser';
import { createWorkerEngine, loadModel } from '@cowrite/core';

const server = inject('modelServerUrl');
const TINY = `${server}tiny-gpt2/`;

beforeEach(async () => {
  await caches.delete('cowrite-models-v1');
});

describe('the network panel after a normal load', () => {
  it('shows no failed request: download, then a load from the cache', async () => {
    await commands.startFailedRequestLog();
    const first = await loadModel({ source: TINY });
    await first.generate('Hi', { maxNewTokens: 2 });
    const second = await loadModel({ source: TINY });
    await second.generate('Hi', { maxNewTokens: 2 });
    // Give the browser a moment to settle any request it would cancel later (on GC of unread responses).
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await commands.takeFailedRequestLog()).toEqual([]);
    await Promise.all([first.dispose(), second.dispose()]);
  });

  it('shows no failed request when the model loads in the Worker', async () => {
    await commands.startFailedRequestLog();
    const engine = await createWorkerEngine({ source: TINY });
    await engine.generate('Hi', { maxNewTokens: 2 });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await commands.takeFailedRequestLog()).toEqual([]);
    engine.dispose();
  });
});
