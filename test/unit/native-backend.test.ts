/**
 * The native backend (onnxruntime-node) against the WASM one: chosen by default in
 * Node, forced either way with `backend`, the same tokens (greedy) on both fixture
 * layouts and dtypes, and a typed error when the native module cannot be loaded.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModel, type Gpt2Model } from '@cowrite/core';
import { FIXTURE_MODELS_DIR, ensureFixtures } from '../../tools/gpt2/make-fixtures.ts';

const run = promisify(execFile);
const PROMPTS = ['This jacket is warm, and the fit', 'Hello', '这款耳机的音质', 'Great value for the price. I would'];

beforeAll(() => ensureFixtures(), 120_000);

describe.each([
  ['tiny-gpt2', 'fp32'],
  ['tiny-gpt2', 'q8'],
  ['tiny-gpt2-legacy', 'fp32'],
] as const)('%s %s: native and WASM give the same tokens', (fixture, dtype) => {
  let native: Gpt2Model;
  let wasm: Gpt2Model;
  beforeAll(async () => {
    const source = join(FIXTURE_MODELS_DIR, fixture);
    [native, wasm] = await Promise.all([loadModel({ source, dtype, backend: 'native' }), loadModel({ source, dtype, backend: 'wasm' })]);
  }, 120_000); // loading models takes long on a busy machine
  afterAll(() => Promise.all([native?.dispose(), wasm?.dispose()]));

  it('runs each on the backend it was asked for', () => {
    expect(native.info.runtime.backend).toBe('native');
    expect(wasm.info.runtime.backend).toBe('wasm');
  });

  it.each(PROMPTS)('greedy: %s', async (prompt) => {
    const options = { maxNewTokens: 24, minNewTokens: 24 };
    const [a, b] = [await native.generate(prompt, options), await wasm.generate(prompt, options)];
    expect(a.tokenIds).toHaveLength(24);
    expect(a.tokenIds).toEqual(b.tokenIds);
    expect(a.text).toBe(b.text);
  });

  it('seeded sampling with stop strings streams the same chunks', async () => {
    const options = { maxNewTokens: 20, doSample: true, topP: 0.9, topK: 40, seed: 11, repetitionPenalty: 1.2 };
    const collect = async (model: Gpt2Model) => {
      const chunks: string[] = [];
      for await (const chunk of model.stream('Our customers say', options)) chunks.push(chunk.text);
      return chunks;
    };
    expect(await collect(native)).toEqual(await collect(wasm));
  });
});

describe('backend choice', () => {
  const probe = async (backend: string, blockNative: boolean) => {
    const preload = blockNative ? ['--import', join(import.meta.dirname, '../support/block-native-ort.ts')] : [];
    const { stdout } = await run(process.execPath, ['--conditions=source', ...preload, join(import.meta.dirname, '../support/backend-probe.ts'), join(FIXTURE_MODELS_DIR, 'tiny-gpt2'), backend]);
    return JSON.parse(stdout.trim().split('\n').at(-1) as string) as { backend?: string; fallbackReason?: string; error?: string; message?: string; tokens?: number };
  };

  it('uses native by default in Node', async () => {
    const model = await loadModel({ source: join(FIXTURE_MODELS_DIR, 'tiny-gpt2') });
    expect(model.info.runtime.backend).toBe('native');
    expect(model.info.runtime.fallbackReason).toBeUndefined();
    await model.dispose();
  });

  it('falls back to WASM by default, and says why, when onnxruntime-node cannot be loaded', async () => {
    const result = await probe('default', true);
    expect(result.backend).toBe('wasm');
    expect(result.tokens).toBe(4);
    expect(result.fallbackReason).toMatch(/onnxruntime-node/);
  });

  it('rejects backend "native" with BACKEND_UNAVAILABLE when onnxruntime-node cannot be loaded', async () => {
    const result = await probe('native', true);
    expect(result.error).toBe('BACKEND_UNAVAILABLE');
    expect(result.message).toMatch(/backend: 'wasm'/);
  });

  it('still serves backend "wasm" when onnxruntime-node cannot be loaded', async () => {
    expect((await probe('wasm', true)).backend).toBe('wasm');
  });
});
