/**
 * Where a model's files come from. A store reads one file of the hub layout
 * (`config.json`, `onnx/model.onnx`, …) by its path relative to the model root.
 */
export interface ReadOptions {
  /** Cancels the read; the promise rejects with an `AbortError`. */
  signal?: AbortSignal;
  /** Called as bytes arrive (never decreasing); `total` is undefined when the size is not known up front. */
  onProgress?: (loaded: number, total: number | undefined) => void;
  /** The size the file must have (from `size()`); a different length is a corrupt download. */
  expectedSize?: number;
}

/**
 * Where a store's bytes are before anything is read, for `availability()`:
 * `local` (a directory, memory: here already), `network` (every load downloads),
 * `cache` (downloads once and keeps the files; `isCached` tells which are kept).
 */
export type StoreResidence = 'local' | 'network' | 'cache';

/** Reads model files by their path relative to the model root; implement it to load from your own storage. */
export interface ModelFileStore {
  /** Where the files come from, for messages: a URL, a directory, or "in-memory files". */
  readonly location: string;
  /** Default `local`. */
  readonly residence?: StoreResidence;
  /** Reads a whole file; rejects with `ModelNotFoundError` when it does not exist. */
  read(path: string, options?: ReadOptions): Promise<Uint8Array>;
  /** The file's size without reading it (HTTP HEAD, cache metadata); undefined when unknown. Rejects with `ModelNotFoundError` when it does not exist. */
  size?(path: string, signal?: AbortSignal): Promise<number | undefined>;
  /**
   * Stores that persist what they read (a download cache) hold new files back until the loader
   * has proved them usable (JSON parsed, onnxruntime session created), then `commit` writes them;
   * `evict` drops the named files from persistent storage after a load found them unusable.
   */
  commit?(): Promise<void>;
  /** Drops the named files from persistent storage (after a load found them unusable). */
  evict?(paths: readonly string[]): Promise<void>;
  /** Download caches: whether `path` is kept, without reading it. */
  isCached?(path: string): Promise<boolean>;
  /** Download caches: a small record kept next to the files (e.g. which files make a complete model), or undefined. */
  readRecord?(name: string): Promise<Uint8Array | undefined>;
  /** Download caches: keeps a small record next to the files; `availability()` reads it back with `readRecord`. */
  writeRecord?(name: string, bytes: Uint8Array): Promise<void>;
}
