import { analyzeSentiment, guardText, suggestRating } from '@cowrite/core';
import type { GuardOrigin, ProductFacts } from '@cowrite/core';

/**
 * The text analysis the elements use: sentiment, rating suggestion and guard. The shapes follow `@cowrite/core` (`analyzeSentiment`, `suggestRating`,
 * `guardText`); a page or a test may swap any of them
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
  /** A fix as text, or core's `{ action, message, replacement? }`. */
  suggestion?: string | { message: string; replacement?: string };
}

export interface GuardReport {
  text: string;
  findings: readonly GuardFinding[];
}

export interface GuardCallOptions {
  lang?: 'en' | 'zh';
  /** 'shopper' for a shopper's own review (opinions pass), 'generated' for AI or marketing copy. */
  origin?: GuardOrigin;
  /** Product attributes generated copy must not contradict. */
  facts?: ProductFacts;
}

export interface TextServices {
  analyzeSentiment(text: string, options: { lang?: 'en' | 'zh' }): SentimentReading;
  suggestRating(text: string): RatingSuggestion;
  guardText(text: string, options: GuardCallOptions): GuardReport;
}

let services: Partial<TextServices> = {
  analyzeSentiment: (text, options) => analyzeSentiment(text, options),
  suggestRating: (text) => suggestRating(text),
  guardText: (text, options) => guardText(text, options),
};

/** Replaces some or all analysis functions for every element on the page. */
export function setTextServices(replacements: Partial<TextServices>): void {
  services = { ...services, ...replacements };
}

/** The current functions; a missing one means the feature stays hidden. */
export function getTextServices(): Partial<TextServices> {
  return services;
}
