/**
 * Candidate models that did not ship, kept so their numbers in the model card can be reproduced:
 * leave-one-source-out binary accuracy (int8 weights, sign of z) per source for each variant.
 *   node tools/sentiment-train/experiment.ts <en|zh> <variant>[,<variant>…]
 * A variant joins parts with "+": base (the first shipped model: every occurrence, en lr 1), bin (each feature
 * once per review), pos / first / last (re-hashed copies of the first / last sentence's features),
 * nbscale (NBSVM: features scaled by the NB log-count ratio, folded into the weights), nbprior
 * (the NB ratios as a prior with a learned weight), normX (evidence · n^-X instead of n^-0.5),
 * xsig (five more lexicon signals: min / max sentence, share of negative / positive sentences,
 * mean of the last two), dropX (augmentation: each epoch trains on a random (1 − X) of each
 * review's features; plain path only), mlpD (a fastText-style tanh layer of D units over 2^15 hashed embeddings
 * next to the linear model, float), lrX, epX, bitsX, l2X, only:<source prefix> (mlp only).
 * Featurised tables are cached in /tmp/cowrite-sentiment-experiment (delete it after changing the features or lexicon).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { mix } from '../../packages/core/src/sentiment/learned/feature-hash.ts';
import { LEXICON_SIGNALS } from '../../packages/core/src/sentiment/learned/lexicon-signals.ts';
import { createSentimentAnalyzer } from '../../packages/core/src/sentiment/analyze.ts';
import { englishPack } from '../../packages/core/src/sentiment/lexicon-en.ts';
import { chinesePack } from '../../packages/core/src/sentiment/lexicon-zh.ts';
import { readCorpus, seededRandom, shuffleInPlace, type CorpusLang } from './corpus.ts';
import { featurize, MAX_BITS, type FeatureTable } from './featurize.ts';
import { DEFAULT_CONFIG, nbRatios, quantize, sampleWeights, type TrainConfig } from './logistic.ts';
import { polarRowsOf } from './loso.ts';

const lang = (process.argv[2] ?? 'en') as CorpusLang;
const variants = (process.argv[3] ?? 'base').split(',');
/** The first shipped configuration (every occurrence, no NB scaling): what every variant starts from. */
const FIRST_MODEL: Record<CorpusLang, TrainConfig> = {
  en: { ...DEFAULT_CONFIG, bits: 18, sourceCap: 8000, learningRate: 1, lexiconLearningRate: 1 },
  zh: { ...DEFAULT_CONFIG, bits: 17, sourceCap: 100000, learningRate: 0.3, lexiconLearningRate: 1, epochs: 8 },
};
const cacheDir = '/tmp/cowrite-sentiment-experiment';
mkdirSync(cacheDir, { recursive: true });

