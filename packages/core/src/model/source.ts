import { InvalidArgumentError } from '../errors/cowrite-error.ts';
import { hasUrlScheme, isNode, resolveAgainstPage } from '../runtime/environment.ts';
import type { ModelFileStore } from './store/file-store.ts';
import { HttpFileStore, type HttpStoreOptions } from './store/http-store.ts';
import { LocalFileStore } from './store/local-store.ts';
import { MemoryFileStore, type ModelFileData } from './store/memory-store.ts';

/** A Hugging Face hub repository, e.g. `{ hub: 'Xenova/gpt2' }`. */
export interface HubSource {
  /** Repository id, `"owner/name"`. */
  hub: string;
  /** Branch, tag or commit. Default `main`. */
  revision?: string;
  /** Hub host, or a mirror that uses the same `/{repo}/resolve/{revision}/{file}` scheme. Default `https://huggingface.co`. */
  host?: string;
}

/** Files already in memory, keyed by their path in the hub layout (`onnx/model.onnx`). */
export interface MemorySource {
  /** File contents (bytes, `ArrayBuffer`, `Blob` or string) by path in the hub layout. */
  files: Record<string, ModelFileData> | ReadonlyMap<string, ModelFileData>;
}

/**
 * Where a model comes from:
 * - a URL (string or `URL`) of a folder in the hub layout: self-hosted, CDN, or a page-relative path such as `/models/gpt2/`;
 * - in Node, a local directory path (or `file:` URL);
 * - a hub repository `{ hub, revision?, host? }`;
 * - in-memory files `{ files }`;
 * - any custom `ModelFileStore`.
 */
export type ModelSource = string | URL | HubSource | MemorySource | ModelFileStore;

export const DEFAULT_HUB_HOST = 'https://huggingface.co';


export function hubBaseUrl(source: HubSource): string {
  const repo = source.hub.trim();
  if (!/^[\w.-]+\/[\w.-]+$/.test(repo)) {
    throw new InvalidArgumentError('INVALID_SOURCE', 'source.hub', `"${source.hub}" is not a hub repository id; expected "owner/name", e.g. "Xenova/gpt2".`);
  }
  const host = (source.host ?? DEFAULT_HUB_HOST).replace(/\/+$/, '');
  const revision = encodeURIComponent(source.revision ?? 'main');
  return `${host}/${repo}/resolve/${revision}/`;
}

export function openModelSource(source: ModelSource, http: HttpStoreOptions = {}): ModelFileStore {
  if (source instanceof URL) return storeForUrl(source, http);
  if (typeof source === 'string') {
    if (source.trim() === '') throw new InvalidArgumentError('INVALID_SOURCE', 'source', 'The model source is empty; pass a URL, a directory path, { hub } or { files }.');
    if (hasUrlScheme(source)) return storeForUrl(new URL(source), http);
    if (isNode) return new LocalFileStore(source);
    return new HttpFileStore(resolveAgainstPage(source), http);
  }
  if (typeof source === 'object' && source !== null) {
    if ('read' in source && typeof source.read === 'function') return source;
    if ('hub' in source) return new HttpFileStore(hubBaseUrl(source), http);
    if ('files' in source) return new MemoryFileStore(source.files);
  }
  throw new InvalidArgumentError('INVALID_SOURCE', 'source', 'Unrecognised model source; pass a URL, a directory path (Node), { hub: "owner/name" } or { files }.');
}

function storeForUrl(url: URL, http: HttpStoreOptions): ModelFileStore {
  if (url.protocol === 'file:') {
    if (!isNode) throw new InvalidArgumentError('INVALID_SOURCE', 'source', 'file: URLs only work in Node; serve the model over HTTP in a browser.');
    return new LocalFileStore(decodeURIComponent(url.pathname));
  }
  if (url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'blob:') return new HttpFileStore(url.href, http);
  throw new InvalidArgumentError('INVALID_SOURCE', 'source', `Unsupported URL scheme "${url.protocol}" for a model source.`);
}
