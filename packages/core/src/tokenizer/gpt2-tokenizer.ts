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

  /** The id of one vocabulary token (in its byte-level form, e.g. `Ġthe`); undefined when it is not in the vocabulary. */
  tokenToId(token: string): number | undefined {
    return this.#tokenizer.token_to_id(token);
  }
}
