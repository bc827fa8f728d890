/**
 * The page side of the Worker engine: the same `TextGenerator` API as an
 * in-process model (`generate`, `stream`, `AbortSignal`), while loading and
 * decoding happen in a dedicated module Worker, so typing never janks.
 * The tokenizer is rebuilt on the page from the Worker's copy (no second
 * download), because prompt budgeting needs synchronous token counts.
 *
 * A Worker can die without a word (killed for memory, a crash, terminated): while
 * requests are in flight the engine pings it, and one that stays silent past
 * `livenessTimeoutMs`, or reports an error, is replaced once. Requests in flight then
 * fail with WORKER_FAILED; `health` and a `healthchange` event tell a status widget.
 */
import { CowriteError, InvalidArgumentError, abortError, throwIfAborted } from '../../errors/cowrite-error.ts';
import type { GenerationChunk, GenerationOptions, GenerationResult } from '../../contracts/generation.ts';
import { assertOptionsObject } from '../../generate/resolve-options.ts';
import type { ModelSource } from '../../model/source.ts';
import { Gpt2Tokenizer } from '../../tokenizer/gpt2-tokenizer.ts';
import { resolveAgainstPage } from '../../runtime/environment.ts';
import type { ModelInfo } from '../gpt2-model.ts';
import type { LoadProgress } from '../../model/download-files.ts';
import type { Prompt, TextGenerator } from '../../contracts/text-generator.ts';
import { type FromWorker, type LoadedModel, type ToWorker, type TransferableSource, type WorkerLoadOptions, deserializeError } from './protocol.ts';
import { spawnEngineWorker } from './spawn-worker.ts';

/** What `loadModel` takes, as far as it can cross into a Worker, plus where to report. */
export interface WorkerEngineOptions extends Omit<WorkerLoadOptions, 'source'> {
  /** A URL (relative ones resolve against the page), `{ hub }` or `{ files }`; a custom store cannot cross into a Worker. */
  source: ModelSource;
  /** Cancels loading; the promise rejects with an `AbortError` and the Worker is stopped. */
  signal?: AbortSignal;
  /** Called with loading progress as the Worker downloads and compiles the model. */
  onProgress?: (progress: LoadProgress) => void;
  /** A Worker running `startWorkerHost` (e.g. your own bundle's). Default: Cowrite's module Worker. Not restarted when it dies. */
  worker?: Worker;
  /** Starts a Worker running `startWorkerHost`; called again to replace one that died. Default: Cowrite's module Worker. */
  spawnWorker?: () => Worker;
  /** How long a Worker with requests in flight may stay silent (no chunk, no answer to a ping) before it is taken for dead. Default 30,000 ms: a long prompt's first step on a slow phone runs without a break. */
  livenessTimeoutMs?: number;
}

/** `ok`; `restarting` after the Worker died; `restarted` once its replacement runs; `failed` when that died too (or could not start). */
export type WorkerHealth = 'ok' | 'restarting' | 'restarted' | 'failed';

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

const DEFAULT_LIVENESS_MS = 30_000;

