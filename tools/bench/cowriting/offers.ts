/**
 * The co-writing benchmark's model calls and gate: one call per caret position (memoised by draft),
 * shown or not by the composer's own gate with the thresholds under test.
 */
import type { TextGenerator } from '@cowrite/core';
import { streamDraftContinuation } from '../../../packages/elements/src/services/tasks.ts';
import { endsBetweenWords, ghostGate, worthShowing } from '../../../packages/elements/src/review-composer/ghost-gate.ts';
import type { Offer, ReplayPositions, ReplayTotals } from './replay.ts';
import { emptyTotals, replayReview } from './replay.ts';

/** The two thresholds a model's gate uses: completing the word being typed, and guessing the next one. */
export interface Thresholds {
  inWord: number;
  nextWord: number;
}

/** What the model says about itself (the header of a phrase model); 0 for models without a calibration. */
export function calibratedThresholds(model: TextGenerator): Thresholds {
  const inWord = model.profile?.minConfidence ?? 0;
  return { inWord, nextWord: model.profile?.minConfidenceNextWord ?? inWord };
}

/** Every model call the replays need, memoised by draft: one call per caret position serves all gates. */
export class OfferCache {
  readonly offers = new Map<string, Offer | undefined>();
  readonly latencies: number[] = [];
  readonly model: TextGenerator;
  constructor(model: TextGenerator) {
    this.model = model;
  }
  at = async (draft: string): Promise<Offer | undefined> => {
    if (this.offers.has(draft)) return this.offers.get(draft);
    const gate = ghostGate(undefined, this.model);
    let offer: Offer | undefined;
    // The composer asks only once the draft is long enough (its min-chars rule).
    if ([...draft.trim()].length >= gate.minChars) {
      const started = performance.now();
      offer = await streamDraftContinuation(this.model, { draft }, new AbortController().signal, () => undefined);
      this.latencies.push(performance.now() - started);
    }
    this.offers.set(draft, offer);
    return offer;
  };
}

/** Replays reviews through the cache, showing what the composer's gate shows at these thresholds. */
export async function replayAll(reviews: readonly string[], cache: OfferCache, thresholds: Thresholds, positions: ReplayPositions): Promise<ReplayTotals> {
  const totals = emptyTotals();
  const base = ghostGate(undefined, cache.model);
  const show = (offer: Offer, draft: string): boolean => worthShowing(offer, { ...base, minConfidence: endsBetweenWords(draft) ? thresholds.nextWord : thresholds.inWord });
  for (const review of reviews) await replayReview(review, cache.at, show, totals, positions);
  return totals;
}
