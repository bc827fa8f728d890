/**
 * `availability()` answers before anything is fetched whether a model can be
 * used now, in the shape of Chrome's built-in AI APIs:
 * 'unavailable' | 'downloadable' | 'downloading' | 'available'.
 */
import type { ModelDtype } from '../model/dtype.ts';
import { type StoreOptions, openStore } from '../model/open-store.ts';
import { CachingFileStore } from '../model/store/caching-store.ts';
import type { ModelFileStore } from '../model/store/file-store.ts';
import { HttpFileStore } from '../model/store/http-store.ts';

export type Availability = 'unavailable' | 'downloadable' | 'downloading' | 'available';

/** Loads running in this realm, by source + dtype. */
export const loadsInFlight = new Set<string>();

export function loadKey(store: ModelFileStore, dtype: ModelDtype, modelFile?: string): string {
  return `${store.location}|${dtype}|${modelFile ?? ''}`;
}

const MANIFEST = '.cowrite-manifest';

function manifestPath(dtype: ModelDtype, modelFile?: string): string {
  return `${MANIFEST}-${dtype}${modelFile ? `-${encodeURIComponent(modelFile)}` : ''}.json`;
}

/** After a complete load, records which files the model consists of, so `availability` can check them all. */
export async function writeManifest(store: ModelFileStore, dtype: ModelDtype, modelFile: string | undefined, files: string[]): Promise<void> {
  if (!(store instanceof CachingFileStore)) return;
  const bytes = new TextEncoder().encode(JSON.stringify({ files }));
  await store.cache.put(store.key(manifestPath(dtype, modelFile)), bytes, { size: bytes.byteLength });
}

export interface AvailabilityOptions extends StoreOptions {
  dtype?: ModelDtype;
  modelFile?: string;
}

export async function availability(options: AvailabilityOptions): Promise<Availability> {
  if (typeof WebAssembly !== 'object') return 'unavailable';
  const dtype = options.dtype ?? 'fp32';
  const store = openStore(options);
  if (loadsInFlight.has(loadKey(store, dtype, options.modelFile))) return 'downloading';
  if (!(store instanceof CachingFileStore)) {
    // Local and in-memory files are already here; a URL without a cache downloads every time.
    return store instanceof HttpFileStore ? 'downloadable' : 'available';
  }
  const manifest = await store.cache.get(store.key(manifestPath(dtype, options.modelFile))).catch(() => undefined);
  if (!manifest) return 'downloadable';
  const { files } = JSON.parse(new TextDecoder().decode(manifest.bytes)) as { files: string[] };
  const cached = await Promise.all(files.map((file) => store.isCached(file)));
  return cached.every(Boolean) ? 'available' : 'downloadable';
}
