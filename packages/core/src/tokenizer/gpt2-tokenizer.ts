import { Tokenizer } from '@huggingface/tokenizers';
import { ModelFormatError } from '../errors/cowrite-error.ts';
import type { TextTokenizer } from '../contracts/text-generator.ts';

/**
 * The model's tokenizer (`tokenizer.json` + `tokenizer_config.json`) through
 * `@huggingface/tokenizers`, the same implementation transformers.js uses.
 * Special tokens typed by a user are encoded as text would be by HF with
 * `split_special_tokens=False`; decoding skips them, as HF pipelines do.
 */
export class Gpt2Tokenizer implements TextTokenizer {
  readonly #tokenizer: Tokenizer;
  /** Highest token id the tokenizer can produce, added tokens included. */
  readonly maxTokenId: number;
  /** Ids of the special (added) tokens such as `<|endoftext|>`; `decode` leaves them out. */
  readonly specialIds: ReadonlySet<number>;
  readonly #json: object;
  readonly #config: object;

  constructor(tokenizerJson: object, tokenizerConfig: object = {}) {
    this.#json = tokenizerJson;
    this.#config = tokenizerConfig;
    try {
      this.#tokenizer = new Tokenizer(tokenizerJson, tokenizerConfig);
    } catch (error) {
      throw new ModelFormatError('MODEL_CORRUPT', 'tokenizer.json', `tokenizer.json could not be loaded: ${(error as Error).message}.`, { cause: error });
    }
    let max = -1;
    for (const id of this.#tokenizer.get_vocab(true).values()) if (id > max) max = id;
    this.maxTokenId = max;
    this.specialIds = new Set(this.#tokenizer.get_added_tokens_decoder().keys());
  }

  /** Text to token ids, without adding special tokens. */
  encode(text: string): number[] {
    return this.#tokenizer.encode(text, { add_special_tokens: false }).ids;
  }

  /** Token ids to text; special tokens are left out and spaces are kept as they are. */
  decode(ids: readonly number[]): string {
    return this.#tokenizer.decode(ids as number[], { skip_special_tokens: true, clean_up_tokenization_spaces: false });
  }

  /** The tokenizer files as JSON text, to rebuild this tokenizer elsewhere (e.g. on the page, for a Worker engine). */
  get sourceJson(): string {
    return JSON.stringify(this.#json);
  }

  /** `tokenizer_config.json` as JSON text, the companion of `sourceJson`. */
  get sourceConfig(): string {
    return JSON.stringify(this.#config);
  }

  #texts: string[] | undefined;

  /**
   * Every token's text by id, as `decode([id])` gives it, read off the byte-level vocabulary at once (70 ms
   * instead of 160 ms for 50,257 decodes, in Node here; built once per tokenizer); special tokens are ''.
   */
  tokenTexts(): readonly string[] {
    if (this.#texts) return this.#texts;
    const byteOf = byteLevelDecoder();
    const utf8 = new TextDecoder('utf-8');
    const texts = new Array<string>(this.maxTokenId + 1).fill('');
    let bytes = new Uint8Array(64);
    for (const [token, id] of this.#tokenizer.get_vocab(true)) {
      if (this.specialIds.has(id)) continue;
      const text = String(token);
      if (bytes.length < text.length) bytes = new Uint8Array(2 * text.length);
      let ascii = true;
      for (let i = 0; i < text.length; i++) {
        const byte = byteOf[text.charCodeAt(i)] ?? 0x3f;
        bytes[i] = byte;
        if (byte >= 0x80) ascii = false;
      }
      // Most tokens are ASCII: their text is their bytes; the rest go through UTF-8 (partial characters become U+FFFD, as decode does).
      texts[id] = ascii ? String.fromCharCode(...bytes.subarray(0, text.length)) : utf8.decode(bytes.subarray(0, text.length));
    }
    this.#texts = texts;
    return texts;
  }

  /** The id of one vocabulary token (in its byte-level form, e.g. `Ġthe`); undefined when it is not in the vocabulary. */
  tokenToId(token: string): number | undefined {
    return this.#tokenizer.token_to_id(token);
  }
}

/**
 * GPT-2's byte-level alphabet, reversed: each byte is written as one printable character (bytes that are
 * printable stand for themselves; the others are shifted past U+0100, in byte order).
 */
function byteLevelDecoder(): Int16Array {
  const printable = (b: number): boolean => (b >= 0x21 && b <= 0x7e) || (b >= 0xa1 && b <= 0xac) || (b >= 0xae && b <= 0xff);
  // Indexed by the character's code (all below U+0144): the byte it stands for.
  const byteOf = new Int16Array(0x144).fill(0x3f);
  let shifted = 0;
  for (let b = 0; b < 256; b++) byteOf[printable(b) ? b : 256 + shifted++] = b;
  return byteOf;
}
