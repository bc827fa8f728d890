/**
 * Generation options, named after Hugging Face `GenerationConfig` fields in camelCase
 * so that settings copied from a `transformers` notebook mean the same thing here.
 */
export interface GenerationOptions {
  /** Upper bound on generated tokens (HF `max_new_tokens`). Clamped to the context window. Default: `generation_config.json`'s `max_new_tokens`, else 20. */
  maxNewTokens?: number;
  /** The end-of-sequence token cannot be chosen before this many new tokens (HF `min_new_tokens`). Default 0. */
  minNewTokens?: number;
  /** Sample from the (warped) distribution instead of greedy argmax (HF `do_sample`). Default false. */
  doSample?: boolean;
  /** Divides the logits before sampling (HF `temperature`). Only used when `doSample`. Default 1. */
  temperature?: number;
  /** Keep the k most likely tokens (HF `top_k`; 0 disables). Only used when `doSample`. Default 50, as in HF. */
  topK?: number;
  /** Nucleus sampling: keep the smallest set whose probability exceeds `topP` (HF `top_p`; 1 disables). Only used when `doSample`. Default 1. */
  topP?: number;
  /** HF `repetition_penalty` (CTRL paper): >1 discourages tokens already in the prompt or output. Default 1. */
  repetitionPenalty?: number;
  /** HF `no_repeat_ngram_size`: no n-gram of this size occurs twice in prompt + output. Default 0 (off). */
  noRepeatNgramSize?: number;
  /** Stop as soon as the generated text contains one of these strings; the string itself is not part of `text`. */
  stop?: readonly string[];
  /** Token id(s) that end generation. Default: the model's `eos_token_id`. */
  eosTokenId?: number | readonly number[];
  /** Seed for the sampler's PRNG: same seed, same settings, same model → same tokens. Default: random. */
  seed?: number;
  /** Cancels generation; the promise/stream rejects with a DOMException named `AbortError`. */
  signal?: AbortSignal;
  /**
   * Also report each new token's natural-log probability under the distribution it was chosen from
   * (after processors; for sampling, after the warpers). Costs one pass over the vocabulary per token.
   * Useful as a confidence signal (e.g. show ghost text only when the model is sure). Default false.
   */
  logprobs?: boolean;
  /**
   * Token healing (as Hugging Face's `token_healing`, for the whole last word): when the prompt ends inside
   * a word ("so comf"), that word's tokens are taken off the prompt and the first new tokens must spell it
   * on, so the model completes the word as it would have written it (" comfortable") instead of continuing
   * an odd split (" com" + "f"). The output holds only the continuation ("ortable"). With `logprobs`, those
   * first tokens' probabilities are the model's own over the whole vocabulary (among the few tokens that fit,
   * even random weights would look sure). Default false.
   */
  tokenHealing?: boolean;
}

/** Why generation ended. */
export type FinishReason = 'length' | 'eos' | 'stop';

/** One streamed piece of output. `text` never ends in half a UTF-8 character. */
export interface GenerationChunk {
  /** New text since the previous chunk (may be empty when tokens do not yet form whole characters). */
  text: string;
  /** Token ids produced since the previous chunk. */
  tokenIds: number[];
  /** Set on the last chunk only. */
  finishReason?: FinishReason;
  /** With `logprobs: true`: one per token id. */
  logprobs?: number[];
}

/** How the request was fitted into the model's context window. */
export interface ContextFit {
  /** Prompt tokens dropped from the start (the most recent tokens are kept). */
  promptTokensDropped: number;
  /**
   * True when the text prompt was far longer than the window: only its end was tokenized
   * (so a huge prompt costs no more than a fitting one), and `promptTokensDropped` is an estimate.
   */
  promptTokensDroppedEstimated?: boolean;
  /** `maxNewTokens` as requested, when it had to be lowered to fit the window; otherwise undefined. */
  maxNewTokensRequested?: number;
  /** `maxNewTokens` actually used. */
  maxNewTokens: number;
}

/** The whole outcome of one generation: what `generate` resolves with and what `stream` returns when it ends. */
export interface GenerationResult {
  /** The new tokens only (the end-of-sequence token included when it was generated, as in HF). */
  tokenIds: number[];
  /** Decoded text of the new tokens, special tokens skipped and cut before a matched `stop` string. */
  text: string;
  /** Why generation ended: `'eos'` (end-of-sequence token), `'stop'` (a `stop` string matched) or `'length'` (`maxNewTokens` reached). */
  finishReason: FinishReason;
  /** The `stop` string that ended generation, when `finishReason === 'stop'`. */
  stopString?: string;
  /** Number of prompt tokens (after fitting the context window). */
  promptTokens: number;
  /** With `logprobs: true`: the log-probability of each new token, in order. */
  logprobs?: number[];
  /** Prompt tokens whose keys/values were reused from the previous request (shared prefix) instead of recomputed. */
  cachedPromptTokens?: number;
  /** How the prompt and `maxNewTokens` were fitted into the context window (tokens dropped, budget lowered). */
  context: ContextFit;
}
