import type { LanguagePack, LexiconEntry } from './lexicon-types.ts';

/**
 * The English lexicon as the tokenizer reads it: every word that occurs in any key gets a small
 * id in an open-addressing table keyed by the word's hash, and multi-word keys form a trie of
 * those ids. The scanner hashes each word while it reads it, so looking a word up creates no
 * string: most words of a review are not in the lexicon and cost one probe. A hit is confirmed
 * character by character, so a hash collision never changes a result.
 * Built once per pack (packs are plain objects, so apps can bring their own).
 */
export interface EnglishIndex {
  /** hash slot → word id + 1 (0 = empty); linear probing. */
  slots: Int32Array;
  slotMask: number;
  /** Per word id: the lower-case word, its hash, and what the word alone means. */
  words: string[];
  hashes: Int32Array;
  /** The word's own entry, or, for "xs" (4+ letters) with no entry, the entry of "x" (plurals, third person). */
  entries: Array<LexiconEntry | null>;
  /** Phrase trie: node → (word id → child node); node 0 is the root. */
  children: Array<Map<number, number> | undefined>;
  /** Entry of the phrase that ends at a node (multi-word keys only). */
  phraseEntries: Array<LexiconEntry | null>;
  maxPhraseWords: number;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** The scanner's hash step for one lower-cased code (typographic apostrophe already folded to '). */
export const hashStep = (hash: number, code: number): number => Math.imul(hash ^ code, FNV_PRIME);
export const HASH_START = FNV_OFFSET;

/** A whole word's hash, as the scanner builds it with `hashStep` (the learned model's negator table uses it too). */
export function hashOf(word: string): number {
  let hash = FNV_OFFSET;
  for (let index = 0; index < word.length; index++) hash = hashStep(hash, word.charCodeAt(index));
  return hash;
}

const indexes = new WeakMap<LanguagePack, EnglishIndex>();

export function englishIndexOf(pack: LanguagePack): EnglishIndex {
  let index = indexes.get(pack);
  if (!index) {
    index = buildIndex(pack);
    indexes.set(pack, index);
  }
  return index;
}

function buildIndex(pack: LanguagePack): EnglishIndex {
  const ids = new Map<string, number>();
  const words: string[] = [];
  const idOf = (word: string): number => {
    let id = ids.get(word);
    if (id === undefined) {
      id = words.length;
      ids.set(word, id);
      words.push(word);
    }
    return id;
  };
  const children: Array<Map<number, number> | undefined> = [undefined];
  const phraseEntries: Array<LexiconEntry | null> = [null];
  let maxPhraseWords = 1;
  for (const [key, entry] of pack.entries) {
    const parts = key.split(' ');
    if (parts.length === 1) {
      idOf(key);
      continue;
    }
    maxPhraseWords = Math.max(maxPhraseWords, parts.length);
    let node = 0;
    for (const part of parts) {
      const id = idOf(part);
      let next = children[node]?.get(id);
      if (next === undefined) {
        next = phraseEntries.length;
        phraseEntries.push(null);
        children.push(undefined);
        (children[node] ??= new Map()).set(id, next);
      }
      node = next;
    }
    phraseEntries[node] = entry;
  }
  // Plurals of single-word keys ("scratches", "leaks") get their own id, as lookups used to strip the "s".
  for (const key of pack.entries.keys()) if (key.length >= 3 && !key.includes(' ')) idOf(`${key}s`);
  const entries = words.map((word) => pack.entries.get(word) ?? (word.length > 3 && word.endsWith('s') ? pack.entries.get(word.slice(0, -1)) ?? null : null));
  let size = 16;
  while (size < words.length * 4) size *= 2;
  const slots = new Int32Array(size);
  const hashes = new Int32Array(words.length);
  words.forEach((word, id) => {
    const hash = hashOf(word);
    hashes[id] = hash;
    let slot = mixSlot(hash) & (size - 1);
    while (slots[slot] !== 0) slot = (slot + 1) & (size - 1);
    slots[slot] = id + 1;
  });
  return { slots, slotMask: size - 1, words, hashes, entries, children, phraseEntries, maxPhraseWords };
}

const mixSlot = (hash: number): number => {
  const h = Math.imul(hash ^ (hash >>> 16), 0x45d9f3b);
  return h ^ (h >>> 16);
};

/**
 * The id of text[start, end) as a lexicon word (compared lower-cased, ’ as '), or -1.
 * `hash` is what the scanner computed with hashStep over the same characters.
 */
export function findWord(index: EnglishIndex, hash: number, text: string, start: number, end: number): number {
  let slot = mixSlot(hash) & index.slotMask;
  for (;;) {
    const stored = index.slots[slot];
    if (stored === 0) return -1;
    const id = stored - 1;
    if (index.hashes[id] === hash && sameWord(index.words[id], text, start, end)) return id;
    slot = (slot + 1) & index.slotMask;
  }
}

function sameWord(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let offset = 0; offset < word.length; offset++) {
    let code = text.charCodeAt(start + offset);
    if (code >= 65 && code <= 90) code += 32;
    else if (code === 0x2019) code = 39;
    if (code !== word.charCodeAt(offset)) return false;
  }
  return true;
}
