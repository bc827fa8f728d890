/**
 * Reads a hub-layout model's files from a store with progress: the plan first (sizes by HEAD or
 * cache records, the ONNX file found under its current or legacy name before any large download),
 * then each file. The result is a transaction: `complete()` lets a download cache keep the files
 * once the caller has proved them usable, `discard()` drops what a failed load must not reuse.
 */
import { ModelFormatError, ModelNotFoundError, throwIfAborted } from '../errors/cowrite-error.ts';
import { writeManifest } from './availability.ts';
import { type Json, parseJsonFile } from './config.ts';
import type { ModelDtype } from './dtype.ts';
import type { ModelFileStore } from './store/file-store.ts';

/** Model loading progress, reported through `onProgress`. */
export interface LoadProgress {
  /** `download` while files are read, `compile` while onnxruntime builds the session, `ready` once loaded. */
  status: 'download' | 'compile' | 'ready';
  /** The file being read (status `download`). */
  file?: string;
  /** Bytes of that file so far, and its size when known. */
  fileLoaded?: number;
  /** Size of that file in bytes, when known. */
  fileTotal?: number;
  /** Bytes of all model files so far: never decreases, and equals `total` at `ready`. */
  loaded: number;
  /** Bytes of all model files, when the sizes are known up front (HTTP HEAD or cache records). */
  total?: number;
}

interface PlannedFile {
  path: string;
  optional: boolean;
  size: number | undefined;
}

/** The metadata files of the hub layout, and whether a model may lack them. */
const METADATA: readonly [path: string, optional: boolean][] = [
  ['config.json', false],
  ['generation_config.json', true],
  ['tokenizer.json', false],
  ['tokenizer_config.json', true],
];

export interface DownloadOptions {
  dtype: ModelDtype;
  /** ONNX file names to try in order; the first one the store has is read. */
  candidates: readonly string[];
  /** Set when the caller chose the file (recorded in the manifest's name). */
  modelFile?: string;
  signal?: AbortSignal;
  onProgress?: (progress: LoadProgress) => void;
}

export class ModelDownload {
  /** The files read, by path; the caller takes the ONNX bytes out once the session has them. */
  readonly contents: Map<string, Uint8Array>;
  /** The ONNX file that was read. */
  readonly modelFile: string;
  readonly loaded: number;
  readonly total: number | undefined;
  readonly #store: ModelFileStore;
  readonly #options: DownloadOptions;
  readonly #present: readonly string[];

  constructor(store: ModelFileStore, options: DownloadOptions, contents: Map<string, Uint8Array>, present: readonly string[], modelFile: string, loaded: number, total: number | undefined) {
    this.#store = store;
    this.#options = options;
    this.contents = contents;
    this.#present = present;
    this.modelFile = modelFile;
    this.loaded = loaded;
    this.total = total;
  }

  /** A metadata file parsed as JSON, or undefined when the model does not have it. */
  json(path: string): Json | undefined {
    const bytes = this.contents.get(path);
    return bytes ? parseJsonFile(path, bytes) : undefined;
  }

  progress(status: 'compile'): void {
    this.#options.onProgress?.({ status, loaded: this.loaded, total: this.total });
  }

  /** The files proved usable (JSON parsed, session created): a download cache may keep them now. */
  async complete(): Promise<void> {
    this.contents.clear();
    await this.#store.commit?.();
    await writeManifest(this.#store, this.#options.dtype, this.#options.modelFile, this.#present).catch(() => undefined);
    this.#options.onProgress?.({ status: 'ready', loaded: this.loaded, total: this.total ?? this.loaded });
  }

  /** The load failed: a file that did not parse or load must not be served again from the cache. */
  async discard(error: unknown): Promise<void> {
    this.contents.clear();
    await this.#store.evict?.(error instanceof ModelFormatError ? this.#present : []);
  }
}

export async function downloadModelFiles(store: ModelFileStore, options: DownloadOptions): Promise<ModelDownload> {
  const { signal, onProgress } = options;
  throwIfAborted(signal);
  const plan = await planFiles(store, options.candidates, signal);
  const total = plan.every((f) => f.size !== undefined) ? plan.reduce((sum, f) => sum + (f.size ?? 0), 0) : undefined;

  let loaded = 0;
  const contents = new Map<string, Uint8Array>();
  const present: string[] = [];
  for (const file of plan) {
    const before = loaded;
    let bytes: Uint8Array;
    try {
      bytes = await store.read(file.path, {
        signal,
        expectedSize: file.size,
        onProgress: (fileLoaded, fileTotal) => {
          loaded = before + fileLoaded;
          onProgress?.({ status: 'download', file: file.path, fileLoaded, fileTotal: fileTotal ?? file.size, loaded, total });
        },
      });
    } catch (error) {
      if (file.optional && error instanceof ModelNotFoundError) continue;
      throw error;
    }
    loaded = before + bytes.byteLength;
    contents.set(file.path, bytes);
    present.push(file.path);
  }
  return new ModelDownload(store, options, contents, present, plan[plan.length - 1].path, loaded, total);
}

/**
 * Which files to read, with their sizes when the store can tell without reading
 * (HEAD, cache records): this gives progress an overall total from the start and
 * finds the ONNX file (current or legacy name) before any large download.
 */
async function planFiles(store: ModelFileStore, candidates: readonly string[], signal?: AbortSignal): Promise<PlannedFile[]> {
  const sizeOf = async (path: string): Promise<number | undefined | 'missing'> => {
    if (!store.size) return undefined;
    try {
      return await store.size(path, signal);
    } catch (error) {
      if (error instanceof ModelNotFoundError) return 'missing';
      throw error;
    }
  };
  const sizes = await Promise.all(METADATA.map(([path]) => sizeOf(path)));
  const plan: PlannedFile[] = [];
  METADATA.forEach(([path, optional], i) => {
    const size = sizes[i];
    if (size === 'missing') {
      if (optional) return;
      throw new ModelNotFoundError(path, `Model file not found: ${inLocation(store.location, path)}. Is this a hub-layout model folder (config.json, tokenizer.json, onnx/model.onnx)?`);
    }
    plan.push({ path, optional, size });
  });
  for (const path of candidates) {
    const size = await sizeOf(path);
    if (size === 'missing') continue;
    plan.push({ path, optional: false, size });
    return plan;
  }
  throw new ModelNotFoundError(candidates[0], `No ONNX decoder found in ${store.location}: tried ${candidates.join(', ')}. Check the dtype (each dtype has its own file) or pass modelFile.`);
}

/** `folder` + `file` with one separator between them, whether the folder is a URL or a local path (with or without a trailing slash). */
function inLocation(location: string, path: string): string {
  return /[\\/]$/.test(location) ? `${location}${path}` : `${location}/${path}`;
}
