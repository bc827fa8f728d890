/**
 * Real reviews from ../shared/corpus, per source and language: the lexicon, the learned model
 * (leave-one-source-out: trained, calibrated and banded without the source it scores) and, for
 * English, wink-sentiment and VADER. Binary accuracy on 1–2 vs 4–5-star reviews, macro-F1 over
 * the gold classes present (3 stars = neutral), the share of clear reviews called neutral, and
 * throughput of the shipped model. Skips with a message where the corpus is not checked out.
 */
import { loadavg } from 'node:os';
import { analyzeSentiment } from '../../../packages/core/src/sentiment/analyze-default.ts';
import { labelOf } from '../../../packages/core/src/sentiment/analyze.ts';
import { loadSentimentModel } from '../../../packages/core/src/sentiment/learned/load-model.ts';
import { unloadSentimentModels } from '../../../packages/core/src/sentiment/learned/model-registry.ts';
import { summarizeFeedback } from '../../../packages/core/src/sentiment/summarize.ts';
import { chooseNeutralBand, fitPlatt } from '../../sentiment-train/calibrate.ts';
import { CHOSEN, NEUTRAL_SHARE_TARGET } from '../../sentiment-train/config.ts';
import { corpusAvailable, readCorpus, seededRandom, shuffleInPlace, type CorpusLang } from '../../sentiment-train/corpus.ts';
import { featurize, type FeatureTable } from '../../sentiment-train/featurize.ts';
import { leaveOneSourceOutOn, polarRowsOf } from '../../sentiment-train/loso.ts';
import { untitledReviews as withoutTitles } from '../../sentiment-train/untitled.ts';
import { loadAnchors } from './anchors.ts';
import { binaryAccuracy, median, type Label, type Prediction } from './metrics.ts';

const SAMPLE_PER_SOURCE = 3000;
const percent = (value: number): string => `${(value * 100).toFixed(1)} %`;
const sigmoid = (value: number): number => 1 / (1 + Math.exp(-value));

const goldOf = (label: number): Label => (label === 1 ? 'positive' : label === 0 ? 'negative' : 'neutral');

/** Mean F1 over the classes that occur in the gold labels (a source without 3-star reviews is scored on two). */
function macroF1Present(predictions: readonly Prediction[]): number {
  const classes = (['positive', 'negative', 'neutral'] as const).filter((label) => predictions.some((p) => p.gold === label));
  const f1s = classes.map((label) => {
    const truePositive = predictions.filter((p) => p.label === label && p.gold === label).length;
    const predicted = predictions.filter((p) => p.label === label).length;
    const actual = predictions.filter((p) => p.gold === label).length;
    const precision = predicted === 0 ? 0 : truePositive / predicted;
    const recall = truePositive / actual;
    return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  });
  return f1s.reduce((sum, value) => sum + value, 0) / Math.max(1, classes.length);
}

const neutralShare = (predictions: readonly Prediction[]): number => {
  const clear = predictions.filter((p) => p.gold !== 'neutral');
  return clear.filter((p) => p.label === 'neutral').length / Math.max(1, clear.length);
};

/**
 * Learned labels for one held-out source, with calibration and band fitted on the other sources' out-of-fold scores
 * (`fitted`: the scores the shipped calibration is fitted on; `scores` may be another version of the same reviews).
 */
function learnedPredictions(table: FeatureTable, scores: Float64Array, source: number, rows: readonly number[], fitted: Float64Array = scores): Prediction[] {
  const { slope, intercept, band } = calibrationWithout(table, fitted, source);
  return rows.map((row) => {
    const p = sigmoid(slope * scores[row] + intercept);
    return { gold: goldOf(table.labels[row]), label: Math.abs(p - 0.5) < band ? 'neutral' : p > 0.5 ? 'positive' : 'negative', score: 2 * p - 1 };
  });
}

interface HeldOutCalibration {
  slope: number;
  intercept: number;
  band: number;
}

/** Per scores array and held-out source: the titled and untitled versions share one fit instead of two. */
const calibrations = new WeakMap<Float64Array, Map<number, HeldOutCalibration>>();

/** Platt scaling and the neutral band, fitted on the other sources' `fitted` scores. */
function calibrationWithout(table: FeatureTable, fitted: Float64Array, source: number): HeldOutCalibration {
  const bySource = calibrations.get(fitted) ?? new Map<number, HeldOutCalibration>();
  calibrations.set(fitted, bySource);
  const known = bySource.get(source);
  if (known) return known;
  const otherPolar: number[] = [];
  for (let row = 0; row < table.count; row++) if (table.sources[row] !== source && table.labels[row] >= 0) otherPolar.push(row);
  const { slope, intercept } = fitPlatt(otherPolar.map((row) => fitted[row]), otherPolar.map((row) => table.labels[row]));
  const others = table.sourceNames.map((_, index) => index).filter((index) => index !== source);
  const band = chooseNeutralBand(others.map((index) => polarRowsOf(table, index).map((row) => sigmoid(slope * fitted[row] + intercept))), NEUTRAL_SHARE_TARGET[table.lang]);
  const calibration = { slope, intercept, band };
  bySource.set(source, calibration);
  return calibration;
}

