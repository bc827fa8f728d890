/**
 * One bad answer must not poison the model cache: nothing is cached before the JSON
 * parses and the onnxruntime session is created, and a file that fails to parse or load
 * is evicted, so a fixed server (or a fresh download) makes the next load work.
 * Runs against both persistent caches (Cache API and OPFS).
 */
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { CacheApiModelCache, loadModel, OpfsModelCache, type ModelCache } from '@cowrite/core';

const server = inject('modelServerUrl');
const TINY = `${server}tiny-gpt2/`;

interface Logged {
  method: string;
  path: string;
}
const serverLog = async (): Promise<Logged[]> => (await fetch(`${server}__log`)).json();
const override = (path: string, kind: 'html' | 'garbage') => fetch(`${server}__override?path=${encodeURIComponent(path)}&kind=${kind}`);

beforeEach(async () => {
  await caches.delete('cowrite-models-v1');
  await (await navigator.storage.getDirectory()).removeEntry('cowrite-models-v1', { recursive: true }).catch(() => undefined);
  await fetch(`${server}__log/reset`);
});

const kinds: [string, 'cache-api' | 'opfs', () => ModelCache][] = [
  ['Cache API', 'cache-api', () => new CacheApiModelCache()],
  ['OPFS', 'opfs', () => new OpfsModelCache()],
];

describe.each(kinds)('a poisoned response never sticks (%s)', (_name, cache, open) => {
  it('config.json answered with an HTML page: MODEL_CORRUPT, nothing cached, and the fixed server loads', async () => {
    await override('/tiny-gpt2/config.json', 'html');
    await expect(loadModel({ source: TINY, cache })).rejects.toMatchObject({ code: 'MODEL_CORRUPT', file: 'config.json' });
    for (const file of ['config.json', 'tokenizer.json', 'onnx/model.onnx']) expect(await open().head(`${TINY}${file}`)).toBeUndefined();

    await fetch(`${server}__log/reset`); // the server is fixed
    const model = await loadModel({ source: TINY, cache });
    expect((await model.generate('Hello', { maxNewTokens: 2 })).tokenIds).toHaveLength(2);
    expect((await serverLog()).some((r) => r.method === 'GET' && r.path === '/tiny-gpt2/config.json')).toBe(true);
    expect(await open().head(`${TINY}config.json`)).toBeDefined();
  });

  it('a corrupt ONNX file of the right size: MODEL_CORRUPT, not cached, and the next load downloads it again', async () => {
    await override('/tiny-gpt2/onnx/model.onnx', 'garbage');
    await expect(loadModel({ source: TINY, cache })).rejects.toMatchObject({ code: 'MODEL_CORRUPT', file: 'onnx/model.onnx' });
    expect(await open().head(`${TINY}onnx/model.onnx`)).toBeUndefined();

    await fetch(`${server}__log/reset`);
    const model = await loadModel({ source: TINY, cache });
    expect((await model.generate('Hello', { maxNewTokens: 2 })).tokenIds).toHaveLength(2);
    expect((await serverLog()).filter((r) => r.method === 'GET').map((r) => r.path)).toContain('/tiny-gpt2/onnx/model.onnx');
  });

  it('an entry an older version cached before parsing is evicted by the load that fails on it', async () => {
    await loadModel({ source: TINY, cache });
    const html = new TextEncoder().encode('<!doctype html><p>error</p>');
    await open().put(`${TINY}config.json`, html, { size: html.byteLength });
    await expect(loadModel({ source: TINY, cache })).rejects.toMatchObject({ code: 'MODEL_CORRUPT', file: 'config.json' });
    expect(await open().head(`${TINY}config.json`)).toBeUndefined();
    const model = await loadModel({ source: TINY, cache });
    expect((await model.generate('Hello', { maxNewTokens: 2 })).tokenIds).toHaveLength(2);
  });
});
