import { CowriteError, ModelFormatError, ModelNotFoundError, throwIfAborted } from '../errors/cowrite-error.ts';
import { parseGpt2Config, parseJsonFile } from '../model/config.ts';
import { Gpt2Decoder } from '../model/decoder.ts';
import { type ModelDtype, candidateModelFiles } from '../model/dtype.ts';
import { type StoreOptions, openStore } from '../model/open-store.ts';
import { type CreatedSession, type RuntimeOptions, createSession } from '../model/ort-runtime.ts';
import { wasmCompileBlockedReason } from '../model/wasm-blocked.ts';
import type { ModelFileStore } from '../model/store/file-store.ts';
import { Gpt2Tokenizer } from '../tokenizer/gpt2-tokenizer.ts';
import { Gpt2Model } from './gpt2-model.ts';
import { loadsInFlight, writeManifest, loadKey } from './availability.ts';

export interface LoadProgress {
  status: 'download' | 'compile' | 'ready';
  /** The file being read (status `download`). */
  file?: string;
  /** Bytes of that file so far, and its size when known. */
  fileLoaded?: number;
  fileTotal?: number;
  /** Bytes of all model files so far: never decreases, and equals `total` at `ready`. */
  loaded: number;
  /** Bytes of all model files, when the sizes are known up front (HTTP HEAD or cache records). */
  total?: number;
}

export interface LoadModelOptions extends RuntimeOptions, StoreOptions {
  /** Weight precision; picks `onnx/model{suffix}.onnx` (or the legacy merged file). Default `fp32`. */
  dtype?: ModelDtype;
  /** Overrides the ONNX file, relative to the model root (e.g. a merchant's own `onnx/custom.onnx`). */
  modelFile?: string;
  signal?: AbortSignal;
  onProgress?: (progress: LoadProgress) => void;
}

interface PlannedFile {
  path: string;
  optional: boolean;
  size: number | undefined;
}

/**
 * Loads a GPT-2 in the hub layout (config.json, generation_config.json,
 * tokenizer.json, tokenizer_config.json, onnx/*.onnx) from a URL, a hub
 * repository, a local directory (Node) or in-memory files. Downloads are cached
 * (Cache API by default in browsers), verified, retried and resumed.
 */
export async function loadModel(options: LoadModelOptions): Promise<Gpt2Model> {
  const dtype = options.dtype ?? 'fp32';
  const candidates = options.modelFile ? [options.modelFile] : candidateModelFiles(dtype);
  const store = openStore(options);
  const key = loadKey(store, dtype, options.modelFile);
  loadsInFlight.add(key);
  try {
    return await load(store, dtype, candidates, options);
  } finally {
    loadsInFlight.delete(key);
  }
}

async function load(store: ModelFileStore, dtype: ModelDtype, candidates: string[], options: LoadModelOptions): Promise<Gpt2Model> {
  const { signal, onProgress } = options;
  throwIfAborted(signal);
  const plan = await planFiles(store, candidates, signal);
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

  try {
    const model = await build(store, dtype, plan, contents, present, loaded, total, options);
    // Proven usable (JSON parsed, session created, shapes match): only now may the downloads persist.
    await store.commit?.();
    await writeManifest(store, dtype, options.modelFile, present).catch(() => undefined);
    onProgress?.({ status: 'ready', loaded, total: total ?? loaded });
    return model;
  } catch (error) {
    // A file that failed to parse or load must not be served again from the cache.
    if (error instanceof ModelFormatError) await store.evict?.(present);
    else await store.evict?.([]);
    throw error;
  } finally {
    contents.clear();
  }
}

