/**
 * Builds a GPT-2 decoder ONNX graph with the hub (Optimum exporter) input/output layout:
 *   inputs  input_ids, attention_mask, position_ids, past_key_values.{i}.key|value
 *           (+ use_cache_branch in the legacy merged layout)
 *   outputs logits, present.{i}.key|value
 * Only standard ONNX ops at opset 17, all of which onnxruntime-web's WASM backend runs.
 *
 * dtype q8 (onnxruntime dynamic-quantization style, symmetric per-tensor int8 weights): the
 * c_attn, attn.c_proj, mlp.c_fc, mlp.c_proj and lm_head matrices become MatMulInteger, and wte
 * is stored int8 (Gather + DequantizeLinear). Staying fp32: all biases, LayerNorm gamma/beta and
 * wpe — small, and precision-sensitive in the norms.
 */
import { GraphBuilder, attr } from './onnx-builder.ts';
import { DataType } from './onnx-schema.ts';
import type { OnnxModel } from './onnx-schema.ts';
import { LAYER_NORM_EPSILON } from './weights.ts';
import type { Gpt2Weights } from './weights.ts';

/** Bumped whenever the bytes this generator writes change (fixtures are regenerated on mismatch). */
export const GENERATOR_VERSION = '1';
export const OPSET = 17;
/** IR version 8 is the one that goes with opset 17. */
const IR_VERSION = 8;

export type Gpt2Dtype = 'fp32' | 'q8';

export interface Gpt2GraphOptions {
  dtype: Gpt2Dtype;
  /** Old merged-decoder layout: adds the bool input `use_cache_branch` [1]. */
  legacy: boolean;
}

const BATCH = 'batch_size';
const SEQ = 'sequence_length';
const PAST = 'past_sequence_length';
const TOTAL = 'past_sequence_length + sequence_length';
/** Additive mask value: float32's lowest finite number, as transformers uses (torch.finfo.min). */
const MASKED = -3.4028234663852886e38;

interface Int8Quantized {
  values: Int8Array;
  scale: number;
}

/** Symmetric per-tensor int8 (zero point 0), as onnxruntime's dynamic quantizer does for QInt8 weights. */
export function quantizeInt8(weights: Float32Array): Int8Quantized {
  let maxAbs = 0;
  for (let i = 0; i < weights.length; i++) maxAbs = Math.max(maxAbs, Math.abs(weights[i]));
  const scale = maxAbs === 0 ? 1 : maxAbs / 127;
  const values = new Int8Array(weights.length);
  for (let i = 0; i < weights.length; i++) values[i] = Math.max(-127, Math.min(127, Math.round(weights[i] / scale)));
  return { values, scale };
}

/** Row-major [rows, cols] → [cols, rows]. */
function transpose<T extends Float32Array | Int8Array>(data: T, rows: number, cols: number, out: T): T {
  for (let r = 0; r < rows; r++) {
    const rowOffset = r * cols;
    for (let c = 0; c < cols; c++) out[c * rows + r] = data[rowOffset + c];
  }
  return out;
}

