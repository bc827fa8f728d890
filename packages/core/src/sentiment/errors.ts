import { CowriteError } from '../errors/cowrite-error.ts';

export type SentimentInputErrorCode = 'NOT_A_STRING' | 'NOT_AN_ARRAY' | 'INVALID_REVIEW' | 'INVALID_OPTION';

/**
 * Thrown for input the analyser cannot read at all (a number instead of text, an unknown `lang`).
 * Odd but readable text (empty, HTML, emoji only, very long) never throws: it gets a defined result.
 */
export class SentimentInputError extends CowriteError {
  override name = 'SentimentInputError';
  declare readonly code: SentimentInputErrorCode;

  constructor(code: SentimentInputErrorCode, message: string) {
    super(code, message);
  }
}
