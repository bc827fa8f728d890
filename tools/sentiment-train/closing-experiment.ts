/**
 * Closing-sentence emphasis for long reviews (an experiment; the runtime has no such term): the review verdict adds
 * the last sentence's evidence once more, times W, when the review has at least N sentences ("Overall…", "I would not
 * recommend…" often end a long review). One set of held-out models per fold (the shipped configuration, config.ts,
 * changed by the variant as in untitled-experiment.ts), scored with every (W, N) pair, titled and untitled.
 *   node tools/sentiment-train/closing-experiment.ts [variant]
 * Reads the tables cached by untitled-experiment.ts (run it once first).
 */
import { readFileSync } from 'node:fs';
import { deserialize } from 'node:v8';
import { blankMarkup, splitSentences } from '../../packages/core/src/sentiment/text-prep.ts';
import { CHOSEN } from './config.ts';
import { readCorpus } from './corpus.ts';
import { presenceTable, type FeatureTable } from './featurize.ts';
import { quantize, rawScore, trainLogistic, type TrainConfig } from './logistic.ts';
import { polarRowsOf } from './loso.ts';
import { untitledReviews } from './untitled.ts';

const variant = process.argv[2] ?? 'shipped';
let config: TrainConfig = { ...CHOSEN.en };
for (const part of variant.split('+')) {
  if (part.startsWith('drop')) config = { ...config, titleDrop: Number(part.slice(4)) };
  else if (part.startsWith('open')) config = { ...config, openingWeight: Number(part.slice(4)) };
  else if (part !== 'shipped') throw new Error(`unknown part ${part}`);
}
const load = (name: string): FeatureTable => deserialize(readFileSync(`/tmp/cowrite-sentiment-experiment/en-${name}.bin`)) as FeatureTable;
const full = { titled: load('titled'), untitled: load('untitled') };
const reviews = readCorpus('en');
const sentenceCounts = {
  titled: reviews.map((review) => splitSentences(blankMarkup(review.text)).length),
  untitled: untitledReviews(reviews).map((review) => splitSentences(blankMarkup(review.text)).length),
};
const prepared = { titled: presenceTable(full.titled, config.bits), untitled: presenceTable(full.untitled, config.bits) };
const weightsGrid = [0, 0.125, 0.25, 0.5];
const minSentencesGrid = [2, 4, 6, 8];
const mask = (1 << config.bits) - 1;
type Version = 'titled' | 'untitled';
// right[version][w][n][source] = correct count
const right = new Map<string, number[]>();
const key = (version: Version, w: number, n: number): string => `${version} ${w} ${n}`;
const sources = full.titled.sourceNames;
const all = Array.from({ length: full.titled.count }, (_, row) => row);
sources.forEach((_, source) => {
  const trainRows = all.filter((row) => full.titled.sources[row] !== source);
  const model = quantize(trainLogistic(prepared.titled, trainRows, config, config.titleDrop > 0 ? prepared.untitled : undefined), 'en', true, config.openingWeight);
  const rows = polarRowsOf(full.titled, source);
  for (const version of ['titled', 'untitled'] as const) {
    const table = full[version];
    for (const row of rows) {
      const base = rawScore(prepared[version], row, model.weights, model.scale, model.bias, model.lexiconWeights, mask, model.openingWeight);
      // The last sentence's own evidence, every occurrence (as the runtime counts one sentence).
      let sum = 0;
      const from = table.lastStarts[row];
      const to = table.offsets[row + 1];
      for (let k = from; k < to; k++) sum += model.weights[table.ids[k] & mask];
      const closing = to > from ? (model.scale * sum) / Math.sqrt(to - from) : 0;
      for (const w of weightsGrid) for (const n of minSentencesGrid) {
        const z = base + (sentenceCounts[version][row] >= n ? w * closing : 0);
        const counts = right.get(key(version, w, n)) ?? new Array<number>(sources.length).fill(0);
        if ((full.titled.labels[row] === 1) === z > 0) counts[source]++;
        right.set(key(version, w, n), counts);
      }
    }
  }
});
const totals = sources.map((_, source) => polarRowsOf(full.titled, source).length);
console.log(`sources: ${sources.join(' | ')}; variant ${variant}`);
for (const w of weightsGrid) for (const n of minSentencesGrid) {
  if (w === 0 && n > 2) continue;
  for (const version of ['titled', 'untitled'] as const) {
    const accuracies = (right.get(key(version, w, n)) ?? []).map((count, source) => count / (totals[source] as number));
    const mean = accuracies.reduce((a, b) => a + b, 0) / accuracies.length;
    console.log(`closing ×${w} from ${n} sentences ${version.padEnd(8)} ${accuracies.map((a) => (a * 100).toFixed(1)).join(' | ')} | mean ${(mean * 100).toFixed(2)}`);
  }
}
