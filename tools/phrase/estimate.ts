import { BOUNDARY_ID } from '../../packages/core/src/phrase/packed-format.ts';
import type { NgramCounts, OrderTable } from './ngram-counts.ts';

/** A back-off model in ARPA terms: per order, which n-grams stay, their probability and back-off. */
export interface BackoffModel {
  /** keep[n-1][i]: the n-gram stays in the packed model. */
  keep: Uint8Array[];
  /** Natural-log probability of each kept n-gram. */
  logProb: Float64Array[];
  /** Natural-log back-off weight of each kept n-gram as a context (orders below the top). */
  logBackoff: Float64Array[];
  /** Modified Kneser–Ney discounts D1, D2, D3+ per order (empty for maximum likelihood). */
  discounts: number[][];
}

function table(counts: NgramCounts, n: number): OrderTable {
  return counts.tables[n - 1] as OrderTable;
}

/** Orders ≥ 2 keep an n-gram seen at least `minCount[n-2]` times (non-decreasing, so prefixes and suffixes stay too). */
function pruneFlags(counts: NgramCounts, minCount: readonly number[]): Uint8Array[] {
  const keep: Uint8Array[] = [];
  for (let n = 1; n <= counts.order; n++) {
    const t = table(counts, n);
    const flags = new Uint8Array(t.word.length);
    const min = n === 1 ? 0 : (minCount[n - 2] ?? 1);
    for (let i = 0; i < flags.length; i++) flags[i] = n === 1 || (t.count[i] as number) >= min ? 1 : 0;
    keep.push(flags);
  }
  return keep;
}

/**
 * Back-off weights that make each kept context's distribution sum to one after pruning
 * (the usual renormalisation, as in SRILM): bow(h) = (1 − Σ p(w|h)) / (1 − Σ p(w|h′)) over kept children.
 */
function backoffWeights(counts: NgramCounts, keep: Uint8Array[], prob: Float64Array[]): Float64Array[] {
  const out: Float64Array[] = [];
  for (let n = 1; n < counts.order; n++) {
    const size = table(counts, n).word.length;
    const numerator = new Float64Array(size).fill(1);
    const denominator = new Float64Array(size).fill(1);
    const children = table(counts, n + 1);
    const keepChildren = keep[n] as Uint8Array;
    const childProb = prob[n] as Float64Array;
    const lowerProb = prob[n - 1] as Float64Array;
    for (let i = 0; i < children.word.length; i++) {
      if (keepChildren[i] !== 1) continue;
      const parent = children.prefix[i] as number;
      numerator[parent] = (numerator[parent] as number) - (childProb[i] as number);
      denominator[parent] = (denominator[parent] as number) - (lowerProb[children.suffix[i] as number] as number);
    }
    const bow = new Float64Array(size);
    for (let i = 0; i < size; i++) bow[i] = Math.log(Math.max(numerator[i] as number, 1e-9) / Math.max(denominator[i] as number, 1e-9));
    out.push(bow);
  }
  return out;
}

/** Counts Kneser–Ney uses per order: raw counts on top, continuation counts below (raw for line starts). */
function adjustedCounts(counts: NgramCounts): Float64Array[] {
  const adjusted: Float64Array[] = [];
  for (let n = 1; n <= counts.order; n++) adjusted.push(new Float64Array(table(counts, n).word.length));
  for (let n = 2; n <= counts.order; n++) {
    const t = table(counts, n);
    const lower = adjusted[n - 2] as Float64Array;
    for (let i = 0; i < t.word.length; i++) lower[t.suffix[i] as number] = (lower[t.suffix[i] as number] as number) + 1;
  }
  for (let n = 1; n <= counts.order; n++) {
    const t = table(counts, n);
    const a = adjusted[n - 1] as Float64Array;
    for (let i = 0; i < t.word.length; i++) {
      // Nothing precedes a line start, so its n-grams keep their raw counts.
      const startsLine = n >= 2 && counts.firstWord(n, i) === BOUNDARY_ID;
      if (n === counts.order || startsLine) a[i] = t.count[i] as number;
    }
  }
  return adjusted;
}

