/**
 * The floor: a bare onnxruntime greedy loop over a hub-layout GPT-2 file, with
 * the same session options Cowrite uses, and nothing else (no tokenizer, no
 * processors, no streaming). The benchmark's anchor for Cowrite's own overhead, in
 * Node and in the browser pages alike: the caller passes the onnxruntime module
 * (Node entry, the plain WASM build in a page, or onnxruntime-node).
 */
import type * as Ort from 'onnxruntime-web';

export type OrtModule = typeof Ort;

export interface BareLoop {
  generate(promptIds: readonly number[], newTokens: number, onToken: (id: number) => void): Promise<void>;
}

/** `executionProvider` is `wasm` for onnxruntime-web, `cpu` for onnxruntime-node (same API). */
export async function createBareLoop(ort: OrtModule, bytes: Uint8Array, config: { n_head: number; n_embd: number }, executionProvider: 'wasm' | 'cpu' = 'wasm', threads?: number): Promise<BareLoop> {
  ort.env.logLevel = 'error';
  if (threads !== undefined && executionProvider === 'wasm') ort.env.wasm.numThreads = threads;
  const session = await ort.InferenceSession.create(bytes, {
    executionProviders: [executionProvider],
    graphOptimizationLevel: 'all',
    ...(threads !== undefined && executionProvider === 'cpu' ? { intraOpNumThreads: threads } : {}),
    // As Cowrite's native sessions (ort-runtime.ts): idle intra-op threads sleep instead of spinning.
    ...(executionProvider === 'cpu' ? { extra: { session: { 'intra_op.allow_spinning': '0' } } } : {}),
  });
  return greedyLoop(ort, session, config);
}

/** The bare greedy loop over a session someone else created (e.g. with session options under test). */
export function greedyLoop(ort: OrtModule, session: Ort.InferenceSession, config: { n_head: number; n_embd: number }): BareLoop {
  const pastNames = session.inputNames.filter((n) => n.startsWith('past_key_values.'));
  const headDim = config.n_embd / config.n_head;
  return {
    async generate(promptIds, newTokens, onToken) {
      let past: Ort.Tensor[] = pastNames.map(() => new ort.Tensor('float32', new Float32Array(0), [1, config.n_head, 0, headDim]));
      let ids = [...promptIds];
      let length = 0;
      for (let t = 0; t < newTokens; t++) {
        const total = length + ids.length;
        const feeds: Record<string, Ort.Tensor> = {
          input_ids: new ort.Tensor('int64', BigInt64Array.from(ids, BigInt), [1, ids.length]),
          attention_mask: new ort.Tensor('int64', new BigInt64Array(total).fill(1n), [1, total]),
          position_ids: new ort.Tensor('int64', BigInt64Array.from(ids, (_, i) => BigInt(length + i)), [1, ids.length]),
        };
        pastNames.forEach((name, i) => (feeds[name] = past[i]));
        const out = await session.run(feeds);
        const logits = out.logits.data as Float32Array;
        const vocab = out.logits.dims[2];
        // The last row: [batch, seq, vocab] for hub graphs, [batch, 1, vocab] for last-position graphs.
        const row = (out.logits.dims[1] - 1) * vocab;
        let best = 0;
        for (let i = 1; i < vocab; i++) if (logits[row + i] > logits[row + best]) best = i;
        past = pastNames.map((name) => out[name.replace('past_key_values.', 'present.')]);
        length = total;
        ids = [best];
        onToken(best);
      }
    },
  };
}
