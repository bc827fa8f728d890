/**
 * The engine interface (`TextGenerator`: generate, stream, abort, stop strings)
 * against any OpenAI-compatible endpoint — `cowrite serve`, vLLM, llama.cpp's
 * server or a hosted API — so prompting tasks and elements use a server model
 * unchanged. Streaming uses server-sent events.
 * Stop strings are sent to the server (it stops early and saves tokens) and also
 * matched here, so they hold on endpoints that ignore or limit `stop`.
 */
import { InvalidArgumentError, NetworkError, RemoteError, abortError, throwIfAborted } from '../../errors/cowrite-error.ts';
import type { FinishReason, GenerationChunk, GenerationOptions, GenerationResult } from '../../contracts/generation.ts';
import { StopMatcher } from '../../generate/stop-matcher.ts';
import type { Prompt, TextGenerator, TextTokenizer } from '../../contracts/text-generator.ts';
import { byteTokenizer } from './byte-tokenizer.ts';
import { sseData } from './sse-events.ts';
import { type CompletionResponseBody, type OpenAiErrorObject, type RemoteApi, choiceLogprobs, choiceText, toRequestBody } from './openai-wire.ts';

/** Options of `createRemoteEngine`: where the OpenAI-compatible endpoint is and which model it serves. */
export interface RemoteEngineOptions {
  /** The API root including its version, as OpenAI's SDKs take it: `http://127.0.0.1:8080/v1`, `https://api.openai.com/v1`. */
  baseURL: string;
  /** Sent as `Authorization: Bearer …`. */
  apiKey?: string;
  /** The `model` field of each request (`GET /v1/models` lists what the server has). */
  model: string;
  /** `completions` (default: continue the prompt, as GPT-2 does) or `chat` (the prompt is one user message). */
  api?: RemoteApi;
  /** For token counts and prompt budgeting (e.g. a loaded model's `tokenizer`). Default: one token per UTF-8 byte, an upper bound for byte-level BPEs. */
  tokenizer?: TextTokenizer;
  /** The remote model's context window in tokens. Default 1024 (GPT-2). */
  contextLength?: number;
  /** Extra request headers. */
  headers?: Record<string, string>;
  /** A fetch implementation (tests, proxies). Default: the global `fetch`. */
  fetch?: typeof fetch;
}

/**
 * A `TextGenerator` backed by an OpenAI-compatible endpoint (`cowrite serve`, vLLM, llama.cpp's server, a hosted API);
 * create it with `createRemoteEngine`. Every request streams over server-sent events.
 *
 * @example
 * ```ts
 * const engine = createRemoteEngine({ baseURL: 'http://127.0.0.1:8080/v1', model: 'gpt2' });
 * const { text } = await engine.generate('This jacket is', { maxNewTokens: 20 });
 * ```
 */
export class RemoteEngine implements TextGenerator {
  /** `options.tokenizer`, or one token per UTF-8 byte: an upper bound for byte-level BPEs, so prompt budgets never overflow. */
  readonly tokenizer: TextTokenizer;
  /** `options.contextLength`, default 1024 (GPT-2). */
  readonly contextLength: number;
  /** The `model` field sent with each request. */
  readonly model: string;
  readonly #options: RemoteEngineOptions;
  readonly #url: string;

