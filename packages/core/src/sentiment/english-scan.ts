/**
 * What one scan of an English sentence leaves behind for its readers: the lexicon tokenizer
 * (tokenize-en.ts) fills it, and the learned model's n-grams (learned/feature-hash.ts) read it,
 * so the characters are walked once for both.
 */
export interface EnglishScan {
  /** Tokens of the last scanned span. */
  count: number;
  /**
   * Per word token: FNV-1a of the word lower-cased with digits folded to '0' and apostrophes
   * dropped ("Didn't" = "didnt", "2 hours" = "3 hours"). 0 for other tokens.
   */
  featureHashes: Int32Array;
  /** Per token: the flag bits below. */
  flags: Uint8Array;
}

/** ALL-CAPS word of two or more letters. */
export const SHOUTED_TOKEN = 1;
/** Ends in n't ("didn't", "isn’t"). */
export const NEGATED_TOKEN = 2;
/** A word (letters/digits with inner apostrophes), as opposed to an emoji, emoticon or break. */
export const WORD_TOKEN = 4;
/** Clause punctuation (lex-unit.ts CLAUSE_PUNCTUATION). */
export const BREAK_TOKEN = 8;
