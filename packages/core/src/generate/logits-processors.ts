/**
 * Logits processors with Hugging Face `transformers` semantics, applied in HF's order:
 * repetition penalty → no-repeat n-gram → min new tokens. They edit the scores in
 * place and keep per-sequence state incrementally, so a step costs O(tokens touched),
 * never a rebuild over the whole sequence.
 */

/** HF `RepetitionPenaltyLogitsProcessor`: every distinct token in prompt + output, once. */
export class RepetitionPenalty {
  readonly #penalty: number;
  readonly #seen: Uint8Array;
  readonly #ids: number[] = [];

  constructor(penalty: number, vocabSize: number) {
    this.#penalty = penalty;
    this.#seen = new Uint8Array(vocabSize);
  }

  push(id: number): void {
    if (id < this.#seen.length && this.#seen[id] === 0) {
      this.#seen[id] = 1;
      this.#ids.push(id);
    }
  }

  apply(scores: Float32Array): void {
    const p = this.#penalty;
    for (const id of this.#ids) {
      const s = scores[id];
      // Dividing a negative logit would raise it, so HF multiplies those instead.
      scores[id] = s < 0 ? s * p : s / p;
    }
  }
}

/**
 * HF `NoRepeatNGramLogitsProcessor`: bans every token that would complete an n-gram
 * already present in prompt + output. The n-gram table grows by one entry per token.
 */
export class NoRepeatNgram {
  readonly #n: number;
  readonly #tokens: number[] = [];
  readonly #followers = new Map<string, Set<number>>();

  constructor(n: number) {
    this.#n = n;
  }

  push(id: number): void {
    const tokens = this.#tokens;
    tokens.push(id);
    const n = this.#n;
    if (tokens.length < n) return;
    const key = tokens.slice(tokens.length - n, tokens.length - 1).join(',');
    let set = this.#followers.get(key);
    if (!set) this.#followers.set(key, (set = new Set()));
    set.add(id);
  }

  apply(scores: Float32Array): void {
    const tokens = this.#tokens;
    const n = this.#n;
    // HF: nothing is banned until cur_len + 1 >= n.
    if (tokens.length + 1 < n) return;
    const key = n === 1 ? '' : tokens.slice(tokens.length - (n - 1)).join(',');
    const banned = this.#followers.get(key);
    if (banned) for (const id of banned) scores[id] = -Infinity;
  }
}

/** HF `MinNewTokensLengthLogitsProcessor`: end-of-sequence is impossible before `min` new tokens. */
export function applyMinNewTokens(scores: Float32Array, generated: number, min: number, eosIds: readonly number[]): void {
  if (generated >= min) return;
  for (const id of eosIds) if (id < scores.length) scores[id] = -Infinity;
}
