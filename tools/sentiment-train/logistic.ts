/**
 * Logistic regression with AdaGrad over the hashed features of a FeatureTable, then int8
 * quantisation. Deterministic: a seeded shuffle, no threads, no wall-clock inputs.
 */
import { LEXICON_SIGNALS } from '../../packages/core/src/sentiment/learned/lexicon-signals.ts';
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
  seed: number;
}

export const DEFAULT_CONFIG: TrainConfig = { bits: 18, epochs: 4, learningRate: 0.1, lexiconLearningRate: 0.1, l2: 1e-5, useNgrams: true, useLexicon: true, sourceCap: 20000, presence: false, nbScale: false, seed: 11 };

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

export function rawScore(table: FeatureTable, row: number, weights: ArrayLike<number>, scale: number, bias: number, lexiconWeights: ArrayLike<number>, mask: number): number {
  const start = table.offsets[row];
  const end = table.offsets[row + 1];
  let sum = 0;
  for (let k = start; k < end; k++) sum += weights[table.ids[k] & mask];
  const count = end - start;
  let z = bias + (count > 0 ? (scale * sum) / Math.sqrt(count) : 0);
  for (let k = 0; k < LEXICON_SIGNALS; k++) z += lexiconWeights[k] * table.signals[row * LEXICON_SIGNALS + k];
  return z;
}

export function trainLogistic(table: FeatureTable, trainRows: readonly number[], config: TrainConfig): FloatModel {
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
  for (let epoch = 0; epoch < config.epochs; epoch++) {
    shuffleInPlace(order, random);
    for (const row of order) {
      const start = table.offsets[row];
      const end = table.offsets[row + 1];
      const x = config.useNgrams && end > start ? 1 / Math.sqrt(end - start) : 0;
      const base = row * LEXICON_SIGNALS;
      let z = bias;
      if (config.useLexicon) for (let k = 0; k < LEXICON_SIGNALS; k++) z += lexiconWeights[k] * table.signals[base + k];
      if (x > 0) {
        for (let k = start; k < end; k++) {
          const id = table.ids[k] & mask;
          z += weights[id] * value[id] * x;
        }
      }
      const p = 1 / (1 + Math.exp(-z));
      const gradient = (p - table.labels[row]) * sampleWeight[row];
      biasSquares += gradient * gradient;
      bias -= (config.lexiconLearningRate * gradient) / Math.sqrt(biasSquares);
      if (config.useLexicon) {
        for (let k = 0; k < LEXICON_SIGNALS; k++) {
          const g = gradient * table.signals[base + k];
          lexiconSquares[k] += g * g;
          lexiconWeights[k] -= (config.lexiconLearningRate * g) / Math.sqrt(lexiconSquares[k]);
        }
      }
      if (x > 0) {
        for (let k = start; k < end; k++) {
          const id = table.ids[k] & mask;
          const g = gradient * x * value[id] + config.l2 * weights[id];
          squares[id] += g * g;
          weights[id] -= (config.learningRate * g) / Math.sqrt(squares[id]);
        }
      }
    }
  }
  for (let j = 0; j < size; j++) weights[j] *= value[j];
  return { bits: config.bits, weights, bias, lexiconWeights };
}

/** int8 weights; the scale maps the 99.99th percentile of |w| to 127 and clips the rare larger ones. */
export function quantize(model: FloatModel, lang: 'en' | 'zh', presence: boolean): LinearSentimentModel {
  const magnitudes = Float32Array.from(model.weights, Math.abs).filter((value) => value > 0).sort();
  const reference = magnitudes.length > 0 ? magnitudes[Math.min(magnitudes.length - 1, Math.floor(magnitudes.length * 0.9999))] : 1;
  const scale = reference / 127;
  const weights = new Int8Array(model.weights.length);
  for (let index = 0; index < weights.length; index++) weights[index] = Math.max(-127, Math.min(127, Math.round(model.weights[index] / scale)));
  return { lang, bits: model.bits, weights, scale, bias: model.bias, lexiconWeights: model.lexiconWeights, slope: 1, intercept: 0, neutralBand: 0, presence };
}
