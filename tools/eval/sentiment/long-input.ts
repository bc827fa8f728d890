/**
 * Linear time on long input, side by side: the time for 100,000 characters over the time for
 * 10,000 (about 10 when linear, about 100 when quadratic), lexicon and learned, English and Chinese.
 */
import { analyzeSentiment } from '../../../packages/core/src/sentiment/analyze-default.ts';
import type { LinearSentimentModel } from '../../../packages/core/src/sentiment/learned/linear-model.ts';
import { unloadSentimentModels, useSentimentModel } from '../../../packages/core/src/sentiment/learned/model-registry.ts';
import { median } from './metrics.ts';

const texts = {
  en: 'The battery runs down quickly, but the screen is great and shipping was fast! ',
  zh: '物流很快，但是质量太差了，客服一直不回复。',
};

/** CPU milliseconds of this process, median of 9 runs after two warm-up runs (a shared machine makes wall time noisy). */
function milliseconds(text: string): number {
  analyzeSentiment(text);
  analyzeSentiment(text);
  const runs: number[] = [];
  for (let run = 0; run < 9; run++) {
    const started = process.cpuUsage();
    analyzeSentiment(text);
    const used = process.cpuUsage(started);
    runs.push((used.user + used.system) / 1000);
  }
  return median(runs);
}

export function longInputReport(models: readonly LinearSentimentModel[]): string {
  const rows = ['| analyser | lang | 10,000 chars | 100,000 chars | ratio |', '|---|---|---|---|---|'];
  for (const learned of [false, true]) {
    unloadSentimentModels();
    if (learned) for (const model of models) useSentimentModel(model);
    for (const lang of ['en', 'zh'] as const) {
      const short = milliseconds(texts[lang].repeat(Math.ceil(10_000 / texts[lang].length)).slice(0, 10_000));
      const long = milliseconds(texts[lang].repeat(Math.ceil(100_000 / texts[lang].length)).slice(0, 100_000));
      rows.push(`| ${learned ? 'learned' : 'lexicon'} | ${lang} | ${short.toFixed(1)} ms | ${long.toFixed(1)} ms | ${(long / short).toFixed(1)} |`);
    }
  }
  unloadSentimentModels();
  return ['### Long input (CPU time, median of 9 runs after warm-up; a ratio near 10 is linear)', '', ...rows, ''].join('\n');
}
