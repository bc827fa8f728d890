import type { Lang } from '../contracts/language.ts';
import { PromptingError } from './errors.ts';
import { analyzeSentiment } from '../sentiment/index.ts';
import type { SentimentLabel } from '../sentiment/index.ts';

/** A star rating suggested from review text by `suggestRating`. */
export interface RatingSuggestion {
  /** Suggested stars, 1–5. A suggestion only: the shopper always sets the final rating. */
  rating: 1 | 2 | 3 | 4 | 5;
  /** 0–1. Low when sentiment is weak or the score sits near a star boundary; 0 when the text carries no sentiment. */
  confidence: number;
  /** The feedback-sentiment score (-1..1) the rating came from. */
  score: number;
  /** The sentiment label of the text. */
  label: SentimentLabel;
}

// Score bands, lowest star first: a lukewarm "it's okay" (-0.2..0.15) lands on 3 stars.
const LOWER_BOUNDS: readonly [number, RatingSuggestion['rating']][] = [
  [0.55, 5],
  [0.15, 4],
  [-0.25, 3],
  [-0.6, 2],
];
const BOUNDARIES = LOWER_BOUNDS.map(([b]) => b);
const HALF_BAND = 0.2;

/** Suggests a star rating from the review text's sentiment, with how sure it is. */
export function suggestRating(text: string, options: { lang?: Lang } = {}): RatingSuggestion {
  if (typeof text !== 'string') throw new PromptingError('INVALID_INPUT', `suggestRating expects a string, got ${text === null ? 'null' : typeof text}.`, 'text');
  const sentiment = analyzeSentiment(text, options.lang ? { lang: options.lang } : {});
  const score = sentiment.score;
  const rating = LOWER_BOUNDS.find(([bound]) => score >= bound)?.[1] ?? 1;
  if (sentiment.confidence === 0) return { rating: 3, confidence: 0, score, label: sentiment.label };
  // Near a boundary the neighbouring star is almost as likely: halve the confidence there.
  const distance = Math.min(...BOUNDARIES.map((b) => Math.abs(score - b)));
  const margin = Math.min(1, distance / HALF_BAND);
  const confidence = Math.round(sentiment.confidence * (0.5 + 0.5 * margin) * 1000) / 1000;
  return { rating, confidence, score, label: sentiment.label };
}
