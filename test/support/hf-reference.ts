/**
 * Hugging Face `transformers` generation, transcribed as literally as practical from
 * its documented semantics — full sorts, rebuilt n-gram tables, gather/scatter —
 * with no attempt at speed. Tests compare Cowrite's fast paths against it.
 *
 * Facts used (transformers `generation/logits_process.py`, `utils.py`):
 * - processor order: repetition penalty, no-repeat n-gram, min new tokens; then, only when
 *   sampling, temperature, top-k, top-p;
 * - RepetitionPenalty: score = gather(scores, input_ids); score < 0 ? score * p : score / p; scatter back;
 * - NoRepeatNGram: ngrams of the whole input_ids; ban tokens following the last n-1 tokens; nothing before cur_len + 1 >= n;
 * - MinNewTokensLength: eos scores = -inf while new tokens < min_new_tokens;
 * - TopK: top_k = min(max(top_k, 1), vocab); remove scores < topk(scores, top_k).values[-1];
 * - TopP: sort ascending, cumsum(softmax(sorted)), remove where cumprobs <= 1 - top_p, always keep the last (largest) token;
 * - greedy: argmax (first index of the maximum).
 */

export function hfRepetitionPenalty(scores: Float32Array, inputIds: readonly number[], penalty: number): void {
  const gathered = inputIds.map((id) => scores[id]);
  const updated = gathered.map((s) => (s < 0 ? s * penalty : s / penalty));
  inputIds.forEach((id, i) => (scores[id] = updated[i]));
}

export function hfNoRepeatNgram(scores: Float32Array, inputIds: readonly number[], n: number): void {
  const curLen = inputIds.length;
  if (curLen + 1 < n) return;
  const ngrams = new Map<string, number[]>();
  for (let i = 0; i + n <= curLen; i++) {
    const prefix = inputIds.slice(i, i + n - 1).join(' ');
    const list = ngrams.get(prefix) ?? [];
    list.push(inputIds[i + n - 1]);
    ngrams.set(prefix, list);
  }
  const key = inputIds.slice(curLen - n + 1, curLen).join(' ');
  for (const id of ngrams.get(key) ?? []) scores[id] = -Infinity;
}

export function hfMinNewTokens(scores: Float32Array, newTokens: number, min: number, eos: readonly number[]): void {
  if (newTokens < min) for (const id of eos) scores[id] = -Infinity;
}

export function hfTemperature(scores: Float32Array, t: number): void {
  for (let i = 0; i < scores.length; i++) scores[i] = scores[i] / t;
}

export function hfTopK(scores: Float32Array, topK: number): void {
  const k = Math.min(Math.max(topK, 1), scores.length);
  const kth = [...scores].sort((a, b) => b - a)[k - 1];
  for (let i = 0; i < scores.length; i++) if (scores[i] < kth) scores[i] = -Infinity;
}

export function hfTopP(scores: Float32Array, topP: number): void {
  const order = [...scores.keys()].sort((a, b) => scores[a] - scores[b]);
  const sorted = order.map((i) => scores[i]);
  const max = Math.max(...sorted.filter((s) => s > -Infinity));
  const exps = sorted.map((s) => Math.exp(s - max));
  const total = exps.reduce((a, b) => a + b, 0);
  let cumulative = 0;
  order.forEach((index, rank) => {
    cumulative += exps[rank] / total;
    const isLast = rank === order.length - 1;
    if (cumulative <= 1 - topP && !isLast) scores[index] = -Infinity;
  });
}

export function hfArgmax(scores: Float32Array): number {
  let best = 0;
  for (let i = 1; i < scores.length; i++) if (scores[i] > scores[best]) best = i;
  return best;
}

export interface HfSettings {
  maxNewTokens: number;
  minNewTokens?: number;
  repetitionPenalty?: number;
  noRepeatNgramSize?: number;
  eosTokenIds?: readonly number[];
}

/** HF greedy search, recomputing the whole sequence every step (no KV cache). */
export function hfGreedyGenerate(nextLogits: (ids: readonly number[]) => Float32Array, promptIds: readonly number[], settings: HfSettings): number[] {
  const ids = [...promptIds];
  const out: number[] = [];
  const eos = settings.eosTokenIds ?? [];
  while (out.length < settings.maxNewTokens) {
    const scores = Float32Array.from(nextLogits(ids));
    if (settings.repetitionPenalty && settings.repetitionPenalty !== 1) hfRepetitionPenalty(scores, ids, settings.repetitionPenalty);
    if (settings.noRepeatNgramSize) hfNoRepeatNgram(scores, ids, settings.noRepeatNgramSize);
    if (settings.minNewTokens) hfMinNewTokens(scores, out.length, settings.minNewTokens, eos);
    const id = hfArgmax(scores);
    ids.push(id);
    out.push(id);
    if (eos.includes(id)) break;
  }
  return out;
}

/** The set of token ids HF's warpers leave finite, for sampling settings. */
export function hfKeptTokens(logits: Float32Array, settings: { temperature: number; topK: number; topP: number }): number[] {
  const scores = Float32Array.from(logits);
  if (settings.temperature !== 1) hfTemperature(scores, settings.temperature);
  if (settings.topK !== 0) hfTopK(scores, settings.topK);
  if (settings.topP < 1) hfTopP(scores, settings.topP);
  const kept: number[] = [];
  scores.forEach((s, i) => {
    if (s > -Infinity) kept.push(i);
  });
  return kept;
}
