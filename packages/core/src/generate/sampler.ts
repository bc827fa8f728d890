import { indicesAtLeast, kthLargest } from './select-top.ts';
import type { Random } from './random.ts';

export interface SamplingSettings {
  temperature: number;
  /** 0 disables. */
  topK: number;
  /** 1 disables. */
  topP: number;
}

/** Greedy decoding: the first index of the maximum, like `torch.argmax`. */
export function argmax(scores: Float32Array): number {
  let best = 0;
  let bestScore = scores[0];
  for (let i = 1; i < scores.length; i++) {
    if (scores[i] > bestScore) {
      bestScore = scores[i];
      best = i;
    }
  }
  return best;
}

/** A candidate token with its (temperature-scaled) score. */
export interface Candidate {
  id: number;
  score: number;
}

/**
 * The tokens HF's warpers keep, in HF's order (temperature → top-k → top-p),
 * sorted by descending score. Returns undefined when no warper filters, so the
 * caller can sample from the full vocabulary without building a candidate list.
 *
 * - top-k keeps every token scoring at least the k-th largest score (ties included, as HF's `scores < topk[-1]` test does);
 * - top-p keeps a token when the probability mass of the tokens ranked strictly above it is < topP, i.e. exactly the
 *   tokens HF keeps when it removes those whose ascending cumulative probability is <= 1 - topP; at least one token stays.
 */
export function warpedCandidates(scores: Float32Array, settings: SamplingSettings): Candidate[] | undefined {
  const { temperature, topK, topP } = settings;
  const useTopK = topK > 0 && topK < scores.length;
  const useTopP = topP < 1;
  if (!useTopK && !useTopP) return undefined;

  // After top-k the other tokens are -inf, so top-p normalizes over the survivors;
  // without top-k it normalizes over the whole vocabulary.
  let ids: number[];
  let vocabMass: number | undefined;
  if (useTopK) {
    ids = indicesAtLeast(scores, kthLargest(scores, topK));
  } else {
    ({ ids, mass: vocabMass } = nucleusCandidates(scores, temperature, topP));
  }
  const candidates = ids.map((id) => ({ id, score: scores[id] / temperature }));
  candidates.sort((a, b) => b.score - a.score || a.id - b.id);
  return useTopP ? nucleus(candidates, topP, vocabMass) : candidates;
}

/**
 * Keeps the smallest prefix (descending) whose mass before each kept token is < topP.
 * `total` is the softmax denominator in units of exp(score - top score); default: the candidates' own.
 */
function nucleus(sorted: Candidate[], topP: number, total?: number): Candidate[] {
  const max = sorted[0].score;
  if (total === undefined) {
    total = 0;
    for (const c of sorted) total += Math.exp(c.score - max);
  }
  let above = 0;
  let keep = 0;
  while (keep < sorted.length && above / total < topP) {
    above += Math.exp(sorted[keep].score - max);
    keep++;
  }
  return sorted.slice(0, Math.max(1, keep));
}

/**
 * Without top-k, top-p needs the head of the full distribution. Grow a partial
 * selection (256, 1024, … tokens) until it holds the nucleus, so a peaked
 * distribution costs O(V log m) and only a flat one degrades to a full pass.
 */
function nucleusCandidates(scores: Float32Array, temperature: number, topP: number): { ids: number[]; mass: number } {
  const n = scores.length;
  let max = -Infinity;
  for (let i = 0; i < n; i++) if (scores[i] > max) max = scores[i];
  let total = 0;
  for (let i = 0; i < n; i++) total += Math.exp((scores[i] - max) / temperature);
  for (let m = 256; ; m *= 4) {
    if (m >= n) return { ids: indicesAtLeast(scores, -Infinity), mass: total };
    const threshold = kthLargest(scores, m);
    const ids = indicesAtLeast(scores, threshold);
    // Mass of everything scoring above the threshold; if it already reaches topP,
    // every token outside the selection has at least topP above it and is dropped.
    let mass = 0;
    for (const id of ids) if (scores[id] > threshold) mass += Math.exp((scores[id] - max) / temperature);
    if (mass / total >= topP) return { ids, mass: total };
  }
}

/** Draws one token from softmax(candidates) — or from the full vocabulary when `candidates` is undefined. */
export function sample(scores: Float32Array, candidates: Candidate[] | undefined, temperature: number, random: Random): number {
  if (candidates) {
    const max = candidates[0].score;
    let total = 0;
    for (const c of candidates) total += Math.exp(c.score - max);
    let r = random() * total;
    for (const c of candidates) {
      r -= Math.exp(c.score - max);
      if (r < 0) return c.id;
    }
    return candidates[candidates.length - 1].id;
  }
  let max = -Infinity;
  for (let i = 0; i < scores.length; i++) if (scores[i] > max) max = scores[i];
  let total = 0;
  for (let i = 0; i < scores.length; i++) total += Math.exp((scores[i] - max) / temperature);
  let r = random() * total;
  let last = 0;
  for (let i = 0; i < scores.length; i++) {
    const w = Math.exp((scores[i] - max) / temperature);
    if (w === 0) continue;
    last = i;
    r -= w;
    if (r < 0) return i;
  }
  return last;
}

/**
 * log p(id) under softmax(scores / temperature) — over `candidates` when warpers filtered, else the
 * whole vocabulary. `knownMax`: the largest score when the caller has it (greedy: the chosen token's),
 * which saves a pass over the vocabulary.
 */
export function logProbability(scores: Float32Array, candidates: Candidate[] | undefined, temperature: number, id: number, knownMax?: number): number {
  if (candidates) {
    const max = candidates[0].score;
    let total = 0;
    let chosen = -Infinity;
    for (const c of candidates) {
      total += Math.exp(c.score - max);
      if (c.id === id) chosen = c.score;
    }
    return chosen - max - Math.log(total);
  }
  let max = knownMax ?? -Infinity;
  if (knownMax === undefined) for (let i = 0; i < scores.length; i++) if (scores[i] > max) max = scores[i];
  // Terms more than 40 nats below the top add < 5e-18 each (< 1e-12 over any vocabulary): skipping
  // them is exact at float precision and spares Math.exp for masked (−∞) tokens.
  const floor = max - 40 * temperature;
  let total = 0;
  for (let i = 0; i < scores.length; i++) {
    const score = scores[i];
    if (score > floor) total += Math.exp((score - max) / temperature);
  }
  return (scores[id] - max) / temperature - Math.log(total);
}
