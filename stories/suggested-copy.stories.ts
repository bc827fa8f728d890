import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import { loadPhraseModel } from '@cowrite/core';
import type { CwSuggestedCopy } from '@cowrite/elements';
import { COPY_ATTRIBUTES } from '../apps/storefront/src/product.ts';
import { LONG_REVIEW, NEEDS_GPT2, createElement, engineProvided, framed, scripted, shadowOf, tinyModelLoader, withProvider } from './support.ts';
import type { Frame } from './support.ts';

type Args = Partial<CwSuggestedCopy> & Frame;

const COPY = ' A warm, packable jacket for windy ridges and cold commutes. Recycled fill keeps its loft even when damp.';

function render(args: Args): HTMLElement {
  const { theme, dir, lang, ...props } = args;
  return framed(createElement<CwSuggestedCopy>('cw-suggested-copy', props), { theme, dir, lang });
}

function copyOf(canvasElement: HTMLElement): CwSuggestedCopy {
  return canvasElement.querySelector('cw-suggested-copy') as CwSuggestedCopy;
}

async function generate(canvasElement: HTMLElement): Promise<CwSuggestedCopy> {
  const copy = copyOf(canvasElement);
  await copy.updateComplete;
  await userEvent.click(shadowOf(copy).querySelector('[part~=generate-button]') as HTMLButtonElement);
  return copy;
}

const meta: Meta<Args> = {
  title: 'Elements/Suggested copy',
  component: 'cw-suggested-copy',
  render,
  args: { product: COPY_ATTRIBUTES, kind: 'description', tone: 'friendly', length: 'medium', count: 3, engine: scripted({ fallback: COPY }) },
};
export default meta;
type Story = StoryObj<Args>;

/** Without product attributes the element says what it needs. */
export const Empty: Story = { args: { product: undefined } };

export const Ready: Story = {};

export const Streaming: Story = {
  args: { engine: scripted({ fallback: COPY, tokenDelayMs: 150 }) },
  play: async ({ canvasElement }) => {
    const copy = await generate(canvasElement);
    await waitFor(() => expect(copy.candidates.some((candidate) => candidate.status === 'streaming')).toBe(true), { timeout: 5000 });
  },
};

export const SuggestionsShown: Story = {
  play: async ({ canvasElement }) => {
    const copy = await generate(canvasElement);
    await waitFor(() => expect(copy.candidates.filter((candidate) => candidate.status === 'done')).toHaveLength(3), { timeout: 5000 });
  },
};

/** Choosing a candidate makes it the form value and fires `cw-copy-accept`. */
export const Accepted: Story = {
  play: async ({ canvasElement }) => {
    const copy = await generate(canvasElement);
    await waitFor(() => expect(copy.candidates[0]?.status).toBe('done'), { timeout: 5000 });
    const accepted = new Promise<string>((resolve) => copy.addEventListener('cw-copy-accept', (event) => resolve((event as CustomEvent<{ text: string }>).detail.text), { once: true }));
    await copy.updateComplete;
    const firstActions = shadowOf(copy).querySelector('[part~=candidate] [part~=actions]') as HTMLElement;
    await userEvent.click(firstActions.querySelector('button') as HTMLButtonElement);
    expect(await accepted).toBe(copy.candidates[0].text);
  },
};

export const EngineError: Story = {
  args: { engine: scripted({ failures: 99, failure: new Error('The engine Worker crashed') }) },
  play: async ({ canvasElement }) => {
    const copy = await generate(canvasElement);
    await waitFor(() => expect(copy.candidates.every((candidate) => candidate.status === 'error')).toBe(true), { timeout: 5000 });
  },
};

export const VeryLongText: Story = { args: { engine: scripted({ fallback: ` ${LONG_REVIEW}` }), length: 'long', count: 1 } };
export const Dark: Story = { args: { theme: 'dark' } };
export const RightToLeft: Story = { args: { dir: 'rtl' } };
export const SimplifiedChinese: Story = { args: { lang: 'zh', engine: scripted({ fallback: '轻盈保暖，适合徒步和通勤。' }) } };

/** The real engine (random-weight tiny model): headlines keep whole words, so text appears. */
export const RealTinyModel: Story = {
  args: { engine: undefined, kind: 'headline', count: 1 },
  render: (args) => withProvider(render(args), tinyModelLoader),
  play: async ({ canvasElement }) => {
    const copy = copyOf(canvasElement);
    await engineProvided(copy);
    await generate(canvasElement);
    await waitFor(() => expect(copy.candidates[0]?.status).toBe('done'), { timeout: 30_000 });
  },
};

/** Offline, on the review phrase model: copy needs GPT-2, and one card says so. */
export const OfflinePhraseModel: Story = {
  args: { engine: undefined },
  render: (args) => withProvider(render(args), () => loadPhraseModel()),
  play: async ({ canvasElement }) => {
    const copy = copyOf(canvasElement);
    await engineProvided(copy);
    await generate(canvasElement);
    await waitFor(() => expect(copy.candidates.map((candidate) => candidate.error)).toEqual([NEEDS_GPT2]), { timeout: 5000 });
  },
};
