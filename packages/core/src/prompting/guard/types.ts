import type { PromptLang } from '../lang.ts';

export type GuardCategory = 'claim' | 'bias' | 'profanity' | 'pii';
export type GuardSeverity = 'low' | 'medium' | 'high';
/**
 * - `annotate`: text unchanged, findings listed.
 * - `redact`: personal data and profanity replaced in `text`; claims and bias only listed.
 * - `reject`: when a finding reaches `rejectAt`, `text` is '' and `rejected` is true; otherwise as `redact`.
 */
export type GuardPolicy = 'annotate' | 'redact' | 'reject';

export const GUARD_CATEGORIES: readonly GuardCategory[] = ['claim', 'bias', 'profanity', 'pii'];

export interface GuardSuggestion {
  /** soften: reword more modestly; remove: drop the words; redact: replaced by a placeholder. */
  action: 'soften' | 'remove' | 'redact';
  /** Text to put in place of the span ('' to delete), when a mechanical fix makes sense. */
  replacement?: string;
  /** One line for a merchant or shopper. */
  message: string;
}

export interface GuardFinding {
  category: GuardCategory;
  /** UTF-16 offsets into the text given to `guardText` (not the redacted text). */
  start: number;
  end: number;
  severity: GuardSeverity;
  suggestion: GuardSuggestion;
  /** The matched text, `text.slice(start, end)`. */
  match: string;
  /** Id of the rule that matched, for tuning and bug reports. */
  rule: string;
}

export interface GuardOptions {
  policy?: GuardPolicy;
  /** Which language's word rules to run; personal-data rules always run. Default 'auto' (both). */
  lang?: PromptLang | 'auto';
  /** Lowest severity that makes `reject` reject. Default 'medium'. */
  rejectAt?: GuardSeverity;
  /** Categories to check. Default: all four. */
  categories?: readonly GuardCategory[];
}

export interface GuardResult {
  /** The input after redaction ('redact', or 'reject' that did not reject); '' when rejected. */
  text: string;
  findings: GuardFinding[];
  policy: GuardPolicy;
  rejected: boolean;
  /** Set when rejected: which categories made it reject. */
  rejectReason?: string;
}

/** One detection rule. Rules are data so a merchant can add their own. */
export interface GuardRule {
  id: string;
  category: GuardCategory;
  /** 'any' runs whatever the language (personal data, digits). */
  lang: PromptLang | 'any';
  /** Must carry the `g` flag; add `d` when `group` is used. */
  pattern: RegExp;
  severity: GuardSeverity;
  /** Report the span of this capture group instead of the whole match. */
  group?: number;
  /** Anchored pattern for words a match may start with that are not part of the span ("我住在…"). */
  leadingNoise?: RegExp;
  /** Returns false to skip a match (context exclusions, checksums). */
  accept?: (match: RegExpExecArray, text: string) => boolean;
  suggest: (matched: string) => GuardSuggestion;
}
