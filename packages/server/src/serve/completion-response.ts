/** OpenAI's completion and chat-completion objects (whole, and as stream chunks) from Cowrite's results. */
import type { FinishReason } from '@cowrite/core';
import type { CompletionApi } from './completion-request.ts';

export interface ResponseIdentity {
  id: string;
  created: number;
  model: string;
}

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

/** The tokens an event carries: their ids (sent as `token_ids`, as vLLM does), text, and log-probabilities when asked for. */
export interface ChunkTokens {
  ids: readonly number[];
  logprobs?: { values: readonly number[]; tokens: readonly string[] };
}

/** OpenAI's per-choice `logprobs` object: legacy completions' parallel arrays, or chat's `content` list; null when not asked for. */
function logprobsField(api: CompletionApi, tokens: ChunkTokens | undefined): object | null {
  if (!tokens?.logprobs) return null;
  const { values, tokens: texts } = tokens.logprobs;
  if (api === 'chat') return { content: texts.map((token, i) => ({ token, logprob: values[i], bytes: null, top_logprobs: [] })) };
  return { tokens: [...texts], token_logprobs: [...values], top_logprobs: null };
}

function tokenFields(api: CompletionApi, tokens: ChunkTokens | undefined): object {
  return { logprobs: logprobsField(api, tokens), ...(tokens ? { token_ids: [...tokens.ids] } : {}) };
}

/** OpenAI reports both end-of-sequence and a stop string as `stop`; `stop_reason` (as in vLLM) names the string. */
export function openAiFinish(reason: FinishReason): 'stop' | 'length' {
  return reason === 'length' ? 'length' : 'stop';
}

export function streamChunk(api: CompletionApi, who: ResponseIdentity, text: string, finish?: { reason: FinishReason; stopString?: string }, first = false, tokens?: ChunkTokens): object {
  const finishFields = { finish_reason: finish ? openAiFinish(finish.reason) : null, ...(finish ? { stop_reason: finish.stopString ?? null } : {}) };
  if (api === 'chat') {
    const delta = finish && !text ? {} : { ...(first ? { role: 'assistant' } : {}), content: text };
    return { ...who, object: 'chat.completion.chunk', choices: [{ index: 0, delta, ...tokenFields(api, tokens), ...finishFields }] };
  }
  return { ...who, object: 'text_completion', choices: [{ index: 0, text, ...tokenFields(api, tokens), ...finishFields }] };
}

export function usageChunk(api: CompletionApi, who: ResponseIdentity, usage: Usage): object {
  return { ...who, object: api === 'chat' ? 'chat.completion.chunk' : 'text_completion', choices: [], usage };
}

export function wholeResponse(api: CompletionApi, who: ResponseIdentity, text: string, finish: { reason: FinishReason; stopString?: string }, usage: Usage, tokens?: ChunkTokens): object {
  const finishFields = { finish_reason: openAiFinish(finish.reason), stop_reason: finish.stopString ?? null };
  if (api === 'chat') {
    return { ...who, object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: text }, ...tokenFields(api, tokens), ...finishFields }], usage };
  }
  return { ...who, object: 'text_completion', choices: [{ index: 0, text, ...tokenFields(api, tokens), ...finishFields }], usage };
}
