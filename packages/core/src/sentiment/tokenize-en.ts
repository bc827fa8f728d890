import { EMOJI_VALENCE, EMOTICON_PATTERN, EMOTICON_START_CODES, EMOTICON_VALENCE, PICTOGRAPH } from './emoji.ts';
import type { LanguagePack, LexiconEntry } from './lexicon-types.ts';
import { breakUnit, CLAUSE_PUNCTUATION_CODES, type LexUnit } from './lex-unit.ts';
import { englishIndexOf, findWord, HASH_START, hashStep, type EnglishIndex } from './english-index.ts';
import { BREAK_TOKEN, NEGATED_TOKEN, SHOUTED_TOKEN, WORD_TOKEN, type EnglishScan } from './english-scan.ts';

/**
 * Scratch token arrays reused across calls (the analyser is synchronous and not re-entrant):
 * a word token has its lexicon word id (-1 when unknown) and flags; a symbol or break token
 * has its ready-made unit. Nothing is allocated per word: only lexicon hits get a LexUnit of their own.
 */
let starts = new Int32Array(256);
let ends = new Int32Array(256);
let wordIds = new Int32Array(256);
let flags = new Uint8Array(256);
let featureHashes = new Int32Array(256);
const symbolUnits: Array<LexUnit | null> = [];
let tokenCount = 0;

/** The last scan, as the learned model reads it (its arrays are replaced when they grow). */
const lastScan: EnglishScan = { count: 0, featureHashes, flags };

const CAPS_EMPHASIS = 1.4;

/**
 * Every word the lexicon does not know shares this unit: the scorer only counts such words (for
 * negation and modifier reach) and never reads their offsets, and most words of a review are
 * unknown, so this saves an object per word.
 */
const UNKNOWN_WORD: LexUnit = Object.freeze({ start: -1, end: -1, entry: null, isBreak: false, emphasis: 1 });

const isAsciiLetter = (code: number): boolean => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
const isWordCode = (code: number): boolean => isAsciiLetter(code) || (code >= 48 && code <= 57);
const isApostrophe = (code: number): boolean => code === 39 || code === 0x2019;

/** Words, emoji, emoticons and clause breaks of text[start, end), then longest-match against the lexicon. */
export function tokenizeEnglish(text: string, start: number, end: number, pack: LanguagePack): LexUnit[] {
  const index = englishIndexOf(pack);
  scanEnglish(text, start, end, index);
  const units: LexUnit[] = [];
  for (let at = 0; at < tokenCount; ) {
    const unit = symbolUnits[at];
    if (unit) {
      units.push(unit);
      at++;
      continue;
    }
    const phrase = wordIds[at] >= 0 ? matchPhrase(at, index) : 0;
    if (phrase > 0) {
      units.push({ start: starts[at], end: ends[at + phraseLength - 1], entry: index.phraseEntries[phrase], isBreak: false, emphasis: 1 });
      at += phraseLength;
      continue;
    }
    const id = wordIds[at];
    const entry = (id >= 0 ? index.entries[id] : null) ?? ((flags[at] & NEGATED_TOKEN) !== 0 ? NEGATED_CONTRACTION : null);
    units.push(entry === null ? UNKNOWN_WORD : { start: starts[at], end: ends[at], entry, isBreak: false, emphasis: (flags[at] & SHOUTED_TOKEN) !== 0 ? CAPS_EMPHASIS : 1 });
    at++;
  }
  return units;
}

/**
 * The tokens of the span the English tokenizer scanned last (tokenizeEnglish or scanEnglishWords),
 * for the learned model's n-grams. Valid until the next scan.
 */
export function lastEnglishScan(): EnglishScan {
  lastScan.count = tokenCount;
  lastScan.featureHashes = featureHashes;
  lastScan.flags = flags;
  return lastScan;
}

/** Scans text[start, end) without a lexicon (word ids all -1): for the learned model where no English pack is loaded, and for training. */
export function scanEnglishWords(text: string, start: number, end: number): EnglishScan {
  scanEnglish(text, start, end, null);
  return lastEnglishScan();
}

function pushToken(tokenStart: number, tokenEnd: number, wordId: number, tokenFlags: number, unit: LexUnit | null, featureHash = 0): void {
  if (tokenCount === starts.length) {
    const grow = <T extends Int32Array | Uint8Array>(array: T, make: (size: number) => T): T => {
      const grown = make(array.length * 2);
      grown.set(array);
      return grown;
    };
    starts = grow(starts, (size) => new Int32Array(size));
    ends = grow(ends, (size) => new Int32Array(size));
    wordIds = grow(wordIds, (size) => new Int32Array(size));
    flags = grow(flags, (size) => new Uint8Array(size));
    featureHashes = grow(featureHashes, (size) => new Int32Array(size));
  }
  starts[tokenCount] = tokenStart;
  ends[tokenCount] = tokenEnd;
  wordIds[tokenCount] = wordId;
  flags[tokenCount] = tokenFlags;
  featureHashes[tokenCount] = featureHash;
  symbolUnits[tokenCount] = unit;
  tokenCount++;
}

