/**
 * tools/optimize graph rewrites: last-position logits computes exactly the fp32 original's last
 * row, on fp32 and on quantized graphs, through onnxruntime-web and through @cowrite/core.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-web';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '@cowrite/core';
import { FIXTURE_MODELS_DIR, TINY_GPT2_CONFIG, ensureFixtures } from '../../tools/gpt2/make-fixtures.ts';
import { StepRunner, createSession, measureCloseness } from '../../tools/optimize/closeness.ts';
import { rewriteGemmToMatMul } from '../../tools/optimize/gemm-to-matmul.ts';
import { GraphEditor } from '../../tools/optimize/graph-edit.ts';
import { sliceLastPositionLogits } from '../../tools/optimize/last-position-logits.ts';
import { readOnnx, writeModelDirectory } from '../../tools/optimize/model-dir.ts';
import { quantizeWeights } from '../../tools/optimize/quantize-weights.ts';

ort.env.wasm.numThreads = 1;
const TINY = join(FIXTURE_MODELS_DIR, 'tiny-gpt2');
const FP32 = join(TINY, 'onnx/model.onnx');
const SHAPE = { heads: TINY_GPT2_CONFIG.nHead, headDim: TINY_GPT2_CONFIG.nEmbd / TINY_GPT2_CONFIG.nHead };
const PROMPTS = [[1212, 318, 257, 649, 1720, 11, 340, 318], [40, 588, 262, 9568, 290], [464]];

let scratch: string;
let reference: ort.InferenceSession;
beforeAll(async () => {
  await ensureFixtures();
  scratch = await mkdtemp(join(tmpdir(), 'cowrite-optimize-graph-'));
  reference = await createSession(FP32);
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('last-position logits', () => {
  it('computes exactly the original last row, in onnxruntime-web and through loadModel', async () => {
    const model = await readOnnx(FP32);
    sliceLastPositionLogits(new GraphEditor(model));
    const dir = join(scratch, 'last');
    await writeModelDirectory(TINY, dir, 'onnx/model.onnx', model);
    const session = await createSession(join(dir, 'onnx/model.onnx'));
    const runner = new StepRunner(session, SHAPE.heads, SHAPE.headDim);
    const row = await runner.step(PROMPTS[0]);
    expect(row.length).toBe(TINY_GPT2_CONFIG.vocabSize);
    const result = await measureCloseness(reference, session, SHAPE, PROMPTS, 24);
    console.log(`last-position fp32: max logit error ${result.maxLogitError.toExponential(2)}, greedy agreement ${result.greedyAgreement * 100} % over ${result.steps} steps`);
    expect(result.maxLogitError).toBeLessThan(1e-4);
    expect(result.greedyAgreement).toBe(1);

    const fp32 = await loadModel({ source: TINY });
    const sliced = await loadModel({ source: dir });
    const prompt = 'The jacket is warm and';
    expect((await sliced.generate(prompt, { maxNewTokens: 12 })).tokenIds).toEqual((await fp32.generate(prompt, { maxNewTokens: 12 })).tokenIds);
    // The engine sees the [batch, 1, vocab] logits and feeds long prompts in one step: still the same answer.
    expect(sliced.info.lastPositionLogits).toBe(true);
    expect(fp32.info.lastPositionLogits).toBe(false);
    const long = 'Warm, light and the fit is true to size. '.repeat(30);
    expect((await sliced.generate(long, { maxNewTokens: 6 })).tokenIds).toEqual((await fp32.generate(long, { maxNewTokens: 6 })).tokenIds);
  });

  it('applies to a quantized graph too (after quantize.ts)', async () => {
    const model = await readOnnx(FP32);
    const editor = new GraphEditor(model);
    rewriteGemmToMatMul(editor);
    quantizeWeights(editor, { mode: 'integer', granularity: 'channel' });
    sliceLastPositionLogits(editor);
    const dir = join(scratch, 'q8-last');
    await writeModelDirectory(TINY, dir, 'onnx/model_quantized.onnx', model);
    const result = await measureCloseness(reference, await createSession(join(dir, 'onnx/model_quantized.onnx')), SHAPE, PROMPTS, 24);
    console.log(`last-position int8: max logit error ${result.maxLogitError.toExponential(2)}, greedy agreement ${result.greedyAgreement * 100} %`);
    expect(result.greedyAgreement).toBeGreaterThanOrEqual(0.97);
    expect(result.maxRelativeError).toBeLessThan(0.02);
  });

  it('refuses a graph whose logits do not come from a residual stream', async () => {
    const model = await readOnnx(FP32);
    const editor = new GraphEditor(model);
    // Cut the path: logits straight from an input-derived value with no residual Add before it.
    const head = editor.producer('logits');
    if (!head) throw new Error('fixture has no logits producer');
    head.input = ['attention_mask', ...(head.input ?? []).slice(1)];
    expect(() => sliceLastPositionLogits(editor)).toThrow(/residual Add/);
  });
});
