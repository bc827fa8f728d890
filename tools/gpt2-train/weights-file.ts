/**
 * The weights file train.py writes and export.ts reads: `weights.json` (config and a tensor table) next to
 * `weights.bin` (the tensors, little-endian fp16, back to back), or its parts `weights.bin.000`, `.001`, … (listed
 * in `parts`; the GPU machine returns files of 16 MiB at most). Tensor names and layouts are Hugging Face
 * GPT-2's (`h.0.attn.c_attn.weight` is Conv1D's [in, out]), so a state dict converts by name alone.
 * fp16 halves what comes back from the training machine; export widens it to the fp32 the ONNX graph holds.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Gpt2Config, Gpt2LayerWeights, Gpt2Weights } from '../gpt2/weights.ts';
import { validateConfig } from '../gpt2/weights.ts';

export const WEIGHTS_FORMAT = 'cowrite-gpt2-weights/1';

export interface TensorEntry {
  name: string;
  shape: number[];
  /** Element offset into weights.bin (in fp16 values, not bytes). */
  offset: number;
}

export interface WeightsManifest {
  format: typeof WEIGHTS_FORMAT;
  dtype: 'float16';
  /** weights.bin in parts, concatenated in this order; absent = one weights.bin. */
  parts?: string[];
  config: { n_layer: number; n_head: number; n_embd: number; vocab_size: number; n_positions: number };
  tensors: TensorEntry[];
  /** Free-form facts from training (data, steps, losses), carried into the model card. */
  training?: Record<string, unknown>;
}

/** One tensor of the file: its name and shape, and where it lives in `Gpt2Weights`. */
export interface TensorSlot {
  name: string;
  shape: number[];
  get: (w: Gpt2Weights) => Float32Array;
  set: (w: Gpt2Weights, v: Float32Array) => void;
}

/** Every tensor of a GPT-2 with `config`, in file order. */
export function tensorLayout(config: Gpt2Config): TensorSlot[] {
  const e = config.nEmbd;
  const layerTensor = (l: number, name: string, shape: number[], key: keyof Gpt2LayerWeights): TensorSlot => ({
    name: `h.${l}.${name}`,
    shape,
    get: (w: Gpt2Weights) => w.layers[l][key],
    set: (w: Gpt2Weights, v: Float32Array) => {
      w.layers[l][key] = v;
    },
  });
  const layout: TensorSlot[] = [
    { name: 'wte.weight', shape: [config.vocabSize, e], get: (w: Gpt2Weights) => w.wte, set: (w: Gpt2Weights, v: Float32Array) => void (w.wte = v) },
    { name: 'wpe.weight', shape: [config.nPositions, e], get: (w: Gpt2Weights) => w.wpe, set: (w: Gpt2Weights, v: Float32Array) => void (w.wpe = v) },
  ];
  for (let l = 0; l < config.nLayer; l++) {
    layout.push(
      layerTensor(l, 'ln_1.weight', [e], 'ln1Gamma'),
      layerTensor(l, 'ln_1.bias', [e], 'ln1Beta'),
      layerTensor(l, 'attn.c_attn.weight', [e, 3 * e], 'attnW'),
      layerTensor(l, 'attn.c_attn.bias', [3 * e], 'attnB'),
      layerTensor(l, 'attn.c_proj.weight', [e, e], 'attnProjW'),
      layerTensor(l, 'attn.c_proj.bias', [e], 'attnProjB'),
      layerTensor(l, 'ln_2.weight', [e], 'ln2Gamma'),
      layerTensor(l, 'ln_2.bias', [e], 'ln2Beta'),
      layerTensor(l, 'mlp.c_fc.weight', [e, 4 * e], 'fcW'),
      layerTensor(l, 'mlp.c_fc.bias', [4 * e], 'fcB'),
      layerTensor(l, 'mlp.c_proj.weight', [4 * e, e], 'mlpProjW'),
      layerTensor(l, 'mlp.c_proj.bias', [e], 'mlpProjB'),
    );
  }
  layout.push(
    { name: 'ln_f.weight', shape: [e], get: (w: Gpt2Weights) => w.lnFGamma, set: (w: Gpt2Weights, v: Float32Array) => void (w.lnFGamma = v) },
    { name: 'ln_f.bias', shape: [e], get: (w: Gpt2Weights) => w.lnFBeta, set: (w: Gpt2Weights, v: Float32Array) => void (w.lnFBeta = v) },
  );
  return layout;
}

function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exponent = (h >> 10) & 0x1f;
  const fraction = h & 0x3ff;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 0x1f) return fraction ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}

