/** Why a prompting call could not run. Stable strings: callers switch on them. */
export type PromptingErrorCode =
  | 'missing-field'
  | 'invalid-input'
  | 'prompt-too-long'
  | 'invalid-template';

/** Thrown for bad input before any generation starts (so nothing is half-done). */
export class PromptingError extends Error {
  readonly code: PromptingErrorCode;
  /** The input field at fault, when there is one. */
  readonly field: string | undefined;

  constructor(code: PromptingErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'PromptingError';
    this.code = code;
    this.field = field;
  }
}
