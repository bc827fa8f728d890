import { CowriteError } from '../errors/cowrite-error.ts';

/**
 * Why sentiment input was rejected: `NOT_A_STRING` (analysed text), `NOT_AN_ARRAY` (`summarizeFeedback`'s reviews),
 * `INVALID_REVIEW` (a review that is neither a string nor `{ text }`), `INVALID_OPTION` (an unknown `lang`, a bad count).
 */
export type SentimentInputErrorCode = 'NOT_A_STRING' | 'NOT_AN_ARRAY' | 'INVALID_REVIEW' | 'INVALID_OPTION';

/**
 * Thrown for input the analyser cannot read at all (a number instead of text, an unknown `lang`).
 * Odd but readable text (empty, HTML, emoji only, very long) never throws: it gets a defined result.
 */
export class SentimentInputError extends CowriteError {
  /** Always `'SentimentInputError'`. */
  override name = 'SentimentInputError';
  /** Why the input was rejected; one of the `CowriteErrorCode`s, narrowed to the sentiment ones. */
  declare readonly code: SentimentInputErrorCode;

  constructor(code: SentimentInputErrorCode, message: string) {
    super(code, message);
  }
}
