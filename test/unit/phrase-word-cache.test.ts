/** The review cache of the phrase model (packages/core/src/phrase/word-cache.ts): the review's own words become likelier. */
import { describe, expect, it } from 'vitest';
import { WordCache } from '../../packages/core/src/phrase/word-cache.ts';

const VOCAB = 6;
const isWord = (id: number): boolean => id >= 2;

function uniform(): Float32Array {
  return new Float32Array(VOCAB).fill(Math.log(1 / VOCAB));
}

function total(scores: Float32Array): number {
  return scores.reduce((sum, s) => sum + Math.exp(s), 0);
}

describe('WordCache', () => {
  it('moves probability onto the words already typed and keeps the distribution normalised', () => {
    // History: words 2, 3, 2 (word 2 twice); id 1 is not a word and is not cached.
    const cache = new WordCache([0, 2, 3, 1, 2], isWord, { unigram: 0.2, bigram: 0 });
    const scores = uniform();
    cache.mix(scores, 5);
    expect(total(scores)).toBeCloseTo(1, 5);
    // 0.8 · 1/6 + 0.2 · 2/3 for word 2; 0.8 · 1/6 + 0.2 · 1/3 for word 3; 0.8 · 1/6 elsewhere.
    expect(Math.exp(scores[2] as number)).toBeCloseTo(0.8 / 6 + 0.2 * (2 / 3), 5);
    expect(Math.exp(scores[3] as number)).toBeCloseTo(0.8 / 6 + 0.2 / 3, 5);
    expect(Math.exp(scores[4] as number)).toBeCloseTo(0.8 / 6, 5);
    expect(Math.exp(scores[1] as number)).toBeCloseTo(0.8 / 6, 5);
  });

  it('after a word seen before, favours what followed it then ("pop" → "filter")', () => {
    // 2 = "pop", 3 = "filter", 4 = "works": "pop filter works … pop".
    const cache = new WordCache([2, 3, 4, 2], isWord, { unigram: 0.1, bigram: 0.3 });
    const afterPop = uniform();
    cache.mix(afterPop, 2);
    const afterOther = uniform();
    cache.mix(afterOther, 5);
    expect(total(afterPop)).toBeCloseTo(1, 5);
    expect(total(afterOther)).toBeCloseTo(1, 5);
    expect(afterPop[3] as number).toBeGreaterThan(afterPop[4] as number);
    // Without a bigram history the bigram weight goes back to the n-gram: "filter" and "works" are alike.
    expect(afterOther[3] as number).toBeCloseTo(afterOther[4] as number, 5);
  });

  it('changes nothing for an empty review', () => {
    const cache = new WordCache([0, 1], isWord, { unigram: 0.2, bigram: 0.2 });
    const scores = uniform();
    cache.mix(scores, 2);
    expect(cache.empty).toBe(true);
    expect(Array.from(scores)).toEqual(Array.from(uniform()));
  });
});
