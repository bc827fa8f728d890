/**
 * Logistic regression with AdaGrad over the hashed features of a FeatureTable, then int8
 * quantisation. Deterministic: a seeded shuffle, no threads, no wall-clock inputs.
 */
import { LEXICON_SIGNALS } from '../../packages/core/src/sentiment/learned/lexicon-signals.ts';
import { mix } from '../../packages/core/src/sentiment/learned/feature-hash.ts';
import type { LinearSentimentModel } from '../../packages/core/src/sentiment/learned/linear-model.ts';
import { seededRandom, shuffleInPlace } from './corpus.ts';
import type { FeatureTable } from './featurize.ts';

export interface TrainConfig {
  bits: number;
  epochs: number;
  learningRate: number;
  /** For the bias and the few lexicon-signal weights, which need to grow far larger than any one n-gram weight. */
  lexiconLearningRate: number;
  l2: number;
  useNgrams: boolean;
  useLexicon: boolean;
  /** A source with more polar reviews than this is down-weighted to this many (Flipkart would swamp the rest). */
  sourceCap: number;
  /** Each feature counts once per review (binary presence), as in NBSVM-style models; see presenceTable. */
  presence: boolean;
  /**
   * NBSVM-style scaling (Wang & Manning 2012): each feature's value is its naive-Bayes log-count
   * ratio r (from the training fold), so the model starts from what the counts say and learns
   * corrections. The runtime sees one weight per bucket (w · r, folded in before quantising).
   */
  nbScale: boolean;
  /**
   * Domain-robust weights ("frustratingly easy domain adaptation", Daumé 2007): during training every feature,
   * the bias and the lexicon weights also have a copy private to the review's source, with this feature value
   * (0: off). What only one store's shoppers say goes mostly to that store's copy, which is dropped after
   * training; the shipped weights keep what holds across stores. The runtime is unchanged.
   */
  sourceSpecific: number;
  /**
   * The review verdict adds the first sentence's n-gram evidence once more, times this (a title or an opening verdict
   * often decides a long review). Applied after training, to the trained weights: trained jointly, it bent the weights
   * and cost accuracy. Chosen by the mean held-out accuracy (TRAINING.md).
   */
  openingWeight: number;
  /**
   * Title drop (augmentation): each epoch, each review is shown without its first sentence with this probability
   * (0: off), from the row-aligned untitled table given to trainLogistic (untitled.ts). Most English sources store
   * "Title. Body"; stores without titles send only the body, and a model that never trained on bodies alone leans on
   * the title. Seeded (its own stream: 0 trains exactly as before).
   */
  titleDrop: number;
  /** Title drop changes the n-grams only: the lexicon signals stay those of the whole review (an experiment). */
  titleDropNgramsOnly?: boolean;
  /** Title copies: each epoch, with this probability a review is seen a second time, without its first sentence (0: off). */
  titleCopy: number;
  seed: number;
}

export const DEFAULT_CONFIG: TrainConfig = { bits: 18, epochs: 4, learningRate: 0.1, lexiconLearningRate: 0.1, l2: 1e-5, useNgrams: true, useLexicon: true, sourceCap: 20000, presence: false, nbScale: false, sourceSpecific: 0, openingWeight: 0, titleDrop: 0, titleCopy: 0, seed: 11 };

/** Per-review sample weights: each source capped at `sourceCap`, then both classes given equal total weight. */
export function sampleWeights(table: FeatureTable, rows: readonly number[], sourceCap: number): Float32Array {
  const perSource = new Map<number, number>();
  for (const row of rows) perSource.set(table.sources[row], (perSource.get(table.sources[row]) ?? 0) + 1);
  const weights = new Float32Array(table.count);
  const classTotals = [0, 0];
  for (const row of rows) {
    const weight = Math.min(1, sourceCap / (perSource.get(table.sources[row]) ?? 1));
    weights[row] = weight;
    classTotals[table.labels[row]] += weight;
  }
  const total = classTotals[0] + classTotals[1];
  for (const row of rows) weights[row] *= total / (2 * classTotals[table.labels[row]]);
  return weights;
}