function sampleRows(table: FeatureTable, source: number): number[] {
  const rows = Array.from({ length: table.count }, (_, row) => row).filter((row) => table.sources[row] === source);
  return shuffleInPlace(rows, seededRandom(source + 1)).slice(0, SAMPLE_PER_SOURCE);
}

/** One version of the reviews to score: its texts, features and held-out scores (`fitted`: the titled scores calibration uses). */
interface Scored {
  texts: readonly string[];
  table: FeatureTable;
  scores: Float64Array;
  fitted: Float64Array;
}

function sourceTable(lang: CorpusLang, { texts, table, scores, fitted }: Scored): { markdown: string; worst: number } {
  const anchors = lang === 'en' ? loadAnchors().filter((anchor) => !anchor.name.startsWith('sentiment ')) : [];
  const rows = ['| held-out source | sample (pos/neg/3★) | classifier | binary acc. | macro-F1 | clear reviews called neutral |', '|---|---|---|---|---|---|'];
  let worst = 1;
  table.sourceNames.forEach((name, source) => {
    const sample = sampleRows(table, source);
    const counts = [1, 0, -1].map((label) => sample.filter((row) => table.labels[row] === label).length).join('/');
    const lexicon: Prediction[] = sample.map((row) => ({ gold: goldOf(table.labels[row]), label: labelOf(table.lexicon[row]), score: table.lexicon[row] }));
    const learned = learnedPredictions(table, scores, source, sample, fitted);
    const results: Array<[string, Prediction[]]> = [
      ['lexicon (analyzeSentiment before loadSentimentModel)', lexicon],
      ['**learned (after loadSentimentModel)**', learned],
      ...anchors.map((anchor): [string, Prediction[]] => [anchor.name, sample.map((row) => ({ gold: goldOf(table.labels[row]), ...anchor.classify(texts[row]) }))]),
    ];
    worst = Math.min(worst, binaryAccuracy(learned));
    for (const [classifier, predictions] of results) {
      rows.push(`| ${name} | ${counts} | ${classifier} | ${percent(binaryAccuracy(predictions))} | ${percent(macroF1Present(predictions))} | ${percent(neutralShare(predictions))} |`);
    }
  });
  return { markdown: rows.join('\n'), worst };
}

/**
 * Reviews per CPU-second of this process (user + system) and the ratio to the contender at
 * `reference`, both as medians over 7 interleaved passes after a warm-up pass. The ratio is taken
 * within each pass (the same machine state for both sides), then the median over passes.
 * CPU time rather than wall time: on a shared machine other jobs steal wall time unevenly.
 */
async function rates(contenders: ReadonlyArray<{ name: string; run: () => void; count: number; setup?: () => Promise<void> | void }>, reference: number): Promise<Array<{ rate: number; ratio: number }>> {
  const samples = contenders.map(() => [] as number[]);
  const ratios = contenders.map(() => [] as number[]);
  for (let pass = 0; pass < 8; pass++) {
    const seconds: number[] = [];
    for (const [index, contender] of contenders.entries()) {
      await contender.setup?.();
      const started = process.cpuUsage();
      contender.run();
      const used = process.cpuUsage(started);
      seconds[index] = (used.user + used.system) / 1e6 / contender.count;
    }
    if (pass === 0) continue;
    seconds.forEach((perReview, index) => {
      samples[index].push(1 / perReview);
      ratios[index].push(seconds[reference] / perReview);
    });
  }
  return samples.map((list, index) => ({ rate: median(list), ratio: median(ratios[index]) }));
}

