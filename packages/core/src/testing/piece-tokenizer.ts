import type { TextTokenizer } from '../contracts/text-generator.ts';

/**
 * A tiny word-level tokenizer for tests and stories: each run of spaces plus a word, or one
 * punctuation mark, is a token; ids are handed out as pieces are first seen. Lets a scripted
 * engine run without the 2 MB GPT-2 vocabulary.
 */
export class PieceTokenizer implements TextTokenizer {
  #ids = new Map<string, number>();
  #pieces: string[] = [];

  /** Splits text into pieces and returns their ids, giving a new id to each piece not seen before. */
  encode(text: string): number[] {
    return (text.match(/\s*[\p{L}\p{N}'’-]+|\s*[^\s\p{L}\p{N}]|\s+/gu) ?? []).map((piece) => {
      let id = this.#ids.get(piece);
      if (id === undefined) {
        id = this.#pieces.push(piece) - 1;
        this.#ids.set(piece, id);
      }
      return id;
    });
  }

  /** Joins the pieces of the ids; an id this tokenizer never handed out decodes to nothing. */
  decode(ids: readonly number[]): string {
    return ids.map((id) => this.#pieces[id] ?? '').join('');
  }
}
