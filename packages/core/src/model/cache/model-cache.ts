/**
 * Persistent storage for downloaded model files, keyed by the file's full URL
 * (which carries the source, the revision and the path). An entry records the
 * size (and sha256 when known) it was verified against, so a damaged entry is
 * detected on read instead of being fed to onnxruntime.
 */
export interface CachedFileMeta {
  size: number;
  sha256?: string;
}

export interface ModelCache {
  readonly kind: string;
  get(key: string): Promise<{ bytes: Uint8Array; meta: CachedFileMeta } | undefined>;
  /** Metadata only: lets `availability()` and progress totals avoid reading bytes. */
  head(key: string): Promise<CachedFileMeta | undefined>;
  put(key: string, bytes: Uint8Array, meta: CachedFileMeta): Promise<void>;
  delete(key: string): Promise<void>;
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