  /** @throws `InvalidArgumentError` `INVALID_OPTION` when `baseURL` is not an http(s) URL or `model` is empty. */
  constructor(options: RemoteEngineOptions) {
    if (!/^https?:\/\//i.test(options.baseURL)) throw new InvalidArgumentError('INVALID_OPTION', 'baseURL', `baseURL must be an http(s) URL such as http://127.0.0.1:8080/v1, got "${options.baseURL}".`);
    if (!options.model) throw new InvalidArgumentError('INVALID_OPTION', 'model', 'model is required: the name the endpoint serves (GET /v1/models lists them).');
    this.#options = options;
    this.model = options.model;
    this.tokenizer = options.tokenizer ?? byteTokenizer;
    this.contextLength = options.contextLength ?? 1024;
    this.#url = `${options.baseURL.replace(/\/+$/, '')}/${options.api === 'chat' ? 'chat/completions' : 'completions'}`;
  }

  /**
   * Generates a completion on the server and resolves with the whole result. Options without an OpenAI
   * field (`topK`, `repetitionPenalty`, `noRepeatNgramSize`, `minNewTokens`) are sent under vLLM's names, only when set.
   * @throws `InvalidArgumentError` `EMPTY_PROMPT`; `NetworkError` `NETWORK` when the server cannot be reached;
   * `RemoteError` `REMOTE_ERROR` when it answers with an error (HTTP status in `status`, seconds to wait in `retryAfter` when it sent `Retry-After`).
   */
  async generate(prompt: Prompt, options: GenerationOptions = {}): Promise<GenerationResult> {
    const run = this.stream(prompt, options);
    for (;;) {
      const step = await run.next();
      if (step.done) return step.value;
    }
  }

  /** Generates a completion on the server as it arrives: yields chunks, returns the whole result. Throws as `generate` does. */
  async *stream(prompt: Prompt, options: GenerationOptions = {}): AsyncGenerator<GenerationChunk, GenerationResult> {
    const text = typeof prompt === 'string' ? prompt : this.tokenizer.decode(prompt);
    if (text.length === 0) throw new InvalidArgumentError('EMPTY_PROMPT', 'prompt', 'The prompt is empty; give the model some text to continue from.');
    throwIfAborted(options.signal);
    // One controller per request: the caller's signal, a matched stop string, or a consumer that stops reading all end the HTTP request.
    const request = new AbortController();
    const onAbort = () => request.abort(options.signal?.reason);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const stops = new StopMatcher(options.stop ?? []);
    let output = '';
    let finishReason: FinishReason | undefined;
    let stopString: string | undefined;
    let promptTokens: number | undefined;
    const tokenIds: number[] = [];
    const logprobs: number[] = [];
    // Token ids and log-probabilities arrive with the events; text can be held back (a partial stop string)
    // and emitted with a later chunk, so they wait here and go out with the next chunk.
    let serverIds = false;
    const heldIds: number[] = [];
    const heldLogprobs: number[] = [];
    const emit = (piece: string, finish?: FinishReason): GenerationChunk => {
      // Without ids from the server, the local tokenizer's encoding of the text stands in for them.
      const ids = serverIds ? heldIds.splice(0) : piece ? this.tokenizer.encode(piece) : [];
      output += piece;
      tokenIds.push(...ids);
      const chunk: GenerationChunk = finish ? { text: piece, tokenIds: ids, finishReason: finish } : { text: piece, tokenIds: ids };
      if (options.logprobs) {
        chunk.logprobs = heldLogprobs.splice(0);
        logprobs.push(...chunk.logprobs);
      }
      return chunk;
    };
    try {
      const response = await this.#post(toRequestBody(this.#options.api ?? 'completions', this.model, text, options, true), request.signal, options.signal);
      for await (const data of sseData(response.body as ReadableStream<Uint8Array>)) {
        if (data === '[DONE]') break;
        const body = JSON.parse(data) as CompletionResponseBody;
        if (body.error) throw remoteError(response.status, body.error, undefined);
        if (body.usage?.prompt_tokens !== undefined) promptTokens = body.usage.prompt_tokens;
        const choice = body.choices?.[0];
        if (!choice) continue;
        if (Array.isArray(choice.token_ids)) {
          serverIds = true;
          heldIds.push(...choice.token_ids);
        }
        heldLogprobs.push(...choiceLogprobs(choice));
        const safe = stops.push(choiceText(choice));
        if (stops.matched !== undefined) {
          finishReason = 'stop';
          stopString = stops.matched;
          if (safe) yield emit(safe);
          break;
        }
        if (safe) yield emit(safe);
        if (choice.finish_reason) {
          const reason = choice.stop_reason;
          if (choice.finish_reason === 'length') finishReason = 'length';
          else if (typeof reason === 'string' && options.stop?.includes(reason)) [finishReason, stopString] = ['stop', reason];
          else finishReason = 'eos';
        }
      }
    } catch (error) {
      if (options.signal?.aborted) throw abortError(options.signal);
      if (error instanceof SyntaxError) throw new RemoteError(502, `${this.#url} sent an event that is not JSON: ${error.message}`);
      throw error;
    } finally {
      options.signal?.removeEventListener('abort', onAbort);
      request.abort(); // a consumer that stopped reading, or a stop string: the server stops generating
    }
    throwIfAborted(options.signal);
    yield emit(stopString === undefined ? stops.flush() : '', finishReason ?? 'length');
    return {
      tokenIds,
      text: output,
      finishReason: finishReason ?? 'length',
      ...(stopString !== undefined ? { stopString } : {}),
      ...(options.logprobs ? { logprobs } : {}),
      promptTokens: promptTokens ?? this.tokenizer.encode(text).length,
      context: { promptTokensDropped: 0, maxNewTokens: options.maxNewTokens ?? tokenIds.length },
    };
  }

  async #post(body: object, signal: AbortSignal, callerSignal: AbortSignal | undefined): Promise<Response> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'text/event-stream', ...this.#options.headers };
    if (this.#options.apiKey) headers.authorization = `Bearer ${this.#options.apiKey}`;
    let response: Response;
    try {
      response = await (this.#options.fetch ?? fetch)(this.#url, { method: 'POST', headers, body: JSON.stringify(body), signal });
    } catch (error) {
      if (callerSignal?.aborted) throw abortError(callerSignal);
      throw new NetworkError(this.#url, `Could not reach ${this.#url}: ${(error as Error).message}. Is the server running, and is baseURL right?`, { cause: error });
    }
    if (!response.ok) {
      const retry = Number(response.headers.get('retry-after'));
      let error: OpenAiErrorObject = { message: `${response.status} ${response.statusText}` };
      try {
        const parsed = (await response.json()) as { error?: OpenAiErrorObject };
        if (parsed.error?.message) error = parsed.error;
      } catch {
        // not an OpenAI error object: keep the status line
      }
      throw remoteError(response.status, error, Number.isFinite(retry) && retry > 0 ? retry : undefined);
    }
    if (!response.body) throw new RemoteError(502, `${this.#url} answered without a body.`);
    return response;
  }
}

function remoteError(status: number, error: OpenAiErrorObject, retryAfter: number | undefined): RemoteError {
  const details: { type?: string; retryAfter?: number } = {};
  if (error.type) details.type = error.type;
  if (retryAfter !== undefined) details.retryAfter = retryAfter;
  return new RemoteError(status, `The model server answered ${status}: ${error.message}`, details);
}

/** An engine for an OpenAI-compatible endpoint: same interface as a loaded model (`generate`, `stream`, `signal`, `stop`). */
export function createRemoteEngine(options: RemoteEngineOptions): RemoteEngine {
  return new RemoteEngine(options);
}
