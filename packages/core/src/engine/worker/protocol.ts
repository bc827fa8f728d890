/**
 * Messages between the page and the engine's module Worker. Everything here is
 * structured-cloneable; errors travel as plain records and are rebuilt as the
 * same classes on the other side, so `instanceof` and `code` keep working.
 */
import { CowriteError, InvalidArgumentError, ModelFormatError, ModelNotFoundError, NetworkError, type CowriteErrorCode } from '../../errors/cowrite-error.ts';
import type { GenerationChunk, GenerationOptions, GenerationResult } from '../../contracts/generation.ts';
import type { LoadProgress } from '../../model/download-files.ts';
import type { ModelInfo } from '../gpt2-model.ts';
import type { HubSource, MemorySource } from '../../model/source.ts';
import type { ModelDtype } from '../../model/dtype.ts';
import type { RuntimeOptions } from '../../model/ort-runtime.ts';

/** Sources that can cross into a Worker (a custom store object cannot). URLs travel as absolute strings. */
export type TransferableSource = string | HubSource | MemorySource;

/** `loadModel`'s options that survive structured cloning into the Worker. */
export interface WorkerLoadOptions {
  /** Where the model comes from (as `loadModel`'s `source`, minus custom stores). */
  source: TransferableSource;
  /** As `loadModel`'s `dtype`. */
  dtype?: ModelDtype;
  /** As `loadModel`'s `modelFile`. */
  modelFile?: string;
  /** onnxruntime threads inside the Worker (as `RuntimeOptions.threads`). */
  threads?: number;
  /** Where onnxruntime's .wasm files are served from (as `RuntimeOptions.wasmPaths`). */
  wasmPaths?: string;
  /** `wasm` (default in browsers), `webgpu` (KV cache kept on the GPU; falls back to WASM), `auto`, or `native` (Node). */
  backend?: RuntimeOptions['backend'];
  /** Extra HTTP headers for model downloads (e.g. an authorization header for a private host). */
  headers?: Record<string, string>;
  /** Where downloads persist (the Worker has its own Cache API/OPFS access). Default `cache-api`. */
  cache?: 'cache-api' | 'opfs' | 'none';
  /** Known sha256 (hex) per file path, verified before a file is cached or used. */
  integrity?: Record<string, string>;
  /** Download attempts after a network failure. Default 3. */
  retries?: number;
  /** Passed to onnxruntime's `InferenceSession.create`. */
  sessionOptions?: RuntimeOptions['sessionOptions'];
}

export type WorkerGenerationOptions = Omit<GenerationOptions, 'signal'>;

export type ToWorker =
  | { type: 'load'; options: WorkerLoadOptions }
  | { type: 'generate'; id: number; prompt: string | number[]; options: WorkerGenerationOptions }
  | { type: 'abort'; id: number }
  /** Liveness: a Worker that answers no ping is taken for dead (see WorkerEngine). */
  | { type: 'ping' }
  | { type: 'dispose' };

export interface LoadedModel {
  info: ModelInfo;
  contextLength: number;
  vocabSize: number;
  tokenizerJson: string;
  tokenizerConfig: string;
}

export type FromWorker =
  | { type: 'progress'; progress: LoadProgress }
  | { type: 'loaded'; model: LoadedModel }
  | { type: 'load-error'; error: SerializedError }
  | { type: 'chunk'; id: number; chunk: GenerationChunk }
  | { type: 'done'; id: number; result: GenerationResult }
  | { type: 'error'; id: number; error: SerializedError }
  | { type: 'pong' };

export interface SerializedError {
  name: string;
  message: string;
  code?: CowriteErrorCode;
  file?: string;
  url?: string;
  argument?: string;
}

export function serializeError(error: unknown): SerializedError {
  if (error instanceof DOMException) return { name: error.name, message: error.message };
  if (error instanceof Error) {
    const { code, file, url, argument } = error as Partial<SerializedError>;
    return { name: error.name, message: error.message, code, file, url, argument };
  }
  return { name: 'Error', message: String(error) };
}

export function deserializeError(e: SerializedError): Error {
  if (e.name === 'AbortError') return new DOMException(e.message, 'AbortError');
  switch (e.name) {
    case 'ModelNotFoundError':
      return new ModelNotFoundError(e.file ?? '', e.message);
    case 'ModelFormatError':
      return new ModelFormatError(e.code as 'MODEL_CORRUPT', e.file ?? '', e.message);
    case 'NetworkError':
      return new NetworkError(e.url ?? '', e.message);
    case 'InvalidArgumentError':
      return new InvalidArgumentError(e.code as 'INVALID_OPTION', e.argument ?? '', e.message);
  }
  if (e.code) return new CowriteError(e.code, e.message);
  // Anything else broke inside the Worker (an onnxruntime failure, a bug): still one error model for callers.
  return new CowriteError('WORKER_FAILED', `The engine Worker failed: ${e.name}: ${e.message}`);
}
