import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent, waitFor } from 'storybook/test';
import { loadPhraseModel } from '@cowrite/core';
import type { CwSharePost } from '@cowrite/elements';
import { NEEDS_GPT2, createElement, engineProvided, framed, scripted, shadowOf, withProvider } from './support.ts';
import type { Frame } from './support.ts';

type Args = Partial<CwSharePost> & Frame & { webShare?: boolean };

const REVIEW = 'Warm and soft, and it kept my ears warm on the bike. The cuff folds up nicely.';
const POST = ' My new winter favourite: the Cloud Knit Beanie. Soft merino that kept my ears warm on the bike.';
const ZH_REVIEW = '很暖和，骑车时耳朵不冷。翻边设计很好看。';
const ZH_POST = '冬天骑车耳朵也不冷：云朵针织帽，软软的羊毛，翻边很好看。';

/** A share sheet that only records: stories never open a real one. */
function setWebShare(on: boolean): void {
  if (on) Object.defineProperty(navigator, 'share', { configurable: true, value: async () => {} });
  else delete (navigator as unknown as Record<string, unknown>).share;
}

function render(args: Args): HTMLElement {
  const { theme, dir, lang, webShare, ...props } = args;
  setWebShare(webShare ?? false);
  return framed(createElement<CwSharePost>('cw-share-post', props), { theme, dir, lang });
}

function postOf(canvasElement: HTMLElement): CwSharePost {
  return canvasElement.querySelector('cw-share-post') as CwSharePost;
}

async function write(canvasElement: HTMLElement): Promise<CwSharePost> {
  const post = postOf(canvasElement);
  await post.updateComplete;
  await userEvent.click(shadowOf(post).querySelector('[part~=write-button]') as HTMLButtonElement);
  await waitFor(() => expect(post.state).toBe('draft'), { timeout: 5000 });
  await post.updateComplete;
  return post;
}

const meta: Meta<Args> = {
  title: 'Elements/Share post',
  component: 'cw-share-post',
  render,
  args: {
    review: REVIEW,
    product: 'Cloud Knit Beanie',
    facts: ['merino wool', 'double-layer knit'],
    url: 'https://shop.example/beanie',
    engine: scripted({ fallback: POST }),
    webShare: false,
  },
};
export default meta;
type Story = StoryObj<Args>;

/** No review yet: the post is written from the shopper's own words, so there is nothing to start from. */
export const NoReview: Story = { args: { review: '' } };

/** A review is there: one button writes the post. */
export const Ready: Story = {};

export const Writing: Story = {
  args: { engine: scripted({ fallback: POST, tokenDelayMs: 400 }) },
  play: async ({ canvasElement }) => {
    const post = postOf(canvasElement);
    await post.updateComplete;
    await userEvent.click(shadowOf(post).querySelector('[part~=write-button]') as HTMLButtonElement);
    await waitFor(() => expect(post.state).toBe('writing'));
  },
};

/** Web Share absent (desktop Linux, most desktop Firefox): copy and network links. */
export const Draft: Story = {
  play: async ({ canvasElement }) => {
    const post = await write(canvasElement);
    expect(post.value).toBe(POST.trim());
    expect(shadowOf(post).querySelectorAll('[part~=network]')).toHaveLength(4);
  },
};

/** Web Share present (phones, Safari, Chrome on Windows/macOS): the share sheet button comes first. */
export const WithWebShare: Story = {
  args: { webShare: true },
  play: async ({ canvasElement }) => {
    const post = await write(canvasElement);
    expect(shadowOf(post).querySelector('[part~=actions] button')?.textContent?.trim()).toBe('Share…');
  },
};

export const GuardFindings: Story = {
  args: { engine: scripted({ fallback: ' The best beanie ever made. Ask me about it at jo@mail.example today.' }) },
  play: async ({ canvasElement }) => {
    const post = await write(canvasElement);
    await waitFor(() => expect(shadowOf(post).querySelector('[part~=findings]')).not.toBeNull());
  },
};

export const EngineError: Story = {
  args: { engine: scripted({ failures: 99, failure: new Error('The engine Worker crashed') }) },
  play: async ({ canvasElement }) => {
    const post = postOf(canvasElement);
    await post.updateComplete;
    await userEvent.click(shadowOf(post).querySelector('[part~=write-button]') as HTMLButtonElement);
    await waitFor(() => expect(post.state).toBe('error'));
  },
};

export const Chinese: Story = {
  args: { lang: 'zh', review: ZH_REVIEW, product: '云朵针织帽', facts: ['羊毛', '双层针织'], engine: scripted({ fallback: ZH_POST }) },
  play: async ({ canvasElement }) => {
    const post = await write(canvasElement);
    expect([...shadowOf(post).querySelectorAll('[part~=network]')].map((a) => a.textContent?.trim())).toEqual(['微博', 'QQ空间', '豆瓣']);
  },
};

export const Dark: Story = { args: { theme: 'dark' }, play: async ({ canvasElement }) => void (await write(canvasElement)) };
export const RightToLeft: Story = { args: { dir: 'rtl' }, play: async ({ canvasElement }) => void (await write(canvasElement)) };

/** Offline, on the review phrase model: a share post needs GPT-2, and the element says so. */
export const OfflinePhraseModel: Story = {
  args: { engine: undefined },
  render: (args) => withProvider(render(args), () => loadPhraseModel()),
  play: async ({ canvasElement }) => {
    const post = postOf(canvasElement);
    await engineProvided(post);
    await post.updateComplete;
    await userEvent.click(shadowOf(post).querySelector('[part~=write-button]') as HTMLButtonElement);
    await waitFor(() => expect(shadowOf(post).querySelector('.error')?.textContent?.trim()).toBe(NEEDS_GPT2), { timeout: 5000 });
  },
};