/** Rounds to the nearest fp16 (ties to even), as PyTorch's `.half()` does; values past fp16's range become ±Infinity. */
export function floatToHalf(value: number): number {
  const f32 = new Float32Array([value]);
  const bits = new Uint32Array(f32.buffer)[0];
  const sign = (bits >>> 16) & 0x8000;
  const exponent = (bits >>> 23) & 0xff;
  let mantissa = bits & 0x7fffff;
  if (exponent === 0xff) return sign | 0x7c00 | (mantissa ? 0x200 : 0);
  let e = exponent - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign;
    mantissa |= 0x800000;
    const shift = 14 - e;
    const half = mantissa >> shift;
    const rest = mantissa & ((1 << shift) - 1);
    const midpoint = 1 << (shift - 1);
    return sign | (half + (rest > midpoint || (rest === midpoint && (half & 1)) ? 1 : 0));
  }
  const rest = mantissa & 0x1fff;
  let half = (e << 10) | (mantissa >> 13);
  if (rest > 0x1000 || (rest === 0x1000 && (half & 1))) half++;
  e = half >> 10;
  return sign | (e >= 0x1f ? 0x7c00 : half);
}

/** Reads a weights folder (weights.json + weights.bin) into fp32 `Gpt2Weights`. */
export function readWeightsFile(dir: string): { weights: Gpt2Weights; manifest: WeightsManifest } {
  const manifest = JSON.parse(readFileSync(join(dir, 'weights.json'), 'utf8')) as WeightsManifest;
  if (manifest.format !== WEIGHTS_FORMAT) throw new Error(`${dir}/weights.json: format "${manifest.format}", expected "${WEIGHTS_FORMAT}"`);
  if (manifest.dtype !== 'float16') throw new Error(`${dir}/weights.json: dtype "${manifest.dtype}", expected float16`);
  const c = manifest.config;
  const config: Gpt2Config = { nLayer: c.n_layer, nHead: c.n_head, nEmbd: c.n_embd, vocabSize: c.vocab_size, nPositions: c.n_positions, seed: 0 };
  validateConfig(config);
  const bytes = manifest.parts ? Buffer.concat(manifest.parts.map((part) => readFileSync(join(dir, part)))) : readFileSync(join(dir, 'weights.bin'));
  // A Uint16Array view needs an even byte offset; copy the (rare) buffer that does not start on one.
  const aligned = bytes.byteOffset % 2 === 0 ? bytes : Uint8Array.from(bytes);
  const halves = new Uint16Array(aligned.buffer, aligned.byteOffset, Math.floor(aligned.byteLength / 2));
  const byName = new Map(manifest.tensors.map((t) => [t.name, t]));
  const weights = { config, layers: Array.from({ length: config.nLayer }, () => ({})) } as Gpt2Weights;
  for (const tensor of tensorLayout(config)) {
    const entry = byName.get(tensor.name);
    if (!entry) throw new Error(`${dir}/weights.json: tensor ${tensor.name} is missing`);
    if (entry.shape.join('x') !== tensor.shape.join('x')) throw new Error(`${tensor.name}: shape ${entry.shape.join('x')}, expected ${tensor.shape.join('x')} for this config`);
    const length = tensor.shape.reduce((a, b) => a * b, 1);
    if (entry.offset + length > halves.length) throw new Error(`${tensor.name}: past the end of weights.bin`);
    const values = new Float32Array(length);
    for (let i = 0; i < length; i++) values[i] = halfToFloat(halves[entry.offset + i]);
    tensor.set(weights, values);
  }
  return { weights, manifest };
}

/** Writes `weights` in the format train.py writes (rounded to fp16): for tests and for re-exporting a model. */
export function writeWeightsFile(dir: string, weights: Gpt2Weights, training?: Record<string, unknown>): void {
  const c = weights.config;
  const layout = tensorLayout(c);
  const total = layout.reduce((sum, t) => sum + t.shape.reduce((a, b) => a * b, 1), 0);
  const halves = new Uint16Array(total);
  const tensors: TensorEntry[] = [];
  let offset = 0;
  for (const tensor of layout) {
    const values = tensor.get(weights);
    for (let i = 0; i < values.length; i++) halves[offset + i] = floatToHalf(values[i]);
    tensors.push({ name: tensor.name, shape: tensor.shape, offset });
    offset += values.length;
  }
  const manifest: WeightsManifest = {
    format: WEIGHTS_FORMAT,
    dtype: 'float16',
    config: { n_layer: c.nLayer, n_head: c.nHead, n_embd: c.nEmbd, vocab_size: c.vocabSize, n_positions: c.nPositions },
    tensors,
    ...(training ? { training } : {}),
  };
  writeFileSync(join(dir, 'weights.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(dir, 'weights.bin'), new Uint8Array(halves.buffer));
}
