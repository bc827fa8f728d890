import type { PackedLevel, PackedModel } from './packed-format.ts';
import { BOUNDARY_ID, UNKNOWN_ID } from './packed-format.ts';

/**
 * Next-word log-probabilities from a packed back-off n-gram model. For the context's longest
 * suffixes, shortest first, the distribution so far is scaled by the context's back-off weight and
 * the words seen after that context take their own probabilities, which is exactly ARPA back-off
 * over the whole vocabulary: O(vocabulary × order) per word, well under a millisecond.
 */
export class NgramScorer {
  readonly order: number;
  readonly vocabSize: number;
  readonly #levels: readonly PackedLevel[];
  readonly #logProb: readonly Float32Array[];
  readonly #backoff: readonly Float32Array[];
  readonly #unigrams: Float32Array;

  constructor(model: PackedModel) {
    this.order = model.header.order;
    this.vocabSize = model.header.vocabSize;
    this.#levels = model.levels;
    this.#logProb = model.header.logProbCodebooks.map((c) => Float32Array.from(c));
    this.#backoff = model.header.backoffCodebooks.map((c) => Float32Array.from(c));
    const first = model.levels[0] as PackedLevel;
    const book = this.#logProb[0] as Float32Array;
    this.#unigrams = Float32Array.from(first.logProbCodes, (code) => book[code] as number);
  }

  /**
   * Fills `out` (length = vocabulary) with log p(word | context) for the last `order − 1` ids.
   * The unknown id gets −∞: a suggestion never contains a word the model cannot spell.
   */
  scores(context: readonly number[], out: Float32Array): Float32Array {
    // Find the context's suffixes in the trie, shortest first; a longer one cannot exist without them.
    const nodes: number[] = [];
    const bows: number[] = [];
    const longest = Math.min(this.order - 1, context.length);
    for (let k = 1; k <= longest; k++) {
      const node = this.#find(context, context.length - k, k);
      if (node < 0) break;
      const level = this.#levels[k - 1] as PackedLevel;
      nodes.push(node);
      bows.push((this.#backoff[k - 1] as Float32Array)[(level.backoffCodes as Uint8Array)[node] as number] as number);
    }
    // One pass instead of one per level: a word last seen after the k-word context gets its
    // probability there plus the back-off weights of the longer contexts; the rest back off all the way.
    let total = 0;
    for (const bow of bows) total += bow;
    const unigrams = this.#unigrams;
    for (let w = 0; w < out.length; w++) out[w] = (unigrams[w] as number) + total;
    let after = total;
    for (let k = 1; k <= nodes.length; k++) {
      after -= bows[k - 1] as number;
      const node = nodes[k - 1] as number;
      const starts = (this.#levels[k - 1] as PackedLevel).childStart as Uint32Array;
      const children = this.#levels[k] as PackedLevel;
      const book = this.#logProb[k] as Float32Array;
      for (let c = starts[node] as number, end = starts[node + 1] as number; c < end; c++) out[children.words[c] as number] = (book[children.logProbCodes[c] as number] as number) + after;
    }
    out[UNKNOWN_ID] = Number.NEGATIVE_INFINITY;
    return out;
  }

  /** Position on level `length` of the n-gram context[from … from+length), or −1. */
  #find(context: readonly number[], from: number, length: number): number {
    let node = context[from] as number;
    if (node < 0 || node >= this.vocabSize) return -1;
    for (let j = 1; j < length; j++) {
      const level = this.#levels[j - 1] as PackedLevel;
      const next = this.#levels[j] as PackedLevel;
      const starts = level.childStart as Uint32Array;
      let lo = starts[node] as number;
      let hi = (starts[node + 1] as number) - 1;
      const target = context[from + j] as number;
      node = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const word = next.words[mid] as number;
        if (word === target) {
          node = mid;
          break;
        }
        if (word < target) lo = mid + 1;
        else hi = mid - 1;
      }
      if (node < 0) return -1;
    }
    return node;
  }

  /**
   * Natural-log probability of an id sequence, each word given the ones before it (from a line start).
   * Unknown ids are skipped (counted in `unknown`), as perplexity over a closed vocabulary is measured.
   */
  logProbability(ids: readonly number[]): { logProb: number; scored: number; unknown: number } {
    const context: number[] = [BOUNDARY_ID];
    const buffer = new Float32Array(this.vocabSize);
    let logProb = 0;
    let scored = 0;
    let unknown = 0;
    for (const id of ids) {
      if (id === UNKNOWN_ID) unknown += 1;
      else {
        logProb += this.scores(context.slice(-(this.order - 1)), buffer)[id] as number;
        scored += 1;
      }
      context.push(id);
    }
    return { logProb, scored, unknown };
  }
}
