import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '@cowrite/elements/engine-provider/define';
import '@cowrite/elements/model-status/define';
import '@cowrite/elements/review-composer/define';
import { loadDefaultEngine, pageEngineSource, setDefaultEngine } from '@cowrite/elements';
import type { CwEngineProvider, CwModelStatus, CwReviewComposer, EngineLoadContext } from '@cowrite/elements';
import { ScriptedEngine } from '@cowrite/elements/testing';
import { cleanup, expectNoAxeViolations, mount, shadow } from './helpers.ts';

afterEach(() => {
  cleanup();
  setDefaultEngine(undefined);
});

const statusText = (element: CwModelStatus) => shadow(element, '[part=label]').textContent?.trim();

describe('engine provider and model status', () => {
  it('widgets use the closest provider, the page default otherwise, and their own engine first', async () => {
    const pageEngine = new ScriptedEngine();
    const providedEngine = new ScriptedEngine();
    const ownEngine = new ScriptedEngine();
    setDefaultEngine(pageEngine);
    const container = mount(`
      <cw-engine-provider><cw-review-composer id="inside"></cw-review-composer></cw-engine-provider>
      <cw-review-composer id="outside"></cw-review-composer>
      <cw-review-composer id="own"></cw-review-composer>`);
    const provider = container.querySelector('cw-engine-provider') as CwEngineProvider;
    provider.engine = providedEngine;
    await provider.updateComplete;
    const [inside, outside, own] = ['inside', 'outside', 'own'].map((id) => container.querySelector(`#${id}`) as CwReviewComposer);
    own.engine = ownEngine;
    expect(inside.activeEngine).toBe(providedEngine);
    expect(outside.activeEngine).toBe(pageEngine);
    expect(own.activeEngine).toBe(ownEngine);
  });

  it('a global provider serves the whole page', async () => {
    const engine = new ScriptedEngine();
    const container = mount(`<cw-engine-provider global></cw-engine-provider><cw-review-composer></cw-review-composer>`);
    const provider = container.querySelector('cw-engine-provider') as CwEngineProvider;
    provider.engine = engine;
    await provider.updateComplete;
    expect((container.querySelector('cw-review-composer') as CwReviewComposer).activeEngine).toBe(engine);
    expect(pageEngineSource.engine).toBe(engine);
  });

  it('shows progress, then the backend; errors offer a retry that loads again', async () => {
    const container = mount(`<cw-model-status></cw-model-status>`);
    const status = container.querySelector('cw-model-status') as CwModelStatus;
    await status.updateComplete;
    let attempts = 0;
    let report: EngineLoadContext['onProgress'] = () => {};
    let finish: (engine: ScriptedEngine) => void = () => {};
    let fail: (error: Error) => void = () => {};
    void loadDefaultEngine(
      ({ onProgress }) =>
        new Promise((resolve, reject) => {
          attempts += 1;
          report = onProgress;
          finish = resolve;
          fail = reject;
        }),
    );
    await status.updateComplete;
    expect(status.status).toBe('loading');
    report({ loaded: 25, total: 100 });
    await status.updateComplete;
    expect(statusText(status)).toBe('Loading writing assistant… 25%');
    expect(shadow<HTMLProgressElement>(status, 'progress').value).toBe(25);
    await expectNoAxeViolations(status);
    fail(new Error('network down'));
    await expect.poll(() => status.status).toBe('error');
    await status.updateComplete;
    expect(statusText(status)).toBe('The writing assistant could not load.');
    // The reason once, collapsed: pages that explain the failure do not repeat it.
    expect(shadow<HTMLDetailsElement>(status, '[part=error-details]').open).toBe(false);
    expect(shadow(status, '[part=error-details] p').textContent).toBe('network down');
    await expectNoAxeViolations(status);
    await userEvent.click(shadow(status, '[part=retry-button]'));
    expect(attempts).toBe(2);
    finish(new ScriptedEngine({ backend: 'wasm · 1 thread' }));
    await expect.poll(() => status.status).toBe('ready');
    await status.updateComplete;
    expect(statusText(status)).toBe('Writing assistant ready');
    expect(shadow(status, '[part=backend]').textContent).toBe('Runs on wasm · 1 thread');
    await expectNoAxeViolations(status);
  });

  it('follows the provider named by `for`', async () => {
    const container = mount(`<cw-engine-provider id="p"></cw-engine-provider><cw-model-status for="p" lang="zh"></cw-model-status>`);
    const provider = container.querySelector('cw-engine-provider') as CwEngineProvider;
    const status = container.querySelector('cw-model-status') as CwModelStatus;
    await status.updateComplete;
    provider.engine = new ScriptedEngine();
    await expect.poll(() => status.status).toBe('ready');
    await status.updateComplete;
    expect(statusText(status)).toBe('写作助手已就绪');
  });
});
