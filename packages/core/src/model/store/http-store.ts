import { CowriteError, ModelFormatError, ModelNotFoundError, NetworkError, abortError, throwIfAborted } from '../../errors/cowrite-error.ts';
import { describeFetchFailure } from './fetch-failure.ts';
import type { ModelFileStore, ReadOptions, StoreResidence } from './file-store.ts';

export interface HttpStoreOptions {
  /** Used instead of the global `fetch` (tests, auth, a service-worker shim). */
  fetch?: typeof fetch;
  /** Extra request headers, e.g. `Authorization` for a private hub repository. */
  headers?: Record<string, string>;
  /** Attempts after a network failure or a 5xx/429 answer. Default 3. */
  retries?: number;
  /** First backoff delay in ms; doubles each attempt. Default 500. */
  retryDelayMs?: number;
}

/** Failures worth another attempt: the network, not the request. */
class Retryable extends Error {
  override name = 'Retryable';
  readonly final: Error;
  constructor(final: Error) {
    super(final.message);
    this.final = final;
  }
}

/**
 * A base URL serving the hub layout: the hub itself, a CDN, or a self-hosted folder.
 * Downloads stream with progress, retry with exponential backoff, and resume with
 * an HTTP Range request after a connection breaks, where the server supports it.
 */
export class HttpFileStore implements ModelFileStore {
  readonly location: string;
  readonly residence: StoreResidence = 'network';
  readonly #fetch: typeof fetch;
  readonly #headers: Record<string, string>;
  readonly #retries: number;
  readonly #retryDelayMs: number;

  constructor(baseUrl: string, options: HttpStoreOptions = {}) {
    this.location = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.#headers = options.headers ?? {};
    this.#retries = options.retries ?? 3;
    this.#retryDelayMs = options.retryDelayMs ?? 500;
  }

  /** The absolute URL of `path` under this store's base URL. */
  url(path: string): string {
    return new URL(path, this.location).href;
  }

  /** The file's size in bytes from an HTTP HEAD request; undefined when the server compresses it or sends no length. */
  async size(path: string, signal?: AbortSignal): Promise<number | undefined> {
    const url = this.url(path);
    const response = await this.#withRetries(signal, async () => {
      const r = await this.#request(url, { method: 'HEAD', signal, headers: this.#headers });
      // Finish the (empty) body: a response left unread is cancelled later, and the browser lists it as a failed request.
      await r.arrayBuffer().catch(() => undefined);
      this.#checkStatus(r, path, url);
      return r;
    });
    if (response.headers.get('content-encoding')) return undefined;
    return parseLength(response.headers.get('x-linked-size') ?? response.headers.get('content-length'));
  }

  async read(path: string, options: ReadOptions = {}): Promise<Uint8Array> {
    const { signal } = options;
    throwIfAborted(signal);
    const url = this.url(path);
    // With the size known up front, bytes land in one buffer as they arrive: collecting
    // chunks and concatenating would hold the model twice at the peak (1.3 GB for fp32 GPT-2).
    const sink = new ByteSink(options.expectedSize);
    let received = 0;
    let reported = 0;
    let total: number | undefined = options.expectedSize;
    const progress = (loaded: number) => {
      if (loaded > reported) {
        reported = loaded;
        options.onProgress?.(loaded, total);
      }
    };
    await this.#withRetries(signal, async () => {
      const headers = { ...this.#headers };
      if (received > 0) headers.Range = `bytes=${received}-`;
      const response = await this.#request(url, { signal, headers });
      this.#checkStatus(response, path, url);
      if (received > 0 && response.status !== 206) {
        // The server ignored the Range request: start over.
        sink.reset();
        received = 0;
      }
      if (response.status === 206) {
        const range = /^bytes (\d+)-\d+\/(\d+|\*)$/.exec(response.headers.get('content-range') ?? '');
        if (!range || Number(range[1]) !== received) throw new CowriteError('NETWORK', `The server answered ${url} with an unexpected Content-Range.`);
        if (range[2] !== '*') total ??= Number(range[2]);
      } else if (!response.headers.get('content-encoding')) {
        total ??= parseLength(response.headers.get('content-length'));
      }
      sink.expect(total);
      const reader = response.body?.getReader();
      if (!reader) {
        const bytes = new Uint8Array(await response.arrayBuffer());
        sink.push(bytes);
        received += bytes.byteLength;
        progress(received);
        return;
      }
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          sink.push(value);
          received += value.byteLength;
          progress(received);
        }
      } catch (error) {
        if (signal?.aborted) throw abortError(signal);
        throw new Retryable(new NetworkError(url, `The download of ${url} broke off after ${received} bytes: ${(error as Error).message}.`, { cause: error }));
      }
    });
    if (total !== undefined && received !== total) {
      throw new ModelFormatError('MODEL_CORRUPT', path, `Truncated download: ${url} should have ${total} bytes but ${received} arrived. Try again; if it persists, the server's copy is incomplete.`);
    }
    return sink.bytes();
  }

  async #request(url: string, init: RequestInit): Promise<Response> {
    try {
      return await this.#fetch(url, init);
    } catch (error) {
      if (init.signal?.aborted) throw abortError(init.signal);
      throw new Retryable(new NetworkError(url, describeFetchFailure(url, error), { cause: error }));
    }
  }

  #checkStatus(response: Response, path: string, url: string): void {
    if (response.status === 404 || response.status === 410) throw new ModelNotFoundError(path, `Model file not found (HTTP ${response.status}): ${url}.`);
    if (response.ok) return;
    const error = new CowriteError('NETWORK', `Fetching ${url} failed with HTTP ${response.status} ${response.statusText}.`);
    if (response.status >= 500 || response.status === 429 || response.status === 408) throw new Retryable(error);
    throw error;
  }

  async #withRetries<T>(signal: AbortSignal | undefined, attempt: () => Promise<T>): Promise<T> {
    for (let n = 0; ; n++) {
      try {
        return await attempt();
      } catch (error) {
        if (!(error instanceof Retryable)) throw error;
        if (n >= this.#retries) throw error.final;
        await sleep(this.#retryDelayMs * 2 ** n, signal);
      }
    }
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function parseLength(value: string | null): number | undefined {
  if (value === null) return undefined;
  const n = Number(value);
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

/** Collects a body: straight into one buffer when its size is known, else as chunks joined at the end. */
class ByteSink {
  #buffer: Uint8Array | undefined;
  #chunks: Uint8Array[] = [];
  #length = 0;

  constructor(size?: number) {
    this.expect(size);
  }

  expect(size: number | undefined): void {
    if (size === undefined || this.#buffer || this.#length > 0) return;
    this.#buffer = new Uint8Array(size);
  }

  push(chunk: Uint8Array): void {
    if (this.#buffer && this.#length + chunk.byteLength <= this.#buffer.byteLength) this.#buffer.set(chunk, this.#length);
    else {
      // More bytes than announced: keep them all; the caller reports the mismatch.
      if (this.#buffer) this.#chunks.push(this.#buffer.subarray(0, this.#length));
      this.#buffer = undefined;
      this.#chunks.push(chunk);
    }
    this.#length += chunk.byteLength;
  }

  reset(): void {
    this.#chunks = [];
    this.#length = 0;
  }

  bytes(): Uint8Array {
    if (this.#buffer) return this.#length === this.#buffer.byteLength ? this.#buffer : this.#buffer.subarray(0, this.#length);
    if (this.#chunks.length === 1) return this.#chunks[0];
    const out = new Uint8Array(this.#length);
    let offset = 0;
    for (const chunk of this.#chunks) {
      out.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return out;
  }
}
