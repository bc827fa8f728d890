/**
 * An OpenAI completions / chat-completions request body, validated and mapped to
 * Cowrite's HF-named generation options. Besides OpenAI's fields it accepts the
 * names vLLM uses for HF sampling settings (`top_k`, `repetition_penalty`,
 * `no_repeat_ngram_size`, `min_tokens`), which createRemoteEngine sends.
 */
import type { GenerationOptions, Prompt } from '@cowrite/core';
import { HttpError } from './openai-error.ts';

export type CompletionApi = 'completions' | 'chat';

export interface CompletionRequest {
  api: CompletionApi;
  model: string;
  prompt: Prompt;
  options: GenerationOptions;
  stream: boolean;
  includeUsage: boolean;
}

type Body = Record<string, unknown>;

const invalid = (param: string, message: string) => new HttpError(400, message, { param, code: 'invalid_value' });

function optionalNumber(body: Body, param: string, check: (n: number) => boolean, rule: string): number | undefined {
  const value = body[param];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || !check(value)) throw invalid(param, `"${param}" must be ${rule}.`);
  return value;
}

function readPrompt(body: Body): Prompt {
  const prompt = body.prompt;
  if (typeof prompt === 'string') return prompt;
  if (Array.isArray(prompt)) {
    if (prompt.every((id) => Number.isInteger(id) && id >= 0)) return prompt as number[];
    if (prompt.length === 1 && typeof prompt[0] === 'string') return prompt[0];
    throw invalid('prompt', '"prompt" must be a string, one string in an array, or an array of token ids (batches are not supported).');
  }
  throw invalid('prompt', '"prompt" is required: a string or an array of token ids.');
}

/** GPT-2 has no chat template: the messages' contents, in order, are the text to continue. */
function readMessages(body: Body): string {
  const messages = body.messages;
  if (!Array.isArray(messages) || messages.length === 0) throw invalid('messages', '"messages" is required: a non-empty array of { role, content }.');
  const parts = messages.map((message: unknown, i) => {
    const content = (message as { content?: unknown } | null)?.content;
    if (typeof content !== 'string') throw invalid(`messages[${i}].content`, `"messages[${i}].content" must be a string.`);
    return content;
  });
  return parts.join('\n\n');
}

export function parseCompletionRequest(api: CompletionApi, raw: unknown, limits: { maxTokens: number }): CompletionRequest {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new HttpError(400, 'The request body must be a JSON object.', { code: 'invalid_json' });
  const body = raw as Body;
  if (typeof body.model !== 'string' || body.model === '') throw invalid('model', 'You must provide a model parameter (GET /v1/models lists them).');
  const n = optionalNumber(body, 'n', (v) => Number.isInteger(v) && v >= 1, 'a positive integer');
  if (n !== undefined && n > 1) throw invalid('n', 'Only n = 1 is supported.');
  const prompt = api === 'chat' ? readMessages(body) : readPrompt(body);
  if (prompt.length === 0) throw invalid(api === 'chat' ? 'messages' : 'prompt', 'The prompt is empty.');

  const maxTokensParam = body.max_completion_tokens !== undefined ? 'max_completion_tokens' : 'max_tokens';
  const maxTokens = optionalNumber(body, maxTokensParam, (v) => Number.isInteger(v) && v >= 1, 'a positive integer');
  if (maxTokens !== undefined && maxTokens > limits.maxTokens) {
    throw new HttpError(400, `"${maxTokensParam}" is ${maxTokens}; this server allows at most ${limits.maxTokens}.`, { param: maxTokensParam, code: 'max_tokens_exceeded' });
  }
  const temperature = optionalNumber(body, 'temperature', (v) => v >= 0 && v <= 2, 'a number from 0 to 2');
  const options: GenerationOptions = { maxNewTokens: maxTokens ?? Math.min(16, limits.maxTokens) };
  // OpenAI has no do_sample: temperature 0 means greedy; when absent, the model's generation_config decides.
  if (temperature === 0) options.doSample = false;
  else if (temperature !== undefined) Object.assign(options, { doSample: true, temperature });
  const topP = optionalNumber(body, 'top_p', (v) => v > 0 && v <= 1, 'a number in (0, 1]');
  if (topP !== undefined) options.topP = topP;
  const topK = optionalNumber(body, 'top_k', (v) => Number.isInteger(v) && v >= -1, 'an integer (0 or -1: off)');
  if (topK !== undefined) options.topK = Math.max(0, topK);
  const repetitionPenalty = optionalNumber(body, 'repetition_penalty', (v) => v > 0, 'a positive number');
  if (repetitionPenalty !== undefined) options.repetitionPenalty = repetitionPenalty;
  const noRepeat = optionalNumber(body, 'no_repeat_ngram_size', (v) => Number.isInteger(v) && v >= 0, 'a non-negative integer');
  if (noRepeat !== undefined) options.noRepeatNgramSize = noRepeat;
  const minTokens = optionalNumber(body, 'min_tokens', (v) => Number.isInteger(v) && v >= 0, 'a non-negative integer');
  if (minTokens !== undefined) options.minNewTokens = Math.min(minTokens, options.maxNewTokens ?? minTokens);
  const seed = optionalNumber(body, 'seed', Number.isInteger, 'an integer');
  if (seed !== undefined) options.seed = seed;
  const stop = body.stop;
  if (typeof stop === 'string') options.stop = [stop];
  else if (Array.isArray(stop) && stop.every((s) => typeof s === 'string' && s !== '')) options.stop = stop as string[];
  else if (stop !== undefined && stop !== null) throw invalid('stop', '"stop" must be a string or an array of non-empty strings.');
  if (body.stream !== undefined && typeof body.stream !== 'boolean') throw invalid('stream', '"stream" must be true or false.');
  if (wantsLogprobs(api, body)) options.logprobs = true;
  const streamOptions = body.stream_options as { include_usage?: unknown } | undefined;
  return { api, model: body.model, prompt, options, stream: body.stream === true, includeUsage: streamOptions?.include_usage === true };
}

/**
 * Log-probabilities of the chosen tokens: completions' `logprobs: 0` (an integer: how many
 * alternatives per position), chat's `logprobs: true`. Alternatives (`logprobs` > 0,
 * `top_logprobs` > 0) are not computed, so they are refused rather than answered empty.
 */
function wantsLogprobs(api: CompletionApi, body: Body): boolean {
  if (api === 'chat') {
    const top = optionalNumber(body, 'top_logprobs', (v) => Number.isInteger(v) && v >= 0 && v <= 20, 'an integer from 0 to 20');
    if (top) throw invalid('top_logprobs', 'This server reports the chosen tokens\' log-probabilities only: "top_logprobs" must be 0 or absent.');
    if (body.logprobs !== undefined && body.logprobs !== null && typeof body.logprobs !== 'boolean') throw invalid('logprobs', '"logprobs" must be true or false.');
    return body.logprobs === true;
  }
  const top = optionalNumber(body, 'logprobs', (v) => Number.isInteger(v) && v >= 0 && v <= 5, 'an integer from 0 to 5');
  if (top) throw invalid('logprobs', 'This server reports the chosen tokens\' log-probabilities only: "logprobs" must be 0 (or absent).');
  return top === 0;
}
