/**
 * `cowrite serve` (the real HTTP server on a free loopback port, real fixture model)
 * driven by createRemoteEngine and by raw HTTP: same tokens as the in-process
 * model, streaming, stop strings, abort, the OpenAI error objects, limits (429 +
 * Retry-After), the bearer token, client disconnects and graceful shutdown.
 */
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GenerationChunk, type GenerationOptions, type Gpt2Model, type Prompt, RemoteError, type TextGenerator, createRemoteEngine, isAbortError, loadModel } from '@cowrite/core';
import { type RunningServer, startServer } from '@cowrite/server';
import { FIXTURE_MODELS_DIR, ensureFixtures } from '../../tools/gpt2/make-fixtures.ts';

let model: Gpt2Model;
let server: RunningServer;
const logLines: string[] = [];
/** Each stream of the "gated" model waits for this before its first chunk, so a test can hold a request in flight. */
let gate: Promise<void> = Promise.resolve();
let openGate: () => void = () => {};
const closeGate = () => (gate = new Promise((resolve) => (openGate = resolve)));

function gated(inner: Gpt2Model): TextGenerator {
  return {
    tokenizer: inner.tokenizer,
    contextLength: inner.contextLength,
    generate: (prompt, options) => inner.generate(prompt, options),
    async *stream(prompt: Prompt, options?: GenerationOptions): AsyncGenerator<GenerationChunk> {
      await gate;
      return yield* inner.stream(prompt, options);
    },
  };
}

const SECRET = 'test-key-0123456789';
const baseURL = () => `${server.url}/v1`;
const remote = (extra: Partial<Parameters<typeof createRemoteEngine>[0]> = {}) => createRemoteEngine({ baseURL: baseURL(), apiKey: SECRET, model: 'tiny', ...extra });

