/**
 * The same engine in a real Chromium page: onnxruntime-web's WASM build served by
 * the page's own origin, the tiny model fetched over HTTP.
 */
import { describe, expect, inject, it } from 'vitest';
import { CROSS_RUNTIME_OPTIONS, CROSS_RUNTIME_PROMPT } from '../support/cross-runtime.ts';
import { loadModel, ModelNotFoundError } from '@cowrite/core';

const TINY = '/test/fixtures/models/tiny-gpt2/';

describe('engine in Chromium', () => {
  it('loads over HTTP and streams UTF-8-safe text', async () => {
    const model = await loadModel({ source: TINY });
    expect(model.info.runtime.backend).toBe('wasm');
    const chunks: string[] = [];
    for await (const chunk of model.stream('质量很好，物流很快', { maxNewTokens: 12, doSample: true, seed: 3 })) {
      expect(chunk.text).not.toContain('\uFFFD');
      chunks.push(chunk.text);
    }
    const again = await model.generate('质量很好，物流很快', { maxNewTokens: 12, doSample: true, seed: 3 });
    expect(chunks.join('')).toBe(again.text);
    expect(again.tokenIds).toHaveLength(12);
  });

  it('answers exactly as in Node for greedy decoding with processors', async () => {
    const model = await loadModel({ source: TINY });
    const result = await model.generate(CROSS_RUNTIME_PROMPT, CROSS_RUNTIME_OPTIONS);
    // Computed by the global setup in Node on the same fixture (test/unit/generation-hf.test.ts checks Node against HF).
    expect(result.tokenIds).toEqual(inject('nodeGreedyTokenIds'));
  });

  it('aborts a stream with AbortError', async () => {
    const model = await loadModel({ source: TINY });
    const controller = new AbortController();
    let count = 0;
    await expect(
      (async () => {
        for await (const _ of model.stream('Hello', { maxNewTokens: 100, signal: controller.signal })) if (++count === 2) controller.abort();
      })(),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(count).toBe(2);
  });

  it('asked for WebGPU where there is no adapter, falls back to WASM and says why', async () => {
    const model = await loadModel({ source: TINY, backend: 'webgpu' });
    expect(model.info.runtime.backend).toBe('wasm');
    expect(model.info.runtime.fallbackReason).toMatch(/WebGPU/);
    expect((await model.generate('Hello', { maxNewTokens: 3 })).tokenIds).toHaveLength(3);
  });

  it('a missing model gives ModelNotFoundError', async () => {
    await expect(loadModel({ source: '/test/fixtures/models/does-not-exist/' })).rejects.toBeInstanceOf(ModelNotFoundError);
  });
});
