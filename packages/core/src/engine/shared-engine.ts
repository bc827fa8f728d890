/**
 * One engine per page and model: every widget that asks for the same source and
 * dtype gets the same loaded model (fetched and compiled once). In browsers it runs
 * in a module Worker; where there is no Worker (Node, tests) it runs in-process.
 */
import type { LoadProgress } from '../model/download-files.ts';
import { loadModel, type LoadModelOptions } from './load-model.ts';
import type { Gpt2Model } from './gpt2-model.ts';
import { supersedingChannel } from './superseding-channel.ts';
import type { TextGenerator } from '../contracts/text-generator.ts';
import { createWorkerEngine, WorkerEngine, type WorkerEngineOptions } from './worker/worker-engine.ts';
import { CowriteError } from '../errors/cowrite-error.ts';
import { wasmCompileBlockedReason } from '../model/wasm-blocked.ts';
import type { ModelSource } from '../model/source.ts';
import { resolveAgainstPage } from '../runtime/environment.ts';

/** Options for `getSharedEngine`: `loadModel`'s options (cache named, not a custom object) plus where it runs. */
export type SharedEngineOptions = Omit<LoadModelOptions, 'signal' | 'onProgress' | 'fetch' | 'cache'> & {
  cache?: 'cache-api' | 'opfs' | 'none';
  /** `worker` (default where Worker exists) or `in-process`. */
  mode?: 'worker' | 'in-process';
  onProgress?: (progress: LoadProgress) => void;
};

/** A loaded model: in-process (`Gpt2Model`) or in a Worker (`WorkerEngine`); both are `TextGenerator`s. */
export type Engine = Gpt2Model | WorkerEngine;

interface Entry {
  engine: Promise<Engine>;
  listeners: Set<(progress: LoadProgress) => void>;
}

const engines = new Map<string, Entry>();

function sourceKey(source: ModelSource): string {
  if (typeof source === 'string') return resolveAgainstPage(source);
  if (source instanceof URL) return source.href;
  if ('hub' in source) return `hub:${source.host ?? ''}/${source.hub}@${source.revision ?? 'main'}`;
  return `object:${engines.size}:${Math.random()}`; // in-memory files and custom stores are never shared by accident
}

/**
 * A Worker engine, or the model in the page when the page will not run the Worker (a strict
 * CSP's worker-src, Trusted Types without the `cowrite` policy, a Worker script that fails to
 * start). Where WebAssembly itself is blocked, the page cannot run it either: that error stands.
 */
async function inWorkerOrPage(options: WorkerEngineOptions): Promise<Engine> {
  try {
    return await createWorkerEngine(options);
  } catch (error) {
    const workerBlocked = error instanceof CowriteError && (error.code === 'CSP_BLOCKED' || error.code === 'WORKER_FAILED');
    if (!workerBlocked || wasmCompileBlockedReason() !== undefined) throw error;
    return loadModel(options);
  }
}

/** The page's engine for this model, loading it on first use. Progress goes to every caller still waiting. */
export function getSharedEngine(options: SharedEngineOptions): Promise<Engine> {
  const key = `${sourceKey(options.source)}|${options.dtype ?? 'fp32'}|${options.modelFile ?? ''}`;
  let entry = engines.get(key);
  if (!entry) {
    const listeners = new Set<(progress: LoadProgress) => void>();
    const onProgress = (progress: LoadProgress) => {
      for (const listener of listeners) listener(progress);
    };
    const { mode, onProgress: _ignored, ...load } = options;
    const useWorker = (mode ?? (typeof Worker === 'function' ? 'worker' : 'in-process')) === 'worker';
    const engine: Promise<Engine> = useWorker ? inWorkerOrPage({ ...load, onProgress }) : loadModel({ ...load, onProgress });
    entry = { engine, listeners };
    engines.set(key, entry);
    const current = entry;
    const forget = () => {
      if (engines.get(key) === current) engines.delete(key);
    };
    // A failed load is not cached: the next call (a retry button) tries again. Nor is an engine whose Worker is gone for good.
    engine.then((ready) => {
      if (ready instanceof WorkerEngine) ready.addEventListener('healthchange', () => ready.health === 'failed' && forget());
    }, forget);
    engine.finally(() => listeners.clear()).catch(() => {});
  }
  if (options.onProgress) entry.listeners.add(options.onProgress);
  return entry.engine;
}

/** A widget's own view of the shared engine: its newer request cancels its older one. */
export async function getEngineChannel(options: SharedEngineOptions): Promise<TextGenerator> {
  return supersedingChannel(await getSharedEngine(options));
}

/** Forgets (and disposes) every shared engine, e.g. between tests or when a page swaps models. */
export async function disposeSharedEngines(): Promise<void> {
  const all = [...engines.values()];
  engines.clear();
  await Promise.all(all.map(async (entry) => (await entry.engine.catch(() => undefined))?.dispose()));
}
