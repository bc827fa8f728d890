import type { CachedFileMeta, ModelCache } from './model-cache.ts';

const SIZE = 'x-cowrite-size';
const SHA = 'x-cowrite-sha256';

/** The browser's Cache API (default in pages and Workers): one named cache, entries keyed by file URL. */
export class CacheApiModelCache implements ModelCache {
  /** Always `'cache-api'`. */
  readonly kind = 'cache-api';
  readonly #name: string;

  constructor(name = 'cowrite-models-v1') {
    this.#name = name;
  }

  /** True where the Cache API (`caches`) exists: secure pages and Workers. */
  static isSupported(): boolean {
    return typeof caches !== 'undefined' && typeof caches.open === 'function';
  }

  /** Reads an entry with its metadata; undefined when there is none. */
  async get(key: string): Promise<{ bytes: Uint8Array; meta: CachedFileMeta } | undefined> {
    const response = await (await caches.open(this.#name)).match(key);
    if (!response) return undefined;
    const meta = metaOf(response.headers);
    if (!meta) return undefined;
    return { bytes: new Uint8Array(await response.arrayBuffer()), meta };
  }

  /** Reads an entry's metadata (size, sha256) without its bytes; undefined when there is none. */
  async head(key: string): Promise<CachedFileMeta | undefined> {
    const response = await (await caches.open(this.#name)).match(key);
    return response ? metaOf(response.headers) : undefined;
  }

  /** Stores the bytes with their metadata in response headers, replacing any existing entry. */
  async put(key: string, bytes: Uint8Array, meta: CachedFileMeta): Promise<void> {
    const headers: Record<string, string> = { [SIZE]: String(meta.size), 'content-type': 'application/octet-stream' };
    if (meta.sha256) headers[SHA] = meta.sha256;
    await (await caches.open(this.#name)).put(key, new Response(bytes as Uint8Array<ArrayBuffer>, { headers }));
  }

  /** Removes the entry for `key`; does nothing when there is none. */
  async delete(key: string): Promise<void> {
    await (await caches.open(this.#name)).delete(key);
  }
}

function metaOf(headers: Headers): CachedFileMeta | undefined {
  const size = Number(headers.get(SIZE));
  if (!Number.isSafeInteger(size) || size < 0 || headers.get(SIZE) === null) return undefined;
  const sha256 = headers.get(SHA) ?? undefined;
  return sha256 ? { size, sha256 } : { size };
}
