import { ModelFormatError } from '../../errors/cowrite-error.ts';
import { type CachedFileMeta, type ModelCache, sha256Hex } from '../cache/model-cache.ts';
import type { ModelFileStore, ReadOptions, StoreResidence } from './file-store.ts';
import type { HttpFileStore } from './http-store.ts';

/**
 * Serves files from a persistent cache, downloading (and verifying) on a miss.
 * A file enters the cache only complete and verified (size, and sha256 when the
 * caller knows it), and only when the loader commits it after the files parsed and
 * the session was created; a cached entry that no longer matches its record is
 * dropped and downloaded again. An aborted or failed load writes nothing.
 */
export class CachingFileStore implements ModelFileStore {
  readonly location: string;
  readonly residence: StoreResidence = 'cache';
  readonly cache: ModelCache;
  readonly #inner: HttpFileStore;
  readonly #integrity: Readonly<Record<string, string>>;
  readonly #staged = new Map<string, { bytes: Uint8Array; meta: CachedFileMeta }>();

  constructor(inner: HttpFileStore, cache: ModelCache, integrity: Readonly<Record<string, string>> = {}) {
    this.location = inner.location;
    this.#inner = inner;
    this.cache = cache;
    this.#integrity = integrity;
  }

  key(path: string): string {
    return this.#inner.url(path);
  }

  async isCached(path: string): Promise<boolean> {
    return (await this.cache.head(this.key(path))) !== undefined;
  }

  async readRecord(name: string): Promise<Uint8Array | undefined> {
    const entry = await this.cache.get(this.key(name)).catch(() => undefined);
    return entry?.bytes;
  }

  async writeRecord(name: string, bytes: Uint8Array): Promise<void> {
    await this.cache.put(this.key(name), bytes, { size: bytes.byteLength });
  }

  /** The file's size in bytes from the cache metadata, else from the network (HEAD); undefined when unknown. */
  async size(path: string, signal?: AbortSignal): Promise<number | undefined> {
    const meta = await this.cache.head(this.key(path));
    return meta ? meta.size : this.#inner.size(path, signal);
  }

  async read(path: string, options: ReadOptions = {}): Promise<Uint8Array> {
    const key = this.key(path);
    const expectedSha = this.#integrity[path]?.toLowerCase();
    const hit = await this.cache.get(key).catch(() => undefined);
    if (hit) {
      const sizeOk = hit.bytes.byteLength === hit.meta.size;
      const shaOk = !expectedSha || (sizeOk && (await sha256Hex(hit.bytes)) === expectedSha);
      if (sizeOk && shaOk) {
        options.onProgress?.(hit.bytes.byteLength, hit.bytes.byteLength);
        return hit.bytes;
      }
      await this.cache.delete(key);
    }
    const bytes = await this.#inner.read(path, options);
    let sha256: string | undefined;
    if (expectedSha) {
      sha256 = await sha256Hex(bytes);
      if (sha256 !== expectedSha) {
        throw new ModelFormatError('MODEL_CORRUPT', path, `${this.key(path)} does not match its expected sha256 (${expectedSha}); the download is corrupt or the file changed on the server.`);
      }
    }
    // Held back until the loader proves the file usable: one bad answer (an HTML error page
    // served as config.json, a corrupt ONNX of the right size) must never be cached for good.
    this.#staged.set(path, { bytes, meta: sha256 ? { size: bytes.byteLength, sha256 } : { size: bytes.byteLength } });
    return bytes;
  }

  /** Writes the files this load downloaded, then lets go of them (the session holds its own copy). */
  async commit(): Promise<void> {
    const staged = [...this.#staged];
    this.#staged.clear();
    for (const [path, { bytes, meta }] of staged) {
      // Caching is best effort: a full quota must not fail the load.
      await this.cache.put(this.key(path), bytes, meta).catch(() => undefined);
    }
  }

  /** Forgets staged downloads and drops cached copies of `paths` (they failed to parse or load). */
  async evict(paths: readonly string[]): Promise<void> {
    this.#staged.clear();
    await Promise.all(paths.map((path) => this.cache.delete(this.key(path)).catch(() => undefined)));
  }
}
