import { CowriteError } from '@cowrite/core';
import type { TextGenerator } from '@cowrite/core';

/** Where an `EngineSource` is: no engine yet (`idle`), `loading`, `ready`, or `error` (see `error`). */
export type EngineStatus = 'idle' | 'loading' | 'ready' | 'error';

/** What a Worker-backed engine says about its Worker (core's `WorkerEngine.health`). */
export type EngineHealth = 'ok' | 'restarting' | 'restarted' | 'failed';

interface HealthReporting extends EventTarget {
  readonly health: EngineHealth;
  readonly failure?: Error;
}

function reportsHealth(engine: TextGenerator | undefined): engine is TextGenerator & HealthReporting {
  return engine instanceof EventTarget && typeof (engine as Partial<HealthReporting>).health === 'string';
}

/** Download progress in bytes; `total` is unknown until the server says. */
export interface EngineLoadProgress {
  /** Bytes downloaded so far. */
  loaded: number;
  /** Bytes to download in all; undefined while unknown. */
  total?: number;
  /** The file being fetched, when the loader reports it. */
  file?: string;
}

/** What an `EngineLoader` receives. */
export interface EngineLoadContext {
  /** Aborted when a later `load` or `setEngine` replaces this load; stop loading then. */
  signal: AbortSignal;
  /** Reports download progress; shown by `<cw-model-status>`. */
  onProgress(progress: EngineLoadProgress): void;
}

/** Produces an engine; receives an abort signal and a progress callback. */
export type EngineLoader = (context: EngineLoadContext) => Promise<TextGenerator>;

/** What engines may say about where they run: a `backend` name, or core's `info.runtime`. */
interface DescribedEngine {
  readonly backend?: string;
  readonly info?: { runtime?: { backend?: string; threads?: number } };
}

/** A short label such as `wasm · 2 threads`, when the engine tells. */
export function describeBackend(engine: TextGenerator | undefined): string | undefined {
  const described = engine as DescribedEngine | undefined;
  if (typeof described?.backend === 'string') return described.backend;
  const runtime = described?.info?.runtime;
  if (!runtime?.backend) return undefined;
  return runtime.threads ? `${runtime.backend} · ${runtime.threads} thread${runtime.threads === 1 ? '' : 's'}` : runtime.backend;
}

/**
 * One shared engine and its loading state. Widgets read `engine`; status widgets listen
 * for `change`. Loading is retried with the same loader, which is the only sensible
 * retry after a network failure.
 */
export class EngineSource extends EventTarget {
  /** The engine, once `ready`; undefined otherwise. */
  engine: TextGenerator | undefined = undefined;
  /** Where loading is; every change fires `change`. */
  status: EngineStatus = 'idle';
  /** Download progress while `loading`; undefined before the first report. */
  progress: EngineLoadProgress | undefined = undefined;
  /** Where the engine runs, e.g. `wasm · 2 threads`, when the engine tells. */
  backend: string | undefined = undefined;
  /** Why loading failed (or the Worker died), with status `error`; undefined otherwise. */
  error: Error | undefined = undefined;
  /** The engine's Worker: `restarting` after it died, `restarted` once replaced, `failed` when gone for good. */
  health: EngineHealth = 'ok';
  #loader: EngineLoader | undefined = undefined;
  #watched: (TextGenerator & HealthReporting) | undefined = undefined;
  #onHealth = (): void => {
    const engine = this.#watched;
    if (!engine || engine !== this.engine) return;
    this.health = engine.health;
    if (engine.health === 'failed') {
      this.status = 'error';
      this.error = engine.failure ?? new CowriteError('WORKER_FAILED', 'The engine stopped.');
    } else {
      this.status = engine.health === 'restarting' ? 'loading' : 'ready';
      this.error = undefined;
    }
    this.#changed();
  };
  #loading: AbortController | undefined = undefined;

  /** Uses a ready engine (a scripted one, a Worker client, a model loaded by the page). */
  setEngine(engine: TextGenerator | undefined, backend?: string): void {
    this.#loading?.abort();
    this.engine = engine;
    this.#watch(engine);
    this.status = engine ? 'ready' : 'idle';
    this.backend = backend ?? describeBackend(engine);
    this.error = undefined;
    this.progress = undefined;
    this.#changed();
  }

  /** Loads an engine; a later `load` or `setEngine` cancels this one. */
  async load(loader: EngineLoader): Promise<void> {
    this.#loading?.abort();
    const controller = new AbortController();
    this.#loading = controller;
    this.#loader = loader;
    this.engine = undefined;
    this.status = 'loading';
    this.error = undefined;
    this.progress = undefined;
    this.#changed();
    try {
      const engine = await loader({
        signal: controller.signal,
        onProgress: (progress) => {
          if (controller.signal.aborted) return;
          this.progress = progress;
          this.#changed();
        },
      });
      if (controller.signal.aborted) return;
      this.engine = engine;
      this.#watch(engine);
      this.backend = describeBackend(engine) ?? this.backend;
      this.status = 'ready';
    } catch (cause) {
      if (controller.signal.aborted) return;
      this.error = cause instanceof Error ? cause : new CowriteError('WORKER_FAILED', `The engine failed to start: ${String(cause)}`, { cause });
      this.status = 'error';
    }
    this.#changed();
  }

  /** Runs the last loader again (after an error). */
  retry(): Promise<void> {
    return this.#loader ? this.load(this.#loader) : Promise.resolve();
  }

  /** Follows a Worker engine's health, so a dead Worker shows as such instead of "ready". */
  #watch(engine: TextGenerator | undefined): void {
    this.#watched?.removeEventListener('healthchange', this.#onHealth);
    this.#watched = reportsHealth(engine) ? engine : undefined;
    this.health = this.#watched?.health ?? 'ok';
    this.#watched?.addEventListener('healthchange', this.#onHealth);
  }

  #changed(): void {
    this.dispatchEvent(new Event('change'));
  }
}

/** The page-level source every widget falls back to. */
export const pageEngineSource = new EngineSource();

/** Declares the page's engine once; every widget without its own `engine` uses it. */
export function setDefaultEngine(engine: TextGenerator | undefined, backend?: string): void {
  pageEngineSource.setEngine(engine, backend);
}

/** Loads the page's engine once, with progress for `<cw-model-status>`. */
export function loadDefaultEngine(loader: EngineLoader): Promise<void> {
  return pageEngineSource.load(loader);
}

/** Anything that holds an engine source: `<cw-engine-provider>` implements it. */
export interface EngineSourceHost {
  /** The engine source this element and its descendants use. */
  readonly engineSource: EngineSource;
}

function isSourceHost(node: Node): node is Element & EngineSourceHost {
  return node instanceof Element && (node as Partial<EngineSourceHost>).engineSource instanceof EngineSource;
}

/** The closest provider around `element` (crossing shadow roots), else the page source. */
export function findEngineSource(element: Element): EngineSource {
  let node: Node | null = element.parentNode ?? null;
  while (node) {
    if (isSourceHost(node)) return node.engineSource;
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return pageEngineSource;
}
