/**
 * Hashed n-gram features for the learned sentiment models, shared by the runtime and the
 * training tool (tools/sentiment-train) so both see exactly the same buckets.
 * One pass over the characters, no substrings, no regexes, no Intl.Segmenter: linear time.
 *   English: lower-cased word unigrams and bigrams, plus "negated" unigrams for the words that
 *            follow not/never/no/…n't up to the next punctuation ("never answered").
 *   Chinese: character unigrams, bigrams and trigrams (no word segmenter needed).
 * Digits are folded to one digit so "2 hours" and "3 hours" share a feature.
 */

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
const BIGRAM_SEED = 0x9e3779b1;
const NEGATED_SEED = 0x85ebca6b;
const TRIGRAM_SEED = 0xc2b2ae35;

/**
 * Murmur3's finaliser: spreads the bits so `& mask` keeps a good bucket. Every hash stays a
 * signed 32-bit integer (`| 0`, never `>>> 0`): values above 2^31 would be boxed as heap
 * numbers on each word, and the garbage collector then costs more than the model.
 */
export function mix(hash: number): number {
  let h = hash;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Where the extractors put bucket ids: a buffer (training) or a running weight sum (runtime). */
export interface FeatureSink {
  push(id: number): void;
}

/** Collects bucket ids (the training tool keeps them all). */
export class FeatureBuffer implements FeatureSink {
  ids: Int32Array;
  length = 0;
  constructor(capacity = 1024) {
    this.ids = new Int32Array(capacity);
  }
  reset(): void {
    this.length = 0;
  }
  push(id: number): void {
    if (this.length === this.ids.length) {
      const grown = new Int32Array(this.ids.length * 2);
      grown.set(this.ids);
      this.ids = grown;
    }
    this.ids[this.length++] = id;
  }
}

/** Words that flip the words after them until the next punctuation, by FNV hash of the folded word. */
const NEGATOR_WORDS = ['not', 'no', 'never', 'nothing', 'none', 'nobody', 'neither', 'nor', 'without', 'cannot', 'cant', 'dont', 'doesnt', 'didnt', 'isnt', 'wasnt', 'arent', 'werent', 'wont', 'wouldnt', 'couldnt', 'shouldnt', 'hasnt', 'havent', 'hadnt', 'aint', 'hardly', 'barely'];

/**
 * The negator hashes in a small open-addressing table of int32s: a Set<number> lookup with a key
 * above 2^30 would box it as a heap number on every word.
 */
const NEGATOR_SLOTS = 128;
const negatorTable = new Int32Array(NEGATOR_SLOTS);
const negatorUsed = new Uint8Array(NEGATOR_SLOTS);
for (const word of NEGATOR_WORDS) {
  const hash = hashWord(word);
  let slot = hash & (NEGATOR_SLOTS - 1);
  while (negatorUsed[slot] === 1) slot = (slot + 1) & (NEGATOR_SLOTS - 1);
  negatorTable[slot] = hash;
  negatorUsed[slot] = 1;
}

function isNegator(hash: number): boolean {
  let slot = hash & (NEGATOR_SLOTS - 1);
  while (negatorUsed[slot] === 1) {
    if (negatorTable[slot] === hash) return true;
    slot = (slot + 1) & (NEGATOR_SLOTS - 1);
  }
  return false;
}

function hashWord(word: string): number {
  let h = FNV_OFFSET;
  for (let index = 0; index < word.length; index++) h = Math.imul(h ^ word.charCodeAt(index), FNV_PRIME);
  return h;
}

/** Letters (ASCII folded to lower case, Latin-1 and other alphabets as they are), digits folded to '0'; 0 for separators; -1 to skip (apostrophes inside words). */
function englishCode(code: number): number {
  if (code >= 97 && code <= 122) return code;
  if (code >= 65 && code <= 90) return code + 32;
  if (code >= 48 && code <= 57) return 48;
  if (code === 39 || code === 0x2019) return -1;
  if (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) return code;
  return 0;
}

/** englishCode for every code below U+0250 (letters, digits, apostrophe, separators): one load instead of a chain of tests. */
const ENGLISH_CODES = Int16Array.from({ length: 0x250 }, (_, code) => englishCode(code));
const foldEnglish = (code: number): number => (code < 0x250 ? ENGLISH_CODES[code] : code === 0x2019 ? -1 : 0);

/** Clause punctuation ends a negation scope and a bigram chain. */
const isClauseEnd = (code: number): boolean =>
  code === 46 || code === 44 || code === 33 || code === 63 || code === 59 || code === 58 || code === 10 || code === 40 || code === 41 || code === 0x2026 || code === 0x3002 || code === 0xff0c || code === 0xff01 || code === 0xff1f;

/**
 * English features of text[start, end) into `out`. A word is a run of letters/digits
 * (apostrophes dropped, so don't = dont). Bigrams cross spaces but not punctuation.
 */
export function englishFeatures(text: string, start: number, end: number, mask: number, out: FeatureSink): void {
  let previous = 0;
  let hasPrevious = false;
  let negated = false;
  let index = start;
  while (index < end) {
    let code = foldEnglish(text.charCodeAt(index));
    if (code === 0 || code === -1) {
      if (code === 0 && isClauseEnd(text.charCodeAt(index))) {
        hasPrevious = false;
        negated = false;
      }
      index++;
      continue;
    }
    let h = FNV_OFFSET;
    while (index < end) {
      code = foldEnglish(text.charCodeAt(index));
      if (code === 0) break;
      if (code > 0) h = Math.imul(h ^ code, FNV_PRIME);
      index++;
    }
    const word = h;
    out.push(mix(word) & mask);
    if (hasPrevious) out.push(mix(Math.imul(previous, BIGRAM_SEED) ^ word) & mask);
    if (negated) out.push(mix(word ^ NEGATED_SEED) & mask);
    if (!negated && isNegator(word)) negated = true;
    previous = word;
    hasPrevious = true;
  }
}

/** Character code for the Chinese n-grams: ASCII letters folded, digits folded, spaces dropped (0). */
function chineseCode(code: number): number {
  if (code <= 32 || code === 0x3000 || code === 0xa0) return 0;
  if (code >= 65 && code <= 90) return code + 32;
  if ((code >= 48 && code <= 57) || (code >= 0xff10 && code <= 0xff19)) return 48;
  return code;
}

/** Chinese features of text[start, end): character 1-, 2- and 3-grams; whitespace breaks the chain. */
export function chineseFeatures(text: string, start: number, end: number, mask: number, out: FeatureSink): void {
  let first = 0;
  let second = 0;
  let run = 0;
  for (let index = start; index < end; index++) {
    const code = chineseCode(text.charCodeAt(index));
    if (code === 0) {
      run = 0;
      continue;
    }
    out.push(mix(code) & mask);
    if (run >= 1) out.push(mix(Math.imul(second, BIGRAM_SEED) ^ code) & mask);
    if (run >= 2) out.push(mix(Math.imul(Math.imul(first, TRIGRAM_SEED) ^ second, BIGRAM_SEED) ^ code ^ TRIGRAM_SEED) & mask);
    first = second;
    second = code;
    run++;
  }
}
