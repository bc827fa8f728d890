import type { WordPieceTokenizer } from './word-tokenizer.ts';

/**
 * Spelling the model's word the way the shopper will: the training mix has many all-lower-case
 * reviews ("i love it. it fits"), while shoppers on most stores capitalise sentence starts and "I".
 * A fold moves a lower-case word's probability onto its capitalised twin (log-sum-exp), so the
 * suggestion is the capitalised word with the pair's combined confidence.
 */
export class CaseFolds {
  /** Lower-case id → capitalised twin, for every space-led word that has one. */
  readonly #capital: Array<[number, number]> = [];
  /** " i", " i'm", " i've"… → " I", " I'm", " I've"…: always capitalised in English. */
  readonly #pronoun: Array<[number, number]> = [];

  constructor(tokenizer: WordPieceTokenizer) {
    const ids = new Map<string, number>();
    for (let id = 2; id < tokenizer.vocabSize; id++) ids.set(tokenizer.piece(id) ?? '', id);
    for (const [piece, id] of ids) {
      const lead = piece.startsWith(' ') ? ' ' : '';
      const first = piece.charAt(lead.length);
      const upper = first.toUpperCase();
      if (first === '' || upper === first) continue;
      const twin = ids.get(lead + upper + piece.slice(lead.length + 1));
      if (twin === undefined) continue;
      this.#capital.push([id, twin]);
      if (PRONOUN.test(piece.slice(lead.length))) this.#pronoun.push([id, twin]);
    }
  }

  /** After a sentence end (or at the start of a review): every word starts with a capital. */
  sentenceStart(scores: Float32Array): void {
    fold(scores, this.#capital);
  }

  /** Anywhere: the pronoun "I" and its contractions. */
  pronoun(scores: Float32Array): void {
    fold(scores, this.#pronoun);
  }
}

const PRONOUN = /^i(?:'[a-z]{1,2})?$/;

function fold(scores: Float32Array, pairs: ReadonlyArray<[number, number]>): void {
  for (const [lower, upper] of pairs) {
    const a = scores[lower] as number;
    if (a === Number.NEGATIVE_INFINITY) continue;
    const b = scores[upper] as number;
    const high = Math.max(a, b);
    scores[upper] = high + Math.log(Math.exp(a - high) + Math.exp(b - high));
    scores[lower] = Number.NEGATIVE_INFINITY;
  }
}
