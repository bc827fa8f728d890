import { throwIfAborted } from '../errors/cowrite-error.ts';
import type { DecodingSession } from '../contracts/decoding-session.ts';
import type { Gpt2Decoder } from './decoder.ts';
import { type KvCache, releaseKvCache, truncateKvCache } from './kv-cache.ts';
import { yieldToEventLoop } from '../runtime/yield-to-event-loop.ts';

/**
 * Opens decoding sessions on one decoder and keeps the keys/values of the last
 * sequence, so a new prompt that shares a token prefix with it (the next keystroke
 * in a review draft, a template's fixed few-shot head) only runs its new tokens.
 * Prompts are fed in chunks: a hub graph computes logits for every position, and
 * 512 positions × 50,257 floats would be a 100 MB allocation in one run. Graphs that
 * project only the last position (tools/optimize) take the whole prompt at once.
 */
export class CachedDecoding {
  readonly #decoder: Gpt2Decoder;
  readonly #prefillChunk: number;
  #ids: number[] = [];
  #cache: KvCache | undefined;

  constructor(decoder: Gpt2Decoder, prefillChunk = 128) {
    this.#decoder = decoder;
    this.#prefillChunk = prefillChunk;
  }

  /** Forgets the cached sequence (e.g. to measure a cold prompt). */
  clear(): void {
    this.#ids = [];
    this.#cache = undefined;
  }

  /** Frees the cached sequence's GPU memory too (WebGPU); used when the model is disposed. */
  release(): void {
    releaseKvCache(this.#cache);
    this.clear();
  }

  /** Tokens the last `start` took from the cache instead of running them. */
  lastReusedTokens = 0;

  open(): DecodingSession {
    const decoder = this.#decoder;
    let ids: number[] = [];
    let cache: KvCache = decoder.emptyCache();
    const commit = () => {
      this.#ids = ids;
      this.#cache = cache;
    };
    return {
      start: async (promptIds, signal) => {
        const reuse = Math.min(commonPrefix(this.#ids, promptIds), promptIds.length - 1);
        const previous = this.#cache;
        cache = reuse > 0 && previous ? await truncateKvCache(decoder.module, previous, reuse) : decoder.emptyCache();
        releaseKvCache(previous, cache);
        ids = promptIds.slice(0, reuse);
        this.lastReusedTokens = reuse;
        // A failed or cancelled prefill must not leave a cache that disagrees with its ids.
        this.clear();
        let logits: Float32Array | undefined;
        const chunkSize = decoder.lastPositionLogits ? promptIds.length : this.#prefillChunk;
        for (let at = reuse; at < promptIds.length; at += chunkSize) {
          if (at > reuse) await yieldToEventLoop();
          throwIfAborted(signal);
          const chunk = promptIds.slice(at, Math.min(at + chunkSize, promptIds.length));
          const step = await decoder.step(chunk, cache);
          releaseKvCache(cache, step.cache);
          cache = step.cache;
          ids.push(...chunk);
          logits = step.logits;
          commit();
        }
        return logits as Float32Array;
      },
      advance: async (tokenId) => {
        const step = await decoder.step([tokenId], cache);
        releaseKvCache(cache, step.cache);
        cache = step.cache;
        ids.push(tokenId);
        commit();
        return step.logits;
      },
      finish: () => commit(),
    };
  }
}

function commonPrefix(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a[i] === b[i]) i++;
  return i;
}
