import { afterEach, describe, expect, it } from 'vitest';
import '@cowrite/elements/feedback-summary/define';
import type { CwFeedbackSummary, FeedbackReview } from '@cowrite/elements';
import { cleanup, expectNoAxeViolations, mount, shadow } from './helpers.ts';

afterEach(cleanup);

const reviews: FeedbackReview[] = [
  { id: 'r1', text: 'The quality is excellent and it feels sturdy.', rating: 5 },
  { id: 'r2', text: 'Shipping was slow, it took three weeks.', rating: 2, href: 'https://shop.example/reviews/2' },
  { id: 'r3', text: 'Great quality for the money. Shipping was fast.', rating: 5 },
  { id: 'r4', text: 'The size runs small, I had to return it.', rating: 2 },
  { id: 'r5', text: 'Love it! Great quality.', rating: 5 },
  { id: 'r6', text: 'It is a jacket.', rating: 3 },
];

async function summary(list: FeedbackReview[], attributes = '') {
  const container = mount(`<cw-feedback-summary ${attributes}></cw-feedback-summary>`);
  const element = container.querySelector('cw-feedback-summary') as CwFeedbackSummary;
  element.reviews = list;
  await element.updateComplete;
  await element.summaryComplete;
  await element.updateComplete;
  return element;
}

describe('<cw-feedback-summary>', () => {
  it('shows the distribution, aspect counts and quotes linking back to reviews', async () => {
    const element = await summary(reviews);
    const result = element.summary!;
    expect(result.count).toBe(6);
    expect(result.distribution.positive).toBeGreaterThanOrEqual(3);
    expect(result.distribution.negative).toBeGreaterThanOrEqual(2);
    const quality = result.aspects.find((aspect) => aspect.aspect === 'quality')!;
    expect(quality.positive).toBe(3);
    const shipping = result.aspects.find((aspect) => aspect.aspect === 'shipping')!;
    expect([shipping.positive, shipping.negative]).toEqual([1, 1]);
    const legend = shadow(element, '.legend').textContent!.replace(/\s+/g, ' ');
    expect(legend).toContain(`Positive: ${Math.round((result.distribution.positive / 6) * 100)}% (${result.distribution.positive})`);
    const links = [...element.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part=quote-link]')].map((a) => a.getAttribute('href'));
    expect(links).toContain('https://shop.example/reviews/2');
    expect(links).toContain('#r4');
    const quotes = [...element.shadowRoot!.querySelectorAll('[part=quote]')].map((q) => q.textContent!.trim());
    expect(quotes).toContain('Shipping was slow, it took three weeks.');
    await expectNoAxeViolations(element);
  });

  it('declines below the minimum count', async () => {
    const element = await summary(reviews.slice(0, 3));
    expect(element.summary).toBeUndefined();
    expect(shadow(element, '.muted').textContent).toBe('Not enough reviews for a summary yet.');
  });

  // How long the page is blocked is measured in benchmarks; here: the work is split and the page renders between parts.
  it('summarizes 10,000 reviews in parts, showing progress between them', async () => {
    const sentences = [
      'The quality is great.',
      'Shipping was slow and the box was damaged.',
      'It runs small, order a size up.',
      'Customer service answered within an hour, very helpful.',
      'Not worth the price.',
      'Easy to use and it still works after a year.',
    ];
    const many = Array.from({ length: 10_000 }, (_, index) => ({
      id: index,
      text: `${sentences[index % 6]} ${sentences[(index * 7 + 3) % 6]}`,
    }));
    const container = mount('<cw-feedback-summary></cw-feedback-summary>');
    const element = container.querySelector('cw-feedback-summary') as CwFeedbackSummary;
    await element.updateComplete;
    const progressShown = new Set<string>();
    const observer = new MutationObserver(() => {
      const status = element.shadowRoot!.querySelector('[role="status"]');
      if (status?.textContent) progressShown.add(status.textContent);
    });
    observer.observe(element.shadowRoot!, { subtree: true, childList: true, characterData: true, attributes: true });
    element.reviews = many;
    await element.updateComplete;
    await element.summaryComplete;
    await element.updateComplete;
    observer.disconnect();
    expect(element.summary!.count).toBe(10_000);
    const sum = element.summary!.distribution;
    expect(sum.positive + sum.negative + sum.neutral).toBe(10_000);
    // Several different "analysed n of 10,000" states reached the screen before the result.
    expect(progressShown.size).toBeGreaterThanOrEqual(3);
    expect(shadow(element, '[part="base"]').getAttribute('aria-busy')).toBe('false');
  });

  it('renders review text as text', async () => {
    const element = await summary([
      ...reviews.slice(0, 5),
      { id: 'x', text: 'Great quality <img src=x onerror="window.__pwned=1"> really.' },
    ]);
    expect(element.shadowRoot!.querySelector('img')).toBeNull();
  });

  it('draws topic bars from the positive and negative counts their label names, with no grey neutral segment', async () => {
    const element = await summary([
      ...reviews,
      // Mixed opinions about one topic net out to a neutral mention of it.
      { id: 'n1', text: 'Shipping was slow. Shipping was great.', rating: 3 },
    ]);
    const shipping = element.summary!.aspects.find((aspect) => aspect.aspect === 'shipping')!;
    expect(shipping.neutral).toBeGreaterThan(0);
    const rows = [...element.shadowRoot!.querySelectorAll('[part=aspect]')];
    const row = rows.find((each) => each.textContent!.includes('Shipping'))!;
    expect(row.querySelector('.bar .neutral')).toBeNull();
    const widths = [...row.querySelectorAll<HTMLElement>('.bar > span')].map((span) => span.getBoundingClientRect().width);
    const bar = row.querySelector('.bar')!.getBoundingClientRect().width;
    // Positive and negative fill the whole bar between them: nothing left for an unlabelled share.
    expect(Math.abs(widths.reduce((a, b) => a + b, 0) - bar)).toBeLessThan(1);
  });
});
