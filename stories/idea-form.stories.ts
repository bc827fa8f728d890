import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import { loadPhraseModel } from '@cowrite/core';
import type { CwIdeaForm } from '@cowrite/elements';
import { EXISTING_IDEAS } from '../apps/storefront/src/product.ts';
import { LONG_REVIEW, NEEDS_GPT2, createElement, engineProvided, framed, scripted, shadowOf, tinyModelLoader, withProvider } from './support.ts';
import type { Frame } from './support.ts';

type Args = Partial<CwIdeaForm> & Frame;

const CATEGORIES = [
  { value: 'new-product', label: 'New product' },
  { value: 'improvement', label: 'Improvement' },
];

function render(args: Args): HTMLElement {
  const { theme, dir, lang, ...props } = args;
  return framed(createElement<CwIdeaForm>('cw-idea-form', props), { theme, dir, lang });
}

function formOf(canvasElement: HTMLElement): CwIdeaForm {
  return canvasElement.querySelector('cw-idea-form') as CwIdeaForm;
}

const meta: Meta<Args> = {
  title: 'Elements/Idea form',
  component: 'cw-idea-form',
  render,
  args: { categories: CATEGORIES, ideas: EXISTING_IDEAS, engine: scripted({ fallback: ' A mid-thigh parka version with the same recycled fill.' }) },
};
export default meta;
type Story = StoryObj<Args>;

export const Empty: Story = {};

/** Similar ideas appear while the title is typed, to prevent duplicates. */
export const SimilarIdeasShown: Story = {
  play: async ({ canvasElement }) => {
    const form = formOf(canvasElement);
    await form.updateComplete;
    await userEvent.type(shadowOf(form).querySelector('[part~=title-input]') as HTMLInputElement, 'Longer parka');
    await waitFor(() => expect(form.similarIdeas.map((idea) => idea.title)).toContain('Longer parka version of the Ridgeline'));
  },
};

/** Submitting fires `cw-idea-submit` with the fields. */
export const Submitted: Story = {
  play: async ({ canvasElement }) => {
    const form = formOf(canvasElement);
    await form.updateComplete;
    const details: unknown[] = [];
    form.addEventListener('cw-idea-submit', (event) => details.push((event as CustomEvent).detail));
    const root = shadowOf(form);
    await userEvent.type(root.querySelector('[part~=title-input]') as HTMLInputElement, 'Reflective hood trim');
    await userEvent.type(root.querySelector('[part~=description-input]') as HTMLTextAreaElement, 'For cycling home in the dark.');
    await userEvent.selectOptions(root.querySelector('[part~=category-select]') as HTMLSelectElement, 'improvement');
    await userEvent.click(root.querySelector('[part~=submit-button]') as HTMLButtonElement);
    await waitFor(() => expect(details).toEqual([{ title: 'Reflective hood trim', description: 'For cycling home in the dark.', category: 'improvement' }]));
  },
};

export const VeryLongText: Story = { args: { value: 'A jacket for every season and every trail', description: LONG_REVIEW } };
export const Dark: Story = { args: { theme: 'dark', value: 'Detachable liner' } };
export const RightToLeft: Story = { args: { dir: 'rtl', value: 'Detachable liner' } };
export const SimplifiedChinese: Story = { args: { lang: 'zh', value: '加长款', categories: [{ value: 'new-product', label: '新产品' }] } };

export const RealTinyModel: Story = {
  args: { engine: undefined, value: 'Longer parka', description: 'Same fill, longer cut.' },
  render: (args) => withProvider(render(args), tinyModelLoader),
  play: async ({ canvasElement }) => {
    await engineProvided(formOf(canvasElement));
  },
};

/** Offline, on the review phrase model: "Refine with AI" says it needs GPT-2; the idea stays as typed. */
export const OfflinePhraseModel: Story = {
  args: { engine: undefined, value: 'Longer parka', description: 'Same fill, longer cut.' },
  render: (args) => withProvider(render(args), () => loadPhraseModel()),
  play: async ({ canvasElement }) => {
    const form = formOf(canvasElement);
    await engineProvided(form);
    const refine = (): HTMLButtonElement => shadowOf(form).querySelector('[part=refine-button]') as HTMLButtonElement;
    await waitFor(() => expect(refine().disabled).toBe(false), { timeout: 5000 });
    await userEvent.click(refine());
    await waitFor(() => expect(shadowOf(form).querySelector('[role=alert]')?.textContent?.trim()).toBe(NEEDS_GPT2), { timeout: 5000 });
    expect(form.value).toBe('Longer parka');
  },
};
