/**
 * `availability()` answers before anything is fetched whether a model can be used now, in the
 * shape of Chrome's built-in AI APIs: 'unavailable' | 'downloadable' | 'downloading' | 'available'.
 * A complete load leaves a manifest (which files make the model) in a download cache, so the
 * answer checks every file rather than guessing from one.
 */
import type { ModelDtype } from './dtype.ts';
import { type StoreOptions, openStore } from './open-store.ts';
import type { ModelFileStore } from './store/file-store.ts';

/** Whether a model can be used now: `available` (local, or every file cached), `downloadable`, `downloading` (a load is running in this realm) or `unavailable` (no WebAssembly). */
export type Availability = 'unavailable' | 'downloadable' | 'downloading' | 'available';

/** Loads running in this realm, by source + dtype + file. */
const loadsInFlight = new Set<string>();

function loadKey(store: ModelFileStore, dtype: ModelDtype, modelFile?: string): string {
  return `${store.location}|${dtype}|${modelFile ?? ''}`;
}

/** Marks a load of this model as running until `done` settles, so `availability` answers 'downloading'. */
export async function trackLoad<T>(store: ModelFileStore, dtype: ModelDtype, modelFile: string | undefined, done: () => Promise<T>): Promise<T> {
  const key = loadKey(store, dtype, modelFile);
  loadsInFlight.add(key);
  try {
    return await done();
  } finally {
    loadsInFlight.delete(key);
  }
}

function manifestName(dtype: ModelDtype, modelFile?: string): string {
  return `.cowrite-manifest-${dtype}${modelFile ? `-${encodeURIComponent(modelFile)}` : ''}.json`;
}

/** After a complete load, records which files the model consists of (stores that persist only). */
export async function writeManifest(store: ModelFileStore, dtype: ModelDtype, modelFile: string | undefined, files: readonly string[]): Promise<void> {
  await store.writeRecord?.(manifestName(dtype, modelFile), new TextEncoder().encode(JSON.stringify({ files })));
}

async function readManifest(store: ModelFileStore, dtype: ModelDtype, modelFile: string | undefined): Promise<string[] | undefined> {
  const bytes = await store.readRecord?.(manifestName(dtype, modelFile)).catch(() => undefined);
  if (!bytes) return undefined;
  try {
    const { files } = JSON.parse(new TextDecoder().decode(bytes)) as { files?: unknown };
    return Array.isArray(files) && files.every((file) => typeof file === 'string') ? files : undefined;
  } catch {
    return undefined; // a damaged manifest: the model is downloaded (and the manifest written) again
  }
}

/** Options for `availability()`: the same source, cache and file choice as `loadModel`. */
export interface AvailabilityOptions extends StoreOptions {
  /** Weight precision to check for, as in `loadModel`. Default `fp32`. */
  dtype?: ModelDtype;
  /** The ONNX file to check for, when `loadModel` is given one. */
  modelFile?: string;
}

/** Tells, without downloading, whether the model could load now; answers `available` only when every file of a previous complete load is cached. */
export async function availability(options: AvailabilityOptions): Promise<Availability> {
  if (typeof WebAssembly !== 'object') return 'unavailable';
  const dtype = options.dtype ?? 'fp32';
  const store = openStore(options);
  if (loadsInFlight.has(loadKey(store, dtype, options.modelFile))) return 'downloading';
  const residence = store.residence ?? 'local';
  if (residence !== 'cache') return residence === 'network' ? 'downloadable' : 'available';
  const files = await readManifest(store, dtype, options.modelFile);
  if (!files || !store.isCached) return 'downloadable';
  const isCached = store.isCached.bind(store);
  const cached = await Promise.all(files.map((file) => isCached(file)));
  return cached.every(Boolean) ? 'available' : 'downloadable';
}
