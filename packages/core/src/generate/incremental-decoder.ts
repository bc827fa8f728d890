import type { TextTokenizer } from '../contracts/text-generator.ts';

/**
 * Turns tokens into text as they arrive without ever emitting half a character.
 * A byte-level BPE token can end inside a UTF-8 sequence (CJK, emoji), which
 * decodes to U+FFFD until the next token completes it, so such tokens are held.
 * Decoding only the pending tokens keeps each step O(1): with a byte-level
 * decoder, text split at character boundaries concatenates exactly.
 */
export class IncrementalDecoder {
  readonly #tokenizer: TextTokenizer;
  #pending: number[] = [];

  constructor(tokenizer: TextTokenizer) {
    this.#tokenizer = tokenizer;
  }

  /** Adds a token; returns the text it completes (possibly empty). */
  push(id: number): string {
    this.#pending.push(id);
    const text = this.#tokenizer.decode(this.#pending);
    // A UTF-8 character is at most 4 bytes: after 4 held tokens the U+FFFD is real.
    if (text.endsWith('\uFFFD') && this.#pending.length < 4) return '';
    this.#pending = [];
    return text;
  }

  /** Text of tokens still held (an incomplete character at the very end). */
  flush(): string {
    if (this.#pending.length === 0) return '';
    const text = this.#tokenizer.decode(this.#pending);
    this.#pending = [];
    return text;
  }
}
