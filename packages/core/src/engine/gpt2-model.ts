import { CowriteError, InvalidArgumentError } from '../errors/cowrite-error.ts';
import { generationLoop } from '../generate/generation-loop.ts';
import type { GenerationChunk, GenerationOptions, GenerationResult } from '../contracts/generation.ts';
import { fitContext, resolveGeneration } from '../generate/resolve-options.ts';
import { tokenWindow } from '../tokenizer/text-window.ts';
import { CachedDecoding } from '../model/cached-decoding.ts';
import type { Gpt2Config } from '../model/config.ts';
import type { Gpt2Decoder } from '../model/decoder.ts';
import type { ModelDtype } from '../model/dtype.ts';
import type { RuntimeInfo } from '../model/ort-runtime.ts';
import type { Gpt2Tokenizer } from '../tokenizer/gpt2-tokenizer.ts';
import { RequestQueue } from './request-queue.ts';
import type { Prompt, TextGenerator } from '../contracts/text-generator.ts';
import { runToEnd } from '../generate/run-to-end.ts';

/** What was loaded and how it runs. */
export interface ModelInfo {
  /** Where the files came from. */
  location: string;
  /** The ONNX file that runs, e.g. `onnx/model_quantized.onnx`. */
  file: string;
  /** Weight precision of the loaded file. */
  dtype: ModelDtype;
  /** `model` (current Optimum export) or `merged` (legacy `decoder_model_merged`). */
  layout: 'model' | 'merged';
  /** The graph projects only the last position (an optimized file): prompts run in one step. */
  lastPositionLogits: boolean;
  /** The onnxruntime backend the session runs on. */
  runtime: RuntimeInfo;
}

/** A loaded GPT-2: generation, streaming, and the tokenizer. Create with `loadModel`. */
export class Gpt2Model implements TextGenerator {
  /** The model's hyperparameters from `config.json` (layers, heads, context length …). */
  readonly config: Gpt2Config;
  /** The model's tokenizer, from `tokenizer.json`. */
  readonly tokenizer: Gpt2Tokenizer;
  /** What was loaded and how it runs. */
  readonly info: ModelInfo;
  readonly #decoder: Gpt2Decoder;
  readonly #decoding: CachedDecoding;
  readonly #queue = new RequestQueue();
  #disposed = false;

  /** @internal Use `loadModel`. */
  constructor(parts: { config: Gpt2Config; tokenizer: Gpt2Tokenizer; decoder: Gpt2Decoder; info: ModelInfo }) {
    this.config = parts.config;
    this.tokenizer = parts.tokenizer;
    this.info = parts.info;
    this.#decoder = parts.decoder;
    this.#decoding = new CachedDecoding(parts.decoder);
  }

  /** The model's context window in tokens (prompt plus generated tokens), from `config.json`. */
  get contextLength(): number {
    return this.config.contextLength;
  }

  /** Generates a completion and resolves with the whole result; see `GenerationOptions` for sampling settings. */
  generate(prompt: Prompt, options: GenerationOptions = {}): Promise<GenerationResult> {
    return runToEnd(this.#run(prompt, options));
  }

  /** Generates a completion as it is produced: yields chunks, returns the whole result. */
  async *stream(prompt: Prompt, options: GenerationOptions = {}): AsyncGenerator<GenerationChunk, GenerationResult> {
    return yield* this.#run(prompt, options);
  }

  /** Drops the cached keys/values of the last sequence. */
  clearCache(): void {
    this.#decoding.clear();
  }

  /** Frees the ONNX session. The model cannot be used afterwards. */
  async dispose(): Promise<void> {
    if (this.#disposed) return;
    this.#disposed = true;
    const release = await this.#queue.acquire();
    try {
      this.#decoding.release();
      await this.#decoder.release();
    } finally {
      release();
    }
  }

  async *#run(prompt: Prompt, options: GenerationOptions): AsyncGenerator<GenerationChunk, GenerationResult> {
    this.#assertUsable();
    const settings = resolveGeneration(options, {
      vocabSize: this.config.vocabSize,
      contextLength: this.config.contextLength,
      eosTokenIds: this.config.eosTokenIds,
      generationDefaults: this.config.generationDefaults,
    });
    const { ids, fit } = this.#fit(prompt, settings.maxNewTokens);
    settings.maxNewTokens = fit.maxNewTokens;
    const release = await this.#queue.acquire(settings.signal);
    try {
      this.#assertUsable();
      const loop = generationLoop(this.#decoding.open(), this.tokenizer, { promptIds: ids, context: fit, settings, vocabSize: this.config.vocabSize });
      const result = yield* loop;
      result.cachedPromptTokens = this.#decoding.lastReusedTokens;
      return result;
    } finally {
      release();
    }
  }

  /**
   * Tokenizes only the end of a text prompt that can fit the window (a 200,000-character prompt
   * costs what a 4,000-character one does); token-id prompts are fitted as they are.
   */
  #fit(prompt: Prompt, maxNewTokens: number): ReturnType<typeof fitContext> {
    if (typeof prompt !== 'string') return fitContext(this.#ids(prompt), maxNewTokens, this.config.contextLength);
    if (prompt.length === 0) throw new InvalidArgumentError('EMPTY_PROMPT', 'prompt', 'The prompt is empty; GPT-2 needs at least one token to continue from.');
    const room = this.config.contextLength - Math.min(maxNewTokens, this.config.contextLength - 1);
    const window = tokenWindow(this.tokenizer, prompt, 'end', room);
    if (window.whole) return fitContext(window.ids, maxNewTokens, this.config.contextLength);
    const fitted = fitContext(window.ids.slice(window.ids.length - room), maxNewTokens, this.config.contextLength);
    // The unread head was not tokenized: count what was dropped from the window, and estimate the rest at the window's density.
    const unreadChars = prompt.length - window.text.length;
    const dropped = window.ids.length - room + Math.round((unreadChars * window.ids.length) / window.text.length);
    return { ids: fitted.ids, fit: { ...fitted.fit, promptTokensDropped: dropped, promptTokensDroppedEstimated: true } };
  }


  #ids(prompt: readonly number[]): number[] {
    if (!Array.isArray(prompt)) throw new InvalidArgumentError('INVALID_OPTION', 'prompt', 'The prompt must be a string or an array of token ids.');
    if (prompt.length === 0) throw new InvalidArgumentError('EMPTY_PROMPT', 'prompt', 'The prompt has no tokens; GPT-2 needs at least one token to continue from.');
    const vocab = this.config.vocabSize;
    for (const id of prompt) {
      if (!Number.isInteger(id) || id < 0 || id >= vocab) throw new InvalidArgumentError('INVALID_OPTION', 'prompt', `Token id ${String(id)} is outside the vocabulary (0…${vocab - 1}).`);
    }
    return [...prompt];
  }

  #assertUsable(): void {
    if (this.#disposed) throw new CowriteError('MODEL_DISPOSED', 'This model was disposed; load it again to generate.');
  }
}
