import { afterEach, describe, expect, it } from 'vitest';
import '@cowrite/elements/define';
import type { CwFeedbackSummary, CwIdeaForm, CwReviewComposer } from '@cowrite/elements';
import { cleanup, mount, shadow } from './helpers.ts';

const pageLang = document.documentElement.lang;
afterEach(() => {
  cleanup();
  document.documentElement.lang = pageLang;
});

describe('widgets follow a language switch of the page', () => {
  it('changing <html lang> re-renders every element in the new language, and back', async () => {
    document.documentElement.lang = 'en';
    const container = mount(`
      <cw-review-composer no-autosave></cw-review-composer>
      <cw-feedback-summary></cw-feedback-summary>
      <cw-idea-form></cw-idea-form>`);
    const composer = container.querySelector('cw-review-composer') as CwReviewComposer;
    const summary = container.querySelector('cw-feedback-summary') as CwFeedbackSummary;
    const ideas = container.querySelector('cw-idea-form') as CwIdeaForm;
    await composer.updateComplete;
    const label = () => shadow(composer, 'label[part=label]').textContent?.trim();
    const heading = () => shadow(summary, '#heading').textContent?.trim();
    const titleLabel = () => shadow(ideas, 'label[for=title]').textContent?.trim();
    expect([label(), heading(), titleLabel()]).toEqual(['Your review', 'What shoppers say', 'Idea title']);
    document.documentElement.lang = 'zh-CN';
    await expect.poll(() => [label(), heading(), titleLabel()]).toEqual(['您的评价', '买家怎么说', '创意标题']);
    document.documentElement.lang = 'en';
    await expect.poll(() => label()).toBe('Your review');
  });
});
