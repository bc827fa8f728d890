/** The replayed shopper of `pnpm bench:cowriting` (tools/bench/cowriting/replay.ts). */
import { describe, expect, it } from 'vitest';
import { acceptedLength, emptyTotals, metrics, replayReview } from '../../tools/bench/cowriting/replay.ts';
import type { Offer } from '../../tools/bench/cowriting/replay.ts';

describe('acceptedLength', () => {
  it('takes the longest run of whole words that matches', () => {
    expect(acceptedLength('is great and', 'is great but', 0)).toBe('is great'.length);
    expect(acceptedLength('is great', 'is great', 0)).toBe('is great'.length);
    expect(acceptedLength(' and more', 'x and less', 1)).toBe(' and'.length);
  });

  it('never accepts part of a word, on either side', () => {
    expect(acceptedLength('great', 'greatly', 0)).toBe(0);
    expect(acceptedLength('gr', 'great', 0)).toBe(0);
    expect(acceptedLength('good', 'great', 0)).toBe(0);
  });

  it('completes an unfinished word when the rest of it matches', () => {
    const text = 'so comfortable and warm';
    expect(acceptedLength('ortable and cozy', text, 'so comf'.length)).toBe('ortable and'.length);
  });

  it('keeps punctuation that is part of the matching run, and takes the word without punctuation that differs', () => {
    expect(acceptedLength('size. I', 'size. It', 0)).toBe('size.'.length);
    expect(acceptedLength('size.', 'size, and', 0)).toBe('size'.length);
    expect(acceptedLength("don't", 'don', 0)).toBe(0);
  });
});

describe('replayReview', () => {
  const text = 'The fit is great and the color is nice';

  it('counts accepts, wrong suggestions and saved keystrokes at word boundaries', async () => {
    // A scripted source: right after "The fit is ", wrong after "great ", nothing elsewhere.
    const offers: Record<string, Offer> = {
      'The fit is ': { text: 'great and the', confidence: 0.9 },
      'The fit is great and the ': { text: 'size is', confidence: 0.9 },
    };
    const totals = emptyTotals();
    await replayReview(text, async (draft) => offers[draft], () => true, totals);
    expect(totals.accepted).toBe(1);
    expect(totals.wrong).toBe(1);
    expect(totals.acceptedChars).toBe('great and the'.length);
    const m = metrics(totals);
    expect(m.keystrokeSavings).toBeCloseTo(('great and the'.length - 1) / text.length);
    expect(m.acceptance).toBeCloseTo(0.5);
  });

  it('shows nothing the gate refuses', async () => {
    const totals = emptyTotals();
    await replayReview(text, async () => ({ text: 'fit is', confidence: 0.1 }), (offer) => (offer.confidence ?? 0) >= 0.5, totals);
    expect(totals.shown).toBe(0);
    expect(metrics(totals).keystrokeSavings).toBe(0);
  });

  it('looks after every keystroke in keystroke mode, completing words', async () => {
    const totals = emptyTotals();
    await replayReview(text, async (draft) => (draft === 'The fit is gr' ? { text: 'eat and' } : undefined), () => true, totals, 'keystrokes');
    expect(totals.acceptedChars).toBe('eat and'.length);
    expect(totals.boundaries).toBeGreaterThan(text.split(' ').length);
  });
});
