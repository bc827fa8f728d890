/**
 * The page side of the Worker engine: the same `TextGenerator` API as an
 * in-process model (`generate`, `stream`, `AbortSignal`), while loading and
 * decoding happen in a dedicated module Worker, so typing never janks.
 * The tokenizer is rebuilt on the page from the Worker's copy (no second
 * download), because prompt budgeting needs synchronous token counts.
 */
import { CowriteError, InvalidArgumentError, abortError, throwIfAborted } from '../../errors/cowrite-error.ts';
import type { GenerationChunk, GenerationOptions, GenerationResult } from '../../generate/options.ts';
import type { ModelSource } from '../../model/source.ts';
import { assertOptionsObject } from '../../generate/resolve-options.ts';
import { Gpt2Tokenizer } from '../../tokenizer/gpt2-tokenizer.ts';
import { resolveAgainstPage } from '../../runtime-env.ts';
import type { ModelInfo } from '../gpt2-model.ts';
import type { LoadProgress } from '../load-model.ts';
import type { Prompt, TextGenerator } from '../types.ts';
import { type FromWorker, type LoadedModel, type ToWorker, type TransferableSource, type WorkerLoadOptions, deserializeError } from './protocol.ts';

/** What `loadModel` takes, as far as it can cross into a Worker, plus where to report. */
export interface WorkerEngineOptions extends Omit<WorkerLoadOptions, 'source'> {
  /** A URL (relative ones resolve against the page), `{ hub }` or `{ files }`; a custom store cannot cross into a Worker. */
  source: ModelSource;
  signal?: AbortSignal;
  onProgress?: (progress: LoadProgress) => void;
  /** A Worker running `startWorkerHost` (e.g. your own bundle's). Default: Cowrite's module Worker. */
  worker?: Worker;
}

interface Pending {
  push(chunk: GenerationChunk): void;
  done(result: GenerationResult): void;
  fail(error: Error): void;
}

function transferableSource(source: ModelSource): TransferableSource {
  if (source instanceof URL) return source.href;
  // Relative URLs must resolve against the page, not the Worker script.
  if (typeof source === 'string') return resolveAgainstPage(source);
  if ('read' in source) throw new InvalidArgumentError('INVALID_SOURCE', 'source', 'A custom ModelFileStore cannot be passed to a Worker; use a URL, { hub } or { files }.');
  return source;
}

export class WorkerEngine implements TextGenerator {
  readonly info: ModelInfo;
  readonly contextLength: number;
  readonly #loaded: LoadedModel;
  #tokenizer: Gpt2Tokenizer | undefined;
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;
  #disposed = false;

