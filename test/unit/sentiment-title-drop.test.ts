import { describe, expect, it } from 'vitest';
import { featurize, presenceTable } from '../../tools/sentiment-train/featurize.ts';
import { DEFAULT_CONFIG, trainLogistic, type TrainConfig } from '../../tools/sentiment-train/logistic.ts';
import { untitledReviews, withoutFirstSentence } from '../../tools/sentiment-train/untitled.ts';
import type { LabelledReview } from '../../tools/sentiment-train/corpus.ts';

// Written for this test: "Title. Body" reviews whose titles and bodies use different words.
const reviews: LabelledReview[] = [
  { text: 'Superb buy. The strap held up on every hike this summer.', label: 1, stars: 5, source: 'a' },
  { text: 'Total waste. The zipper split on the second day.', label: 0, stars: 1, source: 'a' },
  { text: 'Lovely gift. My sister wears it every weekend.', label: 1, stars: 4, source: 'b' },
  { text: 'Avoid it. The seams came apart after one wash.', label: 0, stars: 2, source: 'b' },
  { text: 'Works fine', label: 1, stars: 5, source: 'b' },
];
const config: TrainConfig = { ...DEFAULT_CONFIG, bits: 12, presence: true, learningRate: 1, lexiconLearningRate: 1 };
const titled = presenceTable(featurize('en', reviews), config.bits);
const untitled = presenceTable(featurize('en', untitledReviews(reviews)), config.bits);
const rows = reviews.map((_, row) => row);

describe('title drop (training without review titles)', () => {
  it('removes the first sentence only when there is a second one', () => {
    expect(withoutFirstSentence('Superb buy. The strap held up.')).toBe('The strap held up.');
    expect(withoutFirstSentence('Works fine')).toBe('Works fine');
    expect(untitledReviews(reviews).map((review) => review.label)).toEqual(reviews.map((review) => review.label));
  });

  it('off, it trains exactly as without the untitled table', () => {
    const plain = trainLogistic(titled, rows, config);
    const withTable = trainLogistic(titled, rows, config, untitled);
    expect([...withTable.weights]).toEqual([...plain.weights]);
    expect(withTable.bias).toBe(plain.bias);
  });

  it('at rate 1, every review is read without its title; at 0.5 the model lies between, the same on every run', () => {
    const always = trainLogistic(titled, rows, { ...config, titleDrop: 1 }, untitled);
    const onUntitled = trainLogistic(untitled, rows, config);
    expect([...always.weights]).toEqual([...onUntitled.weights]);
    const half = trainLogistic(titled, rows, { ...config, titleDrop: 0.5 }, untitled);
    const halfAgain = trainLogistic(titled, rows, { ...config, titleDrop: 0.5 }, untitled);
    expect([...half.weights]).toEqual([...halfAgain.weights]);
    expect([...half.weights]).not.toEqual([...always.weights]);
    expect([...half.weights]).not.toEqual([...trainLogistic(titled, rows, config).weights]);
  });

  it('needs the row-aligned untitled table', () => {
    expect(() => trainLogistic(titled, rows, { ...config, titleDrop: 0.3 })).toThrow(/untitled table/);
    expect(() => trainLogistic(titled, rows, { ...config, titleCopy: 0.3 }, presenceTable(featurize('en', reviews.slice(1)), config.bits))).toThrow(/untitled table/);
  });
});
