import type { TextTokenizer } from '../contracts/text-generator.ts';
import { UNSPACED } from './word-pieces.ts';
import type { WordPieceTokenizer } from './word-tokenizer.ts';

/**
 * "Token healing" for a phrase model: when the prompt ends inside a word ("…so comf"), that partial
 * word is not context (it is no word the model knows) but a constraint: the first suggested piece
 * must start with it, and only its remainder is shown ("ortable"). This is what makes mid-word ghost
 * text complete the word instead of guessing the next one.
 */
export interface Healing {
  /** The partial piece as typed, with its leading space (" comf"). */
  prefix: string;
  /** Vocabulary ids of the pieces that start with it. */
  allowed: Uint32Array;
  /** The line's last piece is an unfinished word (the prefix), not context. */
  partial: boolean;
}

/** Vocabulary pieces sorted by text, for prefix ranges by binary search. */
export class PrefixIndex {
  readonly #pieces: string[];
  readonly #ids: Uint32Array;

  constructor(tokenizer: WordPieceTokenizer) {
    const order: number[] = [];
    for (let id = 2; id < tokenizer.vocabSize; id++) order.push(id);
    const text = (id: number): string => tokenizer.piece(id) ?? '';
    order.sort((a, b) => (text(a) < text(b) ? -1 : text(a) > text(b) ? 1 : 0));
    this.#pieces = order.map(text);
    this.#ids = Uint32Array.from(order);
  }

  #spaceLed: Uint32Array | undefined;

  /** Ids of the pieces that start with `prefix`. */
  startingWith(prefix: string): Uint32Array {
    if (prefix === ' ') return (this.#spaceLed ??= this.#range(prefix));
    return this.#range(prefix);
  }

  #range(prefix: string): Uint32Array {
    let lo = 0;
    let hi = this.#pieces.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.#pieces[mid] as string) < prefix) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    while (end < this.#pieces.length && (this.#pieces[end] as string).startsWith(prefix)) end++;
    return this.#ids.subarray(lo, end);
  }
}

const ENDS_IN_WORD = /[\p{L}\p{N}']$/u;
const ENDS_IN_SPACE = /[^\S\n]$/u;
const WORD_PIECE = /^ ?[\p{L}\p{N}][\p{L}\p{N}']*$/u;

/**
 * The partial last word of `line` and the pieces it may become; after a trailing space, a new word
 * (the pieces that start with a space: not "," or ".", which would follow the word without one);
 * undefined when the line ends right after a finished word or mark.
 */
export function healingFor(line: string, pieces: readonly string[], index: PrefixIndex): Healing | undefined {
  const last = pieces[pieces.length - 1];
  if (last !== undefined && ENDS_IN_SPACE.test(line)) return { prefix: ' ', allowed: index.startingWith(' '), partial: false };
  // A Chinese character is a whole piece: nothing to complete after it.
  if (last === undefined || !ENDS_IN_WORD.test(line) || !WORD_PIECE.test(last) || UNSPACED.test(last.trimStart())) return undefined;
  const allowed = index.startingWith(last);
  return allowed.length === 0 ? undefined : { prefix: last, allowed, partial: true };
}

/** Decodes like the model's tokenizer, minus the healed prefix on the first piece it decodes. */
export class HealedTokenizer implements TextTokenizer {
  readonly #base: TextTokenizer;
  #prefix: string;

  constructor(base: TextTokenizer, prefix: string) {
    this.#base = base;
    this.#prefix = prefix;
  }

  encode(text: string): number[] {
    return this.#base.encode(text);
  }

  decode(ids: readonly number[]): string {
    const text = this.#base.decode(ids);
    if (this.#prefix.length === 0) return text;
    const prefix = this.#prefix;
    this.#prefix = '';
    return text.startsWith(prefix) ? text.slice(prefix.length) : text;
  }
}
