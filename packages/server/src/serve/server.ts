/**
 * `cowrite serve`: an OpenAI-compatible HTTP server (node:http) in front of one or
 * more loaded models. POST /v1/completions and /v1/chat/completions (JSON, or
 * server-sent events with `stream: true`), GET /v1/models, GET /health.
 * Binds 127.0.0.1 unless told otherwise; optional bearer token; limits on body
 * size, max_tokens and requests in flight (429 + Retry-After); prompts are never
 * logged unless asked; a client that disconnects mid-stream aborts its generation.
 */
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type FinishReason, type GenerationResult, InvalidArgumentError, isAbortError, type TextGenerator } from '@cowrite/core';
import { Admission } from './admission.ts';
import { type CompletionApi, type CompletionRequest, parseCompletionRequest } from './completion-request.ts';
import { type ChunkTokens, type ResponseIdentity, streamChunk, usageChunk, wholeResponse } from './completion-response.ts';
import { HttpError } from './openai-error.ts';
import { readJsonBody } from './read-json-body.ts';

/** Limits that protect the server from large or too many requests. */
export interface ServeLimits {
  /** Largest request body in bytes. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Largest `max_tokens` a request may ask for. Default 512. */
  maxTokens?: number;
  /** Requests in flight (generating or queued) before new ones get 429. Default 8. */
  maxInFlight?: number;
  /** Seconds a 429 asks the client to wait. Default 1. */
  retryAfterSeconds?: number;
}

/** Options for `startServer`. */
export interface ServeOptions extends ServeLimits {
  /** Served models by the name clients put in `model`. */
  models: Readonly<Record<string, TextGenerator>>;
  /** Default 127.0.0.1 (this machine only). */
  host?: string;
  /** Default 8080; 0 picks a free port. */
  port?: number;
  /** When set, /v1/* requires `Authorization: Bearer <apiKey>`. */
  apiKey?: string;
  /** One line per request (method, path, status, ms, tokens); prompts and outputs only with `logPrompts`. */
  log?: (line: string) => void;
  /** Also log each prompt and output (off by default: they may hold personal data). */
  logPrompts?: boolean;
}

/** Request counts since the server started. */
export interface ServerStats {
  /** Requests generating or queued now. */
  inFlight: number;
  /** Requests answered in full. */
  completed: number;
  /** Requests cancelled before the answer was complete (the client disconnected, or shutdown ran out of grace time). */
  aborted: number;
  /** Requests turned away with 429 because `maxInFlight` were already in flight. */
  rejected: number;
}

/** A started server; `close()` shuts it down gracefully. */
export interface RunningServer {
  /** e.g. `http://127.0.0.1:8080` (append `/v1` for OpenAI clients). */
  readonly url: string;
  /** The underlying `node:http` server. */
  readonly server: Server;
  /** Request counts so far. */
  stats(): ServerStats;
  /** Graceful shutdown: refuse new requests (503), let those in flight finish (up to `graceMs`, then abort them), close. */
  close(graceMs?: number): Promise<void>;
}

