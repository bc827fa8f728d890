/**
 * Sentiment benchmark: our analyser against the npm packages `sentiment` (AFINN), `vader-sentiment`
 * and `wink-sentiment` on the hand-written review set in test/eval/sentiment/ (dev and held-out
 * splits, English and Chinese), then on real reviews from ../shared/corpus per source, leave one
 * source out (lexicon vs the learned model vs wink/VADER; see sentiment/corpus-eval.ts), with
 * throughput. Prints a markdown report and writes it to RESULTS.md.
 *   node tools/eval/sentiment-eval.ts            # everything
 *   node tools/eval/sentiment-eval.ts --no-corpus  # the hand-written set only (fast; prints, writes nothing)
 *   node tools/eval/sentiment-eval.ts --errors   # also list our misses on the dev split (for tuning)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { analyzeSentiment } from '../../packages/core/src/sentiment/index.ts';
import { loadSentimentModel } from '../../packages/core/src/sentiment/learned/load-model.ts';
import { learnedModelFor, unloadSentimentModels, useSentimentModel } from '../../packages/core/src/sentiment/learned/model-registry.ts';
import { loadAnchors, type Classifier } from './sentiment/anchors.ts';
import { aspectReport } from './sentiment/aspect-eval.ts';
import { corpusReport } from './sentiment/corpus-eval.ts';
import { longInputReport } from './sentiment/long-input.ts';
import { binaryAccuracy, macroF1, median, threeClassAccuracy, type Label, type Prediction } from './sentiment/metrics.ts';

interface Review {
  id: string;
  lang: 'en' | 'zh';
  label: Label;
  product: string;
  text: string;
}

const dataDir = fileURLToPath(new URL('../../test/eval/sentiment/', import.meta.url));
const readSplit = (name: string): Review[] =>
  readFileSync(`${dataDir}${name}.jsonl`, 'utf8').split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line) as Review);

await loadSentimentModel();
const learnedModels = (['en', 'zh'] as const).map((lang) => learnedModelFor(lang)).filter((model) => model !== undefined);
unloadSentimentModels();
const ours: Classifier = {
  name: '**@cowrite/core analyzeSentiment** (lexicon)',
  classify: (text) => {
    unloadSentimentModels();
    const result = analyzeSentiment(text);
    return { label: result.label, score: result.score };
  },
};
const oursLearned: Classifier = {
  name: '**@cowrite/core analyzeSentiment** (learned, after loadSentimentModel)',
  classify: (text) => {
    for (const model of learnedModels) useSentimentModel(model);
    const result = analyzeSentiment(text);
    return { label: result.label, score: result.score };
  },
};
const classifiers = [ours, oursLearned, ...loadAnchors()];

/** Reviews per second for one timed pass of at least 200 ms (so timer resolution does not matter). */
function timedPass(classifier: Classifier, reviews: readonly Review[]): number {
  const started = performance.now();
  let rounds = 0;
  do {
    for (const review of reviews) classifier.classify(review.text);
    rounds++;
  } while (performance.now() - started < 200);
  return (rounds * reviews.length) / ((performance.now() - started) / 1000);
}

/**
 * Median reviews/s per classifier over `passes` passes after a warm-up. Passes are interleaved
 * (A B C D, A B C D, …) so a busy machine slows every classifier alike and the ratios stay fair.
 */
function throughputs(reviews: readonly Review[], passes = 7): number[] {
  const rates = classifiers.map(() => [] as number[]);
  for (const classifier of classifiers) for (const review of reviews) classifier.classify(review.text);
  for (let pass = 0; pass < passes; pass++) {
    classifiers.forEach((classifier, index) => rates[index].push(timedPass(classifier, reviews)));
  }
  return rates.map(median);
}

const loadAverage = (): string => loadavg()[0].toFixed(1);
const percent = (value: number): string => `${(value * 100).toFixed(1)} %`;

