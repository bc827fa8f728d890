import type { TextGenerator } from '@cowrite/core';
import type { Continuation, ReviewContext } from '../services/tasks.ts';
import type { GuardReport } from '../services/text-services.ts';

/** Custom suggestion source: replaces the engine call (e.g. a server endpoint). */
export type SuggestFunction = (
  context: ReviewContext,
  signal: AbortSignal,
  engine: TextGenerator | undefined,
) => Promise<Continuation | string>;

/** Why a suggestion went away unaccepted: Esc, typing that did not match it, a caret move or click in the field, focus leaving the composer, or a new suggestion or value replacing it. */
export type SuggestionDismissReason = 'escape' | 'typing' | 'caret' | 'blur' | 'replaced';

/** `detail` of `cw-suggestion-show`. */
export interface SuggestionShowDetail {
  /** The suggestion text shown as ghost text. */
  suggestion: string;
  /** `continuation` (offered while typing) or `help` (asked for with "Help me write"). */
  source: 'continuation' | 'help';
}
/** `detail` of `cw-suggestion-accept`. */
export interface SuggestionAcceptDetail {
  /** The text inserted into the draft. */
  text: string;
  /** True when only the next word was accepted (Ctrl/⌘ + →). */
  partial: boolean;
}
/** `detail` of `cw-suggestion-dismiss`. */
export interface SuggestionDismissDetail {
  /** The suggestion that went away. */
  suggestion: string;
  /** Why it went away. */
  reason: SuggestionDismissReason;
}
/** `detail` of `cw-guard`. */
export interface GuardDetail {
  /** What the guard found in the draft. */
  report: GuardReport;
}
