/**
 * A replaced KV cache gives its memory back at once (its ArrayBuffers are detached) instead of
 * waiting for the garbage collector; what is still in use (the kept cache, a view into a larger
 * buffer such as a WASM heap) is left alone; and decoding with prefix reuse on native onnxruntime,
 * which releases caches at every step, still generates exactly what a fresh model does.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModel, type Gpt2Model } from '@cowrite/core';
import * as ort from 'onnxruntime-web';
import { type KvCache, releaseKvCache } from '../../packages/core/src/model/kv-cache.ts';
import { FIXTURE_MODELS_DIR, ensureFixtures } from '../../tools/gpt2/make-fixtures.ts';

const kv = (data: Float32Array, length: number): ort.Tensor => new ort.Tensor('float32', data, [1, 2, length, data.length / (2 * length)]);

describe('releaseKvCache', () => {
  it('detaches the buffers of a replaced CPU cache', () => {
    const old: KvCache = { length: 2, tensors: [kv(new Float32Array(8), 2), kv(new Float32Array(8), 2)] };
    const next: KvCache = { length: 3, tensors: [kv(new Float32Array(12), 3), kv(new Float32Array(12), 3)] };
    releaseKvCache(old, next);
    for (const tensor of old.tensors) expect((tensor.data as Float32Array).buffer.byteLength).toBe(0);
    for (const tensor of next.tensors) expect((tensor.data as Float32Array).length).toBe(12);
  });

  it('leaves the kept cache, tensors shared with it, and views into larger buffers alone', () => {
    const shared = kv(new Float32Array(8), 2);
    const heap = new Float32Array(64); // stands for a WASM heap the tensor is a view of
    const view = kv(heap.subarray(16, 24), 2);
    const cache: KvCache = { length: 2, tensors: [shared, view] };
    releaseKvCache(cache, cache);
    expect((shared.data as Float32Array).length).toBe(8);
    releaseKvCache(cache, { length: 2, tensors: [shared] });
    expect((shared.data as Float32Array).length).toBe(8);
    expect(heap.buffer.byteLength).toBe(64 * 4);
    expect((view.data as Float32Array).length).toBe(8);
  });

  it('does nothing without a cache', () => {
    expect(() => releaseKvCache(undefined)).not.toThrow();
  });
});

describe('native decoding that releases every replaced cache', () => {
  let warm: Gpt2Model;
  let twoThreads: Gpt2Model;
  beforeAll(async () => {
    await ensureFixtures();
    const source = join(FIXTURE_MODELS_DIR, 'tiny-gpt2');
    [warm, twoThreads] = await Promise.all([loadModel({ source, backend: 'native', threads: 1 }), loadModel({ source, backend: 'native', threads: 2 })]);
  }, 120_000);
  afterAll(() => Promise.all([warm?.dispose(), twoThreads?.dispose()]));

  it('reuses a cached prefix and generates what a model without a cache generates', async () => {
    const options = { maxNewTokens: 40, minNewTokens: 40 };
    const draft = 'The fabric is soft and the colour';
    await warm.generate(draft, options);
    const continued = await warm.generate(`${draft} is deep blue, and`, options);
    expect(continued.cachedPromptTokens).toBeGreaterThan(0);
    twoThreads.clearCache();
    const fresh = await twoThreads.generate(`${draft} is deep blue, and`, options);
    expect(fresh.cachedPromptTokens).toBe(0);
    expect(continued.tokenIds).toHaveLength(40);
    expect(continued.tokenIds).toEqual(fresh.tokenIds);
  });
});
