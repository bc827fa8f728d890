import { EMOJI_VALENCE, EMOTICON_PATTERN, EMOTICON_START_CODES, EMOTICON_VALENCE, PICTOGRAPH } from './emoji.ts';
import type { LanguagePack, LexiconEntry } from './lexicon-types.ts';
import { breakUnit, CLAUSE_PUNCTUATION_CODES, type LexUnit } from './lex-unit.ts';

interface RawToken {
  start: number;
  end: number;
  /** Lower-case word with typographic apostrophes normalised; '' for non-words. */
  word: string;
  /** Two or more letters, all upper case ("LOVE"). */
  shouted: boolean;
  unit: LexUnit | null;
}

const CAPS_EMPHASIS = 1.4;

const isAsciiLetter = (code: number): boolean => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
const isWordCode = (code: number): boolean => isAsciiLetter(code) || (code >= 48 && code <= 57);
const isApostrophe = (code: number): boolean => code === 39 || code === 0x2019;

/** Words, emoji, emoticons and clause breaks of text[start, end), then longest-match against the lexicon. */
export function tokenizeEnglish(text: string, start: number, end: number, pack: LanguagePack): LexUnit[] {
  const raw = scanEnglish(text, start, end);
  const units: LexUnit[] = [];
  for (let index = 0; index < raw.length; ) {
    const token = raw[index];
    if (token.unit) {
      units.push(token.unit);
      index++;
      continue;
    }
    const phrase = matchPhrase(raw, index, pack);
    if (phrase) {
      units.push({ start: token.start, end: raw[index + phrase.length - 1].end, entry: phrase.entry, isBreak: false, emphasis: 1 });
      index += phrase.length;
      continue;
    }
    units.push({ start: token.start, end: token.end, entry: lookupWord(token.word, pack), isBreak: false, emphasis: token.shouted ? CAPS_EMPHASIS : 1 });
    index++;
  }
  return units;
}

function scanEnglish(text: string, start: number, end: number): RawToken[] {
  const tokens: RawToken[] = [];
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
        tokens.push({ start: index, end: unitEnd, word: '', shouted: false, unit: symbolUnit(index, unitEnd, EMOTICON_VALENCE.get(emoticon[0]) ?? 0) });
        index = unitEnd;
        continue;
      }
    }
    if (isWordCode(code)) {
      const wordEnd = scanWord(text, index, end);
      let word = text.slice(index, wordEnd);
      const lower = word.toLowerCase();
      const shouted = wordEnd - index >= 2 && lower !== word && word.toUpperCase() === word;
      word = lower.includes('\u2019') ? lower.replace(/\u2019/g, "'") : lower;
      tokens.push({ start: index, end: wordEnd, word, shouted, unit: null });
      index = wordEnd;
      continue;
    }
    if (CLAUSE_PUNCTUATION_CODES.has(code)) {
      tokens.push({ start: index, end: index + 1, word: '', shouted: false, unit: breakUnit(index, index + 1) });
      index++;
      continue;
    }
    const pictograph = code >= 0x2300 ? readPictograph(text, index) : null;
    if (pictograph) {
      tokens.push({ start: index, end: index + pictograph.length, word: '', shouted: false, unit: symbolUnit(index, index + pictograph.length, pictograph.valence) });
      index += pictograph.length;
      continue;
    }
    index++;
  }
  return tokens;
}

/** Letters and digits, with inner apostrophes ("don't", "kid’s"). */
function scanWord(text: string, index: number, end: number): number {
  let at = index + 1;
  while (at < end) {
    const code = text.charCodeAt(at);
    if (isWordCode(code)) at++;
    else if (isApostrophe(code) && at + 1 < end && isAsciiLetter(text.charCodeAt(at + 1))) at += 2;
    else break;
  }
  return at;
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

/** Longest multi-word key starting at `index`; grows the key word by word while it is still a known prefix. */
function matchPhrase(raw: RawToken[], index: number, pack: LanguagePack): { entry: LexiconEntry; length: number } | null {
  let key = raw[index].word;
  if (!pack.phrasePrefixes.has(key)) return null;
  let found: { entry: LexiconEntry; length: number } | null = null;
  for (let length = 2; length <= pack.maxKeyLength && index + length <= raw.length; length++) {
    const word = raw[index + length - 1].word;
    if (!word) break;
    key += ' ' + word;
    const entry = pack.entries.get(key);
    if (entry) found = { entry, length };
    if (!pack.phrasePrefixes.has(key)) break;
  }
  return found;
}

const NEGATED_CONTRACTION: LexiconEntry = { kind: 'negator' };

function lookupWord(word: string, pack: LanguagePack): LexiconEntry | null {
  const entry = pack.entries.get(word);
  if (entry) return entry;
  if (word.endsWith("n't")) return NEGATED_CONTRACTION;
  // Plural or third person ("scratches", "leaks") of a known word.
  if (word.length > 3 && word.endsWith('s')) return pack.entries.get(word.slice(0, -1)) ?? null;
  return null;
}
