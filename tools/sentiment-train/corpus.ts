/**
 * Reads ../shared/corpus (never committed) into labelled reviews for training and evaluation.
 * Labels: stars 1–2 negative (0), 4–5 positive (1), 3 neutral (null: left out of binary training).
 * waimai-10k has no stars in the corpus, but SOURCES.md keeps rows in file order and the original
 * waimai_10k.csv lists its 4,000 positive rows before its negative ones; after the corpus's
 * short-text filter the switch is at row 1066 of that source (checked by reading the rows around it).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

export type CorpusLang = 'en' | 'zh';

export interface LabelledReview {
  text: string;
  /** 1 positive, 0 negative, null neutral (3 stars). */
  label: 1 | 0 | null;
  stars: number | null;
  source: string;
  /** The corpus's category field (Blitzer: Books, DVD, Electronics, Kitchen). */
  category?: string;
}

export const corpusDir = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
const WAIMAI_FIRST_NEGATIVE_ROW = 1066;

export const corpusAvailable = (): boolean => existsSync(`${corpusDir}en-reviews.jsonl.gz`);

/** Every review of one language that has a label (stars, or waimai's file order); unlabelled sources are skipped. */
export function readCorpus(lang: CorpusLang): LabelledReview[] {
  const lines = gunzipSync(readFileSync(`${corpusDir}${lang}-reviews.jsonl.gz`)).toString('utf8').split('\n');
  const reviews: LabelledReview[] = [];
  let waimaiRow = 0;
  for (const line of lines) {
    if (!line) continue;
    const row = JSON.parse(line) as { text: string; stars?: number; source: string; category?: string };
    if (row.source === 'waimai-10k') {
      reviews.push({ text: row.text, label: waimaiRow < WAIMAI_FIRST_NEGATIVE_ROW ? 1 : 0, stars: null, source: row.source });
      waimaiRow++;
      continue;
    }
    if (typeof row.stars !== 'number') continue;
    const label = row.stars <= 2 ? 0 : row.stars >= 4 ? 1 : null;
    reviews.push({ text: row.text, label, stars: row.stars, source: row.source, category: row.category });
  }
  return reviews;
}

// Shared with the other tools, re-exported for the trainer's modules.
export { seededRandom, shuffleInPlace } from '../shared/seeded-random.ts';