export function buildGpt2Model(weights: Gpt2Weights, options: Gpt2GraphOptions): OnnxModel {
  const { nLayer, nHead, nEmbd, vocabSize } = weights.config;
  const headDim = nEmbd / nHead;
  const quantized = options.dtype === 'q8';
  const g = new GraphBuilder();

  // ---- inputs and outputs (declaration order = the order sessions list them)
  const inputIds = g.input('input_ids', DataType.INT64, [BATCH, SEQ]);
  const attentionMask = g.input('attention_mask', DataType.INT64, [BATCH, TOTAL]);
  const positionIds = g.input('position_ids', DataType.INT64, [BATCH, SEQ]);
  for (let i = 0; i < nLayer; i++) {
    g.input(`past_key_values.${i}.key`, DataType.FLOAT, [BATCH, nHead, PAST, headDim]);
    g.input(`past_key_values.${i}.value`, DataType.FLOAT, [BATCH, nHead, PAST, headDim]);
  }
  const useCacheBranch = options.legacy ? g.input('use_cache_branch', DataType.BOOL, [1]) : undefined;
  g.output('logits', DataType.FLOAT, [BATCH, SEQ, vocabSize]);
  for (let i = 0; i < nLayer; i++) {
    g.output(`present.${i}.key`, DataType.FLOAT, [BATCH, nHead, TOTAL, headDim]);
    g.output(`present.${i}.value`, DataType.FLOAT, [BATCH, nHead, TOTAL, headDim]);
  }

  // ---- shared constants
  const zero = g.scalar('const_zero', 0);
  const one = g.scalar('const_one', 1);
  const half = g.scalar('const_half', 0.5);
  const masked = g.scalar('const_masked', MASKED);
  const geluCubic = g.scalar('const_gelu_cubic', 0.044715);
  const geluScale = g.scalar('const_gelu_scale', Math.sqrt(2 / Math.PI));
  const attentionScale = g.scalar('const_attention_scale', 1 / Math.sqrt(headDim));
  const i64Zero = g.int64s('const_i64_zero', [0], []);
  const i64One = g.int64s('const_i64_one', [1], []);
  const axis1 = g.int64s('const_axes_1', [1]);
  const axes12 = g.int64s('const_axes_1_2', [1, 2]);
  const splitQkv = g.int64s('const_split_qkv', [nEmbd, nEmbd, nEmbd]);
  const toHeads = g.int64s('const_shape_heads', [0, 0, nHead, headDim]);
  const fromHeads = g.int64s('const_shape_merge_heads', [0, 0, nEmbd]);

  // ---- attention bias [batch, 1, seq, total]: 0 where a query may attend, MASKED elsewhere.
  // Causal: key position <= query position, where queries sit at past .. past+seq-1.
  g.scope = '/mask';
  const idsShape = g.op('Shape', [inputIds]); // [B, S]
  const seqLen = g.op('Gather', [idsShape, i64One], [attr.int('axis', 0)]);
  const totalLen = g.op('Gather', [g.op('Shape', [attentionMask]), i64One], [attr.int('axis', 0)]);
  const pastLen = g.op('Sub', [totalLen, seqLen]);
  const keyPositions = g.op('Range', [i64Zero, totalLen, i64One]); // [T]
  const queryPositions = g.op('Unsqueeze', [g.op('Range', [pastLen, totalLen, i64One]), axis1]); // [S, 1]
  const causal = g.op('LessOrEqual', [keyPositions, queryPositions]); // [S, T]
  const notPadding = g.op('Unsqueeze', [g.op('Cast', [attentionMask], [attr.int('to', DataType.BOOL)]), axes12]); // [B,1,1,T]
  const allowed = g.op('And', [causal, notPadding]); // [B, 1, S, T]
  let attentionBias = g.op('Where', [allowed, zero, masked]);
  if (useCacheBranch) {
    // The merged layout's flag. With an empty past both of its branches compute the same thing,
    // so it only has to be consumed: adding 0·flag keeps it a real, listed graph input.
    const flagAsZero = g.op('Mul', [g.op('Cast', [useCacheBranch], [attr.int('to', DataType.FLOAT)]), zero]);
    attentionBias = g.op('Add', [attentionBias, flagAsZero]);
  }

  // ---- projections. fp32: Reshape → Gemm → Reshape, as GPT-2's Conv1D exports (addmm).
  // q8: DynamicQuantizeLinear → MatMulInteger → Cast → Mul(scales) → Add(bias), as in
  // onnxruntime's dynamic quantization of MatMul weights.
  const outShapes = new Map<number, string>();
  const outShape = (width: number): string => {
    let shape = outShapes.get(width);
    if (!shape) {
      const saved = g.scope;
      g.scope = `/shape_${width}`;
      shape = g.op('Concat', [idsShape, g.int64s(`const_width_${width}`, [width])], [attr.int('axis', 0)]);
      g.scope = saved;
      outShapes.set(width, shape);
    }
    return shape;
  };
  const flatten = new Map<number, string>();
  const flatShape = (width: number): string => {
    let shape = flatten.get(width);
    if (!shape) flatten.set(width, (shape = g.int64s(`const_flat_${width}`, [-1, width])));
    return shape;
  };

  const quantizedMatMul = (x: string, name: string, w: Float32Array, rows: number, cols: number, outputName?: string): string => {
    const q = quantizeInt8(w);
    const wq = g.initializer(`${name}_quantized`, q.values, [rows, cols]);
    const wScale = g.scalar(`${name}_scale`, q.scale);
    const wZeroPoint = g.initializer(`${name}_zero_point`, new Int8Array(1), []);
    const [xq, xScale, xZeroPoint] = g.opN('DynamicQuantizeLinear', [x], 3);
    const product = g.op('MatMulInteger', [xq, wq, xZeroPoint, wZeroPoint]);
    const asFloat = g.op('Cast', [product], [attr.int('to', DataType.FLOAT)]);
    const scale = g.op('Mul', [xScale, wScale]);
    if (outputName) return g.node('Mul', [asFloat, scale], [outputName])[0];
    return g.op('Mul', [asFloat, scale]);
  };

  const linear = (x: string, name: string, w: Float32Array, b: Float32Array, inWidth: number, outWidth: number): string => {
    const bias = g.initializer(`${name}.bias`, b, [outWidth]);
    if (quantized) return g.op('Add', [quantizedMatMul(x, `${name}.weight`, w, inWidth, outWidth), bias]);
    const weight = g.initializer(`${name}.weight`, w, [inWidth, outWidth]);
    const flat = g.op('Reshape', [x, flatShape(inWidth)]);
    const product = g.op('Gemm', [flat, weight, bias], [attr.float('alpha', 1), attr.float('beta', 1)]);
    return g.op('Reshape', [product, outShape(outWidth)]);
  };

  const layerNorm = (x: string, name: string, gamma: Float32Array, beta: Float32Array): string =>
    g.op('LayerNormalization', [x, g.initializer(`${name}.weight`, gamma, [nEmbd]), g.initializer(`${name}.bias`, beta, [nEmbd])], [
      attr.int('axis', -1),
      attr.float('epsilon', LAYER_NORM_EPSILON),
    ]);

  /** gelu_new: 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))). */
  const geluNew = (x: string): string => {
    const cube = g.op('Mul', [g.op('Mul', [x, x]), x]);
    const inner = g.op('Mul', [g.op('Add', [x, g.op('Mul', [cube, geluCubic])]), geluScale]);
    return g.op('Mul', [g.op('Mul', [x, half]), g.op('Add', [g.op('Tanh', [inner]), one])]);
  };

  /** [B, S, E] → [B, H, S, D] */
  const splitHeads = (x: string): string => g.op('Transpose', [g.op('Reshape', [x, toHeads])], [attr.ints('perm', [0, 2, 1, 3])]);

  // ---- embeddings. q8 keeps wte as int8 (Gather + DequantizeLinear); wpe stays fp32 (small).
  g.scope = '/embeddings';
  let tokenEmbeddings: string;
  if (quantized) {
    const q = quantizeInt8(weights.wte);
    const wte = g.initializer('transformer.wte.weight_quantized', q.values, [vocabSize, nEmbd]);
    const gathered = g.op('Gather', [wte, inputIds], [attr.int('axis', 0)]);
    tokenEmbeddings = g.op('DequantizeLinear', [
      gathered,
      g.scalar('transformer.wte.weight_scale', q.scale),
      g.initializer('transformer.wte.weight_zero_point', new Int8Array(1), []),
    ]);
  } else {
    const wte = g.initializer('transformer.wte.weight', weights.wte, [vocabSize, nEmbd]);
    tokenEmbeddings = g.op('Gather', [wte, inputIds], [attr.int('axis', 0)]);
  }
  const wpe = g.initializer('transformer.wpe.weight', weights.wpe, [weights.config.nPositions, nEmbd]);
  let hidden = g.op('Add', [tokenEmbeddings, g.op('Gather', [wpe, positionIds], [attr.int('axis', 0)])]);

  // ---- transformer blocks
  weights.layers.forEach((layer, i) => {
    const prefix = `transformer.h.${i}`;
    g.scope = `/h.${i}/attn`;
    const normed = layerNorm(hidden, `${prefix}.ln_1`, layer.ln1Gamma, layer.ln1Beta);
    const qkv = linear(normed, `${prefix}.attn.c_attn`, layer.attnW, layer.attnB, nEmbd, 3 * nEmbd);
    const [q, k, v] = g.opN('Split', [qkv, splitQkv], 3, [attr.int('axis', 2)]);
    const [presentKey] = g.node('Concat', [`past_key_values.${i}.key`, splitHeads(k)], [`present.${i}.key`], [attr.int('axis', 2)]);
    const [presentValue] = g.node('Concat', [`past_key_values.${i}.value`, splitHeads(v)], [`present.${i}.value`], [
      attr.int('axis', 2),
    ]);
    const keysT = g.op('Transpose', [presentKey], [attr.ints('perm', [0, 1, 3, 2])]);
    const scores = g.op('Mul', [g.op('MatMul', [splitHeads(q), keysT]), attentionScale]);
    const probs = g.op('Softmax', [g.op('Add', [scores, attentionBias])], [attr.int('axis', -1)]);
    const context = g.op('MatMul', [probs, presentValue]); // [B, H, S, D]
    const merged = g.op('Reshape', [g.op('Transpose', [context], [attr.ints('perm', [0, 2, 1, 3])]), fromHeads]);
    hidden = g.op('Add', [hidden, linear(merged, `${prefix}.attn.c_proj`, layer.attnProjW, layer.attnProjB, nEmbd, nEmbd)]);

    g.scope = `/h.${i}/mlp`;
    const normed2 = layerNorm(hidden, `${prefix}.ln_2`, layer.ln2Gamma, layer.ln2Beta);
    const up = geluNew(linear(normed2, `${prefix}.mlp.c_fc`, layer.fcW, layer.fcB, nEmbd, 4 * nEmbd));
    hidden = g.op('Add', [hidden, linear(up, `${prefix}.mlp.c_proj`, layer.mlpProjW, layer.mlpProjB, 4 * nEmbd, nEmbd)]);
  });

  // ---- final norm and tied lm_head. Like the hub export, the head holds its own [embd, vocab]
  // copy of wte (transposed) and runs as a plain MatMul; q8 quantizes that copy too.
  g.scope = '/lm_head';
  const finalNormed = layerNorm(hidden, 'transformer.ln_f', weights.lnFGamma, weights.lnFBeta);
  const lmHead = transpose(weights.wte, vocabSize, nEmbd, new Float32Array(weights.wte.length));
  if (quantized) quantizedMatMul(finalNormed, 'lm_head.weight', lmHead, nEmbd, vocabSize, 'logits');
  else g.node('MatMul', [finalNormed, g.initializer('lm_head.weight', lmHead, [nEmbd, vocabSize])], ['logits']);

  return {
    irVersion: IR_VERSION,
    opsetImport: [{ domain: '', version: OPSET }],
    producerName: 'cowrite-gpt2-generator',
    producerVersion: GENERATOR_VERSION,
    docString: `GPT-2 decoder with seeded random weights (seed ${weights.config.seed}); ${options.dtype}${options.legacy ? ', merged layout' : ''}`,
    graph: g.build(options.legacy ? 'decoder_model_merged' : 'main_graph'),
  };
}
