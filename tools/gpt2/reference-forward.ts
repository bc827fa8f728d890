/**
 * A plain TypeScript GPT-2 forward pass over `Gpt2Weights`: one sequence, written for clarity,
 * not speed. Tests use it as the ground truth for the ONNX graphs, with and without a KV cache.
 */
import { LAYER_NORM_EPSILON } from './weights.ts';
import type { Gpt2Weights } from './weights.ts';

/** Per layer, the key and value vectors ([embd], all heads side by side) of every position so far. */
export interface ReferenceKvCache {
  keys: Float32Array[][];
  values: Float32Array[][];
}

export interface ReferenceResult {
  /** One [vocab] row of logits per input token. */
  logits: Float32Array[];
  cache: ReferenceKvCache;
}

function layerNorm(x: Float32Array, gamma: Float32Array, beta: Float32Array): Float32Array {
  let mean = 0;
  for (const v of x) mean += v;
  mean /= x.length;
  let variance = 0;
  for (const v of x) variance += (v - mean) ** 2;
  variance /= x.length;
  const inv = 1 / Math.sqrt(variance + LAYER_NORM_EPSILON);
  return x.map((v, i) => (v - mean) * inv * gamma[i] + beta[i]);
}

/** y = x·W + b with W row-major [in, out] (Hugging Face Conv1D). */
function linear(x: Float32Array, w: Float32Array, b: Float32Array): Float32Array {
  const out = Float64Array.from(b);
  const width = b.length;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i];
    const row = i * width;
    for (let j = 0; j < width; j++) out[j] += xi * w[row + j];
  }
  return Float32Array.from(out);
}

function geluNew(x: number): number {
  return 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3)));
}

/**
 * Runs `tokenIds` after whatever `cache` already holds. Positions continue from the cache
 * length unless `positions` is given. The cache passed in is not modified.
 */
export function referenceForward(
  weights: Gpt2Weights,
  tokenIds: readonly number[],
  cache?: ReferenceKvCache,
  positions?: readonly number[],
): ReferenceResult {
  const { nEmbd: e, nHead, vocabSize } = weights.config;
  const headDim = e / nHead;
  const keys = weights.layers.map((_, l) => [...(cache?.keys[l] ?? [])]);
  const values = weights.layers.map((_, l) => [...(cache?.values[l] ?? [])]);
  const pastLength = keys[0]?.length ?? 0;

  let hidden = tokenIds.map((token, t) => {
    const position = positions?.[t] ?? pastLength + t;
    const row = new Float32Array(e);
    for (let i = 0; i < e; i++) row[i] = weights.wte[token * e + i] + weights.wpe[position * e + i];
    return row;
  });

  weights.layers.forEach((layer, l) => {
    const queries: Float32Array[] = [];
    for (const x of hidden) {
      const qkv = linear(layerNorm(x, layer.ln1Gamma, layer.ln1Beta), layer.attnW, layer.attnB);
      queries.push(qkv.slice(0, e));
      keys[l].push(qkv.slice(e, 2 * e));
      values[l].push(qkv.slice(2 * e, 3 * e));
    }
    hidden = hidden.map((x, t) => {
      const visible = pastLength + t + 1; // causal: keys 0 .. own position
      const context = new Float32Array(e);
      for (let h = 0; h < nHead; h++) {
        const offset = h * headDim;
        const scores: number[] = [];
        for (let j = 0; j < visible; j++) {
          let dot = 0;
          for (let d = 0; d < headDim; d++) dot += queries[t][offset + d] * keys[l][j][offset + d];
          scores.push(dot / Math.sqrt(headDim));
        }
        const max = Math.max(...scores);
        const exps = scores.map((s) => Math.exp(s - max));
        const sum = exps.reduce((a, b) => a + b, 0);
        for (let j = 0; j < visible; j++) {
          const p = exps[j] / sum;
          for (let d = 0; d < headDim; d++) context[offset + d] += p * values[l][j][offset + d];
        }
      }
      const attended = linear(context, layer.attnProjW, layer.attnProjB);
      const afterAttention = x.map((v, i) => v + attended[i]);
      const up = linear(layerNorm(afterAttention, layer.ln2Gamma, layer.ln2Beta), layer.fcW, layer.fcB).map(geluNew);
      const down = linear(up, layer.mlpProjW, layer.mlpProjB);
      return afterAttention.map((v, i) => v + down[i]);
    });
  });

  const logits = hidden.map((x) => {
    const normed = layerNorm(x, weights.lnFGamma, weights.lnFBeta);
    const row = new Float32Array(vocabSize);
    for (let v = 0; v < vocabSize; v++) {
      let dot = 0;
      for (let i = 0; i < e; i++) dot += normed[i] * weights.wte[v * e + i]; // tied lm_head = wteᵀ
      row[v] = dot;
    }
    return row;
  });
  return { logits, cache: { keys, values } };
}
