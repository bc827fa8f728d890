/**
 * Reviews without their title. Most English corpus sources store a review as "Title. Body", and a title states the
 * verdict; stores that send no title give the model only the body. Evaluation scores these versions to see how the
 * model does on such stores, and training can show them to the model (title drop, TrainConfig.titleDrop) so that it
 * does not lean on a title being there.
 */
import { blankMarkup, splitSentences } from '../../packages/core/src/sentiment/text-prep.ts';
import type { LabelledReview } from './corpus.ts';

/** The review without its first sentence (the title, in this corpus), when it has two or more; else the review. */
export function withoutFirstSentence(text: string): string {
  const spans = splitSentences(blankMarkup(text));
  return spans.length >= 2 ? text.slice((spans[1] as { start: number }).start) : text;
}

/** Every review with its first sentence removed (row for row, labels and sources kept). */
export const untitledReviews = (reviews: readonly LabelledReview[]): LabelledReview[] => reviews.map((review) => ({ ...review, text: withoutFirstSentence(review.text) }));
