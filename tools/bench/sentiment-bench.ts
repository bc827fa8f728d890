/**
 * Sentiment speed, side by side in one process (the goals of issue 11):
 *   1. English throughput of analyzeSentiment (lexicon alone, and with the learned model loaded)
 *      as a ratio to wink-sentiment, and Chinese (learned) against wink-sentiment on English.
 *      Every pass times each contender once, in rotating order; the ratio is taken within the
 *      pass and the report gives the median over passes, so a busy machine slows both sides alike.
 *   2. summarizeFeedback on 10,000 reviews (goal ≤ 500 ms): median of repeats, with the load
 *      average at the time, lexicon and learned.
 * Texts: the hand-written review set in test/eval/sentiment/ (always), and real reviews from
 * ../shared/corpus when it is checked out (never committed).
 *
 *   pnpm bench:sentiment [--passes 15]   (node tools/bench/sentiment-bench.ts)
 *
 * Writes test/bench/sentiment.json and .md. Timings live here, not in tests.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { analyzeSentiment } from '../../packages/core/src/sentiment/analyze-default.ts';
import { loadSentimentModel } from '../../packages/core/src/sentiment/learned/load-model.ts';
import { unloadSentimentModels } from '../../packages/core/src/sentiment/learned/model-registry.ts';
import { summarizeFeedback } from '../../packages/core/src/sentiment/summarize.ts';
import { corpusAvailable, readCorpus } from '../sentiment-train/corpus.ts';
import { seededRandom, shuffleInPlace } from '../shared/seeded-random.ts';
import { median } from '../eval/sentiment/metrics.ts';

const { values } = parseArgs({ options: { passes: { type: 'string', default: '15' }, out: { type: 'string', default: 'test/bench/sentiment' } } });
const PASSES = Number(values.passes);
const require = createRequire(import.meta.url);
const wink = require('wink-sentiment') as (text: string) => unknown;
const root = fileURLToPath(new URL('../../', import.meta.url));

const load = (): string => loadavg().map((value) => value.toFixed(2)).join(' / ');

interface Texts {
  name: string;
  en: string[];
  zh: string[];
}

function textSets(): Texts[] {
  const written = ['dev', 'heldout'].flatMap((split) =>
    readFileSync(`${root}test/eval/sentiment/${split}.jsonl`, 'utf8').split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line) as { lang: 'en' | 'zh'; text: string }),
  );
  const sets: Texts[] = [{ name: 'hand-written review set (test/eval/sentiment)', en: written.filter((r) => r.lang === 'en').map((r) => r.text), zh: written.filter((r) => r.lang === 'zh').map((r) => r.text) }];
  if (corpusAvailable()) {
    const sample = (lang: 'en' | 'zh'): string[] => shuffleInPlace(readCorpus(lang).map((review) => review.text), seededRandom(7)).slice(0, 2000);
    sets.push({ name: 'real reviews (../shared/corpus, seeded sample of 2,000 per language)', en: sample('en'), zh: sample('zh') });
  }
  return sets;
}

/** CPU seconds (user + system) of this process for one call. */
function cpuSeconds(run: () => void): number {
  const started = process.cpuUsage();
  run();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1e6;
}

interface Contender {
  name: string;
  texts: readonly string[];
  learned: boolean;
  run: (text: string) => unknown;
}

async function throughput(set: Texts): Promise<{ rows: Array<{ name: string; perSecond: number; vsWink: number; low: number; lowerQuartile: number }>; load: string }> {
  const contenders: Contender[] = [
    { name: 'wink-sentiment 5.0.2 (en)', texts: set.en, learned: false, run: wink },
    { name: 'analyzeSentiment, lexicon only (en)', texts: set.en, learned: false, run: analyzeSentiment },
    { name: 'analyzeSentiment, learned model loaded (en)', texts: set.en, learned: true, run: analyzeSentiment },
    { name: 'analyzeSentiment, learned model loaded (zh)', texts: set.zh, learned: true, run: analyzeSentiment },
  ];
  // Enough repeats per timing that each lasts ≳ 50 ms.
  const repeats = Math.max(1, Math.ceil(40_000 / set.en.length));
  const seconds = contenders.map(() => [] as number[]);
  const ratios = contenders.map(() => [] as number[]);
  for (let pass = 0; pass <= PASSES; pass++) {
    const times: number[] = new Array<number>(contenders.length);
    for (let step = 0; step < contenders.length; step++) {
      const index = (step + pass) % contenders.length;
      const contender = contenders[index];
      if (contender.learned) await loadSentimentModel();
      else unloadSentimentModels();
      times[index] = cpuSeconds(() => {
        for (let round = 0; round < repeats; round++) for (const text of contender.texts) contender.run(text);
      }) / (repeats * contender.texts.length);
    }
    if (pass === 0) continue; // warm-up
    times.forEach((time, index) => {
      seconds[index].push(time);
      ratios[index].push(times[0] / time);
    });
  }
  unloadSentimentModels();
  const quartile = (list: readonly number[], q: number): number => [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor(q * list.length))];
  return {
    rows: contenders.map((contender, index) => ({ name: contender.name, perSecond: 1 / median(seconds[index]), vsWink: median(ratios[index]), low: quartile(ratios[index], 0), lowerQuartile: quartile(ratios[index], 0.25) })),
    load: load(),
  };
}

