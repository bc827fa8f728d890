/** The composer's ghost-text gate: which threshold applies to which draft (packages/elements/src/review-composer/ghost-gate.ts). */
import { describe, expect, it } from 'vitest';
import type { TextGenerator } from '@cowrite/core';
import { FALLBACK_MIN_CONFIDENCE, ghostGate, worthShowing } from '../../packages/elements/src/review-composer/ghost-gate.ts';

function engineWith(profile: TextGenerator['profile']): TextGenerator {
  return { profile } as TextGenerator;
}

describe('ghostGate', () => {
  const calibrated = engineWith({ kind: 'phrase', name: 'test', minConfidence: 0.5, minConfidenceNextWord: 0.3 });

  it('uses the next-word threshold when the draft ends between words, the in-word one otherwise', () => {
    expect(ghostGate(undefined, calibrated, {}, 'The fit is ').minConfidence).toBe(0.3);
    expect(ghostGate(undefined, calibrated, {}, 'The fit is gr').minConfidence).toBe(0.5);
    expect(ghostGate(undefined, calibrated, {}, 'The fit is great.').minConfidence).toBe(0.5);
  });

  it('lets the page override both, and falls back without a calibration', () => {
    expect(ghostGate(0.7, calibrated, {}, 'The fit is ').minConfidence).toBe(0.7);
    expect(ghostGate(undefined, engineWith({ kind: 'phrase', name: 'test', minConfidence: 0.4 }), {}, 'The fit is ').minConfidence).toBe(0.4);
    expect(ghostGate(undefined, engineWith(undefined), {}, 'The fit is ').minConfidence).toBe(FALLBACK_MIN_CONFIDENCE);
  });

  it('shows a suggestion at 0.35 after a space but not inside a word', () => {
    const offer = { text: 'great and', confidence: 0.35 };
    expect(worthShowing(offer, ghostGate(undefined, calibrated, {}, 'The fit is '))).toBe(true);
    expect(worthShowing(offer, ghostGate(undefined, calibrated, {}, 'The fit is gr'))).toBe(false);
  });
});
