/**
 * Calibrates a phrase model on the calibration half of the held-out reviews, in two steps, and says
 * why in a table:
 *
 * 1. Word boundaries (the definition: the shopper looks after each space): the cache weights
 *    and the next-word threshold that save the most keystrokes while at least `minAcceptance` of the
 *    shown suggestions are taken (the 35 % goal: below it, ghost text is wrong most of the time).
 * 2. Every keystroke (what the composer offers after each 50 ms pause): the in-word threshold that saves
 *    the most keystrokes while at most `maxWrong` of looks show a wrong suggestion.
 */
import type { PhraseModel } from '@cowrite/core';
import type { CacheWeights } from '../../../packages/core/src/phrase/word-cache.ts';
import type { Thresholds } from './offers.ts';
import { OfferCache, replayAll } from './offers.ts';
import { metrics } from './replay.ts';
import type { ReplayMetrics } from './replay.ts';

export const THRESHOLDS = [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7];

export interface Calibration {
  thresholds: Thresholds;
  cache: CacheWeights;
  /** Markdown: every point tried. */
  table: string;
  note: string;
}

export interface CalibrationOptions {
  minAcceptance: number;
  maxWrong: number;
  cacheGrid: CacheWeights[];
}

function row(label: string, m: ReplayMetrics): string {
  const pct = (x: number): string => `${(100 * x).toFixed(1)} %`;
  return `| ${label} | ${pct(m.keystrokeSavings)} | ${pct(m.acceptance)} | ${pct(m.wrongRate)} | ${m.suggestionsPer100Chars.toFixed(2)} |`;
}

const HEAD = ['| point | keystrokes saved | acceptance | shown-but-wrong / look | shown / 100 chars |', '| --- | ---: | ---: | ---: | ---: |'];

export async function calibrate(model: PhraseModel, reviews: readonly string[], options: CalibrationOptions): Promise<Calibration> {
  const header = model.header as { cache?: CacheWeights };
  const inWordNow = model.profile.minConfidence ?? 0;
  const step1 = [...HEAD];
  let best = { savings: -1, nextWord: 0, cache: options.cacheGrid[0] as CacheWeights };
  for (const cache of options.cacheGrid) {
    header.cache = cache;
    const offers = new OfferCache(model);
    for (const nextWord of THRESHOLDS) {
      const m = metrics(await replayAll(reviews, offers, { inWord: inWordNow, nextWord }, 'boundaries'));
      step1.push(row(`cache ${cache.unigram}/${cache.bigram}, next-word ≥ ${nextWord}`, m));
      if (m.acceptance >= options.minAcceptance && m.keystrokeSavings > best.savings) best = { savings: m.keystrokeSavings, nextWord, cache };
    }
  }
  header.cache = best.cache;
  const offers = new OfferCache(model);
  const step2 = [...HEAD];
  let inWord = { savings: -1, threshold: inWordNow };
  for (const threshold of THRESHOLDS) {
    const m = metrics(await replayAll(reviews, offers, { inWord: threshold, nextWord: best.nextWord }, 'keystrokes'));
    step2.push(row(`in-word ≥ ${threshold} (next-word ${best.nextWord})`, m));
    if (m.wrongRate <= options.maxWrong && m.keystrokeSavings > inWord.savings) inWord = { savings: m.keystrokeSavings, threshold };
  }
  const thresholds = { inWord: inWord.threshold, nextWord: best.nextWord };
  const note =
    `next word ${thresholds.nextWord} and cache ${best.cache.unigram}/${best.cache.bigram}: most keystrokes saved at word boundaries with acceptance ≥ ${options.minAcceptance}; ` +
    `in word ${thresholds.inWord}: most keystrokes saved looking after every key with shown-but-wrong ≤ ${options.maxWrong} per look; on ${reviews.length} held-out calibration reviews (pnpm bench:cowriting --calibrate)`;
  const table = [
    '## Step 1 — word boundaries: cache weights (unigram/bigram) × next-word threshold',
    '',
    ...step1,
    '',
    '## Step 2 — every keystroke: in-word threshold',
    '',
    ...step2,
    '',
    `Chosen: **next word ${thresholds.nextWord}, in word ${thresholds.inWord}, cache ${best.cache.unigram}/${best.cache.bigram}** (${note}); stored in the model file's header.`,
  ].join('\n');
  return { thresholds, cache: best.cache, table, note };
}
