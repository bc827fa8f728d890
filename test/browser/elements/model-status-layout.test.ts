import { afterEach, describe, expect, it } from 'vitest';
import '@cowrite/elements/model-status/define';
import { loadDefaultEngine, setDefaultEngine } from '@cowrite/elements';
import type { CwModelStatus } from '@cowrite/elements';
import { cleanup, mount, shadow } from './helpers.ts';

afterEach(() => {
  cleanup();
  setDefaultEngine(undefined);
});

const hubError =
  'Could not fetch https://huggingface.co/Xenova/gpt2/resolve/main/tokenizer_config.json (Failed to fetch): huggingface.co could not be reached.';

/** The hub-unreachable state on a 390 px phone (358 px of content): one short sentence, the dot beside it, nothing wider than the screen. */
describe('<cw-model-status> error on a phone', () => {
  it('keeps the dot on the label’s first line, collapses the technical reason and never overflows 358 px', async () => {
    const container = mount('<div style="inline-size: 358px; font-size: 14.4px"><cw-model-status></cw-model-status></div>');
    const status = container.querySelector('cw-model-status') as CwModelStatus;
    await status.updateComplete;
    await loadDefaultEngine(() => Promise.reject(new Error(hubError))).catch(() => {});
    await expect.poll(() => status.status).toBe('error');
    await status.updateComplete;
    const label = shadow<HTMLElement>(status, '[part=label]');
    const dot = shadow<HTMLElement>(status, '[part=indicator]');
    expect(label.textContent?.trim()).toBe('The writing assistant could not load.');
    // The URL is not on screen until asked for.
    expect(label.textContent).not.toContain('https://');
    const details = shadow<HTMLDetailsElement>(status, '[part=error-details]');
    expect(details.open).toBe(false);
    const dotBox = dot.getBoundingClientRect();
    const labelBox = label.getBoundingClientRect();
    const lineHeight = parseFloat(getComputedStyle(label).lineHeight);
    // Same line: the dot's middle sits within the label's first line, to its left.
    expect(dotBox.top + dotBox.height / 2).toBeGreaterThan(labelBox.top);
    expect(dotBox.top + dotBox.height / 2).toBeLessThan(labelBox.top + lineHeight);
    expect(dotBox.right).toBeLessThanOrEqual(labelBox.left);
    // Opened, the long URL wraps inside the phone's width.
    details.open = true;
    await status.updateComplete;
    const base = shadow<HTMLElement>(status, '[part=base]');
    expect(base.scrollWidth).toBeLessThanOrEqual(358);
    expect(status.getBoundingClientRect().width).toBeLessThanOrEqual(358);
    for (const element of base.querySelectorAll('*')) expect(element.getBoundingClientRect().right - container.getBoundingClientRect().left).toBeLessThanOrEqual(358.5);
  });
});
