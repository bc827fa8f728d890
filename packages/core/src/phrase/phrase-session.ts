import type { DecodingSession } from '../contracts/decoding-session.ts';
import type { CaseFolds } from './case-folds.ts';
import type { NgramScorer } from './ngram-scorer.ts';
import type { WordCache } from './word-cache.ts';

/** What a phrase session knows about the text being written, besides its last words. */
export interface PhraseSessionContext {
  /** The first piece must be one of these ids (word healing, or "a new word" after a space: see word-healing.ts). */
  firstAllowed?: Uint32Array;
  /** The words typed so far in this review (see word-cache.ts). */
  cache?: WordCache;
  /** Case folds: "I" always, a capital after a sentence end. */
  folds?: CaseFolds;
  /** The first piece starts a sentence. */
  sentenceStart?: boolean;
}

/** The generation loop's view of an n-gram model: the scores for the next word, given the words so far. */
export class PhraseSession implements DecodingSession {
  readonly #scorer: NgramScorer;
  readonly #context: number[] = [];
  // One buffer per session: the loop reads the scores before asking for the next ones.
  readonly #scores: Float32Array;
  readonly #with: PhraseSessionContext;

  constructor(scorer: NgramScorer, context: PhraseSessionContext = {}) {
    this.#scorer = scorer;
    this.#scores = new Float32Array(scorer.vocabSize);
    this.#with = context;
  }

  start(promptIds: readonly number[]): Promise<Float32Array> {
    this.#context.push(...promptIds.slice(-(this.#scorer.order - 1)));
    const scores = this.#next();
    if (this.#with.sentenceStart) this.#with.folds?.sentenceStart(scores);
    const allowed = this.#with.firstAllowed;
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
    const scores = this.#scorer.scores(this.#context, this.#scores);
    this.#with.cache?.mix(scores, this.#context[this.#context.length - 1] ?? -1);
    this.#with.folds?.pronoun(scores);
    return scores;
  }
}
