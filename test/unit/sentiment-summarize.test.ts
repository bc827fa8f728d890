import { describe, expect, it } from 'vitest';
import { summarizeFeedback, SentimentInputError, type FeedbackSummary } from '@cowrite/core';

const reviews = [
  { id: 'r1', text: 'Shipping was fast and the quality is excellent.', rating: 5 },
  { id: 'r2', text: 'Terrible quality, it fell apart. Shipping was fast though.', rating: 1 },
  { id: 'r3', text: 'Fits true to size, love it!', rating: 5 },
  { id: 'r4', text: 'Runs small, I had to return it.', rating: 2 },
  'The price is great for what you get.',
  '物流很快，质量很好，很满意。',
];

function summary(): FeedbackSummary {
  const result = summarizeFeedback(reviews);
  if (result.status !== 'ok') throw new Error('expected a summary');
  return result;
}

describe('summarizeFeedback', () => {
  it('counts, distributes and averages', () => {
    const result = summary();
    expect(result.count).toBe(6);
    expect(result.distribution.positive + result.distribution.negative + result.distribution.neutral).toBe(6);
    expect(result.distribution.negative).toBe(2);
    expect(result.averageRating).toBeCloseTo(13 / 4, 5);
    expect(result.averageScore).toBeGreaterThan(0);
  });

  it('tallies aspects per review and links every quote back to its review and span', () => {
    const result = summary();
    const shipping = result.aspects.find((aspect) => aspect.aspect === 'shipping');
    expect(shipping?.positive).toBe(3);
    const quality = result.aspects.find((aspect) => aspect.aspect === 'quality');
    expect(quality?.positive).toBe(2);
    expect(quality?.negative).toBe(1);
    for (const aspect of result.aspects) {
      for (const quote of aspect.quotes) {
        const review = reviews[quote.reviewIndex];
        const text = typeof review === 'string' ? review : review.text;
        expect(text.slice(quote.start, quote.end)).toBe(quote.text);
        expect(quote.start).toBeLessThanOrEqual(quote.evidence.start);
        expect(quote.evidence.end).toBeLessThanOrEqual(quote.end);
        if (typeof review !== 'string') expect(quote.reviewId).toBe(review.id);
      }
    }
    const negativeQuality = quality?.quotes.find((quote) => quote.label === 'negative');
    expect(negativeQuality?.reviewIndex).toBe(1);
    expect(negativeQuality?.text).toBe('Terrible quality, it fell apart.');
  });

  it('lists pros and cons by how many reviews mention them', () => {
    const result = summary();
    expect(result.pros[0].aspect).toBe('shipping');
    expect(result.pros[0].mentions).toBe(3);
    expect(result.cons.map((con) => con.aspect)).toEqual(expect.arrayContaining(['quality', 'size']));
    expect(result.cons.every((con) => con.quote.label === 'negative')).toBe(true);
  });

  it('declines below the minimum count (default 5), configurable', () => {
    const few = summarizeFeedback(reviews.slice(0, 4));
    expect(few).toMatchObject({ status: 'insufficient', count: 4, minCount: 5 });
    expect(summarizeFeedback(reviews.slice(0, 4), { minCount: 4 }).status).toBe('ok');
    expect(summarizeFeedback([], { minCount: 0 })).toMatchObject({ status: 'ok', count: 0, averageScore: 0 });
    // Blank reviews do not count toward the minimum.
    expect(summarizeFeedback(['good', 'bad', ' ', '', 'fine'])).toMatchObject({ status: 'insufficient', count: 3, skipped: 2 });
  });

  it('rejects what it cannot read with a typed error', () => {
    expect(() => summarizeFeedback('good' as unknown as string[])).toThrow(SentimentInputError);
    expect(() => summarizeFeedback([42] as unknown as string[])).toThrow(expect.objectContaining({ code: 'INVALID_REVIEW' }));
    expect(() => summarizeFeedback(reviews, { minCount: -1 })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
  });

  // Its speed (≤ 500 ms for 10,000 reviews) is measured in tools/bench/sentiment-bench.ts, not asserted here.
  it('summarises 10,000 reviews: every review counted once, the distribution adds up', () => {
    const many = Array.from({ length: 10_000 }, (_, index) => reviews[index % reviews.length]);
    const result = summarizeFeedback(many);
    const few = summarizeFeedback(reviews);
    expect(result.status === 'ok' && result.count).toBe(10_000);
    if (result.status !== 'ok' || few.status !== 'ok') return;
    const { positive, neutral, negative } = result.distribution;
    expect(positive + neutral + negative).toBe(10_000);
    // The same texts repeated: the same share of each label as the short list.
    expect(positive / 10_000).toBeCloseTo(few.distribution.positive / few.count, 1);
  });
});
