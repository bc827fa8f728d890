/**
 * Hashed n-gram features for the learned sentiment models, shared by the runtime and the
 * training tool (tools/sentiment-train) so both see exactly the same buckets.
 * No substrings, no regexes, no Intl.Segmenter: linear time.
 *   English: lower-cased word unigrams and bigrams, plus "negated" unigrams for the words that
 *            follow not/never/no/…n't up to the next clause break ("never answered"), read from
 *            the lexicon tokenizer's scan (english-scan.ts) rather than from the characters again.
 *   Chinese: character unigrams, bigrams and trigrams (no word segmenter needed).
 * Digits are folded to one digit so "2 hours" and "3 hours" share a feature.
 */

import { BREAK_TOKEN, NEGATED_TOKEN, WORD_TOKEN, type EnglishScan } from '../english-scan.ts';
import { hashOf } from '../english-index.ts';

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
  // The tokenizer's own word hash (english-index.ts), so the scan's hashes find the negators.
  const hash = hashOf(word);
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

/**
 * English features of one scanned sentence (english-scan.ts: the lexicon tokenizer's own scan,
 * so the characters are read once) into `out`. Bigrams cross spaces and emoji but not clause
 * punctuation; a negator ("not", "never", any "…n't") marks the words after it up to the next break.
 */
export function englishFeatures(scan: EnglishScan, mask: number, out: FeatureSink): void {
  const { count, featureHashes, flags } = scan;
  let previous = 0;
  let hasPrevious = false;
  let negated = false;
  for (let at = 0; at < count; at++) {
    const tokenFlags = flags[at];
    if ((tokenFlags & WORD_TOKEN) === 0) {
      if ((tokenFlags & BREAK_TOKEN) !== 0) {
        hasPrevious = false;
        negated = false;
      }
      continue;
    }
    const word = featureHashes[at];
    out.push(mix(word) & mask);
    if (hasPrevious) out.push(mix(Math.imul(previous, BIGRAM_SEED) ^ word) & mask);
    if (negated) out.push(mix(word ^ NEGATED_SEED) & mask);
    else if ((tokenFlags & NEGATED_TOKEN) !== 0 || isNegator(word)) negated = true;
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
