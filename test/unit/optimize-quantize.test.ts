/**
 * tools/optimize/quantize: int8 (and 4-bit) GPT-2 files stay close to the fp32 original, through
 * the real onnxruntime-web, and load through @cowrite/core. Closeness: teacher-forced greedy
 * decoding over hand-written prompts, last-position logits compared at every step.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-web';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '@cowrite/core';
import { FIXTURE_MODELS_DIR, TINY_GPT2_CONFIG, ensureFixtures } from '../../tools/gpt2/make-fixtures.ts';
import { DataType } from '../../tools/gpt2/onnx-schema.ts';
import { type Closeness, createSession, measureCloseness } from '../../tools/optimize/closeness.ts';
import { rewriteGemmToMatMul } from '../../tools/optimize/gemm-to-matmul.ts';
import { GraphEditor, dimsOf } from '../../tools/optimize/graph-edit.ts';
import { readOnnx, writeModelDirectory } from '../../tools/optimize/model-dir.ts';
import { type QuantizeOptions, quantizeNBits4, quantizeWeights } from '../../tools/optimize/quantize-weights.ts';

ort.env.wasm.numThreads = 1;
const TINY = join(FIXTURE_MODELS_DIR, 'tiny-gpt2');
const FP32 = join(TINY, 'onnx/model.onnx');
const SHAPE = { heads: TINY_GPT2_CONFIG.nHead, headDim: TINY_GPT2_CONFIG.nEmbd / TINY_GPT2_CONFIG.nHead };
/** "This is a new product, it is" / "I like the colour and" / "The" — GPT-2 token ids. */
const PROMPTS = [[1212, 318, 257, 649, 1720, 11, 340, 318], [40, 588, 262, 9568, 290], [464]];
const NEW_TOKENS = 24;

let scratch: string;
let reference: ort.InferenceSession;