interface SummarizeTiming {
  name: string;
  /** Wall time and CPU time of this process, ms, medians. */
  lexiconMs: number;
  lexiconCpuMs: number;
  learnedMs: number;
  learnedCpuMs: number;
  load: string;
}

async function summarizeTiming(name: string, texts: readonly string[]): Promise<SummarizeTiming> {
  const reviews = Array.from({ length: 10_000 }, (_, index) => texts[index % texts.length]);
  const time = (): [number, number] => {
    const started = performance.now();
    const cpu = cpuSeconds(() => summarizeFeedback(reviews));
    return [performance.now() - started, cpu * 1000];
  };
  const repeats = 7;
  const measure = (): [number, number] => {
    time();
    const runs = Array.from({ length: repeats }, time);
    return [median(runs.map((run) => run[0])), median(runs.map((run) => run[1]))];
  };
  unloadSentimentModels();
  const [lexiconMs, lexiconCpuMs] = measure();
  await loadSentimentModel();
  const [learnedMs, learnedCpuMs] = measure();
  unloadSentimentModels();
  return { name, lexiconMs, lexiconCpuMs, learnedMs, learnedCpuMs, load: load() };
}

const startedLoad = load();
const report: { node: string; cpus: string; passes: number; throughput: unknown[]; summarize: unknown[] } = { node: process.versions.node, cpus: `${cpus().length} × ${cpus()[0]?.model ?? '?'}`, passes: PASSES, throughput: [], summarize: [] };
const markdown: string[] = [
  '# Sentiment speed (side by side, one process)',
  '',
  `Generated by \`node tools/bench/sentiment-bench.ts --passes ${PASSES}\` on Node ${process.versions.node}, ${report.cpus}; load average (1/5/15 min) at the start ${startedLoad}.`,
  'Throughput is reviews per CPU-second of this process; "vs wink" is the ratio within each pass (same machine state), median over the passes. Goals (issue 11): English ≥ 2× wink-sentiment; Chinese ≥ 1× wink-sentiment on English; summarizeFeedback on 10,000 reviews ≤ 500 ms.',
  '',
];
// The corpus is read, parsed and shuffled once for both tables.
const sets = textSets();
for (const set of sets) {
  const result = await throughput(set);
  report.throughput.push({ texts: set.name, ...result });
  markdown.push(`## Throughput: ${set.name} (${set.en.length} en, ${set.zh.length} zh; load average after: ${result.load})`, '', '| classifier | reviews/s (median) | vs wink-sentiment on English (median of per-pass ratios) | lowest pass / lower quartile |', '|---|---|---|---|');
  for (const row of result.rows) markdown.push(`| ${row.name} | ${Math.round(row.perSecond).toLocaleString('en-US')} | ${row.vsWink.toFixed(2)}× | ${row.low.toFixed(2)}× / ${row.lowerQuartile.toFixed(2)}× |`);
  markdown.push('');
  console.log(markdown.slice(-result.rows.length - 4).join('\n'));
}
markdown.push('## summarizeFeedback on 10,000 reviews (median of 7 after a warm-up; wall time, and CPU time of the process in brackets)', '', 'On a machine shared with other jobs the wall time includes waiting for a core; the CPU time is what the call itself costs.', '', '| reviews | lexicon | learned model loaded | load average after |', '|---|---|---|---|');
for (const set of sets) {
  const result = await summarizeTiming(set.name, set.en);
  report.summarize.push(result);
  markdown.push(`| ${set.name}, English, cycled to 10,000 | ${result.lexiconMs.toFixed(0)} ms (${result.lexiconCpuMs.toFixed(0)} ms) | ${result.learnedMs.toFixed(0)} ms (${result.learnedCpuMs.toFixed(0)} ms) | ${result.load} |`);
  console.log(markdown[markdown.length - 1]);
}
markdown.push('');
writeFileSync(`${root}${values.out}.json`, `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(`${root}${values.out}.md`, markdown.join('\n'));
