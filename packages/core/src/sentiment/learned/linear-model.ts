import type { Lang } from '../../contracts/language.ts';
import { chineseFeatures, englishFeatures, type FeatureSink } from './feature-hash.ts';

/**
 * A learned polarity model: logistic regression over hashed n-grams (see feature-hash.ts)
 * plus a few signals from the lexicon pass (lexicon-signals.ts), with int8 weights in a fixed table.
 *   z = bias + scale · Σ weights[id] / √n + Σ lexiconWeights[k] · signal[k]
 *   p(positive) = σ(slope · z + intercept)   (Platt calibration, fitted leave-one-source-out)
 */
export interface LinearSentimentModel {
  lang: Lang;
  /** The table holds 2^bits weights. */
  bits: number;
  weights: Int8Array;
  scale: number;
  bias: number;
  /** One weight per lexicon signal (LEXICON_SIGNALS). */
  lexiconWeights: Float32Array;
  slope: number;
  intercept: number;
  /** |p − 0.5| below this is labelled neutral. */
  neutralBand: number;
}

/** Feature sum of one span: Σ weights[id] (in int8 units) and how many features it had. */
export interface SpanEvidence {
  sum: number;
  count: number;
}

/** Sums weights as the extractor finds ids: no id buffer at run time. */
class WeightSum implements FeatureSink {
  weights: Int8Array = new Int8Array(0);
  sum = 0;
  count = 0;
  push(id: number): void {
    this.sum += this.weights[id];
    this.count++;
  }
}

const sharedSum = new WeightSum();

/** Extracts the features of text[start, end) for the model's language and sums their weights. */
export function spanEvidence(model: LinearSentimentModel, text: string, start: number, end: number): SpanEvidence {
  sharedSum.weights = model.weights;
  sharedSum.sum = 0;
  sharedSum.count = 0;
  const mask = (1 << model.bits) - 1;
  if (model.lang === 'zh') chineseFeatures(text, start, end, mask, sharedSum);
  else englishFeatures(text, start, end, mask, sharedSum);
  return { sum: sharedSum.sum, count: sharedSum.count };
}

/** Calibrated probability that the text is positive, from its summed n-gram evidence and the lexicon signals. */
export function positiveProbability(model: LinearSentimentModel, evidence: SpanEvidence, signals: Float64Array): number {
  let z = model.bias + (evidence.count > 0 ? (model.scale * evidence.sum) / Math.sqrt(evidence.count) : 0);
  for (let index = 0; index < model.lexiconWeights.length; index++) z += model.lexiconWeights[index] * signals[index];
  return 1 / (1 + Math.exp(-(model.slope * z + model.intercept)));
}