async function throughput(english: readonly string[], chinese: readonly string[]): Promise<string> {
  const anchors = loadAnchors();
  const wink = anchors.find((anchor) => anchor.name.startsWith('wink'));
  const vader = anchors.find((anchor) => anchor.name.startsWith('vader'));
  const each = (texts: readonly string[], classify: (text: string) => unknown) => () => {
    for (const text of texts) classify(text);
  };
  const lexiconOnly = (): void => unloadSentimentModels();
  const withModel = async (): Promise<void> => {
    await loadSentimentModel();
  };
  const contenders = [
    { name: 'analyzeSentiment, lexicon only (en)', run: each(english, analyzeSentiment), count: english.length, setup: lexiconOnly },
    { name: '**analyzeSentiment, learned model loaded (en)**', run: each(english, analyzeSentiment), count: english.length, setup: withModel },
    { name: 'wink-sentiment 5.0.2 (en)', run: each(english, (text) => wink?.classify(text)), count: english.length },
    { name: 'vader-sentiment 1.1.3 (en)', run: each(english, (text) => vader?.classify(text)), count: english.length },
    { name: 'analyzeSentiment, lexicon only (zh)', run: each(chinese, analyzeSentiment), count: chinese.length, setup: lexiconOnly },
    { name: '**analyzeSentiment, learned model loaded (zh)**', run: each(chinese, analyzeSentiment), count: chinese.length, setup: withModel },
  ];
  const measured = await rates(contenders, 2);
  const rows = ['| classifier | reviews/s | vs wink-sentiment on English (median of per-pass ratios) |', '|---|---|---|'];
  contenders.forEach((contender, index) => rows.push(`| ${contender.name} | ${Math.round(measured[index].rate).toLocaleString('en-US')} | ${measured[index].ratio.toFixed(2)}× |`));
  return `${rows.join('\n')}\n\nLoad average after: ${loadavg().map((value) => value.toFixed(2)).join(' / ')}. \`node tools/bench/sentiment-bench.ts\` measures the same with more passes.`;
}

async function summarizeTiming(english: readonly string[]): Promise<string> {
  const reviews = english.slice(0, 10_000);
  const time = (): number => {
    const started = performance.now();
    summarizeFeedback(reviews);
    return performance.now() - started;
  };
  unloadSentimentModels();
  const lexicon = median([time(), time(), time()]);
  await loadSentimentModel();
  const learned = median([time(), time(), time()]);
  unloadSentimentModels();
  return `summarizeFeedback on ${reviews.length.toLocaleString('en-US')} real English reviews (mean ${Math.round(reviews.reduce((sum, text) => sum + text.length, 0) / reviews.length)} characters), wall time, median of 3: lexicon ${lexicon.toFixed(0)} ms, learned ${learned.toFixed(0)} ms (load average ${loadavg().map((value) => value.toFixed(2)).join(' / ')}).`;
}

export async function corpusReport(): Promise<string> {
  if (!corpusAvailable()) return '## Real reviews (../shared/corpus)\n\nSkipped: ../shared/corpus is not checked out next to the repository.\n';
  const sections: string[] = ['## Real reviews, leave one source out (../shared/corpus)', '', `Up to ${SAMPLE_PER_SOURCE} reviews per source (seeded sample), the same ones for every classifier. The learned model that scores a source was trained, calibrated and given its neutral band without that source. The lexicon is the analyser before \`loadSentimentModel()\`.`, ''];
  const samples: Record<CorpusLang, string[]> = { en: [], zh: [] };
  const untitledSections: string[] = [];
  for (const lang of ['en', 'zh'] as const) {
    const reviews = readCorpus(lang);
    const table = featurize(lang, reviews);
    const texts = reviews.map((review) => review.text);
    // The corpus's English sources put each review's title first, and a title states the verdict: the same held-out
    // models also score every review without its first sentence, as a store without titles would send it.
    const untitledReviews = lang === 'en' ? withoutTitles(reviews) : undefined;
    const untitledTable = untitledReviews ? featurize(lang, untitledReviews) : undefined;
    const [scores, untitledScores] = leaveOneSourceOutOn(table, CHOSEN[lang], untitledTable ? [table, untitledTable] : [table], untitledTable) as [Float64Array, Float64Array?];
    const { markdown, worst } = sourceTable(lang, { texts, table, scores, fitted: scores });
    sections.push(`### ${lang === 'en' ? 'English' : 'Chinese'} (worst held-out source, learned: ${percent(worst)})`, '', markdown, '');
    if (untitledReviews && untitledTable && untitledScores) {
      const untitled = sourceTable(lang, { texts: untitledReviews.map((review) => review.text), table: untitledTable, scores: untitledScores, fitted: scores });
      untitledSections.push(`### English without titles (each review's first sentence removed where it has two or more; worst held-out source, learned: ${percent(untitled.worst)})`, '', untitled.markdown, '');
    }
    samples[lang] = shuffleInPlace([...texts], seededRandom(7)).slice(0, 10_000);
  }
  sections.push(...untitledSections);
  unloadSentimentModels();
  sections.push('### Throughput on real reviews (one thread, 2,000 reviews per language, reviews per CPU-second, median of 7 interleaved passes)', '', await throughput(samples.en.slice(0, 2000), samples.zh.slice(0, 2000)), '');
  sections.push('### summarizeFeedback', '', await summarizeTiming(samples.en), '');
  unloadSentimentModels();
  return sections.join('\n');
}