  private constructor(worker: Worker, loaded: LoadedModel) {
    this.#worker = worker;
    this.info = loaded.info;
    this.contextLength = loaded.contextLength;
    this.#loaded = loaded;
    worker.addEventListener('message', (event: MessageEvent<FromWorker>) => this.#onMessage(event.data));
    worker.addEventListener('error', (event) => this.#failAll(new CowriteError('MODEL_DISPOSED', `The engine Worker crashed: ${event.message}`)));
  }

  /** Starts the Worker, loads the model there, and resolves once it is ready. */
  static async create(options: WorkerEngineOptions): Promise<WorkerEngine> {
    throwIfAborted(options.signal);
    const { source, signal: _signal, onProgress: _onProgress, worker: _worker, ...rest } = options;
    const load: WorkerLoadOptions = { ...rest, source: transferableSource(source) };
    const worker = options.worker ?? new Worker(new URL('./worker-entry.ts', import.meta.url), { type: 'module', name: 'cowrite-engine' });
    try {
      const loaded = await new Promise<LoadedModel>((resolve, reject) => {
        const onAbort = () => reject(abortError(options.signal));
        options.signal?.addEventListener('abort', onAbort, { once: true });
        const onMessage = (event: MessageEvent<FromWorker>) => {
          const message = event.data;
          if (message.type === 'progress') options.onProgress?.(message.progress);
          else if (message.type === 'loaded' || message.type === 'load-error') {
            worker.removeEventListener('message', onMessage);
            options.signal?.removeEventListener('abort', onAbort);
            if (message.type === 'loaded') resolve(message.model);
            else reject(deserializeError(message.error));
          }
        };
        worker.addEventListener('message', onMessage);
        worker.addEventListener('error', (event) => reject(new CowriteError('MODEL_UNSUPPORTED', `The engine Worker failed to start: ${event.message}`)), { once: true });
        worker.postMessage({ type: 'load', options: load } satisfies ToWorker);
      });
      return new WorkerEngine(worker, loaded);
    } catch (error) {
      worker.terminate();
      throw error;
    }
  }

  /**
   * Built on first use (parsing GPT-2's vocabulary takes a few hundred ms), so
   * creating the engine never blocks the page; widgets that count tokens pay it once.
   */
  get tokenizer(): Gpt2Tokenizer {
    this.#tokenizer ??= new Gpt2Tokenizer(JSON.parse(this.#loaded.tokenizerJson) as object, JSON.parse(this.#loaded.tokenizerConfig) as object);
    return this.#tokenizer;
  }

  async generate(prompt: Prompt, options: GenerationOptions = {}): Promise<GenerationResult> {
    const stream = this.#request(prompt, options);
    for (;;) {
      const step = await stream.next();
      if (step.done) return step.value;
    }
  }

  stream(prompt: Prompt, options: GenerationOptions = {}): AsyncGenerator<GenerationChunk, GenerationResult> {
    return this.#request(prompt, options);
  }

  /** Stops the Worker and frees the model. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#failAll(new CowriteError('MODEL_DISPOSED', 'The engine was disposed.'));
    this.#worker.postMessage({ type: 'dispose' } satisfies ToWorker);
    this.#worker.terminate();
  }

  async *#request(prompt: Prompt, options: GenerationOptions): AsyncGenerator<GenerationChunk, GenerationResult> {
    if (this.#disposed) throw new CowriteError('MODEL_DISPOSED', 'The engine was disposed.');
    assertOptionsObject(options);
    const { signal, ...rest } = options;
    throwIfAborted(signal);
    const id = this.#nextId++;
    const queue: GenerationChunk[] = [];
    let result: GenerationResult | undefined;
    let failure: Error | undefined;
    let wake: (() => void) | undefined;
    const notify = () => {
      wake?.();
      wake = undefined;
    };
    this.#pending.set(id, {
      push: (chunk) => (queue.push(chunk), notify()),
      done: (r) => ((result = r), notify()),
      fail: (e) => ((failure = e), notify()),
    });
    const onAbort = () => {
      this.#worker.postMessage({ type: 'abort', id } satisfies ToWorker);
      notify();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    let finished = false;
    try {
      this.#worker.postMessage({ type: 'generate', id, prompt: typeof prompt === 'string' ? prompt : [...prompt], options: rest } satisfies ToWorker);
      for (;;) {
        // A local abort wins at once: chunks the Worker produced meanwhile are dropped.
        if (signal?.aborted) throw abortError(signal);
        if (queue.length > 0) {
          yield queue.shift() as GenerationChunk;
          continue;
        }
        if (failure) throw failure;
        if (result) {
          finished = true;
          return result;
        }
        await new Promise<void>((resolve) => (wake = resolve));
      }
    } finally {
      signal?.removeEventListener('abort', onAbort);
      this.#pending.delete(id);
      // The consumer stopped early (break/return): stop the Worker's work too.
      if (!finished && !failure) onAbort();
    }
  }

  #onMessage(message: FromWorker): void {
    if (message.type !== 'chunk' && message.type !== 'done' && message.type !== 'error') return;
    const pending = this.#pending.get(message.id);
    if (!pending) return;
    if (message.type === 'chunk') pending.push(message.chunk);
    else if (message.type === 'done') pending.done(message.result);
    else pending.fail(deserializeError(message.error));
  }

  #failAll(error: Error): void {
    for (const pending of this.#pending.values()) pending.fail(error);
  }
}

/** Loads a model in a dedicated module Worker; the returned engine has the in-process API. */
export function createWorkerEngine(options: WorkerEngineOptions): Promise<WorkerEngine> {
  return WorkerEngine.create(options);
}
