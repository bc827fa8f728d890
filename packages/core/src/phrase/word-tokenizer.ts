import type { TextTokenizer } from '../contracts/text-generator.ts';
import { BOUNDARY_ID, UNKNOWN_ID } from './packed-format.ts';
import { splitWordPieces } from './word-pieces.ts';

/**
 * A phrase model's tokenizer: one id per word piece of its vocabulary (" great", ","), a line break
 * is the boundary id, anything else is the unknown id (which decodes to nothing). It ships inside
 * the model file, so a phrase model needs no `tokenizer.json` download.
 */
export class WordPieceTokenizer implements TextTokenizer {
  readonly #pieces: readonly string[];
  readonly #ids: Map<string, number>;

  constructor(pieces: readonly string[]) {
    this.#pieces = pieces;
    this.#ids = new Map();
    pieces.forEach((piece, id) => {
      if (id !== BOUNDARY_ID && id !== UNKNOWN_ID) this.#ids.set(piece, id);
    });
  }

  get vocabSize(): number {
    return this.#pieces.length;
  }

  encode(text: string): number[] {
    return this.encodePieces(splitWordPieces(text));
  }

  /** Ids of pieces already split by `splitWordPieces`. */
  encodePieces(pieces: readonly string[]): number[] {
    return pieces.map((piece) => (piece === '\n' ? BOUNDARY_ID : (this.#ids.get(piece) ?? UNKNOWN_ID)));
  }

  decode(ids: readonly number[]): string {
    let text = '';
    for (const id of ids) text += this.#pieces[id] ?? '';
    return text;
  }

  /** The piece an id stands for (`undefined` outside the vocabulary). */
  piece(id: number): string | undefined {
    return this.#pieces[id];
  }
}
