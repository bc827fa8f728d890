import { afterEach, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import '@cowrite/elements/define';
import type { CwFeedbackSummary, CwReviewComposer } from '@cowrite/elements';
import { cleanup, mount, shadow } from './helpers.ts';

afterEach(async () => {
  cleanup();
  document.documentElement.style.colorScheme = '';
  await commands.emulateColorScheme(null);
});

/** Relative luminance of a computed `rgb(…)` colour, 0 (black) … 1 (white). */
function luminance(color: string): number {
  const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

async function textColours(): Promise<number[]> {
  const container = mount(`
    <cw-review-composer no-autosave></cw-review-composer>
    <cw-feedback-summary></cw-feedback-summary>
    <cw-model-status></cw-model-status>`);
  const composer = container.querySelector('cw-review-composer') as CwReviewComposer;
  const summary = container.querySelector('cw-feedback-summary') as CwFeedbackSummary;
  await composer.updateComplete;
  await summary.updateComplete;
  return [
    luminance(getComputedStyle(shadow(composer, 'label[part=label]')).color),
    luminance(getComputedStyle(shadow(composer, '[part=field]')).backgroundColor),
    luminance(getComputedStyle(shadow(summary, '.muted')).color),
  ];
}

describe('elements follow the page’s own color-scheme, not the OS', () => {
  it('a light page in a dark-OS browser keeps dark text on light surfaces', async () => {
    await commands.emulateColorScheme('dark');
    expect(matchMedia('(prefers-color-scheme: dark)').matches).toBe(true);
    const [label, surface, muted] = await textColours();
    expect(label).toBeLessThan(0.3);
    expect(surface).toBeGreaterThan(0.8);
    expect(muted).toBeLessThan(0.5);
  });

  it('a page that opts into dark gets light text on dark surfaces', async () => {
    await commands.emulateColorScheme('light');
    document.documentElement.style.colorScheme = 'dark';
    const [label, surface] = await textColours();
    expect(label).toBeGreaterThan(0.8);
    expect(surface).toBeLessThan(0.2);
  });

  it('a page with `color-scheme: light dark` follows the OS', async () => {
    document.documentElement.style.colorScheme = 'light dark';
    await commands.emulateColorScheme('dark');
    expect((await textColours())[0]).toBeGreaterThan(0.8);
    cleanup();
    await commands.emulateColorScheme('light');
    expect((await textColours())[0]).toBeLessThan(0.3);
  });

  it('theme="dark" still pins dark on a light page, with its own dark surface', async () => {
    const container = mount('<cw-review-composer no-autosave theme="dark"></cw-review-composer>');
    const composer = container.querySelector('cw-review-composer') as CwReviewComposer;
    await composer.updateComplete;
    expect(luminance(getComputedStyle(shadow(composer, 'label[part=label]')).color)).toBeGreaterThan(0.8);
    expect(luminance(getComputedStyle(composer).backgroundColor)).toBeLessThan(0.2);
  });
});
