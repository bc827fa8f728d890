import { ModelNotFoundError, NetworkError, throwIfAborted } from '../errors/cowrite-error.ts';
import { isNode } from '../runtime/environment.ts';
import { importNodeModule } from '../runtime/node-module.ts';
import type * as NodeFs from 'node:fs/promises';
import { gunzipIfNeeded, readPackedModel } from './packed-format.ts';
import { PhraseModel } from './phrase-model.ts';

/** The English review phrase model that ships in this package (`models/review-phrases-en.cwpm`, ≈ 2.9 MB). */
export const REVIEW_PHRASES_EN_URL: URL = new URL('../../models/review-phrases-en.cwpm', import.meta.url);

/** Options of `loadPhraseModel`: give `bytes`, or a `url`, or neither for the shipped English model. */
export interface LoadPhraseModelOptions {
  /** Where the `.cwpm` file is: a URL (page-relative, https:, file:) — default: the shipped English model. */
  url?: string | URL;
  /** The file's bytes, when the page already has them (gzip-compressed or not). */
  bytes?: ArrayBuffer | Uint8Array;
  /** Cancels the download; the promise rejects with a DOMException named `AbortError`. */
  signal?: AbortSignal;
}

const loaded = new Map<string, Promise<PhraseModel>>();

/**
 * Loads a phrase model; the same URL is read and parsed once per page (models are immutable).
 * Errors: `MODEL_NOT_FOUND` (404), `NETWORK`, `MODEL_CORRUPT` (not a phrase model file).
 */
export async function loadPhraseModel(options: LoadPhraseModelOptions = {}): Promise<PhraseModel> {
  throwIfAborted(options.signal);
  if (options.bytes !== undefined) return parse(options.bytes);
  const href = String(options.url ?? REVIEW_PHRASES_EN_URL);
  let pending = loaded.get(href);
  if (!pending) {
    pending = fetchBytes(href, options.signal).then(parse);
    loaded.set(href, pending);
    // A failed load is not remembered: the next call tries again.
    pending.catch(() => loaded.delete(href));
  }
  return pending;
}

async function parse(bytes: ArrayBuffer | Uint8Array): Promise<PhraseModel> {
  const raw = await gunzipIfNeeded(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
  return new PhraseModel(readPackedModel(raw));
}

async function fetchBytes(href: string, signal: AbortSignal | undefined): Promise<Uint8Array> {
  if (isNode && href.startsWith('file:')) {
    const { readFile } = await importNodeModule<typeof NodeFs>('node:fs/promises');
    try {
      return new Uint8Array(await readFile(new URL(href), signal ? { signal } : {}));
    } catch (error) {
      throwIfAborted(signal);
      throw new ModelNotFoundError(href, `No phrase model file at ${href}.`, { cause: error });
    }
  }
  let response: Response;
  try {
    response = await fetch(href, signal ? { signal } : {});
  } catch (error) {
    throwIfAborted(signal);
    throw new NetworkError(href, `The phrase model could not be downloaded from ${href}.`, { cause: error });
  }
  if (response.status === 404) throw new ModelNotFoundError(href, `No phrase model file at ${href}.`);
  if (!response.ok) throw new NetworkError(href, `The phrase model download from ${href} failed with HTTP ${response.status}.`);
  return new Uint8Array(await response.arrayBuffer());
}