async function post(path: string, body: string | object, headers: Record<string, string> = {}): Promise<{ status: number; headers: Headers; json: { error?: { message: string; type: string; code: string | null; param: string | null } } & Record<string, unknown> }> {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${SECRET}`, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, json: await response.json() };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 400 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(check()).toBe(true);
};

beforeAll(async () => {
  await ensureFixtures();
  model = await loadModel({ source: join(FIXTURE_MODELS_DIR, 'tiny-gpt2') });
  server = await startServer({ models: { tiny: model, gated: gated(model) }, port: 0, apiKey: SECRET, maxInFlight: 2, maxTokens: 256, maxBodyBytes: 4096, log: (line) => logLines.push(line) });
}, 120_000); // loading models takes long on a busy machine

afterAll(async () => {
  await server?.close(0);
  await model?.dispose();
});

describe('createRemoteEngine against cowrite serve', () => {
  it('binds to loopback by default', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it.each(['completions', 'chat'] as const)('greedy %s gives the same text as the in-process model', async (api) => {
    const prompt = 'This jacket is warm, and the fit';
    const options = { maxNewTokens: 20, minNewTokens: 20, doSample: false };
    const local = await model.generate(prompt, options);
    const result = await remote({ api }).generate(prompt, options);
    expect(result.text).toBe(local.text);
    expect(result.finishReason).toBe('length');
    expect(result.promptTokens).toBe(local.promptTokens);
  });

  it.each(['completions', 'chat'] as const)('%s: token ids and log-probabilities are the in-process model\'s', async (api) => {
    const prompt = '这款耳机的音质'; // CJK: some tokens end inside a character and stream with no text of their own
    const options = { maxNewTokens: 16, minNewTokens: 16, doSample: false, logprobs: true };
    const local = await model.generate(prompt, options);
    const chunks: GenerationChunk[] = [];
    const run = remote({ api, tokenizer: model.tokenizer }).stream(prompt, options);
    let step = await run.next();
    for (; !step.done; step = await run.next()) chunks.push(step.value);
    const result = step.value;
    expect(result.tokenIds).toEqual(local.tokenIds);
    expect(result.text).toBe(local.text);
    expect(result.logprobs).toHaveLength(16);
    result.logprobs?.forEach((value, i) => expect(value).toBeCloseTo(local.logprobs?.[i] as number, 5));
    expect(chunks.flatMap((c) => c.logprobs ?? [])).toEqual(result.logprobs);
    expect((await remote({ api }).generate(prompt, { maxNewTokens: 4 })).logprobs).toBeUndefined();
  });

  it('streams chunks whose concatenation is the text, with seeded sampling settings passed through', async () => {
    const options = { maxNewTokens: 24, doSample: true, topK: 40, topP: 0.9, temperature: 0.8, repetitionPenalty: 1.2, seed: 5 };
    const local = await model.generate('Our customers say', options);
    const chunks: string[] = [];
    let last: GenerationChunk | undefined;
    for await (const chunk of remote().stream('Our customers say', options)) {
      chunks.push(chunk.text);
      last = chunk;
    }
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.join('')).toBe(local.text);
    expect(last?.finishReason).toBe(local.finishReason === 'eos' ? 'eos' : 'length');
  });

  it('honours stop strings: the text is cut before the stop string, which is reported', async () => {
    const free = await model.generate('Hello', { maxNewTokens: 30, minNewTokens: 30, doSample: false });
    const stop = free.text.slice(8, 11); // a string the greedy output is known to contain
    const local = await model.generate('Hello', { maxNewTokens: 30, minNewTokens: 30, doSample: false, stop: [stop] });
    const result = await remote().generate('Hello', { maxNewTokens: 30, minNewTokens: 30, doSample: false, stop: [stop] });
    expect(result.finishReason).toBe('stop');
    expect(result.stopString).toBe(stop);
    expect(result.text).toBe(local.text);
    expect(result.text).not.toContain(stop);
  });

  it('aborts a stream with AbortError, and the server stops generating', async () => {
    const controller = new AbortController();
    const abortedBefore = server.stats().aborted;
    const iterate = async () => {
      for await (const chunk of remote().stream('Hello', { maxNewTokens: 256, minNewTokens: 256, signal: controller.signal })) {
        if (chunk.text) controller.abort();
      }
    };
    const error = await iterate().catch((e: unknown) => e);
    expect(isAbortError(error)).toBe(true);
    await until(() => server.stats().aborted > abortedBefore && server.stats().inFlight === 0);
  });

  it('rejects a wrong or missing API key with a RemoteError 401', async () => {
    const error = await remote({ apiKey: 'wrong' }).generate('Hello').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemoteError);
    expect((error as RemoteError).status).toBe(401);
    expect((await fetch(`${baseURL()}/models`)).status).toBe(401);
  });

  it('answers 429 with Retry-After beyond the in-flight limit', async () => {
    closeGate();
    const held = [remote({ model: 'gated' }).generate('One', { maxNewTokens: 4 }), remote({ model: 'gated' }).generate('Two', { maxNewTokens: 4 })];
    await until(() => server.stats().inFlight === 2);
    const error = await remote().generate('Three', { maxNewTokens: 4 }).catch((e: unknown) => e);
    openGate();
    expect(error).toBeInstanceOf(RemoteError);
    expect((error as RemoteError).status).toBe(429);
    expect((error as RemoteError).retryAfter).toBe(1);
    expect((error as RemoteError).type).toBe('rate_limit_error');
    const results = await Promise.all(held);
    expect(results.map((r) => r.finishReason)).toEqual(['length', 'length']);
    expect(results.every((r) => r.text.length > 0)).toBe(true);
  });
});

describe('HTTP surface', () => {
  it('lists models and reports health', async () => {
    const models = await (await fetch(`${baseURL()}/models`, { headers: { authorization: `Bearer ${SECRET}` } })).json();
    expect(models.object).toBe('list');
    expect(models.data.map((m: { id: string }) => m.id)).toEqual(['tiny', 'gated']);
    const health = await (await fetch(`${server.url}/health`)).json();
    expect(health).toMatchObject({ status: 'ok', inFlight: 0 });
  });

  it('answers a non-streamed completion in OpenAI shape with usage', async () => {
    const { status, json } = await post('/v1/completions', { model: 'tiny', prompt: 'Hello', max_tokens: 5, temperature: 0 });
    expect(status).toBe(200);
    expect(json).toMatchObject({ object: 'text_completion', model: 'tiny', usage: { completion_tokens: 5 } });
    expect((json.choices as { text: string; finish_reason: string }[])[0].finish_reason).toBe('length');
  });

  it.each([
    ['malformed JSON', '{"model": "tiny", "prompt": ', 400, 'invalid_json'],
    ['a JSON array', '[1, 2]', 400, 'invalid_json'],
    ['an unknown model', { model: 'gpt-9', prompt: 'Hi' }, 404, 'model_not_found'],
    ['a missing prompt', { model: 'tiny' }, 400, 'invalid_value'],
    ['max_tokens over the limit', { model: 'tiny', prompt: 'Hi', max_tokens: 100_000 }, 400, 'max_tokens_exceeded'],
    ['a bad top_p', { model: 'tiny', prompt: 'Hi', top_p: 7 }, 400, 'invalid_value'],
    ['top alternatives (logprobs > 0), which are not computed', { model: 'tiny', prompt: 'Hi', logprobs: 2 }, 400, 'invalid_value'],
    ['an oversize body', { model: 'tiny', prompt: 'x'.repeat(10_000) }, 413, 'request_too_large'],
  ])('answers %s with an OpenAI error object', async (_name, body, status, code) => {
    const response = await post('/v1/completions', body);
    expect(response.status).toBe(status);
    expect(response.json.error).toMatchObject({ code, type: 'invalid_request_error' });
    expect(response.json.error?.message.length).toBeGreaterThan(10);
  });

  it('answers logprobs: 0 in the legacy completions shape, with the token ids', async () => {
    const { status, json } = await post('/v1/completions', { model: 'tiny', prompt: 'Hello', max_tokens: 3, temperature: 0, logprobs: 0 });
    expect(status).toBe(200);
    const [choice] = json.choices as { text: string; token_ids: number[]; logprobs: { tokens: string[]; token_logprobs: number[]; top_logprobs: null } }[];
    const local = await model.generate('Hello', { maxNewTokens: 3, doSample: false, logprobs: true });
    expect(choice.token_ids).toEqual(local.tokenIds);
    expect(choice.logprobs.tokens.join('')).toBe(choice.text);
    expect(choice.logprobs.token_logprobs).toHaveLength(3);
    choice.logprobs.token_logprobs.forEach((value, i) => expect(value).toBeCloseTo(local.logprobs?.[i] as number, 5));
  });

  it('aborts generation when a client disconnects mid-stream', async () => {
    const abortedBefore = server.stats().aborted;
    await new Promise<void>((resolve, reject) => {
      const req = httpRequest(`${server.url}/v1/completions`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${SECRET}` } }, (res) => {
        expect(res.statusCode).toBe(200);
        res.once('data', () => {
          req.destroy(); // hang up after the first event
          resolve();
        });
      });
      req.on('error', () => {});
      req.on('timeout', reject);
      req.end(JSON.stringify({ model: 'tiny', prompt: 'Hello', max_tokens: 256, min_tokens: 256, stream: true }));
    });
    await until(() => server.stats().aborted === abortedBefore + 1 && server.stats().inFlight === 0);
  });

  it('streams server-sent events ending in [DONE], with usage on request', async () => {
    const response = await fetch(`${baseURL()}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${SECRET}` },
      body: JSON.stringify({ model: 'tiny', messages: [{ role: 'user', content: 'Hello' }], max_tokens: 6, stream: true, stream_options: { include_usage: true } }),
    });
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = (await response.text()).split('\n\n').filter(Boolean);
    expect(events.at(-1)).toBe('data: [DONE]');
    const payloads = events.slice(0, -1).map((e) => JSON.parse(e.slice('data: '.length)));
    expect(payloads[0].choices[0].delta.role).toBe('assistant');
    expect(payloads.at(-1).usage.completion_tokens).toBe(6);
    expect(payloads.every((p) => p.object === 'chat.completion.chunk')).toBe(true);
  });

  it('does not log prompts by default', () => {
    expect(logLines.length).toBeGreaterThan(5);
    expect(logLines.join('\n')).not.toContain('This jacket is warm');
    expect(logLines.join('\n')).not.toContain(SECRET);
  });
});

describe('graceful shutdown', () => {
  it('lets requests in flight finish, refuses new ones, then closes', async () => {
    const own = await startServer({ models: { gated: gated(model) }, port: 0 });
    closeGate();
    const engine = createRemoteEngine({ baseURL: `${own.url}/v1`, model: 'gated' });
    const inFlight = engine.generate('Hello', { maxNewTokens: 4 });
    await until(() => own.stats().inFlight === 1);
    const closing = own.close(10_000);
    const refused = await fetch(`${own.url}/health`).then((r) => r.status).catch(() => 'connection refused');
    expect([503, 'connection refused']).toContain(refused);
    openGate();
    expect((await inFlight).finishReason).toBe('length');
    await closing;
    await expect(fetch(`${own.url}/health`)).rejects.toThrow();
  });
});