function scoreTable(title: string, reviews: readonly Review[]): string {
  const rows = ['| classifier | lang | n (pos/neg/neu) | binary acc. | 3-class acc. | macro-F1 |', '|---|---|---|---|---|---|'];
  for (const lang of ['en', 'zh'] as const) {
    const subset = reviews.filter((review) => review.lang === lang);
    const counts = (['positive', 'negative', 'neutral'] as const).map((label) => subset.filter((review) => review.label === label).length).join('/');
    for (const classifier of classifiers) {
      const predictions: Prediction[] = subset.map((review) => ({ gold: review.label, ...classifier.classify(review.text) }));
      const note = lang === 'zh' && classifier !== ours && classifier !== oursLearned ? ' (English-only tool)' : '';
      rows.push(`| ${classifier.name}${note} | ${lang} | ${counts} | ${percent(binaryAccuracy(predictions))} | ${percent(threeClassAccuracy(predictions))} | ${percent(macroF1(predictions))} |`);
    }
  }
  return `### ${title}\n\n${rows.join('\n')}\n`;
}

function throughputTable(reviews: readonly Review[]): string {
  const rows = ['| classifier | en reviews/s | zh reviews/s | en vs wink-sentiment |', '|---|---|---|---|'];
  const english = reviews.filter((review) => review.lang === 'en');
  const chinese = reviews.filter((review) => review.lang === 'zh');
  const englishRates = throughputs(english);
  const chineseRates = throughputs(chinese);
  const rates = classifiers.map((classifier, index) => ({ classifier, en: englishRates[index], zh: chineseRates[index] }));
  const wink = rates.find((rate) => rate.classifier.name.startsWith('wink'))?.en ?? NaN;
  for (const { classifier, en, zh } of rates) {
    rows.push(`| ${classifier.name} | ${Math.round(en).toLocaleString('en-US')} | ${Math.round(zh).toLocaleString('en-US')} | ${(en / wink).toFixed(2)}× |`);
  }
  return `### Throughput (one thread, median of 7 interleaved passes over all 420 reviews, load average ${loadAverage()})\n\n${rows.join('\n')}\n`;
}

function listMisses(reviews: readonly Review[]): string {
  unloadSentimentModels();
  return reviews
    .map((review) => ({ review, result: analyzeSentiment(review.text) }))
    .filter(({ review, result }) => result.label !== review.label)
    .map(({ review, result }) => `${review.id} gold=${review.label} got=${result.label} (${result.score}) ${review.text}\n    cues: ${result.cues.map((cue) => `${cue.text}:${cue.weight}`).join(' ')}`)
    .join('\n');
}

const dev = readSplit('dev');
const heldOut = readSplit('heldout');
const report = [
  '# Sentiment evaluation',
  '',
  `Generated by \`node tools/eval/sentiment-eval.ts\` on Node ${process.versions.node}. Reviews are hand-written for this project (test/eval/sentiment/*.jsonl).`,
  'Binary accuracy: gold positive/negative items only, the sign of each tool\'s score must match (a score of 0 counts as wrong).',
  '3-class accuracy and macro-F1 use each tool\'s own labels (AFINN and wink: sign of the score; VADER: compound ±0.05; ours: ±0.2).',
  'The rules and lexicons were tuned on the dev split only; the held-out split is the headline number.',
  'The three npm anchors handle English only; their Chinese rows show what happens when they are given Chinese anyway.',
  '',
  scoreTable(`Held-out split (${heldOut.length} reviews)`, heldOut),
  scoreTable(`Dev split (${dev.length} reviews, used for tuning)`, dev),
  throughputTable([...dev, ...heldOut]),
  aspectReport(learnedModels),
  longInputReport(learnedModels),
  process.argv.includes('--no-corpus') ? '' : await corpusReport(),
].join('\n');

console.log(report);
// A partial run (--no-corpus) prints only, so RESULTS.md always holds the full report.
if (!process.argv.includes('--no-corpus')) writeFileSync(`${dataDir}RESULTS.md`, report);
if (process.argv.includes('--errors')) console.log(`\n## Our misses on the dev split\n\n${listMisses(dev)}`);