/** Naive-Bayes log-count ratios per bucket: log((p_j / |p|) / (q_j / |q|)) over presence counts, add-one smoothed, weighted like training. */
export function nbRatios(table: FeatureTable, rows: readonly number[], sampleWeight: Float32Array, mask: number): Float32Array {
  const size = mask + 1;
  const positive = new Float64Array(size).fill(1);
  const negative = new Float64Array(size).fill(1);
  for (const row of rows) {
    const counts = table.labels[row] === 1 ? positive : negative;
    for (let k = table.offsets[row]; k < table.offsets[row + 1]; k++) counts[table.ids[k] & mask] += sampleWeight[row];
  }
  let positiveTotal = 0;
  let negativeTotal = 0;
  for (let j = 0; j < size; j++) {
    positiveTotal += positive[j];
    negativeTotal += negative[j];
  }
  const ratios = new Float32Array(size);
  for (let j = 0; j < size; j++) ratios[j] = Math.log(positive[j] / positiveTotal / (negative[j] / negativeTotal));
  return ratios;
}

/** Float model (before quantisation): the same formula as the runtime with scale 1 and slope 1. */
export interface FloatModel {
  bits: number;
  weights: Float32Array;
  bias: number;
  lexiconWeights: Float32Array;
}

export function rawScore(table: FeatureTable, row: number, weights: ArrayLike<number>, scale: number, bias: number, lexiconWeights: ArrayLike<number>, mask: number, openingWeight = 0): number {
  const start = table.offsets[row];
  const end = table.offsets[row + 1];
  let sum = 0;
  for (let k = start; k < end; k++) sum += weights[table.ids[k] & mask];
  const count = end - start;
  let z = bias + (count > 0 ? (scale * sum) / Math.sqrt(count) : 0);
  for (let k = 0; k < LEXICON_SIGNALS; k++) z += lexiconWeights[k] * table.signals[row * LEXICON_SIGNALS + k];
  if (openingWeight !== 0) {
    const from = table.opening.offsets[row];
    const to = table.opening.offsets[row + 1];
    let opening = 0;
    for (let k = from; k < to; k++) opening += weights[table.opening.ids[k] & mask];
    if (to > from) z += (openingWeight * scale * opening) / Math.sqrt(to - from);
  }
  return z;
}

/** The epoch's order plus, for a seeded share of the rows, a second visit without the title (~row), shuffled in. */
function withUntitledCopies(order: readonly number[], share: number, random: () => number): number[] {
  const entries = [...order];
  for (const row of order) if (random() < share) entries.push(~row);
  return shuffleInPlace(entries, random);
}

