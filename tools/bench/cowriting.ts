/**
 * Co-writing quality: replays real reviews as a shopper typing them through the composer's real path
 * (elements' `streamDraftContinuation`, as the composer calls it → core's review-continuation task and
 * settings → the composer's gate) and reports keystrokes saved, acceptance, shown-but-wrong rate,
 * suggestions per 100 characters and latency, per model, for two ways of looking at ghost text:
 * at word boundaries (the issue's definition, the headline) and after every keystroke. See
 * tools/bench/cowriting/replay.ts for the shopper.
 *
 *   pnpm bench:cowriting                          # held-out sources of ../shared/corpus, all models
 *   pnpm bench:cowriting --reviews FILE.jsonl --json OUT.json   # your reviews ({"text": …} per line)
 *   pnpm bench:cowriting --calibrate              # also calibrates the phrase model and stores it in the model file
 *
 *   pnpm bench:cowriting --lang zh --sources waimai-10k --phrase-file .bench/zh-no-waimai.cwpm --models phrase --calibrate --out cowriting-zh-waimai
 *     (Chinese: a model built with `pnpm build:phrase-model --lang zh --held-out waimai-10k --out …`; add
 *     `--held-out-share 0.1` to both to replay unseen reviews of the stores the model learnt from)
 *
 *   pnpm bench:cowriting --gpt2 .bench/models/review-gpt2 --models phrase,gpt2 --no-write
 *     (a hub-layout GPT-2 folder, e.g. one trained with tools/gpt2-train/: its int8 file, measured ungated and at
 *     the next-word threshold that saves most at word boundaries with ≥ --min-acceptance accepted, printed)
 *
 * Options: --models phrase,baseline,tiny-gpt2[,gpt2] · --per-source 20 · --control-reviews 12 · --max-chars 300
 * · --min-acceptance 0.35 and --max-wrong 0.15 (calibration criteria, see cowriting/calibrate.ts)
 * · --cache-grid 0:0,0.05:0.1,0.05:0.3,0.1:0.3 · --min-extension 0.01 (stored with the calibration: ghost text
 * grows by a word only while the whole suggestion stays this likely) · --no-write (no test/bench tables).
 * Without --reviews, reviews come from the sources the phrase model was not trained on; they are split
 * in two: the model is calibrated on one half and every number in the tables is measured on the other.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadModel, loadPhraseModel } from '@cowrite/core';
import type { PhraseModel, TextGenerator } from '@cowrite/core';
import { EN_CORPUS, HELD_OUT_SOURCES, ZH_CORPUS, inHeldOutShare, readReviews } from '../phrase/corpus.ts';
import { rewriteCalibration } from '../phrase/pack-model.ts';
import { THRESHOLDS, calibrate } from './cowriting/calibrate.ts';
import type { Thresholds } from './cowriting/offers.ts';
import { OfferCache, calibratedThresholds, replayAll } from './cowriting/offers.ts';
import { seededRandom, shuffleInPlace } from '../shared/seeded-random.ts';
import type { FrontierPoint, Row } from './cowriting/report.ts';
import { pct, writeJson, writeTables } from './cowriting/report.ts';
import { metrics } from './cowriting/replay.ts';

const ROOT = new URL('../../', import.meta.url);
const SHIPPED_FILES: Record<string, string> = {
  en: fileURLToPath(new URL('packages/core/models/review-phrases-en.cwpm', ROOT)),
  zh: fileURLToPath(new URL('.bench/review-phrases-zh.cwpm', ROOT)),
};
const BASELINE = fileURLToPath(new URL('.bench/baseline-4gram.cwpm', ROOT));
const TINY_GPT2 = fileURLToPath(new URL('test/fixtures/models/tiny-gpt2', ROOT));

const { values } = parseArgs({
  options: {
    reviews: { type: 'string' },
    // Chinese: `--lang zh --sources waimai-10k --phrase-file .bench/zh-no-waimai.cwpm` (a build without that source).
    lang: { type: 'string', default: 'en' },
    sources: { type: 'string' },
    'phrase-file': { type: 'string' },
    out: { type: 'string', default: 'cowriting' },
    // Replay the share of every --sources source that a build with the same --held-out-share left out.
    'held-out-share': { type: 'string', default: '0' },
    json: { type: 'string' },
    models: { type: 'string', default: 'phrase,baseline,tiny-gpt2' },
    gpt2: { type: 'string' },
    'per-source': { type: 'string', default: '20' },
    'control-reviews': { type: 'string', default: '12' },
    'max-chars': { type: 'string', default: '300' },
    'max-wrong': { type: 'string', default: '0.15' },
    'min-acceptance': { type: 'string', default: '0.35' },
    'cache-grid': { type: 'string', default: '0:0,0.05:0.1,0.05:0.3,0.1:0.3' },
    'min-extension': { type: 'string', default: '0.01' },
    calibrate: { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
  },
});

const LANG = values.lang === 'zh' ? 'zh' : 'en';
const SHIPPED = values['phrase-file'] ?? (SHIPPED_FILES[LANG] as string);
const PHRASE_NAME = values['phrase-file'] ? basename(SHIPPED) : `shipped, ${basename(SHIPPED)}`;
const CORPUS = LANG === 'zh' ? ZH_CORPUS : EN_CORPUS;
const SHARE = Number(values['held-out-share']);
const SOURCES: readonly string[] = values.sources ? values.sources.split(',') : LANG === 'zh' ? [] : HELD_OUT_SOURCES;

/** Deterministic shuffle: the same reviews on every run. */
function shuffle<T>(items: T[], seed: number): T[] {
  return shuffleInPlace(items, seededRandom(seed));
}

