import { describe, expect, it } from 'vitest';
import { analyzeSentiment, CowriteError, SentimentInputError } from '@cowrite/core';

describe('analyzeSentiment: bad and odd input', () => {
  it.each([
    ['empty', '', 'neutral'],
    ['whitespace', ' \n\t  ', 'neutral'],
    ['punctuation only', '...!!!???', 'neutral'],
    ['emoji only', '👍👍', 'positive'],
    ['HTML markup', '<div class="review"><p>Absolutely <b>terrible</b>, it broke.</p></div>', 'negative'],
    ['script tag is not text', '<script>var great = "love love love";</script>Broke in a day.', 'negative'],
    ['unclosed tags', '<p><b>Great quality <i>love it', 'positive'],
    ['mixed languages', 'Shipping was fast. 质量很差，很失望，已经退货。', 'negative'],
    ['numbers and symbols', '$$$ 100% ### 12/10', 'neutral'],
    ['lone surrogate', 'good \uD83D', 'positive'],
  ])('%s', (_name, text, expected) => {
    const result = analyzeSentiment(text);
    expect(result.label).toBe(expected);
    expect(Number.isFinite(result.score)).toBe(true);
    expect(Number.isFinite(result.confidence)).toBe(true);
  });

  it('empty text has no sentences and zero confidence', () => {
    expect(analyzeSentiment('')).toMatchObject({ label: 'neutral', score: 0, confidence: 0, sentences: [], aspects: [], cues: [] });
  });

  it('reports the sentence language for mixed text', () => {
    const result = analyzeSentiment('Shipping was fast. 质量很差，很失望。');
    expect(result.sentences.map((sentence) => sentence.lang)).toEqual(['en', 'zh']);
  });

  it('handles 100,000 characters in linear time, also pathological markup', () => {
    const long = 'The fabric is soft but the zipper broke. '.repeat(2_500).slice(0, 100_000);
    const hostile = '<script>'.repeat(12_500) + '<'.repeat(50_000) + '&amp'.repeat(10_000);
    const chinese = '质量很好，物流很快。'.repeat(10_000);
    for (const text of [long, hostile, chinese]) {
      const started = performance.now();
      const result = analyzeSentiment(text);
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(['positive', 'negative', 'neutral']).toContain(result.label);
    }
  });

  it.each([
    ['number', 42],
    ['null', null],
    ['undefined', undefined],
    ['object', { text: 'good' }],
    ['array', ['good']],
  ])('throws SentimentInputError for a %s', (_name, value) => {
    let caught: unknown;
    try {
      analyzeSentiment(value as unknown as string);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SentimentInputError);
    expect(caught).toBeInstanceOf(CowriteError);
    expect((caught as SentimentInputError).code).toBe('NOT_A_STRING');
  });

  it('throws for an unknown lang option', () => {
    expect(() => analyzeSentiment('good', { lang: 'fr' as 'en' })).toThrow(expect.objectContaining({ code: 'INVALID_OPTION' }));
  });
});