function discountsOf(a: Float64Array): number[] {
  const nk = [0, 0, 0, 0, 0];
  for (const value of a) if (value >= 1 && value <= 4) nk[value] = (nk[value] as number) + 1;
  const [, n1, n2, n3, n4] = nk as [number, number, number, number, number];
  const y = n1 / (n1 + 2 * n2);
  const clamp = (d: number, max: number): number => (Number.isFinite(d) ? Math.min(Math.max(d, 0.1), max) : 0.5);
  return [clamp(1 - 2 * y * (n2 / n1), 1), clamp(2 - 3 * y * (n3 / n2), 2), clamp(3 - 4 * y * (n4 / n3), 3)];
}

/** Interpolated modified Kneser–Ney (Chen & Goodman 1998), then count pruning and renormalised back-off. */
export function kneserNey(counts: NgramCounts, minCount: readonly number[]): BackoffModel {
  const adjusted = adjustedCounts(counts);
  const prob: Float64Array[] = [];
  const discounts: number[][] = [];
  for (let n = 1; n <= counts.order; n++) {
    const t = table(counts, n);
    const a = adjusted[n - 1] as Float64Array;
    const d = discountsOf(a);
    discounts.push(d);
    const contexts = n === 1 ? 1 : table(counts, n - 1).word.length;
    const total = new Float64Array(contexts);
    const mass = new Float64Array(contexts);
    for (let i = 0; i < a.length; i++) {
      const value = a[i] as number;
      if (value <= 0) continue;
      const c = n === 1 ? 0 : (t.prefix[i] as number);
      total[c] = (total[c] as number) + value;
      mass[c] = (mass[c] as number) + (d[Math.min(value, 3) - 1] as number);
    }
    const p = new Float64Array(a.length);
    for (let i = 0; i < a.length; i++) {
      const value = a[i] as number;
      const c = n === 1 ? 0 : (t.prefix[i] as number);
      const sum = total[c] as number;
      const lower = n === 1 ? 1 / counts.vocabSize : ((prob[n - 2] as Float64Array)[t.suffix[i] as number] as number);
      if (sum === 0) {
        p[i] = lower;
        continue;
      }
      const discounted = value > 0 ? (value - (d[Math.min(value, 3) - 1] as number)) / sum : 0;
      p[i] = discounted + ((mass[c] as number) / sum) * lower;
    }
    prob.push(p);
  }
  const keep = pruneFlags(counts, minCount);
  return { keep, logProb: prob.map((p) => p.map(Math.log)), logBackoff: backoffWeights(counts, keep, prob), discounts };
}

/**
 * The reference baseline the issue measured: relative frequencies, no smoothing, no pruning, and
 * back-off that always prefers the longest seen context (a vanishing back-off weight).
 */
export function maximumLikelihood(counts: NgramCounts): BackoffModel {
  const logProb: Float64Array[] = [];
  for (let n = 1; n <= counts.order; n++) {
    const t = table(counts, n);
    const contexts = n === 1 ? 1 : table(counts, n - 1).word.length;
    const total = new Float64Array(contexts);
    for (let i = 0; i < t.word.length; i++) {
      const c = n === 1 ? 0 : (t.prefix[i] as number);
      total[c] = (total[c] as number) + (t.count[i] as number);
    }
    const lp = new Float64Array(t.word.length);
    for (let i = 0; i < t.word.length; i++) {
      const c = n === 1 ? 0 : (t.prefix[i] as number);
      lp[i] = (t.count[i] as number) > 0 ? Math.log((t.count[i] as number) / (total[c] as number)) : -30;
    }
    logProb.push(lp);
  }
  const keep = pruneFlags(counts, []);
  const logBackoff: Float64Array[] = [];
  for (let n = 1; n < counts.order; n++) logBackoff.push(new Float64Array(table(counts, n).word.length).fill(-40));
  return { keep, logProb, logBackoff, discounts: [] };
}
