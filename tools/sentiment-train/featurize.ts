/**
 * Turns reviews into the same hashed features the runtime computes (feature-hash.ts, per
 * sentence span of the markup-blanked text) plus the lexicon's score, packed into flat arrays.
 * Ids are hashed into 2^MAX_BITS buckets; a smaller table takes `id & mask` of them.
 */
import { createSentimentAnalyzer } from '../../packages/core/src/sentiment/analyze.ts';
import { chineseFeatures, englishFeatures, FeatureBuffer } from '../../packages/core/src/sentiment/learned/feature-hash.ts';
import { englishPack } from '../../packages/core/src/sentiment/lexicon-en.ts';
import { chinesePack } from '../../packages/core/src/sentiment/lexicon-zh.ts';
import { SeenIds } from '../../packages/core/src/sentiment/learned/seen-ids.ts';
import { LEXICON_SIGNALS, lexiconSignals } from '../../packages/core/src/sentiment/learned/lexicon-signals.ts';
import { blankMarkup, splitSentences } from '../../packages/core/src/sentiment/text-prep.ts';
import { scanEnglishWords } from '../../packages/core/src/sentiment/tokenize-en.ts';
import type { CorpusLang, LabelledReview } from './corpus.ts';

export const MAX_BITS = 20;

export interface FeatureTable {
  lang: CorpusLang;
  count: number;
  /** Features of review i: ids[offsets[i] .. offsets[i + 1]). */
  offsets: Int32Array;
  /** Where review i's first sentence ends and its last sentence starts in `ids` (position-aware features). */
  firstEnds: Int32Array;
  lastStarts: Int32Array;
  ids: Int32Array;
  /** The lexicon analyser's score, -1..1. */
  lexicon: Float32Array;
  /** LEXICON_SIGNALS values per review (lexicon-signals.ts). */
  signals: Float32Array;
  /** 1, 0, or -1 for neutral. */
  labels: Int8Array;
  sources: Uint8Array;
  sourceNames: string[];
  /** The first sentence's ids of each review, every occurrence (as the runtime counts one sentence): opening.ids[opening.offsets[i] .. opening.offsets[i + 1]). */
  opening: { ids: Int32Array; offsets: Int32Array };
}

// The lexicon as the runtime runs it next to the learned model: Chinese without Intl.Segmenter.
const lexiconOnly = createSentimentAnalyzer({ en: englishPack, zh: chinesePack }, { chineseSegmenter: false });

/** Hashed features of a whole review, span by span, exactly as the runtime sees it. */
export function reviewFeatures(lang: CorpusLang, text: string, bits: number, out: FeatureBuffer): { firstEnd: number; lastStart: number } {
  const clean = blankMarkup(text);
  const mask = (1 << bits) - 1;
  let firstEnd = -1;
  let lastStart = out.length;
  for (const span of splitSentences(clean)) {
    lastStart = out.length;
    if (lang === 'zh') chineseFeatures(clean, span.start, span.end, mask, out);
    else englishFeatures(scanEnglishWords(clean, span.start, span.end), mask, out);
    if (firstEnd < 0) firstEnd = out.length;
  }
  return { firstEnd: firstEnd < 0 ? out.length : firstEnd, lastStart };
}

export function featurize(lang: CorpusLang, reviews: readonly LabelledReview[]): FeatureTable {
  const sourceNames = [...new Set(reviews.map((review) => review.source))];
  const offsets = new Int32Array(reviews.length + 1);
  const firstEnds = new Int32Array(reviews.length);
  const lastStarts = new Int32Array(reviews.length);
  const lexicon = new Float32Array(reviews.length);
  const signals = new Float32Array(reviews.length * LEXICON_SIGNALS);
  const scratch = new Float64Array(LEXICON_SIGNALS);
  const labels = new Int8Array(reviews.length);
  const sources = new Uint8Array(reviews.length);
  const all = new FeatureBuffer(1 << 22);
  reviews.forEach((review, index) => {
    const { firstEnd, lastStart } = reviewFeatures(lang, review.text, MAX_BITS, all);
    firstEnds[index] = firstEnd;
    lastStarts[index] = lastStart;
    offsets[index + 1] = all.length;
    const result = lexiconOnly(review.text, { lang });
    lexicon[index] = result.score;
    signals.set(lexiconSignals(result.score, result.cues, result.sentences, scratch), index * LEXICON_SIGNALS);
    labels[index] = review.label === null ? -1 : review.label;
    sources[index] = sourceNames.indexOf(review.source);
  });
  const ids = all.ids.slice(0, all.length);
  return { lang, count: reviews.length, offsets, firstEnds, lastStarts, ids, lexicon, signals, labels, sources, sourceNames, opening: openingIds(ids, offsets, firstEnds) };
}

function openingIds(ids: Int32Array, offsets: Int32Array, firstEnds: Int32Array): FeatureTable['opening'] {
  const openingOffsets = new Int32Array(offsets.length);
  for (let row = 0; row + 1 < offsets.length; row++) openingOffsets[row + 1] = openingOffsets[row] + firstEnds[row] - offsets[row];
  const opening = new Int32Array(openingOffsets[openingOffsets.length - 1]);
  for (let row = 0; row + 1 < offsets.length; row++) opening.set(ids.subarray(offsets[row], firstEnds[row]), openingOffsets[row]);
  return { ids: opening, offsets: openingOffsets };
}

/**
 * The table as a `presence` model sees it at 2^bits buckets: ids masked, each at most once per
 * review (the runtime's SeenIds does the same), first occurrences in order.
 */
export function presenceTable(table: FeatureTable, bits: number): FeatureTable {
  const mask = (1 << bits) - 1;
  const seen = new SeenIds();
  const ids = new Int32Array(table.ids.length);
  const offsets = new Int32Array(table.count + 1);
  const firstEnds = new Int32Array(table.count);
  const lastStarts = new Int32Array(table.count);
  let length = 0;
  for (let row = 0; row < table.count; row++) {
    seen.next();
    firstEnds[row] = length;
    lastStarts[row] = -1;
    for (let k = table.offsets[row]; k < table.offsets[row + 1]; k++) {
      if (k === table.lastStarts[row]) lastStarts[row] = length;
      const id = table.ids[k] & mask;
      if (seen.firstTime(id)) ids[length++] = id;
      if (k + 1 === table.firstEnds[row]) firstEnds[row] = length;
    }
    if (lastStarts[row] < 0) lastStarts[row] = length;
    offsets[row + 1] = length;
  }
  return { ...table, ids: ids.slice(0, length), offsets, firstEnds, lastStarts };
}
