import { ModelFormatError, ModelNotFoundError, throwIfAborted } from '../../errors/cowrite-error.ts';
import type { ModelFileStore, ReadOptions, StoreResidence } from './file-store.ts';
import type * as NodeFs from 'node:fs/promises';
import type * as NodePath from 'node:path';
import { importNodeModule } from '../../runtime/node-module.ts';

// This store is only ever created in Node; see importNodeModule for why the names are computed.
const fsPromises = () => importNodeModule<typeof NodeFs>('node:fs/promises');
const nodePath = () => importNodeModule<typeof NodePath>('node:path');

/** A model directory on disk (Node only). */
export class LocalFileStore implements ModelFileStore {
  readonly location: string;
  readonly residence: StoreResidence = 'local';

  constructor(directory: string) {
    this.location = directory;
  }

  /** The file's size in bytes on disk; rejects with `ModelNotFoundError` when it does not exist. */
  async size(path: string): Promise<number | undefined> {
    const { stat } = await fsPromises();
    const { join } = await nodePath();
    try {
      return (await stat(join(this.location, path))).size;
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') throw new ModelNotFoundError(path, `Model file not found: ${join(this.location, path)}.`, { cause: error });
      throw error;
    }
  }

  async read(path: string, options: ReadOptions = {}): Promise<Uint8Array> {
    throwIfAborted(options.signal);
    const { readFile } = await fsPromises();
    const { join } = await nodePath();
    const file = join(this.location, path);
    try {
      const buffer = await readFile(file, { signal: options.signal });
      // A view, not `new Uint8Array(buffer)`: that would copy a 650 MB model once more.
      const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
      options.onProgress?.(bytes.byteLength, bytes.byteLength);
      return bytes;
    } catch (error) {
      throwIfAborted(options.signal);
      const code = (error as { code?: string }).code;
      if (code === 'ENOENT') throw new ModelNotFoundError(path, `Model file not found: ${file}. Is "${this.location}" a hub-layout model directory (config.json, tokenizer.json, onnx/model.onnx)?`, { cause: error });
      if (code === 'EISDIR') throw new ModelFormatError('MODEL_CORRUPT', path, `Expected a file but found a directory: ${file}.`, { cause: error });
      throw error;
    }
  }
}
