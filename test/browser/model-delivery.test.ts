/**
 * Model delivery in Chromium against a loopback server (test/support/model-server.ts):
 * progress, the Cache API, verification of cached entries, aborted downloads,
 * retries with Range resume, typed errors, availability(), and the page's request log.
 */
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { commands } from 'vitest/browser';
import { availability, CacheApiModelCache, createWorkerEngine, loadModel, ModelFormatError, ModelNotFoundError, type LoadProgress } from '@cowrite/core';

const server = inject('modelServerUrl');
const TINY = `${server}tiny-gpt2/`;

interface Logged {
  method: string;
  path: string;
  range?: string;
}
const serverLog = async (): Promise<Logged[]> => (await fetch(`${server}__log`)).json();

beforeEach(async () => {
  await caches.delete('cowrite-models-v1');
  await fetch(`${server}__log/reset`);
});

describe('model delivery', () => {
  it('reports per-file and overall progress, monotonic, ending exactly at the total', async () => {
    const events: LoadProgress[] = [];
    await loadModel({ source: TINY, onProgress: (p) => events.push(p) });
    const downloads = events.filter((e) => e.status === 'download');
    expect(downloads.length).toBeGreaterThan(4);
    const total = downloads[0].total as number;
    expect(total).toBeGreaterThan(13_000_000);
    expect(downloads.every((e) => e.total === total)).toBe(true);
    const loaded = events.map((e) => e.loaded);
    expect(loaded).toEqual([...loaded].sort((a, b) => a - b));
    expect(events.at(-1)).toMatchObject({ status: 'ready', loaded: total, total });
    const onnx = downloads.filter((e) => e.file === 'onnx/model.onnx');
    expect(onnx.at(-1)?.fileLoaded).toBe(onnx.at(-1)?.fileTotal);
  });

  it('a second load is served from the cache with no network request', async () => {
    expect(await availability({ source: TINY })).toBe('downloadable');
    const loading = loadModel({ source: TINY });
    expect(await availability({ source: TINY })).toBe('downloading');
    await loading;
    expect(await availability({ source: TINY })).toBe('available');
    await fetch(`${server}__log/reset`);
    const model = await loadModel({ source: TINY });
    expect(await serverLog()).toEqual([]);
    expect((await model.generate('Hello', { maxNewTokens: 2 })).tokenIds).toHaveLength(2);
  });

  it('a corrupted cache entry is detected and fetched again', async () => {
    await loadModel({ source: TINY });
    const cache = await caches.open('cowrite-models-v1');
    const key = `${TINY}onnx/model.onnx`;
    const entry = (await cache.match(key)) as Response;
    const damaged = new Uint8Array(await entry.arrayBuffer()).subarray(0, 1000);
    await cache.put(key, new Response(damaged, { headers: entry.headers }));
    await fetch(`${server}__log/reset`);
    const model = await loadModel({ source: TINY });
    expect((await serverLog()).filter((r) => r.method === 'GET').map((r) => r.path)).toEqual(['/tiny-gpt2/onnx/model.onnx']);
    expect((await model.generate('Hello', { maxNewTokens: 2 })).tokenIds).toHaveLength(2);
    expect((await new CacheApiModelCache().head(key))?.size).toBeGreaterThan(13_000_000);
  });

  it('an aborted download leaves nothing behind', async () => {
    const source = `${server}slow/tiny-gpt2/`;
    const controller = new AbortController();
    const loading = loadModel({
      source,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.file === 'onnx/model.onnx' && (p.fileLoaded ?? 0) > 1_000_000) controller.abort();
      },
    });
    await expect(loading).rejects.toMatchObject({ name: 'AbortError' });
    expect(await new CacheApiModelCache().head(`${source}onnx/model.onnx`)).toBeUndefined();
    expect(await availability({ source })).toBe('downloadable');
  });

  it('retries a broken connection and resumes with a Range request', async () => {
    const model = await loadModel({ source: `${server}flaky/tiny-gpt2/`, retries: 2 });
    expect((await model.generate('Hi', { maxNewTokens: 2 })).tokenIds).toHaveLength(2);
    const log = await serverLog();
    expect(log.some((r) => r.path === '/flaky/tiny-gpt2/onnx/model.onnx' && r.range?.startsWith('bytes='))).toBe(true);
  });

  it('404 → ModelNotFoundError; a truncated file → ModelFormatError (MODEL_CORRUPT), nothing cached', async () => {
    await expect(loadModel({ source: `${server}no-such-model/` })).rejects.toBeInstanceOf(ModelNotFoundError);
    const error = await loadModel({ source: `${server}short/tiny-gpt2/` }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelFormatError);
    expect(error).toMatchObject({ code: 'MODEL_CORRUPT' });
    expect(await new CacheApiModelCache().head(`${server}short/tiny-gpt2/onnx/model.onnx`)).toBeUndefined();
  });

  it('verifies a known sha256 before use', async () => {
    await expect(loadModel({ source: TINY, integrity: { 'config.json': '0'.repeat(64) } })).rejects.toMatchObject({ code: 'MODEL_CORRUPT', file: 'config.json' });
  });

  it('two engines on one page fetch the model once; the page requests nothing outside the model source', async () => {
    await commands.startRequestLog();
    const { getSharedEngine, disposeSharedEngines } = await import('@cowrite/core');
    const [a, b] = await Promise.all([getSharedEngine({ source: TINY }), getSharedEngine({ source: TINY })]);
    expect(a).toBe(b);
    const worker = await createWorkerEngine({ source: TINY });
    await worker.generate('Hi', { maxNewTokens: 2 });
    worker.dispose();
    await disposeSharedEngines();
    const urls = await commands.takeRequestLog();
    const onnxGets = (await serverLog()).filter((r) => r.method === 'GET' && r.path.endsWith('.onnx'));
    expect(onnxGets).toHaveLength(1); // the shared engine downloaded; the second Worker hit the cache
    // The log sees the Workers' requests too (the model is only ever fetched inside them).
    expect(urls.filter((u) => u.startsWith(`${TINY}onnx/`)).length).toBeGreaterThan(0);
    const foreign = urls.filter((u) => !u.startsWith(server) && !u.startsWith(location.origin) && !u.startsWith('blob:') && !u.startsWith('data:'));
    expect(foreign).toEqual([]);
  });
});
