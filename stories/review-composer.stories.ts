import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import type { CwReviewComposer } from '@cowrite/elements';
import { loadPhraseModel } from '@cowrite/core';
import { LONG_REVIEW, createElement, engineProvided, failingDownload, framed, scripted, shadowOf, tinyModelLoader, withProvider } from './support.ts';
import type { Frame } from './support.ts';

type Args = Partial<CwReviewComposer> & Frame;

const SUGGESTION = ' and the hood fits over a beanie.';

function render(args: Args): HTMLElement {
  const { theme, dir, lang, ...props } = args;
  const composer = createElement<CwReviewComposer>('cw-review-composer', { noAutosave: true, ...props });
  return framed(composer, { theme, dir, lang });
}

async function typeDraft(canvasElement: HTMLElement, text: string): Promise<CwReviewComposer> {
  const composer = canvasElement.querySelector('cw-review-composer') as CwReviewComposer;
  await composer.updateComplete;
  const textarea = shadowOf(composer).querySelector('textarea') as HTMLTextAreaElement;
  await userEvent.click(textarea);
  await userEvent.type(textarea, text);
  return composer;
}

const meta: Meta<Args> = {
  title: 'Elements/Review composer',
  component: 'cw-review-composer',
  render,
  args: { label: 'Your review', product: 'Ridgeline Insulated Jacket', minLength: 20, maxLength: 2000 },
};
export default meta;
type Story = StoryObj<Args>;

/** No engine on the page: a plain, fully working review form. */
export const Idle: Story = {};

export const Ready: Story = { args: { engine: scripted({ fallback: SUGGESTION }) } };

/** Ghost text appears after the caret once the draft is long enough. */
export const SuggestionShown: Story = {
  args: { engine: scripted({ fallback: SUGGESTION }) },
  play: async ({ canvasElement }) => {
    const composer = await typeDraft(canvasElement, 'Very warm jacket');
    await waitFor(() => expect(composer.suggestion).toBe(SUGGESTION), { timeout: 5000 });
    expect(shadowOf(composer).querySelector('[part~=ghost]')?.textContent).toContain(SUGGESTION.trim());
  },
};

/** Tab accepts the suggestion into the draft. */
export const Accepted: Story = {
  args: { engine: scripted({ fallback: SUGGESTION }) },
  play: async ({ canvasElement }) => {
    const composer = await typeDraft(canvasElement, 'Very warm jacket');
    // Ghost text streams in word by word: wait for all of it.
    await waitFor(() => expect(composer.suggestion).toBe(SUGGESTION), { timeout: 5000 });
    await userEvent.keyboard('{Tab}');
    await waitFor(() => expect(composer.value).toBe(`Very warm jacket${SUGGESTION}`));
    expect(composer.suggestion).toBe('');
  },
};

/** Esc dismisses; the draft is untouched. */
export const Dismissed: Story = {
  args: { engine: scripted({ fallback: SUGGESTION }) },
  play: async ({ canvasElement }) => {
    const composer = await typeDraft(canvasElement, 'Very warm jacket');
    await waitFor(() => expect(composer.suggestion).not.toBe(''), { timeout: 5000 });
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(composer.suggestion).toBe(''));
    expect(composer.value).toBe('Very warm jacket');
  },
};

/** "Help me write" streams a draft from the chosen topics (slowly, to see the streaming state). */
export const Streaming: Story = {
  args: { engine: scripted({ fallback: ' The fit is true to size and the quality is excellent for the price.', tokenDelayMs: 120 }) },
  play: async ({ canvasElement }) => {
    const composer = canvasElement.querySelector('cw-review-composer') as CwReviewComposer;
    await composer.updateComplete;
    void composer.helpMeWrite();
    // The draft streams in as a suggestion, word by word; the shopper accepts it like ghost text.
    await waitFor(() => expect(composer.suggestion).toContain('The fit'), { timeout: 5000 });
    expect(composer.value).toBe('');
  },
};

/** The engine fails: no ghost text, the form keeps working. */
export const EngineError: Story = {
  args: { engine: scripted({ failures: 99, failure: new Error('The engine Worker crashed') }) },
  play: async ({ canvasElement }) => {
    const composer = await typeDraft(canvasElement, 'Very warm jacket');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(composer.suggestion).toBe('');
  },
};

export const VeryLongText: Story = { args: { engine: scripted({ fallback: SUGGESTION }), value: LONG_REVIEW } };

export const RightToLeft: Story = { args: { engine: scripted({ fallback: ' والقبعة مريحة.' }), dir: 'rtl', lang: 'ar', value: 'سترة دافئة جدا' } };

/** Pinned dark on a light storefront page: the element paints its own dark surface and stays readable. */
export const Dark: Story = {
  args: { engine: scripted({ fallback: SUGGESTION }), theme: 'dark', value: 'Very warm jacket' },
  play: async ({ canvasElement }) => {
    const composer = canvasElement.querySelector('cw-review-composer') as CwReviewComposer;
    await composer.updateComplete;
    const lightness = (color: string) => {
      const [r, g, b] = (color.match(/[\d.]+/g) ?? []).map(Number);
      return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    };
    const page = canvasElement.querySelector('.story-frame') as HTMLElement;
    await expect(lightness(getComputedStyle(page).backgroundColor)).toBeGreaterThan(0.9);
    await expect(lightness(getComputedStyle(composer).backgroundColor)).toBeLessThan(0.2);
    const label = shadowOf(composer).querySelector('label[part=label]') as HTMLElement;
    await expect(lightness(getComputedStyle(label).color)).toBeGreaterThan(0.8);
  },
};

export const SimplifiedChinese: Story = {
  args: { engine: scripted({ fallback: '，帽子也很实用。' }), lang: 'zh', label: '你的评价', product: '山脊保暖夹克', value: '衣服很暖和' },
};

/**
 * The offline default: the review phrase model that ships with Cowrite (real shopper phrases, on the
 * page, no download from elsewhere). It completes the word being typed; its calibrated gate applies.
 */
export const PhraseModel: Story = {
  render: (args) => withProvider(render(args), () => loadPhraseModel()),
  play: async ({ canvasElement }) => {
    const composer = canvasElement.querySelector('cw-review-composer') as CwReviewComposer;
    await engineProvided(composer);
    await typeDraft(canvasElement, 'This jacket is so comf');
    await waitFor(() => expect(composer.suggestion).toMatch(/^ortabl/), { timeout: 10_000 });
  },
};

/** The real engine: GPT-2 architecture with random weights (the generated tiny test model). */
export const RealTinyModel: Story = {
  // Random weights make every token improbable: no confidence gate for this model.
  render: (args) => withProvider(render({ ...args, minConfidence: 0 }), tinyModelLoader),
  play: async ({ canvasElement }) => {
    const composer = canvasElement.querySelector('cw-review-composer') as CwReviewComposer;
    await engineProvided(composer);
    await typeDraft(canvasElement, 'The jacket is warm and');
    await waitFor(() => expect(composer.suggestion.trim()).not.toBe(''), { timeout: 20_000 });
  },
};

/** The model could not load (the provider shows the error elsewhere); the form still works. */
export const ModelUnavailable: Story = { render: (args) => withProvider(render(args), failingDownload()) };
