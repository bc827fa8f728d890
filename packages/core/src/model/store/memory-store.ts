import { ModelNotFoundError } from '../../errors/cowrite-error.ts';
import type { ModelFileStore, ReadOptions, StoreResidence } from './file-store.ts';
import { throwIfAborted } from '../../errors/cowrite-error.ts';

/** Contents of one in-memory model file. Strings are UTF-8 encoded (JSON files). */
export type ModelFileData = Uint8Array | ArrayBuffer | Blob | string;

/** Files the application already holds: from an `<input type=file>`, IndexedDB, a test. */
export class MemoryFileStore implements ModelFileStore {
  readonly location = 'in-memory files';
  readonly residence: StoreResidence = 'local';
  readonly #files: ReadonlyMap<string, ModelFileData>;

  constructor(files: Record<string, ModelFileData> | ReadonlyMap<string, ModelFileData>) {
    this.#files = files instanceof Map ? files : new Map(Object.entries(files));
  }

  /** The file's size in bytes (strings count as UTF-8). */
  async size(path: string): Promise<number | undefined> {
    const data = this.#files.get(path);
    if (data === undefined) throw new ModelNotFoundError(path, `"${path}" is not among the in-memory model files.`);
    if (typeof data === 'string') return new TextEncoder().encode(data).byteLength;
    return data instanceof Blob ? data.size : data.byteLength;
  }

  async read(path: string, options: ReadOptions = {}): Promise<Uint8Array> {
    throwIfAborted(options.signal);
    const data = this.#files.get(path);
    if (data === undefined) {
      throw new ModelNotFoundError(path, `"${path}" is not among the in-memory model files (${[...this.#files.keys()].join(', ') || 'none'}).`);
    }
    const bytes = await toBytes(data);
    options.onProgress?.(bytes.byteLength, bytes.byteLength);
    return bytes;
  }
}

async function toBytes(data: ModelFileData): Promise<Uint8Array> {
  if (typeof data === 'string') return new TextEncoder().encode(data);
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(await data.arrayBuffer());
}
