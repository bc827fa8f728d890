import { EMOJI_VALENCE, EMOTICON_PATTERN, EMOTICON_VALENCE, PICTOGRAPH } from './emoji.ts';
import type { LanguagePack, LexiconEntry } from './lexicon-types.ts';
import { breakUnit, CLAUSE_PUNCTUATION, type LexUnit } from './lex-unit.ts';

interface RawToken {
  start: number;
  end: number;
  /** Lower-case word with typographic apostrophes normalised; '' for non-words. */
  word: string;
  unit: LexUnit | null;
}

const WORD = /[A-Za-z0-9]+(?:['’][A-Za-z]+)*/y;
const CAPS_EMPHASIS = 1.4;
const EMOTICON_START = ':;=<>^xXT(-';

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
    const surface = text.slice(token.start, token.end);
    const emphasis = token.end - token.start >= 2 && /^[A-Z]+$/.test(surface) ? CAPS_EMPHASIS : 1;
    units.push({ start: token.start, end: token.end, entry: lookupWord(token.word, pack), isBreak: false, emphasis });
    index++;
  }
  return units;
}

function scanEnglish(text: string, start: number, end: number): RawToken[] {
  const tokens: RawToken[] = [];
  let index = start;
  while (index < end) {
    const char = text[index];
    const code = char.charCodeAt(0);
    if (code <= 32) {
      index++;
      continue;
    }
    if (EMOTICON_START.includes(char)) {
      EMOTICON_PATTERN.lastIndex = index;
      const emoticon = EMOTICON_PATTERN.exec(text);
      // "xD" only counts on its own, not inside a word like "xDrive".
      if (emoticon && index + emoticon[0].length <= end && !/[A-Za-z]/.test(text[index + emoticon[0].length] ?? '')) {
        const valence = EMOTICON_VALENCE.get(emoticon[0]) ?? 0;
        const unitEnd = index + emoticon[0].length;
        tokens.push({ start: index, end: unitEnd, word: '', unit: symbolUnit(index, unitEnd, valence) });
        index = unitEnd;
        continue;
      }
    }
    WORD.lastIndex = index;
    const word = WORD.exec(text);
    if (word) {
      const wordEnd = Math.min(end, index + word[0].length);
      tokens.push({ start: index, end: wordEnd, word: text.slice(index, wordEnd).toLowerCase().replace(/’/g, "'"), unit: null });
      index = wordEnd;
      continue;
    }
    if (CLAUSE_PUNCTUATION.includes(char)) {
      tokens.push({ start: index, end: index + 1, word: '', unit: breakUnit(index, index + 1) });
      index++;
      continue;
    }
    const pictograph = readPictograph(text, index);
    if (pictograph) {
      tokens.push({ start: index, end: index + pictograph.length, word: '', unit: symbolUnit(index, index + pictograph.length, pictograph.valence) });
      index += pictograph.length;
      continue;
    }
    index++;
  }
  return tokens;
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
  const entry: LexiconEntry | null = valence === 0 ? null : { kind: 'polar', value: valence };
  return { start, end, entry, isBreak: false, emphasis: 1 };
}

function matchPhrase(raw: RawToken[], index: number, pack: LanguagePack): { entry: LexiconEntry; length: number } | null {
  if (!pack.phraseStarts.has(raw[index].word)) return null;
  const longest = Math.min(pack.maxKeyLength, raw.length - index);
  for (let length = longest; length >= 2; length--) {
    let key = raw[index].word;
    let complete = true;
    for (let offset = 1; offset < length; offset++) {
      const word = raw[index + offset].word;
      if (!word) {
        complete = false;
        break;
      }
      key += ' ' + word;
    }
    if (!complete) continue;
    const entry = pack.entries.get(key);
    if (entry) return { entry, length };
  }
  return null;
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
