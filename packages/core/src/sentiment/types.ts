/** Public result and option types of the feedback-sentiment API. */

/** Polarity of a text, sentence, aspect mention or quote. */
export type SentimentLabel = 'positive' | 'negative' | 'neutral';

import type { Lang } from '../contracts/language.ts';

/**
 * Languages with a lexicon. Text in other scripts is analysed as English (and usually comes out neutral).
 * @deprecated Use {@link Lang}: the one language type shared by prompting and sentiment.
 */
export type SentimentLanguage = Lang;

/** A product aspect that reviews talk about; sentiment is reported per aspect. */
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
  /** Start offset (inclusive), UTF-16. */
  start: number;
  /** End offset (exclusive), UTF-16. */
  end: number;
}

/** The sentiment of one sentence; the span is its offsets in the input. */
export interface SentenceSentiment extends TextSpan {
  /** The sentence text, `input.slice(start, end)`. */
  text: string;
  /** The language the sentence was analysed as. */
  lang: Lang;
  /** The sentence's label, from its score. */
  label: SentimentLabel;
  /** -1..1 */
  score: number;
}

/** Sentiment about one aspect mention in the text. */
export interface AspectSentiment {
  /** Which aspect was mentioned. */
  aspect: AspectName;
  /** How this mention judges the aspect. */
  label: SentimentLabel;
  /** -1..1 */
  score: number;
  /** From the aspect word to the opinion words (or the domain phrase that names both), in the original text. */
  evidence: TextSpan & { text: string };
}

/** One lexicon hit that moved the score, for explaining a result. */
export interface SentimentCue extends TextSpan {
  /** The cue text, `input.slice(start, end)`. */
  text: string;
  /** Contribution after negation, intensity, contrast and emphasis. */
  weight: number;
}

/** Result of `analyzeSentiment` for one text. */
export interface SentimentResult {
  /** Overall polarity of the text. */
  label: SentimentLabel;
  /** -1 (very negative) .. 1 (very positive); 0 when nothing carried sentiment. */
  score: number;
  /** 0..1: how sure the label is (few or weak cues → low). 0 for empty input. */
  confidence: number;
  /** The language the text was analysed as (the dominant one for mixed text). */
  lang: Lang;
  /** Per-sentence results, in text order. */
  sentences: SentenceSentiment[];
  /** Aspect mentions, in text order; empty when no aspect was recognised. */
  aspects: AspectSentiment[];
  /** The lexicon hits that moved the score, for explaining the result. */
  cues: SentimentCue[];
}

/** Options for `analyzeSentiment`. */
export interface AnalyzeSentimentOptions {
  /** Force a language for every sentence; by default each sentence is detected on its own (mixed text works). */
  lang?: Lang;
}

/** One review for `summarizeFeedback` (a plain string works too). */
export interface ReviewInput {
  /** The review text; blank text is skipped and counted in `skipped`. */
  text: string;
  /** Star rating as given by the shop (any scale); only averaged, never mixed into the text score. */
  rating?: number;
  /** Your id for the review, copied into its quotes as `reviewId`. */
  id?: string | number;
}

/** Options for `summarizeFeedback`. */
export interface SummarizeFeedbackOptions {
  /** Below this many reviews the summary declines (status 'insufficient'). Default 5. */
  minCount?: number;
  /** Force one language for every review; by default each sentence is detected on its own. */
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
  /** The review's `id`, when the input had one. */
  reviewId?: string | number;
  /** The whole sentence, for display. */
  text: string;
  /** The aspect and opinion words inside it (offsets into the review's text). */
  evidence: TextSpan;
  /** The review's net opinion of the aspect. */
  label: SentimentLabel;
  /** The review's net score for the aspect: the sum of its mentions' scores (rounded to 3 decimals). */
  score: number;
}

/** How reviews judged one aspect, with quotes from both sides. */
export interface AspectSummary {
  /** The aspect. */
  aspect: AspectName;
  /** Reviews whose net opinion of the aspect was positive. */
  positive: number;
  /** Reviews whose net opinion of the aspect was negative. */
  negative: number;
  /** Reviews that mentioned the aspect without a clear opinion. */
  neutral: number;
  /** Strongest quotes first, both polarities. */
  quotes: FeedbackQuote[];
}

/** A top pro or con: an aspect many reviews praised or criticised, with the strongest quote. */
export interface FeedbackHighlight {
  /** The aspect. */
  aspect: AspectName;
  /** Reviews that praised (pros) or criticised (cons) this aspect. */
  mentions: number;
  /** The strongest quote on this side. */
  quote: FeedbackQuote;
}

/** How many reviews got each overall label. */
export interface SentimentDistribution {
  /** Reviews labelled positive. */
  positive: number;
  /** Reviews labelled negative. */
  negative: number;
  /** Reviews labelled neutral. */
  neutral: number;
}

/** The summary of a set of reviews (`status: 'ok'`). */
export interface FeedbackSummary {
  /** Always `'ok'`: tells a summary from `InsufficientFeedback`. */
  status: 'ok';
  /** Reviews analysed (entries with blank text are skipped and counted in `skipped`). */
  count: number;
  /** Entries with blank text, left out of the summary. */
  skipped: number;
  /** How many reviews got each overall label. */
  distribution: SentimentDistribution;
  /** Mean of the per-review scores, -1..1. */
  averageScore: number;
  /** Mean of the given ratings, or null when no review had one. */
  averageRating: number | null;
  /** Every aspect mentioned, most-discussed (positive + negative) first. */
  aspects: AspectSummary[];
  /** Most-praised aspects first, at most `maxHighlights`. */
  pros: FeedbackHighlight[];
  /** Most-criticised aspects first, at most `maxHighlights`. */
  cons: FeedbackHighlight[];
}

/** Returned instead of a summary when there are fewer than `minCount` reviews with text. */
export interface InsufficientFeedback {
  /** Always `'insufficient'`. */
  status: 'insufficient';
  /** Reviews with text that were found. */
  count: number;
  /** Entries with blank text, left out. */
  skipped: number;
  /** The minimum that was needed. */
  minCount: number;
  /** An English sentence saying how many reviews there were and how many are needed. */
  message: string;
}
