import type { Lang } from '../../contracts/language.ts';
import { chineseFeatures, englishFeatures, type FeatureSink } from './feature-hash.ts';
import type { EnglishScan } from '../english-scan.ts';
import { SeenIds } from './seen-ids.ts';

/**
 * A learned polarity model: logistic regression over hashed n-grams (see feature-hash.ts)
 * plus a few signals from the lexicon pass (lexicon-signals.ts), with int8 weights in a fixed table.
 *   z = bias + scale · Σ weights[id] / √n + Σ lexiconWeights[k] · signal[k]
 *       (+ openingWeight · scale · Σ weights[id] / √n over the first sentence, for a review verdict)
 *   p(positive) = σ(slope · z + intercept)   (Platt calibration, fitted leave-one-source-out)
 * With `presence`, each id counts once per review, as in training. A sentence's own verdict counts
 * every occurrence (sentences rarely repeat a feature, and one set lookup per feature is saved).
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
  /** Features count once per review (binary presence) rather than once per occurrence. */
  presence: boolean;
  /** A review verdict counts its first sentence's evidence (a title, an opening verdict) this much more; 0 for none. */
  openingWeight: number;
}

/** Feature sum of one span: Σ weights[id] (in int8 units) and how many features it had. */
export interface SpanEvidence {
  sum: number;
  count: number;
}

/** One sentence's evidence: on its own, and the part that is new to its review (what the review verdict adds up). */
export interface SentenceEvidence {
  sentence: SpanEvidence;
  review: SpanEvidence;
}

/** Per-model scratch: which ids the current review has already counted. */
interface Scratch {
  review: SeenIds;
  reviewNumber: number;
}

/** Sums weights as the extractor finds ids: no id buffer at run time. */
class WeightSum implements FeatureSink {
  weights: Int8Array = new Int8Array(0);
  scratch: Scratch | null = null;
  sum = 0;
  count = 0;
  reviewSum = 0;
  reviewCount = 0;
  push(id: number): void {
    const weight = this.weights[id];
    this.sum += weight;
    this.count++;
    const scratch = this.scratch;
    if (scratch !== null && scratch.review.firstTime(id)) {
      this.reviewSum += weight;
      this.reviewCount++;
    }
  }
}

const sharedSum = new WeightSum();
const scratches = new WeakMap<LinearSentimentModel, Scratch>();
let reviewNumber = 0;

/** Starts a new review: ids counted for earlier reviews count again. Call once per analysed text. */
export function startReview(): void {
  reviewNumber++;
}

function scratchOf(model: LinearSentimentModel): Scratch {
  let scratch = scratches.get(model);
  if (!scratch) {
    scratch = { review: new SeenIds(), reviewNumber: -1 };
    scratches.set(model, scratch);
  }
  if (scratch.reviewNumber !== reviewNumber) {
    scratch.review.next();
    scratch.reviewNumber = reviewNumber;
  }
  return scratch;
}

/**
 * Extracts the features of text[start, end) for the model's language and sums their weights.
 * English reads `scan`, the tokenizer's scan of that same span (english-scan.ts).
 */
export function spanEvidence(model: LinearSentimentModel, text: string, start: number, end: number, scan: EnglishScan | null): SentenceEvidence {
  sharedSum.weights = model.weights;
  sharedSum.scratch = model.presence ? scratchOf(model) : null;
  sharedSum.sum = 0;
  sharedSum.count = 0;
  sharedSum.reviewSum = 0;
  sharedSum.reviewCount = 0;
  const mask = (1 << model.bits) - 1;
  if (model.lang === 'zh') chineseFeatures(text, start, end, mask, sharedSum);
  else if (scan !== null) englishFeatures(scan, mask, sharedSum);
  const sentence = { sum: sharedSum.sum, count: sharedSum.count };
  return { sentence, review: model.presence ? { sum: sharedSum.reviewSum, count: sharedSum.reviewCount } : sentence };
}

/**
 * Calibrated probability that the text is positive, from its summed n-gram evidence and the lexicon signals;
 * for a review, `opening` is its first sentence's own evidence.
 */
export function positiveProbability(model: LinearSentimentModel, evidence: SpanEvidence, signals: Float64Array, opening: SpanEvidence | null = null): number {
  let z = model.bias + (evidence.count > 0 ? (model.scale * evidence.sum) / Math.sqrt(evidence.count) : 0);
  if (opening !== null && opening.count > 0) z += (model.openingWeight * model.scale * opening.sum) / Math.sqrt(opening.count);
  for (let index = 0; index < model.lexiconWeights.length; index++) z += model.lexiconWeights[index] * signals[index];
  return 1 / (1 + Math.exp(-(model.slope * z + model.intercept)));
}
