/**
 * Proves that the generated GPT-2 ONNX files compute GPT-2: onnxruntime-web (WASM, Node) against
 * the pure-TypeScript reference forward pass over the same seeded weights.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as ort from 'onnxruntime-web';
import { Tokenizer } from '@huggingface/tokenizers';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_MODELS_DIR, TINY_GPT2_CONFIG, ensureFixtures, tinyGpt2Weights } from '../../tools/gpt2/make-fixtures.ts';
import { decodeModel, encodeModel } from '../../tools/gpt2/onnx-schema.ts';
import { referenceForward } from '../../tools/gpt2/reference-forward.ts';
import { buildGpt2TokenizerFiles } from '../../tools/gpt2/tokenizer-files.ts';
import { randomGpt2Weights } from '../../tools/gpt2/weights.ts';
import type { Gpt2Weights } from '../../tools/gpt2/weights.ts';
import { encodeGpt2Onnx } from '../../tools/gpt2/write-model-dir.ts';

ort.env.wasm.numThreads = 1;

const { nLayer, nHead, nEmbd, vocabSize } = TINY_GPT2_CONFIG;
const headDim = nEmbd / nHead;
const PAD = 50256;

type Feeds = Record<string, ort.Tensor>;
type Outputs = ort.InferenceSession.OnnxValueMapType;

const int64 = (rows: readonly (readonly number[])[]) =>
  new ort.Tensor('int64', BigInt64Array.from(rows.flat(), (v) => BigInt(v)), [rows.length, rows[0].length]);

/** Feeds for one step. Without `past`, every past_key_values.* is an empty [batch, heads, 0, headDim]. */
function feedsFor(ids: number[][], mask: number[][], positions: number[][], past?: Outputs, useCacheBranch?: boolean): Feeds {
  const feeds: Feeds = { input_ids: int64(ids), attention_mask: int64(mask), position_ids: int64(positions) };
  for (let i = 0; i < nLayer; i++) {
    for (const kind of ['key', 'value']) {
      feeds[`past_key_values.${i}.${kind}`] =
        past?.[`present.${i}.${kind}`] ?? new ort.Tensor('float32', new Float32Array(0), [ids.length, nHead, 0, headDim]);
    }
  }
  if (useCacheBranch !== undefined) feeds.use_cache_branch = new ort.Tensor('bool', [useCacheBranch], [1]);
  return feeds;
}

/** Feeds for unpadded sequences starting at position 0. */
function promptFeeds(ids: number[][], useCacheBranch?: boolean): Feeds {
  const mask = ids.map((row) => row.map(() => 1));
  const positions = ids.map((row) => row.map((_, i) => i));
  return feedsFor(ids, mask, positions, undefined, useCacheBranch);
}

function logitsRow(output: ort.Tensor, batch: number, position: number): Float32Array {
  const [, seq, vocab] = output.dims;
  return (output.data as Float32Array).subarray((batch * seq + position) * vocab, (batch * seq + position + 1) * vocab);
}

function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
  return max;
}

function argmax(row: Float32Array): number {
  let best = 0;
  for (let i = 1; i < row.length; i++) if (row[i] > row[best]) best = i;
  return best;
}

/** Token ids of a text (typed: the tokenizer's own typings leave them loose). */
const encode = (text: string): number[] => Array.from(tokenizer.encode(text).ids as ArrayLike<number>);

const modelPath = (dir: string, file: string) => join(FIXTURE_MODELS_DIR, dir, 'onnx', file);

let weights: Gpt2Weights;
let tokenizer: Tokenizer;
let fp32: ort.InferenceSession;

beforeAll(async () => {
  await ensureFixtures();
  weights = tinyGpt2Weights();
  const files = await buildGpt2TokenizerFiles();
  tokenizer = new Tokenizer(JSON.parse(files['tokenizer.json']), JSON.parse(files['tokenizer_config.json']));
  fp32 = await ort.InferenceSession.create(modelPath('tiny-gpt2', 'model.onnx'));
});

