import { CowriteError } from '../errors/cowrite-error.ts';

/** Why a prompting call could not run. Stable strings: callers switch on them. */
export type PromptingErrorCode = 'MISSING_FIELD' | 'INVALID_INPUT' | 'PROMPT_TOO_LONG' | 'INVALID_TEMPLATE' | 'ENGINE_UNSUITED';

/** Thrown for bad input before any generation starts (so nothing is half-done). */
export class PromptingError extends CowriteError {
  /** Always `'PromptingError'`. */
  override name = 'PromptingError';
  /** Why the call could not run; see `PromptingErrorCode`. */
  declare readonly code: PromptingErrorCode;
  /** The input field at fault, when there is one. */
  readonly field: string | undefined;

  constructor(code: PromptingErrorCode, message: string, field?: string) {
    super(code, message);
    this.field = field;
  }
}
