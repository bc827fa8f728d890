/**
 * Loading from every kind of source, and the typed errors a user sees when
 * something is wrong with the files.
 */
import { createServer, type Server } from 'node:http';
import { cp, mkdtemp, readFile, readdir, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CowriteError, ModelFormatError, ModelNotFoundError, loadModel, type ModelFileData } from '@cowrite/core';
import { FIXTURE_MODELS_DIR, ensureFixtures } from '../../tools/gpt2/make-fixtures.ts';

const TINY = join(FIXTURE_MODELS_DIR, 'tiny-gpt2');
let scratch: string;
let server: Server;
let baseUrl: string;
const requests: string[] = [];

async function copyTiny(name: string): Promise<string> {
  const dir = join(scratch, name);
  await cp(TINY, dir, { recursive: true });
  return dir;
}

beforeAll(async () => {
  await ensureFixtures();
  scratch = await mkdtemp(join(tmpdir(), 'cowrite-load-'));
  server = createServer(async (req, res) => {
    requests.push(req.url ?? '');
    try {
      const body = await readFile(join(FIXTURE_MODELS_DIR, decodeURIComponent((req.url ?? '/').slice(1))));
      res.writeHead(200, { 'content-length': body.byteLength });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
});

afterAll(async () => {
  server?.close();
  await rm(scratch, { recursive: true, force: true });
});

describe('sources', () => {
  it('loads from an HTTP base URL with monotonic progress', async () => {
    const progress: number[] = [];
    const statuses: string[] = [];
    const model = await loadModel({ source: `${baseUrl}tiny-gpt2/`, onProgress: (p) => (progress.push(p.loaded), statuses.push(p.status)) });
    expect(model.info.file).toBe('onnx/model.onnx');
    expect((await model.generate('Hello', { maxNewTokens: 3 })).tokenIds).toHaveLength(3);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(statuses.at(-1)).toBe('ready');
    expect(statuses).toContain('compile');
    await model.dispose();
  });

  it('falls back to the legacy merged file over HTTP', async () => {
    const model = await loadModel({ source: new URL('tiny-gpt2-legacy/', baseUrl) });
    expect(model.info.layout).toBe('merged');
    await model.dispose();
  });

  it('loads from in-memory files', async () => {
    const files: Record<string, ModelFileData> = {};
    for (const name of await readdir(TINY, { recursive: true })) {
      if (name.endsWith('.json') || name.endsWith('.onnx')) files[name.replaceAll('\\', '/')] = new Uint8Array(await readFile(join(TINY, name)));
    }
    const model = await loadModel({ source: { files } });
    expect(model.info.location).toBe('in-memory files');
    expect((await model.generate('Hello', { maxNewTokens: 2 })).tokenIds).toHaveLength(2);
  });

  it('builds hub URLs with the revision and a configurable host', async () => {
    const model = await loadModel({ source: { hub: 'tiny-gpt2/x', revision: 'v1', host: baseUrl.slice(0, -1) } }).catch((e: unknown) => e);
    expect(model).toBeInstanceOf(ModelNotFoundError);
    expect(requests).toContain('/tiny-gpt2/x/resolve/v1/config.json');
  });
});

describe('typed errors that say what to do', () => {
  it('missing directory → ModelNotFoundError', async () => {
    await expect(loadModel({ source: join(scratch, 'nope') })).rejects.toMatchObject({ name: 'ModelNotFoundError', code: 'MODEL_NOT_FOUND', file: 'config.json' });
  });

  it('HTTP 404 → ModelNotFoundError naming the URL', async () => {
    const error = await loadModel({ source: `${baseUrl}missing-model/` }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelNotFoundError);
    expect((error as Error).message).toContain(`${baseUrl}missing-model/config.json`);
  });

  it('no ONNX file for the dtype → ModelNotFoundError listing what was tried', async () => {
    const error = await loadModel({ source: TINY, dtype: 'fp16' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelNotFoundError);
    expect((error as Error).message).toMatch(/onnx\/model_fp16\.onnx.*decoder_model_merged_fp16\.onnx/);
  });

  it('unknown dtype → UNKNOWN_DTYPE', async () => {
    // @ts-expect-error — deliberately wrong
    await expect(loadModel({ source: TINY, dtype: 'int3' })).rejects.toMatchObject({ code: 'UNKNOWN_DTYPE', argument: 'dtype' });
  });

  it('truncated ONNX → MODEL_CORRUPT', async () => {
    const dir = await copyTiny('truncated');
    await truncate(join(dir, 'onnx/model.onnx'), 100_000);
    const error = await loadModel({ source: dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelFormatError);
    expect(error).toMatchObject({ code: 'MODEL_CORRUPT', file: 'onnx/model.onnx' });
  });

  it('garbage instead of ONNX → MODEL_CORRUPT', async () => {
    const dir = await copyTiny('garbage');
    await writeFile(join(dir, 'onnx/model.onnx'), '<html>502 Bad Gateway</html>');
    await expect(loadModel({ source: dir })).rejects.toMatchObject({ code: 'MODEL_CORRUPT' });
  });

  it('corrupt config.json → MODEL_CORRUPT', async () => {
    const dir = await copyTiny('bad-config');
    await writeFile(join(dir, 'config.json'), '{"model_type": "gpt2", ');
    await expect(loadModel({ source: dir })).rejects.toMatchObject({ code: 'MODEL_CORRUPT', file: 'config.json' });
  });

  it('a tokenizer from another model → TOKENIZER_MISMATCH', async () => {
    const dir = await copyTiny('mismatch');
    const config = JSON.parse(await readFile(join(dir, 'config.json'), 'utf8'));
    await writeFile(join(dir, 'config.json'), JSON.stringify({ ...config, vocab_size: 32000 }));
    await expect(loadModel({ source: dir })).rejects.toMatchObject({ code: 'TOKENIZER_MISMATCH' });
  });

  it('not a GPT-2 → MODEL_UNSUPPORTED', async () => {
    const dir = await copyTiny('llama');
    const config = JSON.parse(await readFile(join(dir, 'config.json'), 'utf8'));
    await writeFile(join(dir, 'config.json'), JSON.stringify({ ...config, model_type: 'llama' }));
    await expect(loadModel({ source: dir })).rejects.toMatchObject({ code: 'MODEL_UNSUPPORTED' });
  });

  it('empty prompt → EMPTY_PROMPT; bad ids → INVALID_OPTION; every error is a CowriteError', async () => {
    const model = await loadModel({ source: TINY });
    await expect(model.generate('')).rejects.toMatchObject({ code: 'EMPTY_PROMPT' });
    await expect(model.generate([])).rejects.toMatchObject({ code: 'EMPTY_PROMPT' });
    await expect(model.generate([1, 99999])).rejects.toMatchObject({ code: 'INVALID_OPTION', argument: 'prompt' });
    await expect(model.generate('hi', { topP: 2 })).rejects.toBeInstanceOf(CowriteError);
  });

  it('an aborted load rejects with AbortError', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(loadModel({ source: TINY, signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('the context window', () => {
  it('a prompt longer than the window keeps its most recent tokens instead of crashing in ORT', async () => {
    const model = await loadModel({ source: TINY });
    const long = 'The quality is great and the price is fair. '.repeat(150);
    const result = await model.generate(long, { maxNewTokens: 4 });
    const promptLength = model.tokenizer.encode(long).length;
    expect(promptLength).toBeGreaterThan(1024);
    // Only the end that can fit was tokenized: the count of dropped tokens is an estimate, and says so.
    expect(result.context.promptTokensDroppedEstimated).toBe(true);
    expect(Math.abs(result.context.promptTokensDropped - (promptLength - 1020))).toBeLessThanOrEqual(5);
    expect(result.promptTokens).toBe(1020);
    expect(result.tokenIds).toHaveLength(4);
  });

  it('maxNewTokens beyond the window is clamped and reported', async () => {
    const model = await loadModel({ source: TINY });
    const result = await model.generate([464, 2068], { maxNewTokens: 1500 });
    expect(result.context).toMatchObject({ maxNewTokensRequested: 1500, maxNewTokens: 1023 });
    expect(result.tokenIds.length).toBeLessThanOrEqual(1023);
    expect(result.promptTokens + result.tokenIds.length).toBeLessThanOrEqual(1024);
  });
});

describe('concurrency and cancellation on a real model', () => {
  it('queues concurrent requests and gives each its own answer', async () => {
    const model = await loadModel({ source: TINY });
    const [a, b] = await Promise.all([model.generate('Shoes', { maxNewTokens: 5 }), model.generate('Blender', { maxNewTokens: 5 })]);
    expect(a.tokenIds).toEqual((await model.generate('Shoes', { maxNewTokens: 5 })).tokenIds);
    expect(b.tokenIds).toEqual((await model.generate('Blender', { maxNewTokens: 5 })).tokenIds);
  });

  it('aborting a stream stops it with AbortError and leaves the model usable', async () => {
    const model = await loadModel({ source: TINY });
    const controller = new AbortController();
    const seen: number[] = [];
    const consume = async () => {
      for await (const chunk of model.stream('Great', { maxNewTokens: 200, signal: controller.signal })) {
        seen.push(...chunk.tokenIds);
        if (seen.length === 3) controller.abort();
      }
    };
    await expect(consume()).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toHaveLength(3);
    expect((await model.generate('Great', { maxNewTokens: 2 })).tokenIds).toHaveLength(2);
  });

  it('a disposed model says so', async () => {
    const model = await loadModel({ source: TINY });
    await model.dispose();
    await expect(model.generate('hi')).rejects.toMatchObject({ code: 'MODEL_DISPOSED' });
  });
});
