import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, waitFor } from 'storybook/test';
import type { CwFeedbackSummary, FeedbackReview } from '@cowrite/elements';
import { SEEDED_REVIEWS } from '../apps/storefront/src/reviews.ts';
import { LONG_REVIEW, createElement, framed } from './support.ts';
import type { Frame } from './support.ts';

type Args = Partial<CwFeedbackSummary> & Frame;

const REVIEWS: FeedbackReview[] = SEEDED_REVIEWS.map(({ id, text, rating }) => ({ id, text, rating }));
const ENGLISH = REVIEWS.filter((_, index) => SEEDED_REVIEWS[index].lang === 'en');
const CHINESE = REVIEWS.filter((_, index) => SEEDED_REVIEWS[index].lang === 'zh');

function render(args: Args): HTMLElement {
  const { theme, dir, lang, ...props } = args;
  return framed(createElement<CwFeedbackSummary>('cw-feedback-summary', props), { theme, dir, lang });
}

const meta: Meta<Args> = { title: 'Elements/Feedback summary', component: 'cw-feedback-summary', render, args: { reviews: ENGLISH } };
export default meta;
type Story = StoryObj<Args>;

/** The summary needs `min-count` reviews before it says anything. */
export const Empty: Story = {
  args: { reviews: [] },
  play: async ({ canvasElement }) => {
    const summary = canvasElement.querySelector('cw-feedback-summary') as CwFeedbackSummary;
    await summary.updateComplete;
    expect(summary.summary).toBeUndefined();
  },
};

export const Ready: Story = {
  play: async ({ canvasElement }) => {
    const summary = canvasElement.querySelector('cw-feedback-summary') as CwFeedbackSummary;
    await waitFor(() => expect(summary.summary).toBeDefined());
    expect(summary.shadowRoot?.querySelectorAll('[part~=aspect]').length).toBeGreaterThan(2);
  },
};

export const VeryLongText: Story = { args: { reviews: [...ENGLISH, { id: 'long', text: LONG_REVIEW, rating: 4 }] } };
export const Dark: Story = { args: { theme: 'dark' } };
export const RightToLeft: Story = { args: { dir: 'rtl' } };
export const SimplifiedChinese: Story = { args: { reviews: CHINESE, lang: 'zh', minCount: 3 } };
