import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';

/** One review of ../shared/corpus (see its SOURCES.md). */
export interface CorpusReview {
  text: string;
  source: string;
  stars?: number;
  /** The store's product category, where the source has one ("Women's clothing / Dresses / Dresses"). */
  category?: string;
}

export const CORPUS_DIR = new URL('../../../shared/corpus/', import.meta.url);
export const EN_CORPUS = new URL('en-reviews.jsonl.gz', CORPUS_DIR);
export const ZH_CORPUS = new URL('zh-reviews.jsonl.gz', CORPUS_DIR);

/**
 * Whole stores held out of the phrase model: the co-writing benchmark replays them, so its numbers
 * say how the model does on shops it never saw (grocery, musical instruments, skincare).
 */
export const HELD_OUT_SOURCES: readonly string[] = ['amazon-fine-food', 'amazon-5core-musical-instruments', 'ulta-skincare'];

export function corpusAvailable(): boolean {
  return existsSync(EN_CORPUS);
}

/** Streams the reviews of a `.jsonl` or `.jsonl.gz` file, in file order. */
export async function* readReviews(file: URL | string): AsyncGenerator<CorpusReview> {
  const path = typeof file === 'string' ? file : file.pathname;
  const raw = createReadStream(path);
  const input = path.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim().length === 0) continue;
    const row = JSON.parse(line) as Partial<CorpusReview>;
    if (typeof row.text !== 'string') throw new Error(`${path}: a line has no "text" string`);
    yield {
      text: row.text,
      source: row.source ?? 'unknown',
      ...(typeof row.stars === 'number' ? { stars: row.stars } : {}),
      ...(typeof row.category === 'string' ? { category: row.category } : {}),
    };
  }
}

/**
 * A fixed share of every source's reviews, chosen by a hash of the text (FNV-1a), so the model build
 * (which leaves them out) and the co-writing benchmark (which replays them) pick the same ones without
 * sharing a list: "reviews from the same stores, never seen", next to whole held-out stores.
 */
export function inHeldOutShare(text: string, share: number): boolean {
  if (share <= 0) return false;
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0) / 4294967296 < share;
}
