import { ModelFormatError, ModelNotFoundError, throwIfAborted } from '../errors/cowrite-error.ts';
import { parseGpt2Config, parseJsonFile } from '../model/config.ts';
import { Gpt2Decoder } from '../model/decoder.ts';
import { type ModelDtype, candidateModelFiles } from '../model/dtype.ts';
import { type RuntimeOptions, configureRuntime, createSession } from '../model/ort-runtime.ts';
import { type ModelSource, openModelSource } from '../model/source.ts';
import type { ModelFileStore } from '../model/store/file-store.ts';
import { Gpt2Tokenizer } from '../tokenizer/gpt2-tokenizer.ts';
import { Gpt2Model } from './gpt2-model.ts';

export interface LoadProgress {
  status: 'download' | 'compile' | 'ready';
  /** The file being downloaded (status `download`). */
  file?: string;
  /** Bytes of that file so far, and its size when known. */
  fileLoaded?: number;
  fileTotal?: number;
  /** Bytes of all model files so far. */
  loaded: number;
}

export interface LoadModelOptions extends RuntimeOptions {
  source: ModelSource;
  /** Weight precision; picks `onnx/model{suffix}.onnx` (or the legacy merged file). Default `fp32`. */
  dtype?: ModelDtype;
  /** Overrides the ONNX file, relative to the model root (e.g. a merchant's own `onnx/custom.onnx`). */
  modelFile?: string;
  signal?: AbortSignal;
  onProgress?: (progress: LoadProgress) => void;
  /** For URL and hub sources. */
  fetch?: typeof fetch;
  headers?: Record<string, string>;
}

/**
 * Loads a GPT-2 in the hub layout (config.json, generation_config.json,
 * tokenizer.json, tokenizer_config.json, onnx/*.onnx) from a URL, a hub repository,
 * a local directory (Node) or in-memory files.
 */
export async function loadModel(options: LoadModelOptions): Promise<Gpt2Model> {
  const { signal, onProgress } = options;
  const dtype = options.dtype ?? 'fp32';
  const candidates = options.modelFile ? [options.modelFile] : candidateModelFiles(dtype);
  const store = openModelSource(options.source, { fetch: options.fetch, headers: options.headers });
  throwIfAborted(signal);

  let loaded = 0;
  const read = async (file: string): Promise<Uint8Array> => {
    const before = loaded;
    const bytes = await store.read(file, {
      signal,
      onProgress: (fileLoaded, fileTotal) => {
        loaded = before + fileLoaded;
        onProgress?.({ status: 'download', file, fileLoaded, fileTotal, loaded });
      },
    });
    loaded = before + bytes.byteLength;
    return bytes;
  };
  const readOptional = async (file: string): Promise<Uint8Array | undefined> => {
    try {
      return await read(file);
    } catch (error) {
      if (error instanceof ModelNotFoundError) return undefined;
      throw error;
    }
  };

  const configJson = parseJsonFile('config.json', await read('config.json'));
  const generationBytes = await readOptional('generation_config.json');
  const config = parseGpt2Config(configJson, generationBytes ? parseJsonFile('generation_config.json', generationBytes) : {});

  const tokenizerJson = parseJsonFile('tokenizer.json', await read('tokenizer.json'));
  const tokenizerConfigBytes = await readOptional('tokenizer_config.json');
  const tokenizer = new Gpt2Tokenizer(tokenizerJson, tokenizerConfigBytes ? parseJsonFile('tokenizer_config.json', tokenizerConfigBytes) : {});
  checkTokenizer(tokenizer, config.vocabSize, config.eosTokenIds);

  const { file, bytes } = await readFirst(store, candidates, read);
  throwIfAborted(signal);
  onProgress?.({ status: 'compile', loaded });
  const runtime = configureRuntime(options);
  let session;
  try {
    session = await createSession(bytes, options);
  } catch (error) {
    throw new ModelFormatError('MODEL_CORRUPT', file, `onnxruntime could not load ${file} (${bytes.byteLength} bytes): ${(error as Error).message}. The file is truncated or not an ONNX model; download it again.`, { cause: error });
  }
  if (signal?.aborted) {
    await session.release();
    throwIfAborted(signal);
  }
  const decoder = new Gpt2Decoder(session, config, file);
  onProgress?.({ status: 'ready', loaded });
  return new Gpt2Model({ config, tokenizer, decoder, info: { location: store.location, file, dtype, layout: decoder.layout, runtime } });
}

async function readFirst(store: ModelFileStore, files: string[], read: (file: string) => Promise<Uint8Array>): Promise<{ file: string; bytes: Uint8Array }> {
  for (const file of files) {
    try {
      return { file, bytes: await read(file) };
    } catch (error) {
      if (!(error instanceof ModelNotFoundError)) throw error;
    }
  }
  throw new ModelNotFoundError(files[0], `No ONNX decoder found in ${store.location}: tried ${files.join(', ')}. Check the dtype (each dtype has its own file) or pass modelFile.`);
}

/** A tokenizer from another model produces ids the embedding table does not have. */
function checkTokenizer(tokenizer: Gpt2Tokenizer, vocabSize: number, eosIds: readonly number[]): void {
  if (tokenizer.maxTokenId >= vocabSize) {
    throw new ModelFormatError('TOKENIZER_MISMATCH', 'tokenizer.json', `tokenizer.json has token ids up to ${tokenizer.maxTokenId}, but the model's vocab_size is ${vocabSize}: the tokenizer belongs to another model.`);
  }
  for (const id of eosIds) {
    if (id > tokenizer.maxTokenId) {
      throw new ModelFormatError('TOKENIZER_MISMATCH', 'tokenizer.json', `The model's eos_token_id ${id} is not in tokenizer.json (max id ${tokenizer.maxTokenId}): the tokenizer belongs to another model.`);
    }
  }
}
