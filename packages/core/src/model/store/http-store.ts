import { CowriteError, ModelFormatError, ModelNotFoundError, NetworkError, abortError, throwIfAborted } from '../../errors/cowrite-error.ts';
import type { ModelFileStore, ReadOptions } from './file-store.ts';

export interface HttpStoreOptions {
  /** Used instead of the global `fetch` (tests, auth headers, a service worker shim). */
  fetch?: typeof fetch;
  /** Extra request headers, e.g. `Authorization` for a private hub repo. */
  headers?: Record<string, string>;
}

/** A base URL that serves the hub layout: the hub itself, a CDN, or a self-hosted folder. */
export class HttpFileStore implements ModelFileStore {
  readonly location: string;
  readonly #fetch: typeof fetch;
  readonly #headers: Record<string, string>;

  constructor(baseUrl: string, options: HttpStoreOptions = {}) {
    this.location = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.#headers = options.headers ?? {};
  }

  url(path: string): string {
    return new URL(path, this.location).href;
  }

  async read(path: string, options: ReadOptions = {}): Promise<Uint8Array> {
    throwIfAborted(options.signal);
    const url = this.url(path);
    let response: Response;
    try {
      response = await this.#fetch(url, { signal: options.signal, headers: this.#headers });
    } catch (error) {
      throwIfAborted(options.signal);
      throw new NetworkError(url, `Could not fetch ${url}: ${(error as Error).message}. Check the network and that the server allows this origin (CORS).`, { cause: error });
    }
    if (response.status === 404 || response.status === 410) {
      throw new ModelNotFoundError(path, `Model file not found (HTTP ${response.status}): ${url}.`);
    }
    if (!response.ok) {
      throw new CowriteError('NETWORK', `Fetching ${url} failed with HTTP ${response.status} ${response.statusText}.`);
    }
    return readBody(response, path, url, options);
  }
}

/** Reads a response body with progress and checks it against Content-Length, so a cut download is never used. */
async function readBody(response: Response, path: string, url: string, options: ReadOptions): Promise<Uint8Array> {
  // With Content-Encoding the header counts compressed bytes, which we never see: no check then.
  const declared = response.headers.get('content-encoding') ? undefined : parseLength(response.headers.get('content-length'));
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(await response.arrayBuffer());
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      loaded += value.byteLength;
      options.onProgress?.(loaded, declared);
    }
  } catch (error) {
    if (options.signal?.aborted) throw abortError(options.signal);
    throw new NetworkError(url, `The download of ${url} broke off after ${loaded} bytes: ${(error as Error).message}.`, { cause: error });
  }
  if (declared !== undefined && loaded !== declared) {
    throw new ModelFormatError('MODEL_CORRUPT', path, `Truncated download: ${url} declared ${declared} bytes but ${loaded} arrived. Try again; if it persists, the server's copy is incomplete.`);
  }
  return concat(chunks, loaded);
}

function parseLength(value: string | null): number | undefined {
  if (value === null) return undefined;
  const n = Number(value);
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
