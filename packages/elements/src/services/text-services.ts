import { analyzeSentiment, guardText, suggestRating } from '@cowrite/core';
import type {
  GuardFinding as CoreGuardFinding,
  GuardOrigin,
  GuardSuggestion,
  Lang,
  ProductFacts,
  RatingSuggestion as CoreRatingSuggestion,
  SentimentLabel as CoreSentimentLabel,
  SentimentResult,
} from '@cowrite/core';

/**
 * The text analysis the elements use: sentiment, rating suggestion and guard. The shapes are derived from
 * `@cowrite/core` (`analyzeSentiment`, `suggestRating`, `guardText`), keeping only the fields the elements
 * read, so a page or a test may swap any of them (a merchant's own moderation service, a deterministic double).
 */
export type SentimentLabel = CoreSentimentLabel;

/** The part of core's `SentimentResult` the elements read. */
export type SentimentReading = Pick<SentimentResult, 'label' | 'score' | 'confidence'>;

/** The part of core's `RatingSuggestion` the elements read. */
export type RatingSuggestion = Pick<CoreRatingSuggestion, 'rating' | 'confidence'>;

/** The part of core's `GuardFinding` the elements read; a replacement service may give its fix as plain text. */
export interface GuardFinding extends Pick<CoreGuardFinding, 'category' | 'start' | 'end' | 'severity'> {
  /** A fix as text, or core's `{ action, message, replacement? }`. */
  suggestion?: string | Pick<GuardSuggestion, 'message' | 'replacement'>;
}

/** What a guard check found in a text (the part of core's `GuardResult` the elements read). */
export interface GuardReport {
  /** The text that was checked (core returns it redacted under `redact`; the elements call with the default `annotate`). */
  text: string;
  /** What was found; offsets are into the checked text. Empty when it is clean. */
  findings: readonly GuardFinding[];
}

/** Options the elements pass to `TextServices.guardText`. */
export interface GuardCallOptions {
  /** Language of the word rules; default: both. */
  lang?: Lang;
  /** 'shopper' for a shopper's own review (opinions pass), 'generated' for AI or marketing copy. */
  origin?: GuardOrigin;
  /** Product attributes generated copy must not contradict. */
  facts?: ProductFacts;
}

/** The analysis functions the elements call; replace any of them with `setTextServices`. */
export interface TextServices {
  /** Sentiment of a draft, for the composer's footer hint. */
  analyzeSentiment(text: string, options: { lang?: Lang }): SentimentReading;
  /** A star rating suggested from a draft, shown under the stars when confident. */
  suggestRating(text: string): RatingSuggestion;
  /** Checks text for claims, bias, profanity and personal data; the elements list the findings. */
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
