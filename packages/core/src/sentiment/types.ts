/** Public result and option types of the feedback-sentiment API. */

export type SentimentLabel = 'positive' | 'negative' | 'neutral';

import type { Lang } from '../contracts/language.ts';

/**
 * Languages with a lexicon. Text in other scripts is analysed as English (and usually comes out neutral).
 * @deprecated Use {@link Lang}: the one language type shared by prompting and sentiment.
 */
export type SentimentLanguage = Lang;

export type AspectName =
  | 'quality'
  | 'price'
  | 'shipping'
  | 'size'
  | 'customer-service'
  | 'packaging'
  | 'durability'
  | 'ease-of-use';

/** A span in the ORIGINAL input string: UTF-16 offsets, `input.slice(start, end)`. */
export interface TextSpan {
  start: number;
  end: number;
}

export interface SentenceSentiment extends TextSpan {
  text: string;
  lang: Lang;
  label: SentimentLabel;
  /** -1..1 */
  score: number;
}

export interface AspectSentiment {
  aspect: AspectName;
  label: SentimentLabel;
  /** -1..1 */
  score: number;
  /** From the aspect word to the opinion words (or the domain phrase that names both), in the original text. */
  evidence: TextSpan & { text: string };
}

/** One lexicon hit that moved the score, for explaining a result. */
export interface SentimentCue extends TextSpan {
  text: string;
  /** Contribution after negation, intensity, contrast and emphasis. */
  weight: number;
}

export interface SentimentResult {
  label: SentimentLabel;
  /** -1 (very negative) .. 1 (very positive); 0 when nothing carried sentiment. */
  score: number;
  /** 0..1: how sure the label is (few or weak cues → low). 0 for empty input. */
  confidence: number;
  /** The language the text was analysed as (the dominant one for mixed text). */
  lang: Lang;
  sentences: SentenceSentiment[];
  aspects: AspectSentiment[];
  cues: SentimentCue[];
}

export interface AnalyzeSentimentOptions {
  /** Force a language for every sentence; by default each sentence is detected on its own (mixed text works). */
  lang?: Lang;
}

export interface ReviewInput {
  text: string;
  /** Star rating as given by the shop (any scale); only averaged, never mixed into the text score. */
  rating?: number;
  id?: string | number;
}

export interface SummarizeFeedbackOptions {
  /** Below this many reviews the summary declines (status 'insufficient'). Default 5. */
  minCount?: number;
  lang?: Lang;
  /** Quotes kept per aspect. Default 3. */
  maxQuotes?: number;
  /** Entries in `pros` and `cons`. Default 5. */
  maxHighlights?: number;
}

/** A sentence of one review; `start`/`end` are offsets into that review's text. */
export interface FeedbackQuote extends TextSpan {
  /** Index of the review in the input array. */
  reviewIndex: number;
  reviewId?: string | number;
  /** The whole sentence, for display. */
  text: string;
  /** The aspect and opinion words inside it (offsets into the review's text). */
  evidence: TextSpan;
  label: SentimentLabel;
  score: number;
}

export interface AspectSummary {
  aspect: AspectName;
  positive: number;
  negative: number;
  neutral: number;
  /** Strongest quotes first, both polarities. */
  quotes: FeedbackQuote[];
}

export interface FeedbackHighlight {
  aspect: AspectName;
  /** Reviews that praised (pros) or criticised (cons) this aspect. */
  mentions: number;
  quote: FeedbackQuote;
}

export interface SentimentDistribution {
  positive: number;
  negative: number;
  neutral: number;
}

export interface FeedbackSummary {
  status: 'ok';
  /** Reviews analysed (entries with blank text are skipped and counted in `skipped`). */
  count: number;
  skipped: number;
  distribution: SentimentDistribution;
  /** Mean of the per-review scores, -1..1. */
  averageScore: number;
  /** Mean of the given ratings, or null when no review had one. */
  averageRating: number | null;
  aspects: AspectSummary[];
  pros: FeedbackHighlight[];
  cons: FeedbackHighlight[];
}

/** Returned instead of a summary when there are fewer than `minCount` reviews with text. */
export interface InsufficientFeedback {
  status: 'insufficient';
  count: number;
  skipped: number;
  minCount: number;
  message: string;
}
