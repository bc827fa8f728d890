import type { OrtModule, ort } from './ort-runtime.ts';

/**
 * Past keys/values for one sequence: per layer a key and a value tensor of shape
 * [1, heads, length, headDim], in the order of the session's `past_key_values.*` inputs.
 * Under WebGPU they live on the GPU (`location === 'gpu-buffer'`).
 */
export interface KvCache {
  readonly length: number;
  readonly tensors: readonly ort.Tensor[];
}

/**
 * Keeps the first `length` positions. Used to reuse a shared prompt prefix:
 * for each head the first `length` rows are contiguous, so this is one copy per head.
 * GPU tensors are read back once for this (onnxruntime uploads the result on the next run).
 */
export async function truncateKvCache(module: OrtModule, cache: KvCache, length: number): Promise<KvCache> {
  if (length >= cache.length) return cache;
  const tensors = await Promise.all(
    cache.tensors.map(async (tensor) => {
      const [batch, heads, past, headDim] = tensor.dims as [number, number, number, number];
      const source = (tensor.location === 'gpu-buffer' ? await tensor.getData() : tensor.data) as Float32Array | Uint16Array;
      const Ctor = source.constructor as { new (length: number): Float32Array | Uint16Array };
      const out = new Ctor(batch * heads * length * headDim);
      const rowsIn = past * headDim;
      const rowsOut = length * headDim;
      for (let bh = 0; bh < batch * heads; bh++) {
        out.set(source.subarray(bh * rowsIn, bh * rowsIn + rowsOut), bh * rowsOut);
      }
      return new module.Tensor(tensor.type as 'float32', out as Float32Array, [batch, heads, length, headDim]);
    }),
  );
  return { length, tensors };
}

/**
 * Frees the memory of a cache that nothing refers to any more: GPU buffers (WebGPU) are
 * disposed; CPU tensors' ArrayBuffers are detached, which returns their memory at once.
 * A step makes a new set of `present.*` arrays (onnxruntime copies every output into fresh
 * ArrayBuffers: ≈ 9 MB per token for GPT-2-124M at 128 positions). Left to the garbage collector,
 * that churn forces a full mark-compact every few tokens, and each one marks the whole heap
 * (the tokenizer's tables included): about 20 % extra CPU per token on native onnxruntime.
 */
export function releaseKvCache(cache: KvCache | undefined, keep?: KvCache): void {
  if (!cache || cache === keep) return;
  for (const tensor of cache.tensors) {
    if (keep?.tensors.includes(tensor)) continue;
    if (tensor.location === 'gpu-buffer') tensor.dispose();
    else if (tensor.location === 'cpu') detach(tensor.data);
  }
}

type Transferable = ArrayBuffer & { transfer?: (length: number) => ArrayBuffer };

/** Detaches a typed array's buffer when the array is its sole view (never a WASM heap or a shared buffer). */
function detach(data: unknown): void {
  if (!ArrayBuffer.isView(data)) return;
  const buffer = data.buffer as Transferable;
  if (!(buffer instanceof ArrayBuffer) || typeof buffer.transfer !== 'function') return;
  if (data.byteOffset !== 0 || data.byteLength !== buffer.byteLength || buffer.byteLength === 0) return;
  try {
    buffer.transfer(0);
  } catch {
    // A buffer that cannot be detached (e.g. a WebAssembly.Memory's) is left to the garbage collector.
  }
}
