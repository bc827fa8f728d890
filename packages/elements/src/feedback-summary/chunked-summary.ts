import { summarizeFeedback } from '@cowrite/core';
import type { AspectSummary, FeedbackQuote, FeedbackSummary, Lang, ReviewInput } from '@cowrite/core';

/** The merged result the element renders; quotes carry indices into the whole input. */
export interface MergedFeedback {
  /** Reviews with text that were analysed. */
  count: number;
  /** How many reviews got each overall label. */
  distribution: { positive: number; neutral: number; negative: number };
  /** Mean of the per-review scores, -1..1. */
  averageScore: number;
  /** Mean of the given ratings, or null when no review had one. */
  averageRating: number | null;
  /** Every aspect mentioned, most-discussed first; quotes' `reviewIndex` points into the whole input. */
  aspects: AspectSummary[];
}

/** Options for `summarizeInChunks`. */
export interface ChunkedSummaryOptions {
  /** Force one language; by default each sentence is detected on its own. */
  lang?: Lang;
  /** Quotes kept per aspect. */
  maxQuotes: number;
  /** Reviews per slice; the page gets a turn between slices. Default 200. */
  chunkSize?: number;
  /** Cancels the summary; the promise rejects with an `AbortError`. */
  signal?: AbortSignal;
  /** Called after each slice with the reviews done so far and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Replaces core's `summarizeFeedback` (e.g. a test double). */
  summarize?: typeof summarizeFeedback;
}

/** Gives the browser a turn between chunks (input, paint), preferring `scheduler.yield`. */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Keeps the strongest quotes of both polarities, alternating, as one list. */
function pickQuotes(quotes: FeedbackQuote[], max: number): FeedbackQuote[] {
  const strongest = (label: string) =>
    quotes.filter((quote) => quote.label === label).sort((a, b) => Math.abs(b.score) - Math.abs(a.score));
  const positive = strongest('positive');
  const negative = strongest('negative');
  const [first, second] = positive.length >= negative.length ? [positive, negative] : [negative, positive];
  const picked: FeedbackQuote[] = [];
  for (let index = 0; picked.length < max && (index < first.length || index < second.length); index += 1) {
    if (index < first.length) picked.push(first[index]);
    if (index < second.length && picked.length < max) picked.push(second[index]);
  }
  return picked;
}

/**
 * Summarizes many reviews without freezing the page: core's `summarizeFeedback` runs on
 * slices (a few milliseconds each), the page gets a turn between slices, and the slice
 * summaries are merged (counts add up, averages are weighted, quotes re-ranked).
 */
export async function summarizeInChunks(reviews: readonly ReviewInput[], options: ChunkedSummaryOptions): Promise<MergedFeedback> {
  const summarize = options.summarize ?? summarizeFeedback;
  const chunkSize = options.chunkSize ?? 200;
  const merged: MergedFeedback = {
    count: 0,
    distribution: { positive: 0, neutral: 0, negative: 0 },
    averageScore: 0,
    averageRating: null,
    aspects: [],
  };
  const aspects = new Map<string, AspectSummary>();
  let scoreSum = 0;
  for (let offset = 0; offset < reviews.length; offset += chunkSize) {
    if (options.signal?.aborted) throw new DOMException('Summary cancelled', 'AbortError');
    const slice = reviews.slice(offset, offset + chunkSize);
    const result = summarize(slice, { lang: options.lang, minCount: 1, maxQuotes: options.maxQuotes });
    if (result.status === 'ok') addChunk(result, offset);
    options.onProgress?.(Math.min(offset + chunkSize, reviews.length), reviews.length);
    await yieldToPage();
  }

  function addChunk(summary: FeedbackSummary, offset: number): void {
    merged.count += summary.count;
    merged.distribution.positive += summary.distribution.positive;
    merged.distribution.neutral += summary.distribution.neutral;
    merged.distribution.negative += summary.distribution.negative;
    scoreSum += summary.averageScore * summary.count;
    for (const aspect of summary.aspects) {
      const into = aspects.get(aspect.aspect) ?? { aspect: aspect.aspect, positive: 0, negative: 0, neutral: 0, quotes: [] };
      into.positive += aspect.positive;
      into.negative += aspect.negative;
      into.neutral += aspect.neutral;
      into.quotes = pickQuotes(
        [...into.quotes, ...aspect.quotes.map((quote) => ({ ...quote, reviewIndex: quote.reviewIndex + offset }))],
        options.maxQuotes,
      );
      aspects.set(aspect.aspect, into);
    }
  }

  merged.averageScore = merged.count ? scoreSum / merged.count : 0;
  const ratings = reviews.map((review) => review.rating).filter((rating): rating is number => typeof rating === 'number');
  merged.averageRating = ratings.length ? ratings.reduce((sum, rating) => sum + rating, 0) / ratings.length : null;
  merged.aspects = [...aspects.values()].sort((a, b) => b.positive + b.negative - (a.positive + a.negative));
  return merged;
}