/** Long reviews are cut at a word boundary: the shopper's first `max` characters say enough. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max);
  return text.slice(0, cut > 0 ? cut : max);
}

async function loadReviews(): Promise<{ calibration: string[]; test: string[]; origin: string }> {
  const max = Number(values['max-chars']);
  if (values.reviews) {
    const all: string[] = [];
    for await (const r of readReviews(values.reviews)) all.push(clip(r.text.trim(), max));
    return { calibration: [], test: all.filter((t) => t.length > 0), origin: values.reviews };
  }
  if (!existsSync(CORPUS)) {
    console.error(`No corpus at ${CORPUS.pathname} and no --reviews FILE.jsonl: nothing to replay.`);
    process.exit(1);
  }
  if (SOURCES.length === 0) {
    console.error('The shipped Chinese model learnt from every Chinese source: pass --sources and a --phrase-file built without them.');
    process.exit(1);
  }
  const bySource = new Map<string, string[]>();
  for await (const r of readReviews(CORPUS)) {
    if (!SOURCES.includes(r.source) || (SHARE > 0 && !inHeldOutShare(r.text, SHARE))) continue;
    const list = bySource.get(r.source) ?? [];
    list.push(clip(r.text.trim(), max));
    bySource.set(r.source, list);
  }
  const perSource = Number(values['per-source']);
  const calibration: string[] = [];
  const test: string[] = [];
  for (const source of SOURCES) {
    const picked = shuffle(bySource.get(source) ?? [], 14).slice(0, 2 * perSource);
    picked.forEach((r, i) => (i % 2 === 0 ? test : calibration).push(r));
  }
  const which = SHARE > 0 ? `the ${SHARE * 100} % of each source's reviews its build left out` : 'held-out sources';
  return { calibration, test, origin: `../shared/corpus ${which} (${SOURCES.join(', ')}), ${perSource} test reviews each` };
}

interface Candidate {
  key: string;
  label: string;
  load: () => Promise<TextGenerator>;
  /** The gate this row is measured at. */
  thresholds: (model: TextGenerator) => Thresholds;
  control?: boolean;
}

const NO_GATE = (): Thresholds => ({ inWord: 0, nextWord: 0 });
const loadShipped = (): Promise<PhraseModel> => loadPhraseModel({ bytes: readFileSync(SHIPPED) });

const CANDIDATES: Candidate[] = [
  { key: 'phrase', label: `review phrase model (${PHRASE_NAME}), calibrated gate`, load: loadShipped, thresholds: calibratedThresholds },
  { key: 'phrase-ungated', label: `review phrase model (${PHRASE_NAME}), no confidence gate`, load: loadShipped, thresholds: NO_GATE },
  { key: 'baseline', label: 'reference: greedy 4-gram, no smoothing, no gating', load: () => loadPhraseModel({ url: new URL('.bench/baseline-4gram.cwpm', ROOT) }), thresholds: NO_GATE },
  { key: 'tiny-gpt2', label: 'control: tiny random-weight GPT-2 (test fixture)', load: () => loadModel({ source: TINY_GPT2 }), thresholds: NO_GATE, control: true },
  {
    key: 'gpt2',
    label: `GPT-2 from ${values.gpt2 ?? '--gpt2 DIR'} (int8), no confidence gate`,
    load: () => loadModel({ source: values.gpt2 ?? '', dtype: 'q8' }),
    thresholds: NO_GATE,
  },
];

function perplexity(model: TextGenerator, reviews: readonly string[]): number | undefined {
  // Only a normalised model has one: not GPT-2 here (other tokens), not the unsmoothed baseline.
  if (model.profile?.kind !== 'phrase' || !(model as PhraseModel).header.card.smoothing.includes('Kneser')) return undefined;
  let logProb = 0;
  let scored = 0;
  for (const text of reviews) {
    const s = (model as PhraseModel).score(text);
    logProb += s.logProb;
    scored += s.scored;
  }
  return Math.exp(-logProb / scored);
}

/** Word boundaries at every next-word threshold (memoised offers: no new model calls). */
async function sweepNextWord(reviews: readonly string[], cache: OfferCache, base: Thresholds): Promise<FrontierPoint[]> {
  const points: FrontierPoint[] = [];
  for (const t of THRESHOLDS) points.push({ positions: 'boundaries', threshold: t, ...metrics(await replayAll(reviews, cache, { ...base, nextWord: t }, 'boundaries')) });
  return points;
}