function scanEnglish(text: string, start: number, end: number, lexicon: EnglishIndex | null): void {
  tokenCount = 0;
  // Every token sets its slot; emptying the list only drops a longer earlier scan's units.
  symbolUnits.length = 0;
  let index = start;
  while (index < end) {
    const code = text.charCodeAt(index);
    if (code <= 32) {
      index++;
      continue;
    }
    if (EMOTICON_START_CODES.has(code)) {
      EMOTICON_PATTERN.lastIndex = index;
      const emoticon = EMOTICON_PATTERN.exec(text);
      // "xD" only counts on its own, not inside a word like "xDrive".
      if (emoticon && index + emoticon[0].length <= end && !isAsciiLetter(text.charCodeAt(index + emoticon[0].length))) {
        const unitEnd = index + emoticon[0].length;
        pushToken(index, unitEnd, -1, 0, symbolUnit(index, unitEnd, EMOTICON_VALENCE.get(emoticon[0]) ?? 0));
        index = unitEnd;
        continue;
      }
    }
    if (isWordCode(code)) {
      index = scanWord(text, index, end, lexicon);
      continue;
    }
    if (CLAUSE_PUNCTUATION_CODES.has(code)) {
      pushToken(index, index + 1, -1, BREAK_TOKEN, breakUnit(index, index + 1));
      index++;
      continue;
    }
    const pictograph = code >= 0x2300 ? readPictograph(text, index) : null;
    if (pictograph) {
      pushToken(index, index + pictograph.length, -1, 0, symbolUnit(index, index + pictograph.length, pictograph.valence));
      index += pictograph.length;
      continue;
    }
    index++;
  }
}

/**
 * One word at `wordStart`: letters and digits, with inner apostrophes ("don't", "kid’s").
 * Hashes the lower-cased word as it goes and looks it up; returns where the word ends.
 * The learned model's hash is the same one unless the word has a digit or an apostrophe (rare):
 * those are hashed again, folded.
 */
function scanWord(text: string, wordStart: number, end: number, lexicon: EnglishIndex | null): number {
  let hash = HASH_START;
  let folded = false;
  let upper = false;
  let lower = false;
  let last = 0;
  let beforeLast = 0;
  let at = wordStart;
  while (at < end) {
    let code = text.charCodeAt(at);
    if (code >= 65 && code <= 90) {
      upper = true;
      code += 32;
    } else if (code >= 97 && code <= 122) lower = true;
    else if (code >= 48 && code <= 57) folded = true;
    else if (isApostrophe(code) && at > wordStart && at + 1 < end && isAsciiLetter(text.charCodeAt(at + 1))) {
      code = 39;
      folded = true;
    } else break;
    hash = hashStep(hash, code);
    beforeLast = last;
    last = code;
    at++;
  }
  // "n't": the apostrophe is the character before the last ('t'), and an 'n' comes before it.
  const negated = last === 116 && beforeLast === 39 && at - wordStart >= 3 && (text.charCodeAt(at - 3) | 32) === 110;
  const tokenFlags = WORD_TOKEN | (at - wordStart >= 2 && upper && !lower ? SHOUTED_TOKEN : 0) | (negated ? NEGATED_TOKEN : 0);
  const wordId = lexicon === null ? -1 : findWord(lexicon, hash, text, wordStart, at);
  pushToken(wordStart, at, wordId, tokenFlags, null, folded ? foldedHash(text, wordStart, at) : hash);
  return at;
}

/** The learned model's hash of a word with digits or apostrophes: lower case, digits as '0', apostrophes dropped. */
function foldedHash(text: string, start: number, end: number): number {
  let hash = HASH_START;
  for (let at = start; at < end; at++) {
    let code = text.charCodeAt(at);
    if (code >= 65 && code <= 90) code += 32;
    else if (code >= 48 && code <= 57) code = 48;
    else if (isApostrophe(code)) continue;
    hash = hashStep(hash, code);
  }
  return hash;
}

/** An emoji (with its variation selector) at `index`, or null. Shared with the Chinese tokenizer. */
export function readPictograph(text: string, index: number): { length: number; valence: number } | null {
  const code = text.codePointAt(index) ?? 0;
  if (code < 0x2300) return null;
  const char = String.fromCodePoint(code);
  if (!PICTOGRAPH.test(char)) return null;
  let length = char.length;
  while (index + length < text.length && /[\uFE0F\u200D\u{1F3FB}-\u{1F3FF}]/u.test(String.fromCodePoint(text.codePointAt(index + length) ?? 0))) {
    length += (text.codePointAt(index + length) ?? 0) > 0xffff ? 2 : 1;
  }
  return { length, valence: EMOJI_VALENCE.get(char) ?? 0 };
}

export function symbolUnit(start: number, end: number, valence: number): LexUnit {
  const entry: LexiconEntry | null = valence === 0 ? null : { kind: 'polar', value: valence, standalone: true };
  return { start, end, entry, isBreak: false, emphasis: 1 };
}

let phraseLength = 0;

/** Longest multi-word key starting at token `at` (a known word): its trie node, or 0; its length in `phraseLength`. */
function matchPhrase(at: number, index: EnglishIndex): number {
  let node = index.children[0]?.get(wordIds[at]);
  if (node === undefined) return 0;
  let found = 0;
  for (let length = 2; length <= index.maxPhraseWords && at + length <= tokenCount; length++) {
    const next = at + length - 1;
    const id = wordIds[next];
    if (id < 0 || symbolUnits[next]) break;
    node = index.children[node]?.get(id);
    if (node === undefined) break;
    if (index.phraseEntries[node]) {
      found = node;
      phraseLength = length;
    }
  }
  return found;
}

const NEGATED_CONTRACTION: LexiconEntry = { kind: 'negator' };
