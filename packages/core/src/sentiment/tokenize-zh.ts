import { EMOTICON_PATTERN, EMOTICON_START_CODES, EMOTICON_VALENCE } from './emoji.ts';
import type { LanguagePack } from './lexicon-types.ts';
import { breakUnit, CLAUSE_PUNCTUATION_CODES, type LexUnit } from './lex-unit.ts';
import { readPictograph, symbolUnit } from './tokenize-en.ts';

let segmenter: Intl.Segmenter | null | undefined;

/** `Intl.Segmenter` where the runtime has it; without it every character is its own segment. */
function getSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) {
    segmenter = typeof Intl === 'object' && typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
  }
  return segmenter;
}

/**
 * Longest match of lexicon keys over the characters of text[start, end).
 * `useSegmenter: false` skips Intl.Segmenter (4× faster; used with the learned model, which
 * was trained on exactly this reading): every character is then its own segment.
 * Multi-character keys may start anywhere ("很好|看" still yields 好看). A single-character key
 * (other than a negator or intensifier) only counts where the word segmenter agrees it is a word of its own, or where its segment is
 * made entirely of lexicon keys — so 好 in 好像 or 小 in 小时 is not read as sentiment.
 */
export function tokenizeChinese(text: string, start: number, end: number, pack: LanguagePack, useSegmenter = true): LexUnit[] {
  const segmentOf = mapSegments(text, start, end, useSegmenter);
  const tileable = new Map<number, boolean>();
  const units: LexUnit[] = [];
  let plainSegment = -1;
  let index = start;
  while (index < end) {
    const code = text.charCodeAt(index);
    if (code <= 32 || code === 0x3000) {
      index++;
      plainSegment = -1;
      continue;
    }
    if (CLAUSE_PUNCTUATION_CODES.has(code)) {
      units.push(breakUnit(index, index + 1));
      index++;
      plainSegment = -1;
      continue;
    }
    const symbol = readSymbol(text, index, end);
    if (symbol) {
      units.push(symbolUnit(index, index + symbol.length, symbol.valence));
      index += symbol.length;
      plainSegment = -1;
      continue;
    }
    const length = matchKey(text, index, end, pack, segmentOf, tileable, start);
    if (length > 0) {
      units.push({ start: index, end: index + length, entry: pack.entries.get(text.slice(index, index + length)) ?? null, isBreak: false, emphasis: 1 });
      index += length;
      plainSegment = -1;
      continue;
    }
    // Unknown characters of one segment form one plain unit, so negation scope counts words.
    const segment = segmentOf.start[index - start];
    const last = units[units.length - 1];
    if (plainSegment === segment && last) last.end = index + 1;
    else units.push({ start: index, end: index + 1, entry: null, isBreak: false, emphasis: 1 });
    plainSegment = segment;
    index++;
  }
  return units;
}

interface SegmentMap {
  /** Per character (relative to the span start): start offset of its segment (absolute). */
  start: Int32Array;
  end: Int32Array;
}

function mapSegments(text: string, start: number, end: number, useSegmenter: boolean): SegmentMap {
  const starts = new Int32Array(end - start);
  const ends = new Int32Array(end - start);
  const words = useSegmenter ? getSegmenter() : null;
  if (!words) {
    for (let index = 0; index < end - start; index++) {
      starts[index] = start + index;
      ends[index] = start + index + 1;
    }
    return { start: starts, end: ends };
  }
  for (const { segment, index } of words.segment(text.slice(start, end))) {
    for (let offset = 0; offset < segment.length; offset++) {
      starts[index + offset] = start + index;
      ends[index + offset] = start + index + segment.length;
    }
  }
  return { start: starts, end: ends };
}

/** Per pack: the longest key that starts with each character, so most characters cost one Map lookup instead of maxKeyLength substrings. */
const longestByFirst = new WeakMap<LanguagePack, Map<number, number>>();

function keyLengthsByFirst(pack: LanguagePack): Map<number, number> {
  let lengths = longestByFirst.get(pack);
  if (!lengths) {
    lengths = new Map();
    for (const key of pack.entries.keys()) {
      const first = key.charCodeAt(0);
      lengths.set(first, Math.max(lengths.get(first) ?? 0, key.length));
    }
    longestByFirst.set(pack, lengths);
  }
  return lengths;
}

function longestKey(text: string, index: number, limit: number, pack: LanguagePack): number {
  const longest = keyLengthsByFirst(pack).get(text.charCodeAt(index)) ?? 0;
  for (let length = Math.min(longest, limit - index); length >= 1; length--) {
    if (pack.entries.has(text.slice(index, index + length))) return length;
  }
  return 0;
}

function matchKey(
  text: string,
  index: number,
  end: number,
  pack: LanguagePack,
  segments: SegmentMap,
  tileable: Map<number, boolean>,
  spanStart: number,
): number {
  const length = longestKey(text, index, end, pack);
  if (length !== 1) return length;
  // Negators and intensifiers only steer the next opinion word, so they need no segment check ("都不腻").
  const kind = pack.entries.get(text[index])?.kind;
  if (kind === 'negator' || kind === 'modifier') return 1;
  const segmentStart = segments.start[index - spanStart];
  const segmentEnd = segments.end[index - spanStart];
  if (segmentEnd - segmentStart <= 1) return 1;
  let covered = tileable.get(segmentStart);
  if (covered === undefined) {
    covered = true;
    for (let at = segmentStart; at < segmentEnd && covered; ) {
      const piece = longestKey(text, at, segmentEnd, pack);
      if (piece === 0) covered = false;
      at += piece;
    }
    tileable.set(segmentStart, covered);
  }
  return covered ? 1 : 0;
}

function readSymbol(text: string, index: number, end: number): { length: number; valence: number } | null {
  if (EMOTICON_START_CODES.has(text.charCodeAt(index))) {
    EMOTICON_PATTERN.lastIndex = index;
    const emoticon = EMOTICON_PATTERN.exec(text);
    if (emoticon && index + emoticon[0].length <= end) return { length: emoticon[0].length, valence: EMOTICON_VALENCE.get(emoticon[0]) ?? 0 };
  }
  const pictograph = readPictograph(text, index);
  return pictograph && index + pictograph.length <= end ? pictograph : null;
}
