/**
 * Builds Cowrite's review phrase model from ../shared/corpus: word pieces → n-gram counts →
 * modified Kneser–Ney → count pruning → packed trie (`packages/core/models/review-phrases-en.cwpm`).
 * Deterministic: same corpus, same options, same bytes. Takes a few minutes on two cores.
 *
 *   pnpm build:phrase-model                      # the shipped English model
 *   pnpm build:phrase-model --lang zh            # a Chinese model (character n-grams; not shipped), .bench/review-phrases-zh.cwpm
 *   pnpm build:phrase-model --lang zh --corpus my-reviews.jsonl --out my-phrases-zh.cwpm   # from a store's own reviews
 *   pnpm build:phrase-model --baseline --out .bench/baseline-4gram.cwpm   # the unsmoothed reference
 *
 * Options: --lang en|zh, --order 4, --min-count 2,2,3 (orders 2…4), --min-word-count 3, --out FILE, --baseline,
 * --held-out a,b (sources left out; default: English HELD_OUT_SOURCES, Chinese none — it has only two,
 * so its held-out numbers come from one build per source: see packages/core/models/README.md),
 * --corpus FILE.jsonl[.gz] (a store's own reviews, one {"text": …} per line, instead of ../shared/corpus),
 * --held-out-share 0.1 (also leave out that share of every source's reviews, picked by text hash).
 * The ghost-text thresholds and cache weights are kept from the existing file (set by `pnpm bench:cowriting --calibrate`).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { BOUNDARY_ID, UNKNOWN_ID, readPackedModel } from '../../packages/core/src/phrase/packed-format.ts';
import type { PhraseModelHeader } from '../../packages/core/src/phrase/packed-format.ts';
import { splitWordPieces } from '../../packages/core/src/phrase/word-pieces.ts';
import { EN_CORPUS, HELD_OUT_SOURCES, ZH_CORPUS, inHeldOutShare, readReviews } from './corpus.ts';
import { kneserNey, maximumLikelihood } from './estimate.ts';
import { NgramCounts } from './ngram-counts.ts';
import { packModel } from './pack-model.ts';

export const SHIPPED_MODEL = fileURLToPath(new URL('../../packages/core/models/review-phrases-en.cwpm', import.meta.url));
// Not shipped: built from two narrow stores, it does not carry to other stores (see the model card).
export const ZH_MODEL = fileURLToPath(new URL('../../.bench/review-phrases-zh.cwpm', import.meta.url));

const { values } = parseArgs({
  options: {
    lang: { type: 'string', default: 'en' },
    order: { type: 'string', default: '4' },
    'min-count': { type: 'string', default: '2,2,3' },
    'min-word-count': { type: 'string', default: '3' },
    out: { type: 'string' },
    'held-out': { type: 'string' },
    // Your own reviews instead of ../shared/corpus: `.jsonl` or `.jsonl.gz`, one {"text": …, "source"?: …} per line.
    corpus: { type: 'string' },
    // Also leave out this share of every source's reviews (by text hash; bench:cowriting --held-out-share replays them).
    'held-out-share': { type: 'string', default: '0' },
    baseline: { type: 'boolean', default: false },
  },
});

const LICENCES: Record<'en' | 'zh', string> = {
  en:
    'Trained on ../shared/corpus (see its SOURCES.md): womens-clothing-ecommerce (CC0 1.0), datafiniti-amazon-products (believed CC BY-NC-SA 4.0, uncertain), ' +
    'blitzer-multi-domain (research use, no licence published), amazon-microsd-reviews, amazon-in-earphones, amazon-in-lenovo-k8, flipkart-product-reviews (licence unknown). ' +
    'The model stores word n-gram statistics, not review texts; check the publishers’ terms before commercial use.',
  zh:
    'Trained on ../shared/corpus (see its SOURCES.md): jd-air-conditioners (JD.com reviews, scraped by wangyr997/JDComment_project; no licence stated), ' +
    'waimai-10k (SophonPlus/ChineseNlpCorpus; no licence stated). The model stores character n-gram statistics, not review texts; ' +
    'check the publishers’ terms before commercial use.',
};

async function main(): Promise<void> {
  const lang = values.lang === 'zh' ? 'zh' : 'en';
  if (values.lang !== lang) throw new Error(`--lang must be en or zh, not ${String(values.lang)}`);
  const corpus = values.corpus ?? (lang === 'zh' ? ZH_CORPUS : EN_CORPUS);
  const out = values.out ?? (lang === 'zh' ? ZH_MODEL : SHIPPED_MODEL);
  if (!existsSync(corpus)) {
    console.error(`No corpus at ${String(corpus)}: the phrase model is built from ../shared/corpus, or from --corpus FILE.jsonl.`);
    process.exit(1);
  }
  const order = Number(values.order);
  const minCount = (values['min-count'] ?? '').split(',').map(Number);
  const minWordCount = Number(values['min-word-count']);
  const started = performance.now();
  const share = Number(values['held-out-share']);
  const heldOut = new Set(values['held-out'] !== undefined ? values['held-out'].split(',').filter(Boolean) : lang === 'en' ? HELD_OUT_SOURCES : []);

  // Pass 1: pieces → provisional ids, with their counts.
  const provisional = new Map<string, number>();
  const names: string[] = [];
  const pieceCounts: number[] = [];
  const lines: Int32Array[] = [];
  const sources = new Map<string, number>();
  let tokens = 0;
  for await (const review of readReviews(corpus)) {
    if (heldOut.has(review.source) || inHeldOutShare(review.text, share)) continue;
    sources.set(review.source, (sources.get(review.source) ?? 0) + 1);
    const pieces = splitWordPieces(review.text).filter((p) => p !== '\n');
    const ids = new Int32Array(pieces.length);
    pieces.forEach((piece, i) => {
      let id = provisional.get(piece);
      if (id === undefined) {
        id = names.length;
        provisional.set(piece, id);
        names.push(piece);
        pieceCounts.push(0);
      }
      pieceCounts[id] = (pieceCounts[id] as number) + 1;
      ids[i] = id;
    });
    lines.push(ids);
    tokens += ids.length;
  }
  console.log(`${lines.length} reviews, ${tokens} pieces, ${names.length} distinct (${((performance.now() - started) / 1000).toFixed(1)} s)`);

  // The vocabulary: pieces seen often enough, most frequent first (ties by text, for determinism).
  const ranked = names
    .map((name, id) => ({ name, id, count: pieceCounts[id] as number }))
    .filter((p) => p.count >= minWordCount)
    .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1))
    .slice(0, 65536 - 2);
  const finalId = new Int32Array(names.length).fill(UNKNOWN_ID);
  const vocab = ['\n', ''];
  for (const p of ranked) {
    finalId[p.id] = vocab.length;
    vocab.push(p.name);
  }
  console.log(`vocabulary: ${vocab.length} pieces`);

  const counts = new NgramCounts(order, vocab.length);
  for (const line of lines) {
    const ids = new Int32Array(line.length + 2);
    ids[0] = BOUNDARY_ID;
    for (let i = 0; i < line.length; i++) ids[i + 1] = finalId[line[i] as number] as number;
    ids[ids.length - 1] = BOUNDARY_ID;
    counts.addLine(ids);
  }
  counts.linkSuffixes();
  console.log(`counted: ${counts.tables.map((t) => t.word.length).join(' / ')} n-grams (${((performance.now() - started) / 1000).toFixed(1)} s)`);

  const model = values.baseline ? maximumLikelihood(counts) : kneserNey(counts, minCount);
  const previous = readPreviousCalibration(out);
  const header: Omit<PhraseModelHeader, 'levelSizes' | 'logProbCodebooks' | 'backoffCodebooks' | 'vocabSize'> = {
    format: 'cowrite-phrase-model',
    name: values.baseline ? 'baseline-4gram-unsmoothed' : `review-phrases-${lang}`,
    languages: [lang],
    order,
    ghost: values.baseline ? { minConfidence: 0, calibration: 'none: the reference baseline shows every suggestion' } : (previous?.ghost ?? { minConfidence: 0.2, calibration: 'not yet calibrated' }),
    ...(!values.baseline && previous?.cache ? { cache: previous.cache } : {}),
    card: {
      smoothing: values.baseline ? 'none (relative frequencies, longest seen context wins)' : `interpolated modified Kneser–Ney, count pruning ${minCount.join('/')} for orders 2…${order}, discounts ${model.discounts.map((d) => d.map((x) => x.toFixed(2)).join('/')).join('; ')}`,
      trainingSources: [...sources.keys()],
      heldOutSources: [...heldOut, ...(share > 0 ? [`${share * 100} % of every source's reviews (by text hash)`] : [])],
      licences: values.corpus ? `Trained on ${basename(values.corpus)}: the licence of those reviews applies.` : LICENCES[lang],
      tokens,
      reviews: lines.length,
    },
  };
  const packed = packModel(counts, model, vocab, header);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, packed.bytes);
  console.log(`kept: ${packed.header.levelSizes.join(' / ')} → ${out} (${(packed.bytes.length / 1024).toFixed(0)} KiB gzip) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** The calibrated thresholds and cache weights live in the model file; a rebuild keeps them. */
function readPreviousCalibration(file: string): Pick<PhraseModelHeader, 'ghost' | 'cache'> | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const { ghost, cache } = readPackedModel(new Uint8Array(gunzipSync(readFileSync(file)))).header;
    return cache ? { ghost, cache } : { ghost };
  } catch {
    return undefined;
  }
}

await main();