/** Starts the OpenAI-compatible HTTP server and resolves once it listens. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const limits = { maxBodyBytes: options.maxBodyBytes ?? 1 << 20, maxTokens: options.maxTokens ?? 512, retryAfter: options.retryAfterSeconds ?? 1 };
  const admission = new Admission(options.maxInFlight ?? 8);
  const stats = { completed: 0, aborted: 0, rejected: 0 };
  const active = new Set<AbortController>();
  const created = Math.floor(Date.now() / 1000);
  let draining = false;
  const log = options.log ?? (() => {});
  const expectedAuth = options.apiKey ? Buffer.from(`Bearer ${options.apiKey}`) : undefined;

  const authorized = (req: IncomingMessage) => {
    if (!expectedAuth) return true;
    const given = Buffer.from(req.headers.authorization ?? '');
    return given.length === expectedAuth.length && timingSafeEqual(given, expectedAuth);
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<string> {
    const path = new URL(req.url ?? '/', 'http://local').pathname.replace(/\/+$/, '') || '/';
    if (path === '/health') {
      return sendJson(res, draining ? 503 : 200, { status: draining ? 'draining' : 'ok', models: Object.keys(options.models), inFlight: admission.inFlight });
    }
    if (!path.startsWith('/v1/')) throw new HttpError(404, `No route ${req.method} ${path}.`, { code: 'not_found' });
    if (!authorized(req)) throw new HttpError(401, 'Missing or wrong API key: send Authorization: Bearer <key>.', { code: 'invalid_api_key' });
    if (path === '/v1/models') {
      if (req.method !== 'GET') throw methodNotAllowed(req, 'GET');
      return sendJson(res, 200, { object: 'list', data: Object.keys(options.models).map((id) => ({ id, object: 'model', created, owned_by: 'cowrite' })) });
    }
    const api: CompletionApi | undefined = path === '/v1/completions' ? 'completions' : path === '/v1/chat/completions' ? 'chat' : undefined;
    if (!api) throw new HttpError(404, `No route ${req.method} ${path}.`, { code: 'not_found' });
    if (req.method !== 'POST') throw methodNotAllowed(req, 'POST');
    if (draining) throw new HttpError(503, 'The server is shutting down.', { type: 'server_error', code: 'shutting_down' });
    const release = admission.tryEnter();
    if (!release) {
      stats.rejected++;
      throw new HttpError(429, `Too many requests in flight (limit ${admission.limit}); retry after ${limits.retryAfter} s.`, {
        type: 'rate_limit_error',
        code: 'rate_limit_exceeded',
        headers: { 'retry-after': String(limits.retryAfter) },
      });
    }
    try {
      const request = parseCompletionRequest(api, await readJsonBody(req, limits.maxBodyBytes), limits);
      const engine = Object.hasOwn(options.models, request.model) ? options.models[request.model] : undefined;
      if (!engine) throw new HttpError(404, `The model "${request.model}" does not exist on this server (GET /v1/models lists them).`, { param: 'model', code: 'model_not_found' });
      if (options.logPrompts) log(`prompt ${JSON.stringify(request.prompt)}`);
      return await complete(engine, request, req, res);
    } finally {
      release();
    }
  }

  async function complete(engine: TextGenerator, request: CompletionRequest, req: IncomingMessage, res: ServerResponse): Promise<string> {
    const controller = new AbortController();
    active.add(controller);
    // The response closing before we ended it means the client went away: stop generating.
    const onClose = () => {
      if (!res.writableFinished) controller.abort(new Error('client disconnected'));
    };
    res.on('close', onClose);
    const who: ResponseIdentity = { id: `${request.api === 'chat' ? 'chatcmpl' : 'cmpl'}-${randomUUID()}`, created: Math.floor(Date.now() / 1000), model: request.model };
    const generation = { ...request.options, signal: controller.signal };
    try {
      if (!request.stream) {
        const result = await engine.generate(request.prompt, generation);
        const usage = { prompt_tokens: result.promptTokens, completion_tokens: result.tokenIds.length, total_tokens: result.promptTokens + result.tokenIds.length };
        if (controller.signal.aborted) throw controller.signal.reason;
        if (options.logPrompts) log(`output ${JSON.stringify(result.text)}`);
        sendJson(res, 200, wholeResponse(request.api, who, result.text, { reason: result.finishReason, stopString: result.stopString }, usage, chunkTokens(engine, result)));
        stats.completed++;
        return `${usage.completion_tokens} tokens`;
      }
      const stream = engine.stream(request.prompt, generation)[Symbol.asyncIterator]();
      let first = true;
      let step = await stream.next(); // errors before the first token still get a status code
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-accel-buffering': 'no' });
      let tokens = 0;
      let finishReason: FinishReason = 'length';
      while (!step.done) {
        const chunk = step.value;
        tokens += chunk.tokenIds.length;
        if (chunk.finishReason) finishReason = chunk.finishReason;
        // A token that ends inside a UTF-8 character has no text yet, but its id (and log-probability) still goes out.
        if (chunk.text || first || chunk.tokenIds.length) {
          writeEvent(res, streamChunk(request.api, who, chunk.text, undefined, first, chunkTokens(engine, chunk)));
          first = false;
        }
        step = await stream.next();
      }
      // Cowrite's engines return the whole result when the stream ends; other TextGenerators may not.
      const result = step.value as GenerationResult | undefined;
      const promptTokens = result?.promptTokens ?? (typeof request.prompt === 'string' ? engine.tokenizer.encode(request.prompt).length : request.prompt.length);
      writeEvent(res, streamChunk(request.api, who, '', { reason: result?.finishReason ?? finishReason, stopString: result?.stopString }));
      if (request.includeUsage) writeEvent(res, usageChunk(request.api, who, { prompt_tokens: promptTokens, completion_tokens: tokens, total_tokens: promptTokens + tokens }));
      res.end('data: [DONE]\n\n');
      stats.completed++;
      return `${tokens} tokens, streamed`;
    } catch (error) {
      if (controller.signal.aborted || isAbortError(error)) {
        stats.aborted++;
        if (!res.headersSent) throw new HttpError(499, 'The client closed the request.', { code: 'client_closed' });
        res.destroy();
        return 'aborted';
      }
      const httpError = toHttpError(error);
      if (!res.headersSent) throw httpError;
      // Mid-stream failures can no longer change the status: send the error as the last event.
      writeEvent(res, httpError.toJSON());
      res.end('data: [DONE]\n\n');
      return `failed: ${httpError.message}`;
    } finally {
      res.off('close', onClose);
      active.delete(controller);
    }
  }
  const server = createServer((req, res) => {
    const started = performance.now();
    handle(req, res).then(
      (note) => log(`${req.method} ${req.url} ${res.statusCode} ${Math.round(performance.now() - started)} ms ${note}`),
      (error: unknown) => {
        const httpError = toHttpError(error);
        if (!res.headersSent && !res.destroyed) {
          // Refused before reading the body (oversize, 429): close the connection rather than drain an upload we will not use.
          if (!req.complete) res.setHeader('connection', 'close');
          sendJson(res, httpError.status, httpError.toJSON(), httpError.headers);
        } else res.destroy();
        log(`${req.method} ${req.url} ${httpError.status} ${Math.round(performance.now() - started)} ms ${httpError.code ?? httpError.type}`);
      },
    );
  });
  server.requestTimeout = 0; // long streams are fine; limits are on tokens and concurrency
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  return {
    url: `http://${host}:${address.port}`,
    server,
    stats: () => ({ inFlight: admission.inFlight, ...stats }),
    async close(graceMs = 30_000) {
      draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const deadline = Date.now() + graceMs;
      while (admission.inFlight > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
      for (const controller of active) controller.abort(new Error('server shutting down'));
      server.closeAllConnections();
      await closed;
    },
  };
}

function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof InvalidArgumentError) return new HttpError(400, error.message, { param: error.argument, code: error.code.toLowerCase() });
  return new HttpError(500, `The model failed: ${(error as Error)?.message ?? String(error)}`, { code: 'generation_failed' });
}

function methodNotAllowed(req: IncomingMessage, allowed: string): HttpError {
  return new HttpError(405, `${req.method} is not allowed here; use ${allowed}.`, { code: 'method_not_allowed', headers: { allow: allowed } });
}

function sendJson(res: ServerResponse, status: number, body: object, headers: Record<string, string> = {}): string {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
  return '';
}

function writeEvent(res: ServerResponse, payload: object): void {
  res.write(`data: ${JSON.stringify(payload)}\n\n`);
}

/** The ids, per-token text and (when generated) log-probabilities of a chunk or a whole result. */
function chunkTokens(engine: TextGenerator, part: { tokenIds: number[]; logprobs?: number[] }): ChunkTokens {
  if (!part.logprobs) return { ids: part.tokenIds };
  return { ids: part.tokenIds, logprobs: { values: part.logprobs, tokens: part.tokenIds.map((id) => engine.tokenizer.decode([id])) } };
}
