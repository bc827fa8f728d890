import type { TextGenerator } from '@cowrite/core';
import type { Continuation, ReviewContext } from '../services/tasks.ts';
import type { GuardReport } from '../services/text-services.ts';

/** Custom suggestion source: replaces the engine call (e.g. a server endpoint). */
export type SuggestFunction = (
  context: ReviewContext,
  signal: AbortSignal,
  engine: TextGenerator | undefined,
) => Promise<Continuation | string>;

export type SuggestionDismissReason = 'escape' | 'typing' | 'caret' | 'blur' | 'replaced';

export interface SuggestionShowDetail {
  suggestion: string;
  source: 'continuation' | 'help';
}
export interface SuggestionAcceptDetail {
  text: string;
  partial: boolean;
}
export interface SuggestionDismissDetail {
  suggestion: string;
  reason: SuggestionDismissReason;
}
export interface GuardDetail {
  report: GuardReport;
}
