import type { Lang } from '../contracts/language.ts';
import type { AspectName } from './types.ts';

/** What one lexicon key (an English word/phrase or a Chinese string) does to the score. */
export type LexiconEntry =
  /** Carries sentiment, -5..5. `aspect`: the phrase names its aspect itself ("true to size"). */
  | {
      kind: 'polar';
      value: number;
      aspect?: AspectName;
      byAspect?: Partial<Record<AspectName, number>>;
      comparative?: boolean;
      /** Emoji and emoticons: judge the whole review, never an aspect. */
      standalone?: boolean;
      /** Takes the sign of the opinion before it in its clause ("poor quality for the price" is a price complaint). */
      echoes?: boolean;
    }
  /** Flips the next polar word within a short scope ("not", "never", "不", "没有"); `strength` scales the flip. */
  | { kind: 'negator'; strength?: number }
  /** Intensifier (>1) or diminisher (<1) of the next polar word; `comparative` marks "more"/"更". */
  | { kind: 'modifier'; factor: number; comparative?: boolean }
  /** "but": the clause after weighs more. "although": its own clause weighs less. */
  | { kind: 'contrast'; weighs: 'after' | 'before' }
  | { kind: 'aspect'; aspect: AspectName }
  /** "old", "previous", "以前": a comparative after it praises or blames the other product, not this one. */
  | { kind: 'reference' }
  /** "than", "比": the comparison points at this product. */
  | { kind: 'than' }
  /** "have to", "need to": a chore the shopper must do. */
  | { kind: 'obligation' }
  /** "to get", "in order to": after an obligation, the praise that follows is a goal, not what the product does ("I have to jiggle the plug to get decent volume"). */
  | { kind: 'purpose' }
  /** Known word without sentiment; its job is to win the longest match ("gift", "好像"). */
  | { kind: 'neutral' };

/**
 * One language's lexicon, ready for the analyser: what `createSentimentAnalyzer` takes per language
 * (`englishPack`, `chinesePack`). Build your own only to swap the lexicon; the shipped packs cover reviews.
 */
export interface LanguagePack {
  /** The language the pack reads: `en` (word tokens) or `zh` (characters). */
  lang: Lang;
  /** en: lower-case words joined by single spaces; zh: the characters. */
  entries: ReadonlyMap<string, LexiconEntry>;
  /** Negation reaches this many following words/segments. */
  negationScope: number;
}

/** Builds a pack from plain tables; later tables override earlier ones (domain lexicon over general). */
export function buildLanguagePack(
  lang: Lang,
  tables: ReadonlyArray<Iterable<readonly [string, LexiconEntry]>>,
  negationScope: number,
): LanguagePack {
  const entries = new Map<string, LexiconEntry>();
  for (const table of tables) for (const [key, entry] of table) entries.set(key, entry);
  return { lang, entries, negationScope };
}

/** Shorthands that keep the lexicon tables readable. */
export const polar = (value: number, aspect?: AspectName): LexiconEntry =>
  aspect ? { kind: 'polar', value, aspect } : { kind: 'polar', value };
export const aspectTerm = (aspect: AspectName): LexiconEntry => ({ kind: 'aspect', aspect });
export const modifier = (factor: number): LexiconEntry => ({ kind: 'modifier', factor });
export const negator = (strength?: number): LexiconEntry => (strength ? { kind: 'negator', strength } : { kind: 'negator' });
export const NEUTRAL: LexiconEntry = { kind: 'neutral' };

/** `[['great', 3], ['fits true to size', 2.5, 'size']]` → entries. */
export function polarTable(rows: ReadonlyArray<readonly [string, number, AspectName?]>): Array<[string, LexiconEntry]> {
  return rows.map(([key, value, aspect]) => [key, polar(value, aspect)]);
}

export function sameEntry(keys: readonly string[], entry: LexiconEntry): Array<[string, LexiconEntry]> {
  return keys.map((key) => [key, entry]);
}
