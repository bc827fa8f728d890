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

  /** Number of ids, the boundary (0) and unknown (1) markers included. */
  get vocabSize(): number {
    return this.#pieces.length;
  }

  /** Splits text into word pieces and maps each to its id; a line break is the boundary id, unknown pieces the unknown id. */
  encode(text: string): number[] {
    return this.encodePieces(splitWordPieces(text));
  }

  /** Ids of pieces already split by `splitWordPieces`. */
  encodePieces(pieces: readonly string[]): number[] {
    return pieces.map((piece) => (piece === '\n' ? BOUNDARY_ID : (this.#ids.get(piece) ?? UNKNOWN_ID)));
  }

  /** Joins the ids' pieces: the boundary id decodes to a line break, the unknown id and ids outside the vocabulary to nothing. */
  decode(ids: readonly number[]): string {
    let text = '';
    for (const id of ids) text += this.#pieces[id] ?? '';
    return text;
  }

  /** The id of one word piece, undefined when it is not in the vocabulary. */
  idOf(piece: string): number | undefined {
    return this.#ids.get(piece);
  }

  /** The piece an id stands for (`undefined` outside the vocabulary). */
  piece(id: number): string | undefined {
    return this.#pieces[id];
  }
}
