/**
 * A cache model over the words already typed in this review (Kuhn & De Mori 1990): shoppers repeat
 * the product's words ("pop filter … this pop filter"), which a corpus-wide n-gram cannot know.
 * The next word's probability becomes
 *
 *   (1 − λu − λb) · p_ngram(w | context) + λu · c(w) / N + λb · c(prev, w) / c(prev, ·)
 *
 * where the bigram part counts only when the previous word was followed by something earlier in the
 * review (else its weight goes back to the n-gram). Only the cached words are touched, plus one shift
 * of every score, so mixing costs one pass over the vocabulary in the log domain.
 */
export interface CacheWeights {
  /** λu: weight of the words typed so far, by frequency. */
  unigram: number;
  /** λb: weight of what followed the previous word earlier in this review. */
  bigram: number;
}

export class WordCache {
  readonly #weights: CacheWeights;
  readonly #counts = new Map<number, number>();
  readonly #followers = new Map<number, Map<number, number>>();
  readonly #total: number;

  /** `history`: the review's ids so far; `isWord(id)` says which ids are words worth caching. */
  constructor(history: readonly number[], isWord: (id: number) => boolean, weights: CacheWeights) {
    this.#weights = weights;
    let total = 0;
    let previous = -1;
    for (const id of history) {
      if (isWord(id)) {
        this.#counts.set(id, (this.#counts.get(id) ?? 0) + 1);
        total += 1;
        if (previous >= 0) {
          const next = this.#followers.get(previous) ?? new Map<number, number>();
          next.set(id, (next.get(id) ?? 0) + 1);
          this.#followers.set(previous, next);
        }
        previous = id;
      } else previous = -1;
    }
    this.#total = total;
  }

  get empty(): boolean {
    return this.#total === 0;
  }

  /** Mixes the cache into `scores` (natural-log probabilities of the next word after `previous`), in place. */
  mix(scores: Float32Array, previous: number): void {
    if (this.#total === 0) return;
    const followers = this.#followers.get(previous);
    const unigram = this.#weights.unigram;
    const bigram = followers ? this.#weights.bigram : 0;
    const keep = 1 - unigram - bigram;
    if (keep <= 0 || keep >= 1) return;
    const shift = Math.log(keep);
    const before = new Map<number, number>();
    for (const id of this.#counts.keys()) before.set(id, scores[id] as number);
    for (let w = 0; w < scores.length; w++) scores[w] = (scores[w] as number) + shift;
    let followerTotal = 0;
    if (followers) for (const c of followers.values()) followerTotal += c;
    for (const [id, count] of this.#counts) {
      const fromBigram = followers && followerTotal > 0 ? (bigram * (followers.get(id) ?? 0)) / followerTotal : 0;
      const p = keep * Math.exp(before.get(id) as number) + (unigram * count) / this.#total + fromBigram;
      scores[id] = Math.log(p);
    }
  }
}
