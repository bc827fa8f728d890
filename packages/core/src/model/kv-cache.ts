import { ort } from './ort-runtime.ts';

/**
 * Past keys/values for one sequence: per layer a key and a value tensor of shape
 * [1, heads, length, headDim], in the order of the session's `past_key_values.*` inputs.
 */
export interface KvCache {
  readonly length: number;
  readonly tensors: readonly ort.Tensor[];
}

/**
 * Keeps the first `length` positions. Used to reuse a shared prompt prefix:
 * for each head the first `length` rows are contiguous, so this is one copy per head.
 */
export function truncateKvCache(cache: KvCache, length: number): KvCache {
  if (length >= cache.length) return cache;
  const tensors = cache.tensors.map((tensor) => {
    const [batch, heads, past, headDim] = tensor.dims as [number, number, number, number];
    const source = tensor.data as Float32Array | Uint16Array;
    const Ctor = source.constructor as { new (length: number): Float32Array | Uint16Array };
    const out = new Ctor(batch * heads * length * headDim);
    const rowsIn = past * headDim;
    const rowsOut = length * headDim;
    for (let bh = 0; bh < batch * heads; bh++) {
      out.set(source.subarray(bh * rowsIn, bh * rowsIn + rowsOut), bh * rowsOut);
    }
    return new ort.Tensor(tensor.type as 'float32', out as Float32Array, [batch, heads, length, headDim]);
  });
  return { length, tensors };
}
