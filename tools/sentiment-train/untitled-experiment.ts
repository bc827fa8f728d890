/**
 * Candidates for stores without titles: leave-one-source-out binary accuracy (int8 weights, sign of the score) per
 * held-out source, on the reviews as stored ("Title. Body") and without their first sentence (untitled.ts), for the
 * shipped configuration (config.ts) changed by each variant. Prints one titled and one untitled row per variant.
 *   node tools/sentiment-train/untitled-experiment.ts [en|zh] <variant>[,<variant>…]
 * A variant joins parts with "+": shipped (as config.ts), dropX (title drop: each epoch a review is seen
 * without its first sentence with probability X), copyX (title copy: each epoch a review is seen a second time without
 * its first sentence with probability X), ngramsonly (title drop changes the n-grams only, not the lexicon signals),
 * openX (opening weight X), seedX. Also prints the accuracy on one-sentence reviews.
 * Featurised tables are cached in /tmp/cowrite-sentiment-experiment (delete it after changing the features or lexicon).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { CHOSEN } from './config.ts';
import { readCorpus, type CorpusLang } from './corpus.ts';
import { featurize, type FeatureTable } from './featurize.ts';
import type { TrainConfig } from './logistic.ts';
import { leaveOneSourceOutOn, polarRowsOf } from './loso.ts';
import { blankMarkup, splitSentences } from '../../packages/core/src/sentiment/text-prep.ts';
import { untitledReviews } from './untitled.ts';

const lang = (process.argv[2] ?? 'en') as CorpusLang;
const variants = (process.argv[3] ?? 'shipped').split(',');
const cacheDir = '/tmp/cowrite-sentiment-experiment';
mkdirSync(cacheDir, { recursive: true });

function cached(name: string, build: () => FeatureTable): FeatureTable {
  const path = `${cacheDir}/${lang}-${name}.bin`;
  if (existsSync(path)) return deserialize(readFileSync(path)) as FeatureTable;
  const started = performance.now();
  const table = build();
  writeFileSync(path, serialize(table));
  console.log(`${name}: featurised in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return table;
}

const reviews = readCorpus(lang);
const titled = cached('titled', () => featurize(lang, reviews));
const untitled = cached('untitled', () => featurize(lang, untitledReviews(reviews)));

function configOf(variant: string): TrainConfig {
  let config: TrainConfig = { ...CHOSEN[lang] };
  for (const part of variant.split('+')) {
    if (part.startsWith('drop')) config = { ...config, titleDrop: Number(part.slice(4)) };
    else if (part.startsWith('copy')) config = { ...config, titleCopy: Number(part.slice(4)) };
    else if (part === 'ngramsonly') config = { ...config, titleDropNgramsOnly: true };
    else if (part.startsWith('open')) config = { ...config, openingWeight: Number(part.slice(4)) };
    else if (part.startsWith('seed')) config = { ...config, seed: Number(part.slice(4)) };
    else if (part !== 'shipped') throw new Error(`unknown part ${part}`);
  }
  return config;
}

// One-sentence reviews (no title, or a title alone): how a change reads short texts, pooled over the held-out sources.
const oneSentence = reviews.map((review) => splitSentences(blankMarkup(review.text)).length === 1);
const shortAccuracy = (scores: Float64Array): string => {
  const rows: number[] = [];
  for (let row = 0; row < titled.count; row++) if (titled.labels[row] >= 0 && oneSentence[row]) rows.push(row);
  const right = rows.filter((row) => (titled.labels[row] === 1 ? scores[row] > 0 : scores[row] < 0)).length;
  return `${((100 * right) / rows.length).toFixed(2)} % of ${rows.length}`;
};
const accuracy = (table: FeatureTable, scores: Float64Array, source: number): number => {
  const rows = polarRowsOf(table, source);
  return rows.filter((row) => (table.labels[row] === 1 ? scores[row] > 0 : scores[row] < 0)).length / rows.length;
};
const line = (values: number[]): string => `${values.map((value) => (value * 100).toFixed(1)).join(' | ')} | mean ${((values.reduce((a, b) => a + b, 0) / values.length) * 100).toFixed(2)} | min ${(Math.min(...values) * 100).toFixed(1)}`;

console.log(`sources: ${titled.sourceNames.join(' | ')}`);
for (const variant of variants) {
  const started = performance.now();
  const [titledScores, untitledScores] = leaveOneSourceOutOn(titled, configOf(variant), [titled, untitled], untitled) as [Float64Array, Float64Array];
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  console.log(`${variant.padEnd(22)} titled   ${line(titled.sourceNames.map((_, source) => accuracy(titled, titledScores, source)))}  (${seconds} s)`);
  console.log(`${variant.padEnd(22)} untitled ${line(titled.sourceNames.map((_, source) => accuracy(untitled, untitledScores, source)))}`);
  console.log(`${variant.padEnd(22)} one-sentence reviews (titled table, all held-out sources pooled): ${shortAccuracy(titledScores)}`);
}
