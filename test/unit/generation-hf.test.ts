/**
 * Cowrite's generation against Hugging Face semantics: greedy decoding with processors
 * must be token-identical to HF's algorithm run on the reference forward pass (no KV
 * cache, no partial selection), on the tiny fixture model.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Gpt2Model, loadModel } from '@cowrite/core';
import { FIXTURE_MODELS_DIR, ensureFixtures, tinyGpt2Weights } from '../../tools/gpt2/make-fixtures.ts';
import { referenceForward } from '../../tools/gpt2/reference-forward.ts';
import { hfGreedyGenerate, type HfSettings } from '../support/hf-reference.ts';

const weights = tinyGpt2Weights();
const nextLogits = (ids: readonly number[]) => {
  const { logits } = referenceForward(weights, ids);
  return logits[logits.length - 1];
};

let model: Gpt2Model;
beforeAll(async () => {
  await ensureFixtures();
  model = await loadModel({ source: `${FIXTURE_MODELS_DIR}/tiny-gpt2` });
});

const prompts = ['This is a new product, it is', 'Great shoes, but the sizing', '质量很好，物流很快', 'I returned it because'];
const cases: [string, Omit<HfSettings, 'maxNewTokens'>][] = [
  ['plain greedy', {}],
  ['repetitionPenalty 1.3', { repetitionPenalty: 1.3 }],
  ['repetitionPenalty 0.7 (rewards repeats)', { repetitionPenalty: 0.7 }],
  ['noRepeatNgramSize 2', { noRepeatNgramSize: 2 }],
  ['noRepeatNgramSize 3', { noRepeatNgramSize: 3 }],
  ['noRepeatNgramSize 1', { noRepeatNgramSize: 1 }],
  ['repetitionPenalty 1.2 + noRepeatNgramSize 2', { repetitionPenalty: 1.2, noRepeatNgramSize: 2 }],
];

describe('greedy generation is token-identical to HF on the reference forward pass', () => {
  for (const [name, settings] of cases) {
    it(name, async () => {
      for (const prompt of prompts) {
        const ids = model.tokenizer.encode(prompt);
        const expected = hfGreedyGenerate(nextLogits, ids, { ...settings, maxNewTokens: 12 });
        const result = await model.generate(prompt, { ...settings, maxNewTokens: 12 });
        expect(result.tokenIds, `${name} / ${prompt}`).toEqual(expected);
        expect(result.text).toBe(model.tokenizer.decode(expected));
      }
    });
  }

  it('the same answer with a token-id prompt as with text', async () => {
    const ids = model.tokenizer.encode(prompts[0]);
    const fromIds = await model.generate(ids, { maxNewTokens: 8, repetitionPenalty: 1.3 });
    const fromText = await model.generate(prompts[0], { maxNewTokens: 8, repetitionPenalty: 1.3 });
    expect(fromIds.tokenIds).toEqual(fromText.tokenIds);
  });
});

describe('KV cache reuse of a shared prompt prefix', () => {
  it('reuses the prefix and answers exactly as a cold run', async () => {
    model.clearCache();
    const draft = 'The jacket fits well and the fabric feels';
    const first = await model.generate(draft, { maxNewTokens: 4 });
    expect(first.cachedPromptTokens).toBe(0);
    const next = draft + ' soft';
    const warm = await model.generate(next, { maxNewTokens: 6, noRepeatNgramSize: 2 });
    expect(warm.cachedPromptTokens).toBe(model.tokenizer.encode(draft).length);
    model.clearCache();
    const cold = await model.generate(next, { maxNewTokens: 6, noRepeatNgramSize: 2 });
    expect(cold.cachedPromptTokens).toBe(0);
    expect(warm.tokenIds).toEqual(cold.tokenIds);
    // Editing earlier text (a backspace in the middle) still answers like a cold run.
    const edited = 'The jacket fit well and the fabric feels soft';
    const afterEdit = await model.generate(edited, { maxNewTokens: 6 });
    model.clearCache();
    expect(afterEdit.tokenIds).toEqual((await model.generate(edited, { maxNewTokens: 6 })).tokenIds);
  });

  it('a repeated identical prompt recomputes only its last token', async () => {
    const prompt = 'Shipping was fast and';
    await model.generate(prompt, { maxNewTokens: 3 });
    const again = await model.generate(prompt, { maxNewTokens: 3 });
    expect(again.cachedPromptTokens).toBe(model.tokenizer.encode(prompt).length - 1);
  });
});

describe('other layouts and precisions', () => {
  it('the legacy merged decoder (use_cache_branch) generates the same tokens', async () => {
    const legacy = await loadModel({ source: `${FIXTURE_MODELS_DIR}/tiny-gpt2-legacy` });
    expect(legacy.info.layout).toBe('merged');
    expect(legacy.info.file).toBe('onnx/decoder_model_merged.onnx');
    for (const prompt of prompts) {
      const a = await legacy.generate(prompt, { maxNewTokens: 10, repetitionPenalty: 1.3 });
      const b = await model.generate(prompt, { maxNewTokens: 10, repetitionPenalty: 1.3 });
      expect(a.tokenIds).toEqual(b.tokenIds);
    }
    await legacy.dispose();
  });

  it('dtype q8 picks the _quantized file in both layouts and generates', async () => {
    for (const dir of ['tiny-gpt2', 'tiny-gpt2-legacy']) {
      const q8 = await loadModel({ source: `${FIXTURE_MODELS_DIR}/${dir}`, dtype: 'q8' });
      expect(q8.info.file).toMatch(/_quantized\.onnx$/);
      const result = await q8.generate(prompts[0], { maxNewTokens: 5 });
      expect(result.tokenIds).toHaveLength(5);
      await q8.dispose();
    }
  });
});