/** Trains on `table`'s rows in `trainRows`; with `config.titleDrop` > 0 some of them are read from `untitled` (same rows, titles removed). */
export function trainLogistic(table: FeatureTable, trainRows: readonly number[], config: TrainConfig, untitled?: FeatureTable): FloatModel {
  const usesUntitled = config.titleDrop > 0 || config.titleCopy > 0;
  if (usesUntitled && (untitled === undefined || untitled.count !== table.count)) throw new Error('titleDrop / titleCopy need the row-aligned untitled table');
  const polar = trainRows.filter((row) => table.labels[row] >= 0);
  const sampleWeight = sampleWeights(table, polar, config.sourceCap);
  const size = 1 << config.bits;
  const mask = size - 1;
  const weights = new Float32Array(size);
  // Feature values: 1, or the NB ratio of the bucket.
  const value = config.nbScale ? nbRatios(table, polar, sampleWeight, mask) : new Float32Array(size).fill(1);
  const squares = new Float32Array(size).fill(0.1);
  let bias = 0;
  let biasSquares = 0.1;
  const lexiconWeights = new Float32Array(LEXICON_SIGNALS);
  const lexiconSquares = new Float32Array(LEXICON_SIGNALS).fill(0.1);
  const order = [...polar];
  const random = seededRandom(config.seed);
  const titleRandom = seededRandom(config.seed ^ 0x5bd1e995);
  // Per-source private copies (sourceSpecific): feature copies hashed with the source into a larger table, and a
  // bias plus lexicon weights per source.
  const c = config.sourceSpecific;
  const sourceCount = table.sourceNames.length;
  const privateMask = c > 0 ? (1 << (config.bits + 2)) - 1 : 0;
  const privateWeights = new Float32Array(c > 0 ? privateMask + 1 : 0);
  const privateSquares = new Float32Array(privateWeights.length).fill(0.1);
  const privateBias = new Float32Array(sourceCount * (1 + LEXICON_SIGNALS));
  const privateBiasSquares = new Float32Array(privateBias.length).fill(0.1);
  const privateId = (id: number, source: number): number => mix(id ^ Math.imul(source + 1, 0x9e3779b1)) & privateMask;
  let slots = new Int32Array(c > 0 ? 1024 : 0);
  for (let epoch = 0; epoch < config.epochs; epoch++) {
    shuffleInPlace(order, random);
    for (const entry of config.titleCopy > 0 ? withUntitledCopies(order, config.titleCopy, titleRandom) : order) {
      // This epoch's version of the review: with its title, or (title drop, or a title copy: ~row) without.
      const row = entry < 0 ? ~entry : entry;
      const seen = untitled !== undefined && (entry < 0 || (config.titleDrop > 0 && titleRandom() < config.titleDrop)) ? untitled : table;
      const start = seen.offsets[row];
      const end = seen.offsets[row + 1];
      const x = config.useNgrams && end > start ? 1 / Math.sqrt(end - start) : 0;
      const base = row * LEXICON_SIGNALS;
      const signals = config.titleDropNgramsOnly === true ? table.signals : seen.signals;
      const ids = seen.ids;
      const source = table.sources[row];
      const own = source * (1 + LEXICON_SIGNALS);
      let z = bias;
      if (c > 0) z += privateBias[own] * c;
      if (config.useLexicon) {
        for (let k = 0; k < LEXICON_SIGNALS; k++) z += (lexiconWeights[k] + (c > 0 ? c * privateBias[own + 1 + k] : 0)) * signals[base + k];
      }
      if (x > 0) {
        if (c > 0 && slots.length < end - start) slots = new Int32Array(2 * (end - start));
        for (let k = start; k < end; k++) {
          const id = ids[k] & mask;
          z += weights[id] * value[id] * x;
          if (c > 0) {
            // Hashed once here, reused by the update below.
            const slot = (slots[k - start] = privateId(id, source));
            z += privateWeights[slot] * c * x;
          }
        }
      }
      const p = 1 / (1 + Math.exp(-z));
      const gradient = (p - table.labels[row]) * sampleWeight[row];
      biasSquares += gradient * gradient;
      bias -= (config.lexiconLearningRate * gradient) / Math.sqrt(biasSquares);
      if (c > 0) {
        const g = gradient * c;
        privateBiasSquares[own] += g * g;
        privateBias[own] -= (config.lexiconLearningRate * g) / Math.sqrt(privateBiasSquares[own]);
      }
      if (config.useLexicon) {
        for (let k = 0; k < LEXICON_SIGNALS; k++) {
          const g = gradient * signals[base + k];
          lexiconSquares[k] += g * g;
          lexiconWeights[k] -= (config.lexiconLearningRate * g) / Math.sqrt(lexiconSquares[k]);
          if (c > 0) {
            const gc = g * c;
            privateBiasSquares[own + 1 + k] += gc * gc;
            privateBias[own + 1 + k] -= (config.lexiconLearningRate * gc) / Math.sqrt(privateBiasSquares[own + 1 + k]);
          }
        }
      }
      if (x > 0) {
        for (let k = start; k < end; k++) {
          const id = ids[k] & mask;
          const g = gradient * x * value[id] + config.l2 * weights[id];
          squares[id] += g * g;
          weights[id] -= (config.learningRate * g) / Math.sqrt(squares[id]);
          if (c > 0) {
            const slot = slots[k - start];
            const gp = gradient * x * c + config.l2 * privateWeights[slot];
            privateSquares[slot] += gp * gp;
            privateWeights[slot] -= (config.learningRate * gp) / Math.sqrt(privateSquares[slot]);
          }
        }
      }
    }
  }
  for (let j = 0; j < size; j++) weights[j] *= value[j];
  return { bits: config.bits, weights, bias, lexiconWeights };
}

/** int8 weights; the scale maps the 99.99th percentile of |w| to 127 and clips the rare larger ones. */
export function quantize(model: FloatModel, lang: 'en' | 'zh', presence: boolean, openingWeight = 0): LinearSentimentModel {
  const magnitudes = Float32Array.from(model.weights, Math.abs).filter((value) => value > 0).sort();
  const reference = magnitudes.length > 0 ? magnitudes[Math.min(magnitudes.length - 1, Math.floor(magnitudes.length * 0.9999))] : 1;
  const scale = reference / 127;
  const weights = new Int8Array(model.weights.length);
  for (let index = 0; index < weights.length; index++) weights[index] = Math.max(-127, Math.min(127, Math.round(model.weights[index] / scale)));
  return { lang, bits: model.bits, weights, scale, bias: model.bias, lexiconWeights: model.lexiconWeights, slope: 1, intercept: 0, neutralBand: 0, presence, openingWeight };
}
