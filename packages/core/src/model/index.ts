export type { ModelSource, HubSource, MemorySource } from './source.ts';
export type { ModelFileStore, ReadOptions } from './store/file-store.ts';
export type { ModelFileData } from './store/memory-store.ts';
export type { ModelDtype } from './dtype.ts';
export type { RuntimeOptions, RuntimeInfo } from './ort-runtime.ts';
export type { CacheOption, StoreOptions } from './open-store.ts';
export type { ModelCache, CachedFileMeta } from './cache/model-cache.ts';
export { CacheApiModelCache } from './cache/cache-api-cache.ts';
export { OpfsModelCache } from './cache/opfs-cache.ts';
