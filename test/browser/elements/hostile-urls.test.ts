import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '@cowrite/elements/feedback-summary/define';
import '@cowrite/elements/idea-form/define';
import type { CwFeedbackSummary, CwIdeaForm, FeedbackReview } from '@cowrite/elements';
import { safeLinkUrl } from '../../../packages/elements/src/base/safe-url.ts';
import { cleanup, mount, mountElement, shadow } from './helpers.ts';

/** Every spelling a browser's URL parser turns into a script URL, plus other non-http schemes. */
const HOSTILE = [
  'javascript:window.__pwned=1',
  ' JaVaScRiPt:window.__pwned=1',
  '\u0001javascript:window.__pwned=1',
  '\u0000 javascript:window.__pwned=1',
  'java\tscript:window.__pwned=1',
  'java\nscript:window.__pwned=1',
  'javascript\r:window.__pwned=1',
  'javascript:window.__pwned=1\u0000',
  'data:text/html,<script>window.__pwned=1</script>',
  'vbscript:msgbox(1)',
  'blob:https://shop.example/1',
];
const ALLOWED = ['https://shop.example/reviews/2', 'HTTP://shop.example/x', '/reviews/2', '#r2', '?page=2', 'reviews/2', '//cdn.shop.example/r'];

declare global {
  interface Window {
    __pwned?: number;
  }
}

afterEach(() => {
  cleanup();
  delete window.__pwned;
});

describe('links from page data allow only http(s) and relative URLs', () => {
  it('safeLinkUrl rejects every script spelling and keeps http(s) and relative URLs', () => {
    for (const url of HOSTILE) expect(safeLinkUrl(url), JSON.stringify(url)).toBeUndefined();
    for (const url of ALLOWED) expect(safeLinkUrl(url), url).toBe(url);
    expect(safeLinkUrl(42)).toBeUndefined();
    expect(safeLinkUrl('   ')).toBeUndefined();
  });

  it('<cw-feedback-summary> reviews[].href: a hostile href falls back to the review anchor, and clicking runs nothing', async () => {
    const base = [
      'The quality is excellent and it feels sturdy.',
      'Shipping was slow, it took three weeks.',
      'Great quality for the money.',
      'The size runs small, I had to return it.',
      'Love it! Great quality.',
    ];
    for (const href of HOSTILE) {
      const reviews: FeedbackReview[] = base.map((text, index) => ({ id: `r${index}`, text, href }));
      const container = mount('<cw-feedback-summary></cw-feedback-summary>');
      const element = container.querySelector('cw-feedback-summary') as CwFeedbackSummary;
      element.reviews = reviews;
      await element.updateComplete;
      await element.summaryComplete;
      await element.updateComplete;
      const links = [...element.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part=quote-link]')];
      expect(links.length).toBeGreaterThan(0);
      for (const link of links) {
        expect(link.getAttribute('href'), JSON.stringify(href)).toMatch(/^#r\d$/);
        expect(link.protocol).not.toBe('javascript:');
      }
      links[0].click();
      expect(window.__pwned).toBeUndefined();
      cleanup();
    }
  });

  it('<cw-feedback-summary> keeps http(s) and relative hrefs', async () => {
    const container = mount('<cw-feedback-summary min-count="1"></cw-feedback-summary>');
    const element = container.querySelector('cw-feedback-summary') as CwFeedbackSummary;
    element.reviews = [{ id: 'a', text: 'The quality is excellent.', href: 'https://shop.example/reviews/a' }];
    await element.updateComplete;
    await element.summaryComplete;
    await element.updateComplete;
    expect(shadow(element, '[part=quote-link]').getAttribute('href')).toBe('https://shop.example/reviews/a');
  });

  it('<cw-idea-form> ideas[].href: a hostile href renders the title without a link; safe ones stay links', async () => {
    const ideas = [
      ...HOSTILE.map((href, index) => ({ id: index, title: `Hooded rain jacket variant ${index}`, href })),
      { id: 'ok', title: 'Hooded rain jacket for kids', href: '/ideas/ok' },
    ];
    const element = await mountElement<CwIdeaForm>('<cw-idea-form></cw-idea-form>', 'cw-idea-form');
    element.ideas = ideas;
    await element.updateComplete;
    await userEvent.click(shadow(element, '[part=title-input]'));
    await userEvent.keyboard('Hooded rain jacket');
    await expect.poll(() => element.similarIdeas.length).toBeGreaterThan(1);
    await element.updateComplete;
    const hrefs = [...element.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part=similar] a')].map((a) => a.getAttribute('href'));
    expect(hrefs.every((href) => href === '/ideas/ok')).toBe(true);
    expect(shadow(element, '[part=similar]').textContent).toContain('Hooded rain jacket variant');
    for (const link of element.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part=similar] a')) link.click();
    expect(window.__pwned).toBeUndefined();
  });
});
