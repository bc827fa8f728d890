import type { DecodingSession } from '../contracts/decoding-session.ts';
import type { NgramScorer } from './ngram-scorer.ts';

/** The generation loop's view of an n-gram model: the scores for the next word, given the words so far. */
export class PhraseSession implements DecodingSession {
  readonly #scorer: NgramScorer;
  readonly #context: number[] = [];
  // One buffer per session: the loop reads the scores before asking for the next ones.
  readonly #scores: Float32Array;

  // Word healing: the first word must be one of these ids (see word-healing.ts).
  readonly #firstAllowed: Uint32Array | undefined;

  constructor(scorer: NgramScorer, firstAllowed?: Uint32Array) {
    this.#scorer = scorer;
    this.#scores = new Float32Array(scorer.vocabSize);
    this.#firstAllowed = firstAllowed;
  }

  start(promptIds: readonly number[]): Promise<Float32Array> {
    this.#context.push(...promptIds.slice(-(this.#scorer.order - 1)));
    const scores = this.#next();
    const allowed = this.#firstAllowed;
    if (allowed === undefined) return Promise.resolve(scores);
    const masked = new Float32Array(scores.length).fill(Number.NEGATIVE_INFINITY);
    for (const id of allowed) masked[id] = scores[id] as number;
    return Promise.resolve(masked);
  }

  advance(tokenId: number): Promise<Float32Array> {
    this.#context.push(tokenId);
    return Promise.resolve(this.#next());
  }

  finish(): void {
    this.#context.length = 0;
  }

  #next(): Float32Array {
    const keep = this.#scorer.order - 1;
    if (this.#context.length > keep) this.#context.splice(0, this.#context.length - keep);
    return this.#scorer.scores(this.#context, this.#scores);
  }
}