async function build(
  store: ModelFileStore,
  dtype: ModelDtype,
  plan: PlannedFile[],
  contents: Map<string, Uint8Array>,
  present: string[],
  loaded: number,
  total: number | undefined,
  options: LoadModelOptions,
): Promise<Gpt2Model> {
  const { signal, onProgress } = options;
  const json = (path: string) => {
    const bytes = contents.get(path);
    return bytes ? parseJsonFile(path, bytes) : undefined;
  };
  const config = parseGpt2Config(json('config.json') ?? {}, json('generation_config.json') ?? {});
  const tokenizer = new Gpt2Tokenizer(json('tokenizer.json') ?? {}, json('tokenizer_config.json') ?? {});
  checkTokenizer(tokenizer, config.vocabSize, config.eosTokenIds);

  const modelFile = plan[plan.length - 1].path;
  throwIfAborted(signal);
  onProgress?.({ status: 'compile', loaded, total });
  const presentNames = Array.from({ length: config.numLayers }, (_, i) => [`present.${i}.key`, `present.${i}.value`]).flat();
  const created = await openSession(contents, modelFile, options, presentNames);
  const { session, module, runtime } = created;
  try {
    throwIfAborted(signal);
    const decoder = new Gpt2Decoder(session, module, config, modelFile);
    if (!decoder.shapeDeclared) await probeShapes(decoder, modelFile);
    return new Gpt2Model({ config, tokenizer, decoder, info: { location: store.location, file: modelFile, dtype, layout: decoder.layout, lastPositionLogits: decoder.lastPositionLogits, runtime } });
  } catch (error) {
    await session.release();
    throw error;
  }
}

/**
 * Creates the session from the downloaded bytes and lets go of them: onnxruntime copies the
 * model into its own heap, so holding the JS copy any longer only raises the page's peak memory.
 */
async function openSession(contents: Map<string, Uint8Array>, modelFile: string, options: RuntimeOptions, presentNames: string[]): Promise<CreatedSession> {
  const size = contents.get(modelFile)?.byteLength ?? 0;
  try {
    return await createSession(contents.get(modelFile) as Uint8Array, options, presentNames);
  } catch (error) {
    if (error instanceof CowriteError) throw error; // e.g. BACKEND_UNAVAILABLE: not the file's fault
    const blocked = wasmCompileBlockedReason();
    if (blocked) {
      throw new CowriteError(
        'CSP_BLOCKED',
        `This page may not compile WebAssembly (${blocked}), so onnxruntime cannot run. Add 'wasm-unsafe-eval' to the page's Content-Security-Policy script-src (see the README's "Strict pages" section).`,
        { cause: error },
      );
    }
    throw new ModelFormatError('MODEL_CORRUPT', modelFile, `onnxruntime could not load ${modelFile} (${size} bytes): ${(error as Error).message}. The file is truncated or not an ONNX model; download it again.`, { cause: error });
  } finally {
    contents.delete(modelFile);
  }
}

/** A graph with symbolic head shapes: one step on an empty cache shows whether config.json fits it. */
async function probeShapes(decoder: Gpt2Decoder, modelFile: string): Promise<void> {
  try {
    await decoder.step([0], decoder.emptyCache());
  } catch (error) {
    if (error instanceof ModelFormatError) throw error;
    throw new ModelFormatError('CONFIG_MISMATCH', 'config.json', `config.json does not match ${modelFile}: a first decoding step failed (${(error as Error).message}). Use the config.json that came with this ONNX file.`, { cause: error });
  }
}

/**
 * Which files to read, with their sizes when the store can tell without reading
 * (HEAD, cache records): this gives progress an overall total from the start and
 * finds the ONNX file (current or legacy name) before any large download.
 */
async function planFiles(store: ModelFileStore, candidates: string[], signal?: AbortSignal): Promise<PlannedFile[]> {
  const sizeOf = async (path: string): Promise<number | undefined | 'missing'> => {
    if (!store.size) return undefined;
    try {
      return await store.size(path, signal);
    } catch (error) {
      if (error instanceof ModelNotFoundError) return 'missing';
      throw error;
    }
  };
  const metadata: [string, boolean][] = [
    ['config.json', false],
    ['generation_config.json', true],
    ['tokenizer.json', false],
    ['tokenizer_config.json', true],
  ];
  const sizes = await Promise.all(metadata.map(([path]) => sizeOf(path)));
  const plan: PlannedFile[] = [];
  metadata.forEach(([path, optional], i) => {
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
