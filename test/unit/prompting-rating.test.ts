import { describe, expect, it } from 'vitest';
// Source path: tsc resolves @cowrite/core to packages/core/dist types, which may predate this export.
import { suggestRating } from '../../packages/core/src/index.ts';

describe('suggestRating', () => {
  it('follows the sentiment of the text, en and zh', () => {
    expect(suggestRating('Absolutely love it, perfect fit and fast shipping!').rating).toBe(5);
    expect(suggestRating('Broke after two days. Terrible.').rating).toBe(1);
    expect(suggestRating('质量很好，非常满意').rating).toBe(5);
    expect(suggestRating('太差了，再也不买').rating).toBeLessThanOrEqual(2);
    expect(suggestRating('It is okay, nothing special.').rating).toBe(3);
  });

  it('is less confident for lukewarm or mixed text than for clear text', () => {
    const clear = suggestRating('Absolutely love it, perfect fit and fast shipping!');
    const mixed = suggestRating('Good quality but shipping was slow.');
    expect(clear.confidence).toBeGreaterThan(mixed.confidence);
    for (const r of [clear, mixed]) {
      expect(r.confidence).toBeGreaterThan(0);
      expect(r.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('says it has no signal for empty or neutral text', () => {
    expect(suggestRating('')).toMatchObject({ rating: 3, confidence: 0 });
  });

  it('rejects non-strings', () => {
    expect(() => suggestRating(undefined as unknown as string)).toThrow(expect.objectContaining({ name: 'PromptingError', code: 'INVALID_INPUT' }));
  });
});
