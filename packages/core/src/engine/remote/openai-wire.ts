/**
 * The OpenAI wire format for /v1/completions and /v1/chat/completions, as far as
 * Cowrite sends and reads it, and the mapping from Cowrite's HF-named options.
 * Fields OpenAI itself does not define (`top_k`, `repetition_penalty`,
 * `no_repeat_ngram_size`, `min_tokens`) are the names vLLM and `cowrite serve`
 * accept; they are sent only when the caller sets them, so hosted endpoints that
 * reject unknown fields still work with the standard options.
 */
import type { GenerationOptions } from '../../contracts/generation.ts';

/** Which OpenAI endpoint a remote engine calls: `/completions` (continue the prompt) or `/chat/completions` (the prompt is one user message). */
export type RemoteApi = 'completions' | 'chat';

export interface CompletionRequestBody {
  model: string;
  prompt?: string;
  messages?: { role: 'system' | 'user' | 'assistant'; content: string }[];
  max_tokens?: number;
  temperature?: number;
  top_p?: number;
  top_k?: number;
  repetition_penalty?: number;
  no_repeat_ngram_size?: number;
  min_tokens?: number;
  stop?: string[];
  seed?: number;
  stream?: boolean;
  stream_options?: { include_usage: boolean };
  /** Completions: how many alternatives per position (0: the chosen token's only). Chat: a boolean. */
  logprobs?: number | boolean;
}

/** A choice's `logprobs`: legacy completions' parallel arrays, or chat's `content` list. */
export interface ChoiceLogprobs {
  token_logprobs?: (number | null)[];
  content?: { logprob: number }[] | null;
}

export interface ResponseChoice {
  text?: string;
  delta?: { content?: string | null };
  message?: { content?: string | null };
  finish_reason?: string | null;
  /** vLLM's name for a stop string's text (or a stop token id). */
  stop_reason?: string | number | null;
  logprobs?: ChoiceLogprobs | null;
  /** The generated tokens' ids, where the server sends them (cowrite serve; vLLM with return_token_ids). */
  token_ids?: number[] | null;
}

/** One SSE `data:` payload or one non-streamed body. */
export interface CompletionResponseBody {
  choices?: ResponseChoice[];
  usage?: { prompt_tokens?: number; completion_tokens?: number } | null;
  error?: OpenAiErrorObject;
}

export interface OpenAiErrorObject {
  message: string;
  type?: string;
  code?: string | null;
  param?: string | null;
}

export function toRequestBody(api: RemoteApi, model: string, prompt: string, options: GenerationOptions, stream: boolean): CompletionRequestBody {
  const body: CompletionRequestBody = { model, stream };
  if (api === 'chat') body.messages = [{ role: 'user', content: prompt }];
  else body.prompt = prompt;
  if (stream) body.stream_options = { include_usage: true };
  if (options.maxNewTokens !== undefined) body.max_tokens = options.maxNewTokens;
  // OpenAI has no do_sample: greedy is temperature 0.
  if (options.doSample === false) body.temperature = 0;
  else if (options.doSample === true) body.temperature = options.temperature ?? 1;
  if (options.doSample === true && options.topP !== undefined) body.top_p = options.topP;
  if (options.doSample === true && options.topK !== undefined) body.top_k = options.topK;
  if (options.repetitionPenalty !== undefined) body.repetition_penalty = options.repetitionPenalty;
  if (options.noRepeatNgramSize !== undefined) body.no_repeat_ngram_size = options.noRepeatNgramSize;
  if (options.minNewTokens !== undefined) body.min_tokens = options.minNewTokens;
  if (options.stop?.length) body.stop = [...options.stop];
  if (options.seed !== undefined) body.seed = options.seed;
  if (options.logprobs) body.logprobs = api === 'chat' ? true : 0;
  return body;
}

/** The text a choice carries, in either API and either mode. */
export function choiceText(choice: ResponseChoice): string {
  return choice.text ?? choice.delta?.content ?? choice.message?.content ?? '';
}

/** The chosen tokens' log-probabilities a choice carries, in either API (none when the server sent none). */
export function choiceLogprobs(choice: ResponseChoice): number[] {
  const field = choice.logprobs;
  if (!field) return [];
  if (field.content) return field.content.map((entry) => entry.logprob);
  return (field.token_logprobs ?? []).filter((value): value is number => typeof value === 'number');
}