describe('generated GPT-2 ONNX (tiny fixture) in onnxruntime-web', () => {
  it('has the hub input/output layout', () => {
    const past = Array.from({ length: nLayer }, (_, i) => [`past_key_values.${i}.key`, `past_key_values.${i}.value`]).flat();
    const present = Array.from({ length: nLayer }, (_, i) => [`present.${i}.key`, `present.${i}.value`]).flat();
    expect(fp32.inputNames).toEqual(['input_ids', 'attention_mask', 'position_ids', ...past]);
    expect(fp32.outputNames).toEqual(['logits', ...present]);
  });

  it('(a) computes the reference logits for a prompt with an empty past', async () => {
    const ids = encode('This is a new product, it is');
    expect(ids).toEqual([1212, 318, 257, 649, 1720, 11, 340, 318]);
    const out = await fp32.run(promptFeeds([ids]));
    expect(out.logits.dims).toEqual([1, ids.length, vocabSize]);
    expect(out['present.1.value'].dims).toEqual([1, nHead, ids.length, headDim]);
    const reference = referenceForward(weights, ids);
    const errors = ids.map((_, t) => maxAbsDiff(logitsRow(out.logits, 0, t), reference.logits[t]));
    console.log(`fp32 vs reference: max |Δlogit| ${Math.max(...errors).toExponential(2)}`);
    expect(Math.max(...errors)).toBeLessThan(1e-4);
  });

  it('(b) gives the same next-token logits with the KV cache as with a full recompute', async () => {
    const ids = encode('Soft cotton, true to size, and');
    const next = 3621;
    const first = await fp32.run(promptFeeds([ids]));
    const total = ids.length + 1;
    const step = await fp32.run(feedsFor([[next]], [Array(total).fill(1)], [[ids.length]], first));
    expect(step['present.0.key'].dims).toEqual([1, nHead, total, headDim]);
    const full = await fp32.run(promptFeeds([[...ids, next]]));
    const cachedLogits = logitsRow(step.logits, 0, 0);
    expect(maxAbsDiff(cachedLogits, logitsRow(full.logits, 0, ids.length))).toBeLessThan(1e-5);
    // and the cache itself holds what a full run computes
    expect(maxAbsDiff(step['present.1.value'].data as Float32Array, full['present.1.value'].data as Float32Array)).toBeLessThan(1e-5);
    const reference = referenceForward(weights, [next], referenceForward(weights, ids).cache);
    expect(maxAbsDiff(cachedLogits, reference.logits[0])).toBeLessThan(1e-4);
  });

  it('(c) honours attention_mask for a left-padded batch of 2, on the prompt and on the next step', async () => {
    const long = encode('The fabric feels great and the colour is');
    const short = encode('Fast delivery, would');
    const padCount = long.length - short.length;
    expect(padCount).toBeGreaterThan(0);
    const ids = [long, [...Array(padCount).fill(PAD), ...short]];
    const mask = [long.map(() => 1), [...Array(padCount).fill(0), ...short.map(() => 1)]];
    // Hugging Face's position ids for left padding: cumsum(mask) - 1, pads set to 1.
    const positions = mask.map((row) => {
      let seen = 0;
      return row.map((m) => (m ? seen++ : 1));
    });
    const out = await fp32.run(feedsFor(ids, mask, positions));
    const refLong = referenceForward(weights, long);
    const refShort = referenceForward(weights, short);
    long.forEach((_, t) => expect(maxAbsDiff(logitsRow(out.logits, 0, t), refLong.logits[t])).toBeLessThan(1e-4));
    short.forEach((_, t) => expect(maxAbsDiff(logitsRow(out.logits, 1, padCount + t), refShort.logits[t])).toBeLessThan(1e-4));

    const nextTokens = [262, 2822];
    const stepMask = mask.map((row) => [...row, 1]);
    const step = await fp32.run(feedsFor([[nextTokens[0]], [nextTokens[1]]], stepMask, [[long.length], [short.length]], out));
    const refLongNext = referenceForward(weights, [nextTokens[0]], refLong.cache);
    const refShortNext = referenceForward(weights, [nextTokens[1]], refShort.cache);
    expect(maxAbsDiff(logitsRow(step.logits, 0, 0), refLongNext.logits[0])).toBeLessThan(1e-4);
    expect(maxAbsDiff(logitsRow(step.logits, 1, 0), refShortNext.logits[0])).toBeLessThan(1e-4);
  });

  it('(d) loads the legacy merged file, lists use_cache_branch, and gives the same logits', async () => {
    const ids = [encode('Great value for the price')];
    const expected = (await fp32.run(promptFeeds(ids))).logits.data as Float32Array;
    for (const file of ['decoder_model_merged.onnx', 'decoder_model_merged_quantized.onnx']) {
      const legacy = await ort.InferenceSession.create(modelPath('tiny-gpt2-legacy', file));
      expect(legacy.inputNames).toContain('use_cache_branch');
      const out = await legacy.run(promptFeeds(ids, false));
      const tolerance = file.includes('quantized') ? 0.05 : 1e-6;
      expect(maxAbsDiff(out.logits.data as Float32Array, expected)).toBeLessThan(tolerance);
      await legacy.release();
    }
    // without the flag the merged file must refuse to run: it is a real input
    const legacy = await ort.InferenceSession.create(modelPath('tiny-gpt2-legacy', 'decoder_model_merged.onnx'));
    await expect(legacy.run(promptFeeds(ids))).rejects.toThrow(/use_cache_branch/);
    await legacy.release();
  });

  it('(e) keeps the int8 file close to fp32', async () => {
    const q8 = await ort.InferenceSession.create(modelPath('tiny-gpt2', 'model_quantized.onnx'));
    const prompts = [
      'This is a new product, it is',
      'The shoes arrived on time and',
      'I would buy this again because',
      'Battery life is shorter than',
      'My daughter loves the',
      'Zipper broke after two weeks, so',
    ];
    let maxError = 0;
    let logitSpread = 0;
    let agree = 0;
    for (const prompt of prompts) {
      const ids = [encode(prompt)];
      const last = ids[0].length - 1;
      const a = logitsRow((await fp32.run(promptFeeds(ids))).logits, 0, last);
      const b = logitsRow((await q8.run(promptFeeds(ids))).logits, 0, last);
      maxError = Math.max(maxError, maxAbsDiff(a, b));
      logitSpread = Math.max(logitSpread, Math.max(...a) - Math.min(...a));
      if (argmax(a) === argmax(b)) agree++;
    }
    console.log(
      `int8 vs fp32 (tiny): max |Δlogit| ${maxError.toFixed(4)} (fp32 logit range ${logitSpread.toFixed(3)}), ` +
        `greedy next token agrees ${agree}/${prompts.length}`,
    );
    expect(maxError).toBeLessThan(0.05 * logitSpread);
    expect(agree).toBeGreaterThanOrEqual(prompts.length - 2);
    await q8.release();
  });

  it('(f) writes the same bytes for the same seed, different bytes for another seed', async () => {
    const onDisk = new Uint8Array(await readFile(modelPath('tiny-gpt2', 'model.onnx')));
    const again = encodeGpt2Onnx(tinyGpt2Weights(), 'fp32', false);
    expect(Buffer.from(again).equals(onDisk)).toBe(true);
    const q8OnDisk = new Uint8Array(await readFile(modelPath('tiny-gpt2', 'model_quantized.onnx')));
    expect(Buffer.from(encodeGpt2Onnx(tinyGpt2Weights(), 'q8', false)).equals(q8OnDisk)).toBe(true);
    const otherSeed = encodeGpt2Onnx(randomGpt2Weights({ ...TINY_GPT2_CONFIG, seed: TINY_GPT2_CONFIG.seed + 1 }), 'fp32', false);
    expect(otherSeed.length).toBe(onDisk.length);
    expect(Buffer.from(otherSeed).equals(onDisk)).toBe(false);
  });

  it('decodes its own files and re-encodes them byte for byte', async () => {
    const bytes = new Uint8Array(await readFile(modelPath('tiny-gpt2-legacy', 'decoder_model_merged_quantized.onnx')));
    const model = decodeModel(bytes);
    expect(model.opsetImport).toEqual([{ version: 17 }]);
    const input = model.graph.input?.find((v) => v.name === 'attention_mask');
    expect(input?.type?.tensorType?.shape?.dim).toEqual([{ dimParam: 'batch_size' }, { dimParam: 'past_sequence_length + sequence_length' }]);
    const ops = new Set(model.graph.node?.map((n) => n.opType));
    for (const op of ['DynamicQuantizeLinear', 'MatMulInteger', 'DequantizeLinear']) expect(ops.has(op)).toBe(true);
    expect(ops.has('Gemm')).toBe(false);
    const wq = model.graph.initializer?.find((t) => t.name === 'transformer.h.0.mlp.c_fc.weight_quantized');
    expect(wq?.dims).toEqual([nEmbd, 4 * nEmbd]);
    expect(wq?.rawData?.length).toBe(nEmbd * 4 * nEmbd);
    expect(Buffer.from(encodeModel(model)).equals(bytes)).toBe(true);
  });
});
