import type { CachedFileMeta, ModelCache } from './model-cache.ts';

/**
 * The Origin Private File System: files on disk without a Response wrapper. Each
 * entry is a data file plus a small JSON sidecar with its metadata, written last,
 * so a half-written file is never taken for a complete one.
 */
export class OpfsModelCache implements ModelCache {
  /** Always `'opfs'`. */
  readonly kind = 'opfs';
  readonly #dirName: string;

  constructor(dirName = 'cowrite-models-v1') {
    this.#dirName = dirName;
  }

  /** True where the Origin Private File System (`navigator.storage.getDirectory`) exists. */
  static isSupported(): boolean {
    return typeof navigator !== 'undefined' && typeof navigator.storage?.getDirectory === 'function';
  }

  async #dir(): Promise<FileSystemDirectoryHandle> {
    const root = await navigator.storage.getDirectory();
    return root.getDirectoryHandle(this.#dirName, { create: true });
  }

  async #names(key: string): Promise<{ data: string; meta: string }> {
    const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(key)));
    const id = [...hash.slice(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
    return { data: `${id}.bin`, meta: `${id}.json` };
  }

  /** Reads an entry's metadata from its sidecar without the bytes; undefined when there is none. */
  async head(key: string): Promise<CachedFileMeta | undefined> {
    const dir = await this.#dir();
    const names = await this.#names(key);
    try {
      const file = await (await dir.getFileHandle(names.meta)).getFile();
      const meta = JSON.parse(await file.text()) as CachedFileMeta & { key: string };
      return meta.key === key ? { size: meta.size, ...(meta.sha256 ? { sha256: meta.sha256 } : {}) } : undefined;
    } catch {
      return undefined;
    }
  }

  /** Reads an entry with its metadata; undefined when there is none or it is incomplete. */
  async get(key: string): Promise<{ bytes: Uint8Array; meta: CachedFileMeta } | undefined> {
    const meta = await this.head(key);
    if (!meta) return undefined;
    const dir = await this.#dir();
    try {
      const file = await (await dir.getFileHandle((await this.#names(key)).data)).getFile();
      return { bytes: new Uint8Array(await file.arrayBuffer()), meta };
    } catch {
      return undefined;
    }
  }

  /** Writes the data file, then its metadata sidecar (so a half-written entry is never read), replacing any existing entry. */
  async put(key: string, bytes: Uint8Array, meta: CachedFileMeta): Promise<void> {
    const dir = await this.#dir();
    const names = await this.#names(key);
    await this.delete(key);
    const write = async (name: string, data: Uint8Array | string) => {
      const writable = await (await dir.getFileHandle(name, { create: true })).createWritable();
      await writable.write(data as Uint8Array<ArrayBuffer> | string);
      await writable.close();
    };
    await write(names.data, bytes);
    await write(names.meta, JSON.stringify({ key, ...meta }));
  }

  /** Removes the entry (metadata first); does nothing when there is none. */
  async delete(key: string): Promise<void> {
    const dir = await this.#dir();
    const names = await this.#names(key);
    // Metadata first: without it the data file is never trusted.
    for (const name of [names.meta, names.data]) await dir.removeEntry(name).catch(() => undefined);
  }
}
