import { ModelFormatError, ModelNotFoundError, throwIfAborted } from '../../errors/cowrite-error.ts';
import type { ModelFileStore, ReadOptions } from './file-store.ts';

/** A model directory on disk (Node only). `node:fs` is imported lazily so browser bundles never see it. */
export class LocalFileStore implements ModelFileStore {
  readonly location: string;

  constructor(directory: string) {
    this.location = directory;
  }

  async size(path: string): Promise<number | undefined> {
    const { stat } = await import('node:fs/promises');
    const { join } = await import('node:path');
    try {
      return (await stat(join(this.location, path))).size;
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') throw new ModelNotFoundError(path, `Model file not found: ${join(this.location, path)}.`, { cause: error });
      throw error;
    }
  }

  async read(path: string, options: ReadOptions = {}): Promise<Uint8Array> {
    throwIfAborted(options.signal);
    const { readFile } = await import('node:fs/promises');
    const { join } = await import('node:path');
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
