
import type { Lang } from '../../contracts/language.ts';
import type { ProductFacts } from './facts.ts';

/** What kind of problem a finding is: an unverifiable `claim`, `bias`ed language, `profanity`, or personal data (`pii`). */
export type GuardCategory = 'claim' | 'bias' | 'profanity' | 'pii';
/**
 * Who wrote the text.
 * - `generated`: model or marketing copy: every rule runs (unverifiable superlatives, health and safety claims,
 *   stereotypes, condescension, and claims the product facts do not support).
 * - `shopper`: a shopper's own words: only what a review moderation team removes (profanity and slurs, personal
 *   data, demeaning statements about groups); opinions, self-descriptions and colour words pass.
 */
export type GuardOrigin = 'shopper' | 'generated';
/** How serious a finding is; `rejectAt` compares against it (`low` < `medium` < `high`). */
export type GuardSeverity = 'low' | 'medium' | 'high';
/**
 * - `annotate`: text unchanged, findings listed.
 * - `redact`: personal data and profanity replaced in `text`; claims and bias only listed.
 * - `reject`: when a finding reaches `rejectAt`, `text` is '' and `rejected` is true; otherwise as `redact`.
 */
export type GuardPolicy = 'annotate' | 'redact' | 'reject';

/** All four guard categories, the default for `GuardOptions.categories`. */
export const GUARD_CATEGORIES: readonly GuardCategory[] = ['claim', 'bias', 'profanity', 'pii'];

/** A suggested fix for one finding. */
export interface GuardSuggestion {
  /** soften: reword more modestly; remove: drop the words; redact: replaced by a placeholder. */
  action: 'soften' | 'remove' | 'redact';
  /** Text to put in place of the span ('' to delete), when a mechanical fix makes sense. */
  replacement?: string;
  /** One line for a merchant or shopper. */
  message: string;
}

/** One problem the guard found in a text. */
export interface GuardFinding {
  /** What kind of problem this is. */
  category: GuardCategory;
  /** UTF-16 offsets into the text given to `guardText` (not the redacted text). */
  start: number;
  /** End of the span (exclusive), in UTF-16 offsets into the text given to `guardText`. */
  end: number;
  /** How serious the finding is (set by the rule that matched). */
  severity: GuardSeverity;
  /** How to fix it, with a one-line message. */
  suggestion: GuardSuggestion;
  /** The matched text, `text.slice(start, end)`. */
  match: string;
  /** Id of the rule that matched, for tuning and bug reports. */
  rule: string;
}

/** Settings for `guardText`. */
export interface GuardOptions {
  /** What to do with findings: `annotate` (default), `redact` or `reject`. */
  policy?: GuardPolicy;
  /** Which language's word rules to run; personal-data rules always run. Default 'auto' (both). */
  lang?: Lang | 'auto';
  /** Lowest severity that makes `reject` reject. Default 'medium'. */
  rejectAt?: GuardSeverity;
  /** Categories to check. Default: all four. */
  categories?: readonly GuardCategory[];
  /** Who wrote the text; default 'generated' (every rule). */
  origin?: GuardOrigin;
  /**
   * The merchant's product attributes. With generated text, a number, material, certification, guarantee or
   * origin the facts lack or contradict is a `claim` finding whose suggestion quotes the fact.
   */
  facts?: ProductFacts;
}

/** What `guardText` found and, with `redact`/`reject`, the text after the policy was applied. */
export interface GuardResult {
  /** The input after redaction ('redact', or 'reject' that did not reject); '' when rejected. */
  text: string;
  /** Every finding, overlapping ones resolved; empty when the text is clean. */
  findings: GuardFinding[];
  /** The policy that was applied. */
  policy: GuardPolicy;
  /** True only with `policy: 'reject'` when a finding reached `rejectAt`. */
  rejected: boolean;
  /** Set when rejected: which categories made it reject. */
  rejectReason?: string;
}

/** One detection rule. Rules are data so a merchant can add their own. */
export interface GuardRule {
  /** Unique rule id, reported in `GuardFinding.rule`. */
  id: string;
  /** Category of the findings this rule reports. */
  category: GuardCategory;
  /** 'any' runs whatever the language (personal data, digits). */
  lang: Lang | 'any';
  /** Must carry the `g` flag; add `d` when `group` is used. */
  pattern: RegExp;
  /** Severity of the findings this rule reports. */
  severity: GuardSeverity;
  /** Report the span of this capture group instead of the whole match. */
  group?: number;
  /** Anchored pattern for words a match may start with that are not part of the span ("我住在…"). */
  leadingNoise?: RegExp;
  /** Origins the rule runs for; default both. */
  origins?: readonly GuardOrigin[];
  /**
   * Grows an anchor match into the finding's span with bounded look-around (an address around "路88号");
   * undefined skips the match. Lets the pattern stay small and linear-time.
   */
  expand?: (match: RegExpExecArray, text: string) => { start: number; end: number } | undefined;
  /** Returns false to skip a match (context exclusions, checksums). */
  accept?: (match: RegExpExecArray, text: string) => boolean;
  /** Builds the suggestion for a matched span. */
  suggest: (matched: string) => GuardSuggestion;
}
