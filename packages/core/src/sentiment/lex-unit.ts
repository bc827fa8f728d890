import type { LexiconEntry } from './lexicon-types.ts';

/** One token of a sentence after lexicon matching; offsets are into the original text. */
export interface LexUnit {
  start: number;
  end: number;
  /** null: a word the lexicon does not know (it still counts toward negation scope). */
  entry: LexiconEntry | null;
  /** Clause punctuation (",", ";", "，", "、"): ends negation scope and aspect attribution. */
  isBreak: boolean;
  /** ALL-CAPS emphasis factor, 1 otherwise. */
  emphasis: number;
}

export const breakUnit = (start: number, end: number): LexUnit => ({ start, end, entry: null, isBreak: true, emphasis: 1 });

export const CLAUSE_PUNCTUATION = ',;:()，；：、（）"“”';

/** The same characters by code, for the per-character scanners. */
export const CLAUSE_PUNCTUATION_CODES: ReadonlySet<number> = new Set([...CLAUSE_PUNCTUATION].map((char) => char.charCodeAt(0)));
