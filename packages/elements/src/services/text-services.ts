/**
 * The text analysis the elements use: sentiment, rating suggestion, guard and feedback
 * summaries. The shapes follow `@cowrite/core` (`analyzeSentiment`, `suggestRating`,
 * `guardText`, `summarizeFeedback`); a page or a test may swap any of them
 * (a merchant's own moderation service, a deterministic double).
 */
export type SentimentLabel = 'positive' | 'negative' | 'neutral';

export interface SentimentReading {
  label: SentimentLabel;
  /** -1 … 1 */
  score: number;
  confidence: number;
}

export interface RatingSuggestion {
  /** 1 … 5 */
  rating: number;
  confidence: number;
}

export interface GuardFinding {
  category: string;
  start: number;
  end: number;
  severity: string;
  suggestion?: string;
}

export interface GuardReport {
  text: string;
  findings: readonly GuardFinding[];
}

/** A review as the summary reads it; `href` links a quote back to its review. */
export interface ReviewInput {
  text: string;
  rating?: number;
  id?: string;
  href?: string;
}

export interface FeedbackQuote {
  /** Index of the review in the input array. */
  review: number;
  start: number;
  end: number;
  text?: string;
}

export interface FeedbackAspect {
  aspect: string;
  positive: number;
  negative: number;
  quotes: readonly FeedbackQuote[];
}

export interface FeedbackSummary {
  count: number;
  distribution: { positive: number; neutral: number; negative: number };
  averageScore: number;
  aspects: readonly FeedbackAspect[];
}

export interface TextServices {
  analyzeSentiment(text: string, options: { lang?: 'en' | 'zh' }): SentimentReading;
  suggestRating(text: string): RatingSuggestion;
  guardText(text: string, options: { lang?: 'en' | 'zh' }): GuardReport;
  summarizeFeedback(reviews: readonly ReviewInput[], options: { lang?: 'en' | 'zh' }): FeedbackSummary;
}

let services: Partial<TextServices> = {};

/** Replaces some or all analysis functions for every element on the page. */
export function setTextServices(replacements: Partial<TextServices>): void {
  services = { ...services, ...replacements };
}

/** The current functions; a missing one means the feature stays hidden. */
export function getTextServices(): Partial<TextServices> {
  return services;
}