beforeAll(async () => {
  await ensureFixtures();
  scratch = await mkdtemp(join(tmpdir(), 'cowrite-quantize-'));
  reference = await createSession(FP32);
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function quantizedDir(name: string, options: QuantizeOptions): Promise<{ dir: string; bytes: number; tied: boolean }> {
  const model = await readOnnx(FP32);
  const editor = new GraphEditor(model);
  rewriteGemmToMatMul(editor);
  const report = quantizeWeights(editor, options);
  const dir = join(scratch, name);
  const bytes = await writeModelDirectory(TINY, dir, 'onnx/model_quantized.onnx', model);
  return { dir, bytes, tied: report.tiedEmbedding };
}

function logCloseness(name: string, result: Closeness, bytes: number): void {
  console.log(
    `${name}: max logit error ${result.maxLogitError.toExponential(2)} (${(result.maxRelativeError * 100).toFixed(2)} % of the logit range), ` +
      `greedy agreement ${(result.greedyAgreement * 100).toFixed(1)} % over ${result.steps} steps, ${(bytes / 1e6).toFixed(2)} MB`,
  );
}

describe('Gemm → MatMul + Add', () => {
  it('leaves no Gemm and computes the same logits', async () => {
    const model = await readOnnx(FP32);
    const editor = new GraphEditor(model);
    expect(editor.nodes.filter((n) => n.opType === 'Gemm').length).toBe(4 * TINY_GPT2_CONFIG.nLayer);
    const report = rewriteGemmToMatMul(editor);
    expect(report.rewritten).toBe(4 * TINY_GPT2_CONFIG.nLayer);
    expect(editor.nodes.some((n) => n.opType === 'Gemm')).toBe(false);
    const dir = join(scratch, 'matmul');
    await writeModelDirectory(TINY, dir, 'onnx/model.onnx', model);
    const result = await measureCloseness(reference, await createSession(join(dir, 'onnx/model.onnx')), SHAPE, PROMPTS, 8);
    expect(result.maxLogitError).toBeLessThan(1e-4);
    expect(result.greedyAgreement).toBe(1);
  });
});

describe('int8 weights, embeddings included', () => {
  const cases: [string, QuantizeOptions][] = [
    ['dequantize, per channel', { mode: 'dequantize', granularity: 'channel' }],
    ['integer (MatMulInteger), per channel', { mode: 'integer', granularity: 'channel' }],
    ['integer (MatMulInteger), per tensor', { mode: 'integer', granularity: 'tensor' }],
  ];
  for (const [name, options] of cases) {
    it(`${name}: close to fp32, a quarter of its size, one shared embedding table`, async () => {
      const { dir, bytes, tied } = await quantizedDir(name.replace(/\W+/g, '-'), options);
      const session = await createSession(join(dir, 'onnx/model_quantized.onnx'), { disable_quant_qdq: '1' });
      const result = await measureCloseness(reference, session, SHAPE, PROMPTS, NEW_TOKENS);
      logCloseness(name, result, bytes);
      expect(tied).toBe(true);
      expect(result.greedyAgreement).toBeGreaterThanOrEqual(0.97);
      expect(result.maxRelativeError).toBeLessThan(0.02);
      const fp32Bytes = (await stat(FP32)).size;
      expect(bytes).toBeLessThan(fp32Bytes * 0.3);
      // No float matrix of the vocabulary's size is left: wte and lm_head are both int8, stored once.
      const quantized = new GraphEditor(await readOnnx(join(dir, 'onnx/model_quantized.onnx')));
      const vocabTables = (quantized.graph.initializer ?? []).filter((t) => dimsOf(t).includes(TINY_GPT2_CONFIG.vocabSize) && dimsOf(t).length === 2);
      expect(vocabTables.map((t) => t.dataType)).toEqual([DataType.INT8]);
    });
  }

  it('4-bit MatMulNBits: runs in onnxruntime-web and stays roughly close', async () => {
    const { dir, bytes } = await quantizedDir('nbits4', { mode: 'nbits4', granularity: 'channel', blockSize: 32 });
    const result = await measureCloseness(reference, await createSession(join(dir, 'onnx/model_quantized.onnx')), SHAPE, PROMPTS, NEW_TOKENS);
    logCloseness('nbits4 (block 32)', result, bytes);
    expect(result.greedyAgreement).toBeGreaterThanOrEqual(0.9);
    expect(result.maxRelativeError).toBeLessThan(0.2);
  });

  it('packs MatMulNBits blocks low nibble first around zero point 8', () => {
    // K = 4 (one block of 4 padded to block 16), N = 1: values -8s, 0, 7s, s with s = scale.
    const { packed, scales, blocks } = quantizeNBits4(Float32Array.of(-4, 0, 3.5, 0.5), 4, 1, 16);
    expect(blocks).toBe(1);
    expect(scales[0]).toBeCloseTo(0.5);
    expect(Array.from(packed.slice(0, 3))).toEqual([0x80, 0x9f, 0x88]);
  });
});

describe('the quantized directory loads through @cowrite/core', () => {
  it('with dtype q8 and with modelFile, and greedy text matches fp32', async () => {
    const { dir } = await quantizedDir('core-load', { mode: 'integer', granularity: 'channel' });
    const fp32 = await loadModel({ source: TINY });
    const byDtype = await loadModel({ source: dir, dtype: 'q8' });
    const byFile = await loadModel({ source: dir, modelFile: 'onnx/model_quantized.onnx' });
    const prompt = 'This is a new product, it is';
    const expected = await fp32.generate(prompt, { maxNewTokens: 16 });
    expect((await byDtype.generate(prompt, { maxNewTokens: 16 })).tokenIds).toEqual(expected.tokenIds);
    expect((await byFile.generate(prompt, { maxNewTokens: 16 })).tokenIds).toEqual(expected.tokenIds);
    expect(byDtype.info.file).toBe('onnx/model_quantized.onnx');
  });
});
