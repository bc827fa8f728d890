/**
 * Persistent storage for downloaded model files, keyed by the file's full URL
 * (which carries the source, the revision and the path). An entry records the
 * size (and sha256 when known) it was verified against, so a damaged entry is
 * detected on read instead of being fed to onnxruntime.
 */
export interface CachedFileMeta {
  /** The file's length in bytes; an entry of another length is treated as damaged. */
  size: number;
  /** Lower-case hex SHA-256 of the file, when the loader was given one to verify against. */
  sha256?: string;
}

/** Persistent storage for downloaded model files (Cache API, OPFS or your own); keys are the files' full URLs. */
export interface ModelCache {
  /** Short name of the storage, e.g. `'cache-api'` or `'opfs'`. */
  readonly kind: string;
  /** Reads an entry with its metadata; undefined when there is none (or its metadata is unreadable). */
  get(key: string): Promise<{ bytes: Uint8Array; meta: CachedFileMeta } | undefined>;
  /** Metadata only: lets `availability()` and progress totals avoid reading bytes. */
  head(key: string): Promise<CachedFileMeta | undefined>;
  /** Stores a complete, verified file under `key`, replacing any existing entry. */
  put(key: string, bytes: Uint8Array, meta: CachedFileMeta): Promise<void>;
  /** Removes the entry for `key`; does nothing when there is none. */
  delete(key: string): Promise<void>;
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
