import { CacheApiModelCache } from './cache/cache-api-cache.ts';
import type { ModelCache } from './cache/model-cache.ts';
import { OpfsModelCache } from './cache/opfs-cache.ts';
import { type ModelSource, openModelSource } from './source.ts';
import { CachingFileStore } from './store/caching-store.ts';
import type { ModelFileStore } from './store/file-store.ts';
import { HttpFileStore } from './store/http-store.ts';

/** Where downloaded model files persist: the browser's Cache API, OPFS, nowhere (`none`), or your own `ModelCache`. */
export type CacheOption = 'cache-api' | 'opfs' | 'none' | ModelCache;

/** Where a model's files come from and how downloads are fetched and cached. */
export interface StoreOptions {
  /** Where the model comes from: URL, local directory, hub repository, in-memory files or a custom store. */
  source: ModelSource;
  /** Where downloads persist. Default: the Cache API where it exists (pages, Workers); `none` elsewhere. Local and in-memory sources are never cached. */
  cache?: CacheOption;
  /** Known sha256 (hex) per file path, e.g. from the hub's LFS pointers: verified before a file is cached or used. */
  integrity?: Record<string, string>;
  /** The `fetch` used for downloads (e.g. to add auth or route through a proxy). Default: the global `fetch`. */
  fetch?: typeof fetch;
  /** Extra request headers, e.g. `Authorization` for a private hub repository. */
  headers?: Record<string, string>;
  /** Download attempts after a network failure. Default 3. */
  retries?: number;
}

function resolveCache(option: CacheOption | undefined): ModelCache | undefined {
  if (option === 'none') return undefined;
  if (option === 'opfs') return new OpfsModelCache();
  if (option === 'cache-api' || option === undefined) return CacheApiModelCache.isSupported() ? new CacheApiModelCache() : undefined;
  return option;
}

/** The store a load reads from: the source's own, wrapped in a verifying cache for downloads. */
export function openStore(options: StoreOptions): ModelFileStore {
  const store = openModelSource(options.source, { fetch: options.fetch, headers: options.headers, retries: options.retries });
  if (!(store instanceof HttpFileStore)) return store;
  const cache = resolveCache(options.cache);
  return cache ? new CachingFileStore(store, cache, options.integrity) : store;
}
