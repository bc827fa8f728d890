/**
 * The bridge from train.py's weights to a model folder (tools/gpt2-train): fp16 rounding as PyTorch's `.half()`
 * rounds, the tensor table read back by name and shape, parts joined in order, and the logit check that stops an
 * export whose tensors are transposed or misnamed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkLogits } from '../../tools/gpt2-train/check-logits.ts';
import { floatToHalf, readWeightsFile, writeWeightsFile } from '../../tools/gpt2-train/weights-file.ts';
import type { WeightsManifest } from '../../tools/gpt2-train/weights-file.ts';
import { referenceForward } from '../../tools/gpt2/reference-forward.ts';
import { randomGpt2Weights } from '../../tools/gpt2/weights.ts';
import type { Gpt2Weights } from '../../tools/gpt2/weights.ts';

const CONFIG = { nLayer: 2, nHead: 2, nEmbd: 16, vocabSize: 50257, nPositions: 32, seed: 7 };
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'cowrite-weights-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** What the check in check.json holds: the top-50 logits of the last position. */
function checkOf(weights: Gpt2Weights, ids: number[]) {
  const logits = referenceForward(weights, ids).logits.at(-1)!;
  const top = [...logits.keys()].sort((a, b) => logits[b] - logits[a]).slice(0, 50);
  return { ids, top_ids: top, top_logits: top.map((id) => logits[id]) };
}

describe('fp16 rounding', () => {
  it('rounds to the nearest half, ties to even, as PyTorch does', () => {
    expect(floatToHalf(1)).toBe(0x3c00);
    expect(floatToHalf(-2)).toBe(0xc000);
    expect(floatToHalf(0.1)).toBe(0x2e66);
    expect(floatToHalf(65504)).toBe(0x7bff);
    expect(floatToHalf(1e6)).toBe(0x7c00);
    expect(floatToHalf(2 ** -24)).toBe(0x0001); // the smallest subnormal
    expect(floatToHalf(1e-9)).toBe(0);
    // 1 + 2^-11 lies halfway between 1 and the next half: ties go to the even mantissa (1).
    expect(floatToHalf(1 + 2 ** -11)).toBe(0x3c00);
    expect(floatToHalf(1 + 3 * 2 ** -11)).toBe(0x3c02);
  });
});

describe('the weights file', () => {
  it('reads back every tensor by name, rounded to fp16', () => {
    const dir = tempDir();
    const weights = randomGpt2Weights(CONFIG);
    writeWeightsFile(dir, weights, { note: 'test' });
    const { weights: read, manifest } = readWeightsFile(dir);
    expect(manifest.training).toEqual({ note: 'test' });
    expect(read.config).toMatchObject({ nLayer: 2, nHead: 2, nEmbd: 16, nPositions: 32 });
    // fp16 keeps about three significant digits.
    for (const [a, b] of [
      [weights.wte, read.wte],
      [weights.layers[1].attnW, read.layers[1].attnW],
      [weights.layers[0].mlpProjB, read.layers[0].mlpProjB],
      [weights.lnFGamma, read.lnFGamma],
    ] as const) {
      expect(b.length).toBe(a.length);
      for (let i = 0; i < a.length; i += 97) expect(Math.abs(b[i] - a[i])).toBeLessThanOrEqual(Math.abs(a[i]) * 2 ** -11 + 2 ** -24);
    }
  });

  it('joins weights.bin parts in the order weights.json lists them', () => {
    const dir = tempDir();
    writeWeightsFile(dir, randomGpt2Weights(CONFIG));
    const whole = readWeightsFile(dir).weights;
    const blob = readFileSync(join(dir, 'weights.bin'));
    rmSync(join(dir, 'weights.bin'));
    const cut = 1_000_001; // an odd byte count: a part may end inside an fp16 value
    writeFileSync(join(dir, 'weights.bin.000'), blob.subarray(0, cut));
    writeFileSync(join(dir, 'weights.bin.001'), blob.subarray(cut));
    const manifest = JSON.parse(readFileSync(join(dir, 'weights.json'), 'utf8')) as WeightsManifest;
    writeFileSync(join(dir, 'weights.json'), JSON.stringify({ ...manifest, parts: ['weights.bin.000', 'weights.bin.001'] }));
    const joined = readWeightsFile(dir).weights;
    expect(joined.lnFBeta).toEqual(whole.lnFBeta);
    expect(joined.layers[1].fcW).toEqual(whole.layers[1].fcW);
  });

  it('refuses a tensor whose shape does not fit the config', () => {
    const dir = tempDir();
    writeWeightsFile(dir, randomGpt2Weights(CONFIG));
    const manifest = JSON.parse(readFileSync(join(dir, 'weights.json'), 'utf8')) as WeightsManifest;
    const attn = manifest.tensors.find((t) => t.name === 'h.0.attn.c_attn.weight')!;
    attn.shape = [48, 16]; // nn.Linear's [out, in], not Conv1D's [in, out]
    writeFileSync(join(dir, 'weights.json'), JSON.stringify(manifest));
    expect(() => readWeightsFile(dir)).toThrow(/h\.0\.attn\.c_attn\.weight: shape 48x16, expected 16x48/);
  });
});

describe('the export check against PyTorch logits', () => {
  const ids = [464, 6843, 1204, 318, 1049, 290, 262, 4197];

  it('passes the weights that made the logits', () => {
    const weights = randomGpt2Weights(CONFIG);
    expect(checkLogits(weights, checkOf(weights, ids))).toBeLessThan(1e-6);
  });

  it('stops an export whose square projection was written untransposed', () => {
    const weights = randomGpt2Weights(CONFIG);
    const check = checkOf(weights, ids);
    const e = CONFIG.nEmbd;
    const proj = weights.layers[0].attnProjW;
    const transposed = new Float32Array(proj.length);
    for (let r = 0; r < e; r++) for (let c = 0; c < e; c++) transposed[c * e + r] = proj[r * e + c];
    weights.layers[0].attnProjW = transposed;
    expect(() => checkLogits(weights, check)).toThrow(/do not reproduce PyTorch's logits/);
  });
});