/** Loads the model in `worker`; resolves with what the page needs, rejects with the Worker's typed error. */
function loadIn(worker: Worker, load: WorkerLoadOptions, signal?: AbortSignal, onProgress?: (progress: LoadProgress) => void): Promise<LoadedModel> {
  return new Promise<LoadedModel>((resolve, reject) => {
    // A CSP that refuses the Worker script reports a violation on the page, then an `error` on the Worker.
    let refusedBy: string | undefined;
    const onViolation = (event: Event) => {
      const directive = (event as SecurityPolicyViolationEvent).effectiveDirective ?? '';
      if (directive.startsWith('worker-src') || directive.startsWith('script-src') || directive.startsWith('default-src')) refusedBy = directive;
    };
    globalThis.addEventListener?.('securitypolicyviolation', onViolation);
    const cleanup = () => {
      worker.removeEventListener('message', onMessage);
      worker.removeEventListener('error', onError);
      signal?.removeEventListener('abort', onAbort);
      globalThis.removeEventListener?.('securitypolicyviolation', onViolation);
    };
    const onAbort = () => (cleanup(), reject(abortError(signal)));
    const onMessage = (event: MessageEvent<FromWorker>) => {
      const message = event.data;
      if (message.type === 'progress') onProgress?.(message.progress);
      else if (message.type === 'loaded' || message.type === 'load-error') {
        cleanup();
        if (message.type === 'loaded') resolve(message.model);
        else reject(deserializeError(message.error));
      }
    };
    // A Worker whose script cannot run (blocked by worker-src/script-src, or a 404) only fires `error`.
    const onError = (event: ErrorEvent) => {
      cleanup();
      if (refusedBy) {
        reject(new CowriteError('CSP_BLOCKED', `The page's Content-Security-Policy (${refusedBy}) refused the engine Worker. Allow it with worker-src 'self' (see the README's "Strict pages"), or run the engine in the page.`));
        return;
      }
      reject(
        new CowriteError(
          'WORKER_FAILED',
          `The engine Worker failed to start${event.message ? `: ${event.message}` : ''}. If the page has a Content-Security-Policy, allow it with worker-src 'self' (see the README's "Strict pages"), or run the engine in the page.`,
        ),
      );
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', onError);
    worker.postMessage({ type: 'load', options: load } satisfies ToWorker);
  });
}

/** A model running in a Web Worker, so generation never blocks the page; create with `createWorkerEngine`. Same interface as `Gpt2Model`; fires `healthchange` when `health` changes. */
export class WorkerEngine extends EventTarget implements TextGenerator {
  /** What was loaded and how it runs. */
  readonly info: ModelInfo;
  /** The model's context window in tokens (prompt plus generated tokens). */
  readonly contextLength: number;
  readonly #loaded: LoadedModel;
  #tokenizer: Gpt2Tokenizer | undefined;
  #worker: Worker;
  readonly #load: WorkerLoadOptions;
  readonly #spawn: (() => Worker) | undefined;
  readonly #livenessMs: number;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;
  #disposed = false;
  #health: WorkerHealth = 'ok';
  #failure: CowriteError | undefined;
  #restarting: Promise<void> | undefined;
  #lastHeard = Date.now();
  #watch: ReturnType<typeof setInterval> | undefined;

  private constructor(worker: Worker, loaded: LoadedModel, load: WorkerLoadOptions, spawn: (() => Worker) | undefined, livenessMs: number) {
    super();
    this.info = loaded.info;
    this.contextLength = loaded.contextLength;
    this.#loaded = loaded;
    this.#load = load;
    this.#spawn = spawn;
    this.#livenessMs = livenessMs;
    this.#worker = worker;
    this.#attach(worker);
  }

  /** Starts the Worker, loads the model there, and resolves once it is ready. */
  static async create(options: WorkerEngineOptions): Promise<WorkerEngine> {
    throwIfAborted(options.signal);
    const { source, signal, onProgress, worker: given, spawnWorker, livenessTimeoutMs, ...rest } = options;
    const load: WorkerLoadOptions = { ...rest, source: transferableSource(source) };
    const spawn = given ? undefined : (spawnWorker ?? spawnEngineWorker);
    const worker = given ?? (spawn as () => Worker)();
    try {
      const loaded = await loadIn(worker, load, signal, onProgress);
      return new WorkerEngine(worker, loaded, load, spawn, livenessTimeoutMs ?? DEFAULT_LIVENESS_MS);
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

  /** Whether the Worker is alive, being replaced, was replaced, or is gone for good. */
  get health(): WorkerHealth {
    return this.#health;
  }

  /** Why the Worker was replaced or given up on (a WORKER_FAILED error). */
  get failure(): CowriteError | undefined {
    return this.#failure;
  }

  /** Generates a completion in the Worker and resolves with the whole result. */
  async generate(prompt: Prompt, options: GenerationOptions = {}): Promise<GenerationResult> {
    const stream = this.#request(prompt, options);
    for (;;) {
      const step = await stream.next();
      if (step.done) return step.value;
    }
  }

  /** Generates a completion in the Worker as it is produced: yields chunks, returns the whole result. */
  stream(prompt: Prompt, options: GenerationOptions = {}): AsyncGenerator<GenerationChunk, GenerationResult> {
    return this.#request(prompt, options);
  }

  /** Stops the Worker and frees the model. */
  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#stopWatch();
    this.#failAll(new CowriteError('MODEL_DISPOSED', 'The engine was disposed.'));
    this.#worker.postMessage({ type: 'dispose' } satisfies ToWorker);
    this.#worker.terminate();
  }

  async *#request(prompt: Prompt, options: GenerationOptions): AsyncGenerator<GenerationChunk, GenerationResult> {
    if (this.#disposed) throw new CowriteError('MODEL_DISPOSED', 'The engine was disposed.');
    assertOptionsObject(options);
    const { signal, ...rest } = options;
    throwIfAborted(signal);
    if (this.#restarting) await this.#restarting;
    if (this.#health === 'failed') throw this.#failure as CowriteError;
    const worker = this.#worker;
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
    this.#startWatch();
    const onAbort = () => {
      worker.postMessage({ type: 'abort', id } satisfies ToWorker);
      notify();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    let finished = false;
    try {
      worker.postMessage({ type: 'generate', id, prompt: typeof prompt === 'string' ? prompt : [...prompt], options: rest } satisfies ToWorker);
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
      if (this.#pending.size === 0) this.#stopWatch();
      // The consumer stopped early (break/return): stop the Worker's work too.
      if (!finished && !failure) onAbort();
    }
  }

  #attach(worker: Worker): void {
    this.#lastHeard = Date.now();
    worker.addEventListener('message', (event: MessageEvent<FromWorker>) => {
      if (worker !== this.#worker) return;
      this.#lastHeard = Date.now();
      this.#onMessage(event.data);
    });
    worker.addEventListener('error', (event) => {
      if (worker === this.#worker) this.#died(`it crashed: ${event.message || 'an uncaught error'}`);
    });
    worker.addEventListener('messageerror', () => {
      if (worker === this.#worker) this.#died('a message from it could not be read');
    });
  }

  /** While requests are in flight: ping, and take a Worker silent past the limit for dead. */
  #startWatch(): void {
    if (this.#watch !== undefined) return;
    this.#lastHeard = Date.now();
    const every = Math.max(50, Math.min(1_000, this.#livenessMs / 3));
    this.#watch = setInterval(() => {
      if (Date.now() - this.#lastHeard > this.#livenessMs) this.#died(`it did not answer for ${Math.round(this.#livenessMs / 1000)} s`);
      else this.#worker.postMessage({ type: 'ping' } satisfies ToWorker);
    }, every);
  }

  #stopWatch(): void {
    clearInterval(this.#watch);
    this.#watch = undefined;
  }

  #died(why: string): void {
    if (this.#disposed || this.#health === 'restarting' || this.#health === 'failed') return;
    this.#stopWatch();
    const error = new CowriteError('WORKER_FAILED', `The engine Worker stopped (${why}). ${this.#spawn && this.#health === 'ok' ? 'It is being restarted; try again.' : 'Reload the page to start it again.'}`);
    this.#failure = error;
    this.#failAll(error);
    this.#worker.terminate();
    if (!this.#spawn || this.#health !== 'ok') {
      this.#setHealth('failed');
      return;
    }
    // Restart once: the model comes from the cache, so this is quick.
    this.#setHealth('restarting');
    this.#restarting = (async () => {
      try {
        const worker = (this.#spawn as () => Worker)();
        this.#worker = worker;
        this.#attach(worker);
        await loadIn(worker, this.#load);
        this.#setHealth('restarted');
      } catch (cause) {
        this.#worker.terminate();
        this.#failure = new CowriteError('WORKER_FAILED', `The engine Worker stopped (${why}) and could not be restarted: ${(cause as Error).message}`, { cause });
        this.#setHealth('failed');
      } finally {
        this.#restarting = undefined;
      }
    })();
  }

  #setHealth(health: WorkerHealth): void {
    this.#health = health;
    this.dispatchEvent(new Event('healthchange'));
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