function loadTable(): FeatureTable {
  const path = `${cacheDir}/${lang}.bin`;
  if (existsSync(path)) return deserialize(readFileSync(path)) as FeatureTable;
  const started = performance.now();
  const table = featurize(lang, readCorpus(lang));
  writeFileSync(path, serialize(table));
  console.log(`featurised in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return table;
}

const FIRST_SEED = 0x27d4eb2f;
const LAST_SEED = 0x165667b1;
const FULL = (1 << MAX_BITS) - 1;

/** Adds re-hashed copies of the first and/or last sentence's ids. */
function withPositions(table: FeatureTable, first: boolean, last: boolean): FeatureTable {
  const ids: number[] = [];
  const offsets = new Int32Array(table.count + 1);
  for (let row = 0; row < table.count; row++) {
    const start = table.offsets[row];
    const end = table.offsets[row + 1];
    for (let k = start; k < end; k++) ids.push(table.ids[k]);
    if (first) for (let k = start; k < table.firstEnds[row]; k++) ids.push(mix(table.ids[k] ^ FIRST_SEED) & FULL);
    if (last) for (let k = table.lastStarts[row]; k < end; k++) ids.push(mix(table.ids[k] ^ LAST_SEED) & FULL);
    offsets[row + 1] = ids.length;
  }
  return { ...table, ids: Int32Array.from(ids), offsets };
}

/** Binarised copy: each id at most once per review. */
function binarised(table: FeatureTable): FeatureTable {
  const ids: number[] = [];
  const offsets = new Int32Array(table.count + 1);
  const firstEnds = new Int32Array(table.count);
  const lastStarts = new Int32Array(table.count);
  for (let row = 0; row < table.count; row++) {
    const seen = new Set<number>();
    firstEnds[row] = ids.length;
    lastStarts[row] = -1;
    for (let k = table.offsets[row]; k < table.offsets[row + 1]; k++) {
      if (k === table.lastStarts[row]) lastStarts[row] = ids.length;
      if (!seen.has(table.ids[k])) { seen.add(table.ids[k]); ids.push(table.ids[k]); }
      if (k + 1 === table.firstEnds[row]) firstEnds[row] = ids.length;
    }
    if (lastStarts[row] < 0) lastStarts[row] = ids.length;
    offsets[row + 1] = ids.length;
  }
  return { ...table, ids: Int32Array.from(ids), offsets, firstEnds, lastStarts };
}

interface Variant { nb: 'none' | 'prior' | 'scale'; norm: number; drop: number; }

function train(table: FeatureTable, trainRows: readonly number[], config: TrainConfig, variant: Variant): { weights: Float32Array; bias: number; lexiconWeights: Float32Array } {
  const polar = trainRows.filter((row) => table.labels[row] >= 0);
  const sw = sampleWeights(table, polar, config.sourceCap);
  const size = 1 << config.bits;
  const mask = size - 1;
  const r = variant.nb === 'none' ? null : nbRatios(table, polar, sw, mask);
  const weights = new Float32Array(size);
  const squares = new Float32Array(size).fill(0.1);
  let bias = 0;
  let biasSq = 0.1;
  let gamma = 0;
  let gammaSq = 0.1;
  const S = table.signals.length / table.count;
  const lw = new Float32Array(S);
  const lsq = new Float32Array(S).fill(0.1);
  const order = [...polar];
  const random = seededRandom(config.seed);
  const dropRandom = seededRandom(config.seed + 99);
  const dropIds = new Int32Array(1 << 20);
  for (let epoch = 0; epoch < config.epochs; epoch++) {
    shuffleInPlace(order, random);
    for (const row of order) {
      let start = table.offsets[row];
      let end = table.offsets[row + 1];
      if (variant.drop > 0) {
        // Augmentation: this epoch sees a random part of the review (each feature kept with 1 − drop).
        let kept = 0;
        for (let k = start; k < end; k++) if (dropRandom() >= variant.drop) dropIds[kept++] = table.ids[k];
        if (kept === 0 && end > start) dropIds[kept++] = table.ids[start];
        start = 0;
        end = kept;
      }
      // With augmentation the row's features are the kept ones, for every use below (the NB paths included).
      const ids = variant.drop > 0 ? dropIds : table.ids;
      const x = end > start ? Math.pow(end - start, -variant.norm) : 0;
      const base = row * S;
      let z = bias;
      for (let k = 0; k < S; k++) z += lw[k] * table.signals[base + k];
      let prior = 0;
      if (variant.nb === 'scale' && r) for (let k = start; k < end; k++) { const id = ids[k] & mask; z += weights[id] * r[id] * x; }
      else for (let k = start; k < end; k++) z += weights[ids[k] & mask] * x;
      if (variant.nb === 'prior' && r) { for (let k = start; k < end; k++) prior += r[ids[k] & mask]; prior *= x; z += gamma * prior; }
      const p = 1 / (1 + Math.exp(-z));
      const g = (p - table.labels[row]) * sw[row];
      biasSq += g * g;
      bias -= (config.lexiconLearningRate * g) / Math.sqrt(biasSq);
      if (variant.nb === 'prior') { const gg = g * prior; gammaSq += gg * gg; gamma -= (config.lexiconLearningRate * gg) / Math.sqrt(gammaSq); }
      for (let k = 0; k < S; k++) {
        const gk = g * table.signals[base + k];
        lsq[k] += gk * gk;
        lw[k] -= (config.lexiconLearningRate * gk) / Math.sqrt(lsq[k]);
      }
      for (let k = start; k < end; k++) {
        const id = ids[k] & mask;
        const gi = g * x * (variant.nb === 'scale' && r ? r[id] : 1) + config.l2 * weights[id];
        squares[id] += gi * gi;
        weights[id] -= (config.learningRate * gi) / Math.sqrt(squares[id]);
      }
    }
  }
  // Fold the NB part into one weight per bucket, as the runtime would ship it.
  if (r && variant.nb === 'scale') for (let j = 0; j < size; j++) weights[j] *= r[j];
  if (r && variant.nb === 'prior') for (let j = 0; j < size; j++) weights[j] += gamma * r[j];
  if (variant.nb === 'prior') console.log(`  gamma ${gamma.toFixed(3)}`);
  return { weights, bias, lexiconWeights: lw };
}

/** fastText-style hidden layer next to the linear model: h = tanh(x · Σ E[id]), z += v · h. Float scores (no quantisation). */
function trainAndScoreMlp(table: FeatureTable, trainRows: readonly number[], testRows: readonly number[], config: TrainConfig, dim: number, embBits: number): Float64Array {
  const polar = trainRows.filter((row) => table.labels[row] >= 0);
  const sw = sampleWeights(table, polar, config.sourceCap);
  const mask = (1 << config.bits) - 1;
  const emask = (1 << embBits) - 1;
  const random = seededRandom(config.seed + 7);
  const E = new Float32Array((emask + 1) * dim).map(() => (random() - 0.5) * 0.2);
  const Esq = new Float32Array(E.length).fill(0.1);
  const v = new Float32Array(dim).map(() => (random() - 0.5) * 0.2);
  const vsq = new Float32Array(dim).fill(0.1);
  const weights = new Float32Array(mask + 1);
  const squares = new Float32Array(mask + 1).fill(0.1);
  const S = table.signals.length / table.count;
  const lw = new Float32Array(S);
  const lsq = new Float32Array(S).fill(0.1);
  let bias = 0;
  let biasSq = 0.1;
  const e = new Float64Array(dim);
  const h = new Float64Array(dim);
  const forward = (row: number): number => {
    const start = table.offsets[row];
    const end = table.offsets[row + 1];
    const x = end > start ? 1 / Math.sqrt(end - start) : 0;
    let z = bias;
    for (let k = 0; k < S; k++) z += lw[k] * table.signals[row * S + k];
    e.fill(0);
    for (let k = start; k < end; k++) {
      z += weights[table.ids[k] & mask] * x;
      const base = (table.ids[k] & emask) * dim;
      for (let d = 0; d < dim; d++) e[d] += E[base + d];
    }
    for (let d = 0; d < dim; d++) { h[d] = Math.tanh(e[d] * x); z += v[d] * h[d]; }
    return z;
  };
  const order = [...polar];
  const lr = config.learningRate;
  const grad = new Float64Array(dim);
  for (let epoch = 0; epoch < config.epochs; epoch++) {
    shuffleInPlace(order, random);
    for (const row of order) {
      const z = forward(row);
      const p = 1 / (1 + Math.exp(-z));
      const g = (p - table.labels[row]) * sw[row];
      const start = table.offsets[row];
      const end = table.offsets[row + 1];
      const x = end > start ? 1 / Math.sqrt(end - start) : 0;
      biasSq += g * g;
      bias -= (config.lexiconLearningRate * g) / Math.sqrt(biasSq);
      for (let k = 0; k < S; k++) { const gk = g * table.signals[row * S + k]; lsq[k] += gk * gk; lw[k] -= (config.lexiconLearningRate * gk) / Math.sqrt(lsq[k]); }
      for (let d = 0; d < dim; d++) {
        grad[d] = g * v[d] * (1 - h[d] * h[d]) * x;
        const gv = g * h[d];
        vsq[d] += gv * gv;
        v[d] -= (0.1 * gv) / Math.sqrt(vsq[d]);
      }
      for (let k = start; k < end; k++) {
        const id = table.ids[k] & mask;
        const gi = g * x + config.l2 * weights[id];
        squares[id] += gi * gi;
        weights[id] -= (lr * gi) / Math.sqrt(squares[id]);
        const base = (table.ids[k] & emask) * dim;
        for (let d = 0; d < dim; d++) { const ge = grad[d]; Esq[base + d] += ge * ge; E[base + d] -= (0.1 * ge) / Math.sqrt(Esq[base + d]); }
      }
    }
  }
  const out = new Float64Array(table.count);
  for (const row of testRows) out[row] = forward(row);
  return out;
}

function losoMlp(table: FeatureTable, config: TrainConfig, dim: number, embBits: number, only?: string): number[] {
  const all = Array.from({ length: table.count }, (_, row) => row);
  return table.sourceNames.map((name, source) => {
    if (only && !name.startsWith(only)) return 0;
    const rows = polarRowsOf(table, source);
    const scores = trainAndScoreMlp(table, all.filter((row) => table.sources[row] !== source), rows, config, dim, embBits);
    return rows.filter((row) => (table.labels[row] === 1) === scores[row] > 0).length / rows.length;
  });
}

function loso(table: FeatureTable, config: TrainConfig, variant: Variant): number[] {
  const mask = (1 << config.bits) - 1;
  const all = Array.from({ length: table.count }, (_, row) => row);
  return table.sourceNames.map((_, source) => {
    const model = quantize({ bits: config.bits, ...train(table, all.filter((row) => table.sources[row] !== source), config, variant) }, lang, false);
    const rows = polarRowsOf(table, source);
    const correct = (row: number): boolean => {
      let sum = 0;
      for (let k = table.offsets[row]; k < table.offsets[row + 1]; k++) sum += model.weights[table.ids[k] & mask];
      const n = table.offsets[row + 1] - table.offsets[row];
      let z = model.bias + (n > 0 ? model.scale * sum * Math.pow(n, -variant.norm) : 0);
      for (let k = 0; k < model.lexiconWeights.length; k++) z += model.lexiconWeights[k] * table.signals[row * model.lexiconWeights.length + k];
      return (table.labels[row] === 1) === z > 0;
    };
    const hits = rows.map(correct);
    const right = hits.filter(Boolean).length;
    if (table.sourceNames[source].startsWith('blitzer')) {
      const byCategory = new Map<string, [number, number]>();
      rows.forEach((row, i) => {
        const entry = byCategory.get(categories[row]) ?? [0, 0];
        entry[0] += hits[i] ? 1 : 0;
        entry[1]++;
        byCategory.set(categories[row], entry);
      });
      console.log('  blitzer by category: ' + [...byCategory].map(([c, [r, n]]) => `${c} ${((100 * r) / n).toFixed(1)} (${n})`).join(', '));
    }
    return right / rows.length;
  });
}

const base = loadTable();

/** Extended lexicon signals: the five shipped ones plus min / max sentence score, share of negative / positive sentences, mean of the last two. */
function extendedSignals(table: FeatureTable): FeatureTable {
  const path = `${cacheDir}/${lang}-xsig.bin`;
  let extra: Float32Array;
  if (existsSync(path)) extra = deserialize(readFileSync(path)) as Float32Array;
  else {
    const analyze = createSentimentAnalyzer({ en: englishPack, zh: chinesePack }, { chineseSegmenter: false });
    const reviews = readCorpus(lang);
    extra = new Float32Array(table.count * 5);
    reviews.forEach((review, row) => {
      const scores = analyze(review.text, { lang }).sentences.map((s) => s.score);
      if (scores.length === 0) return;
      extra[row * 5] = Math.min(...scores);
      extra[row * 5 + 1] = Math.max(...scores);
      extra[row * 5 + 2] = scores.filter((v) => v <= -0.2).length / scores.length;
      extra[row * 5 + 3] = scores.filter((v) => v >= 0.2).length / scores.length;
      const tail = scores.slice(-2);
      extra[row * 5 + 4] = tail.reduce((a, b) => a + b, 0) / tail.length;
    });
    writeFileSync(path, serialize(extra));
  }
  const signals = new Float32Array(table.count * (LEXICON_SIGNALS + 5));
  for (let row = 0; row < table.count; row++) {
    for (let k = 0; k < LEXICON_SIGNALS; k++) signals[row * (LEXICON_SIGNALS + 5) + k] = table.signals[row * LEXICON_SIGNALS + k];
    for (let k = 0; k < 5; k++) signals[row * (LEXICON_SIGNALS + 5) + LEXICON_SIGNALS + k] = extra[row * 5 + k];
  }
  return { ...table, signals };
}
const categories = readCorpus(lang).map((review) => review.category ?? '');
console.log(`sources: ${base.sourceNames.join(' | ')}`);
for (const name of variants) {
  const started = performance.now();
  let table = base;
  let config: TrainConfig = { ...FIRST_MODEL[lang] };
  let variant: Variant = { nb: 'none', norm: 0.5, drop: 0 };
  for (const part of name.split('+')) {
    if (part === 'pos') table = withPositions(table, true, true);
    else if (part === 'first') table = withPositions(table, true, false);
    else if (part === 'last') table = withPositions(table, false, true);
    else if (part === 'bin') table = binarised(table);
    else if (part === 'xsig') table = extendedSignals(table);
    else if (part === 'nbprior') variant = { ...variant, nb: 'prior' };
    else if (part === 'nbscale') variant = { ...variant, nb: 'scale' };
    else if (part.startsWith('drop')) variant = { ...variant, drop: Number(part.slice(4)) };
    else if (part.startsWith('norm')) variant = { ...variant, norm: Number(part.slice(4)) };
    else if (part.startsWith('lr')) config = { ...config, learningRate: Number(part.slice(2)) };
    else if (part.startsWith('ep')) config = { ...config, epochs: Number(part.slice(2)) };
    else if (part.startsWith('bits')) config = { ...config, bits: Number(part.slice(4)) };
    else if (part.startsWith('l2')) config = { ...config, l2: Number(part.slice(2)) };
    else if (!part.startsWith('mlp') && !part.startsWith('only:') && part !== 'base') throw new Error(`unknown part ${part}`);
  }
  const mlp = name.split('+').find((part) => part.startsWith('mlp'));
  const only = name.split('+').find((part) => part.startsWith('only:'))?.slice(5);
  const accuracies = mlp ? losoMlp(table, config, Number(mlp.slice(3)), 15, only) : loso(table, config, variant);
  const mean = accuracies.reduce((a, b) => a + b, 0) / accuracies.length;
  console.log(`${name.padEnd(24)} ${accuracies.map((a) => (a * 100).toFixed(1)).join(' | ')} | mean ${(mean * 100).toFixed(2)}  (${((performance.now() - started) / 1000).toFixed(0)} s)`);
}