/** The threshold a calibration would pick for this model: most saved while at least `minAcceptance` is accepted. */
function printBestGate(points: readonly FrontierPoint[], minAcceptance: number): void {
  for (const p of points) console.log(`  next word ≥ ${p.threshold}: ${pct(p.keystrokeSavings)} saved / ${pct(p.acceptance)} accepted / ${pct(p.wrongRate)} wrong per look`);
  const ok = points.filter((p) => p.acceptance >= minAcceptance).sort((a, b) => b.keystrokeSavings - a.keystrokeSavings)[0];
  console.log(ok ? `  best with ≥ ${pct(minAcceptance)} accepted: next word ≥ ${ok.threshold} → ${pct(ok.keystrokeSavings)} saved` : `  no threshold reaches ${pct(minAcceptance)} accepted`);
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

async function main(): Promise<void> {
  const { calibration, test, origin } = await loadReviews();
  const wanted = (values.models ?? '').split(',');
  const rows: Row[] = [];
  const frontier: FrontierPoint[] = [];
  let calibrationTable: string | undefined;
  const started = new Date();
  for (const candidate of CANDIDATES.filter((c) => wanted.includes(c.key) || (c.key === 'phrase-ungated' && wanted.includes('phrase')))) {
    if (candidate.key === 'gpt2' && !values.gpt2) {
      console.warn('skipping gpt2: pass --gpt2 DIR (a hub-layout GPT-2 folder with onnx/model_quantized.onnx)');
      continue;
    }
    if (candidate.key === 'baseline' && !existsSync(BASELINE)) {
      console.warn('skipping the baseline: build it with `pnpm build:phrase-model --baseline --out .bench/baseline-4gram.cwpm`');
      continue;
    }
    const model = await candidate.load();
    if (candidate.key === 'phrase' && values.calibrate && calibration.length > 0) {
      const grid = (values['cache-grid'] ?? '').split(',').map((pair) => {
        const [unigram, bigram] = pair.split(':').map(Number);
        return { unigram: unigram ?? 0, bigram: bigram ?? 0 };
      });
      // Calibrated as it will run: suggestions that stop growing once they get unlikely.
      (model as PhraseModel).profile.minExtensionConfidence = Number(values['min-extension']);
      const result = await calibrate(model as PhraseModel, calibration, { minAcceptance: Number(values['min-acceptance']), maxWrong: Number(values['max-wrong']), cacheGrid: grid });
      const ghost = { minConfidence: result.thresholds.inWord, minConfidenceNextWord: result.thresholds.nextWord, minExtensionConfidence: Number(values['min-extension']), calibration: `${result.note}; suggestions grow by a word while the whole suggestion stays ≥ ${values['min-extension']} likely` };
      rewriteCalibration(SHIPPED, { ghost, cache: result.cache });
      calibrationTable = result.table;
      console.log(result.table);
    }
    // The shipped file is read again after a calibration, so the rows use what the file now says.
    const measured = candidate.key.startsWith('phrase') && values.calibrate ? await loadPhraseModel({ bytes: readFileSync(SHIPPED) }) : model;
    const reviews = candidate.control ? test.slice(0, Number(values['control-reviews'])) : test;
    const cache = new OfferCache(measured);
    const thresholds = candidate.thresholds(measured);
    const ppl = perplexity(measured, reviews);
    const boundaries = metrics(await replayAll(reviews, cache, thresholds, 'boundaries'));
    const keystrokes = metrics(await replayAll(reviews, cache, thresholds, 'keystrokes'));
    const sorted = [...cache.latencies].sort((a, b) => a - b);
    const row: Row = { key: candidate.key, model: candidate.label, thresholds, reviews: reviews.length, boundaries, keystrokes, latencyP50Ms: percentile(sorted, 50), latencyP90Ms: percentile(sorted, 90) };
    if (ppl !== undefined) row.perplexity = ppl;
    rows.push(row);
    console.log(`${row.key} [next word ≥ ${thresholds.nextWord}, in word ≥ ${thresholds.inWord}]: word boundaries ${pct(boundaries.keystrokeSavings)} saved / ${pct(boundaries.acceptance)} accepted · every keystroke ${pct(keystrokes.keystrokeSavings)} / ${pct(keystrokes.acceptance)}`);
    if (candidate.key === 'gpt2') printBestGate(await sweepNextWord(reviews, cache, thresholds), Number(values['min-acceptance']));
    if (candidate.key === 'phrase') {
      // The whole trade-off on the test half: each mode's own threshold swept, the other one at its calibrated value.
      frontier.push(...(await sweepNextWord(reviews, cache, thresholds)));
      for (const t of THRESHOLDS) frontier.push({ positions: 'keystrokes', threshold: t, ...metrics(await replayAll(reviews, cache, { ...thresholds, inWord: t }, 'keystrokes')) });
    }
  }
  if (values.json) writeJson(values.json, rows, frontier, origin);
  if (!values['no-write'] && !values.reviews) writeTables({ rows, frontier, origin, started, calibrationTable, argv: process.argv.slice(2), maxChars: values['max-chars'] ?? '', controlReviews: values['control-reviews'] ?? '', modelFile: SHIPPED, out: values.out ?? 'cowriting' });
}

await main();
