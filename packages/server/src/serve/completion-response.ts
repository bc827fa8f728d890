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

/** OpenAI reports both end-of-sequence and a stop string as `stop`; `stop_reason` (as in vLLM) names the string. */
export function openAiFinish(reason: FinishReason): 'stop' | 'length' {
  return reason === 'length' ? 'length' : 'stop';
}

export function streamChunk(api: CompletionApi, who: ResponseIdentity, text: string, finish?: { reason: FinishReason; stopString?: string }, first = false): object {
  const finishFields = { finish_reason: finish ? openAiFinish(finish.reason) : null, ...(finish ? { stop_reason: finish.stopString ?? null } : {}) };
  if (api === 'chat') {
    const delta = finish && !text ? {} : { ...(first ? { role: 'assistant' } : {}), content: text };
    return { ...who, object: 'chat.completion.chunk', choices: [{ index: 0, delta, logprobs: null, ...finishFields }] };
  }
  return { ...who, object: 'text_completion', choices: [{ index: 0, text, logprobs: null, ...finishFields }] };
}

export function usageChunk(api: CompletionApi, who: ResponseIdentity, usage: Usage): object {
  return { ...who, object: api === 'chat' ? 'chat.completion.chunk' : 'text_completion', choices: [], usage };
}

export function wholeResponse(api: CompletionApi, who: ResponseIdentity, text: string, finish: { reason: FinishReason; stopString?: string }, usage: Usage): object {
  const finishFields = { finish_reason: openAiFinish(finish.reason), stop_reason: finish.stopString ?? null };
  if (api === 'chat') {
    return { ...who, object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: text }, logprobs: null, ...finishFields }], usage };
  }
  return { ...who, object: 'text_completion', choices: [{ index: 0, text, logprobs: null, ...finishFields }], usage };
}
