/**
 * Short-text check for a training configuration (an experiment aid): trains the final English model (all sources) for
 * the shipped configuration changed by each variant (as in untitled-experiment.ts), then prints its lexicon-signal
 * weights, its binary accuracy on the hand-written dev and held-out splits (test/eval/sentiment) and the texts of
 * those splits whose label it gets wrong. Long corpus reviews decide the held-out numbers; this shows what a change
 * does to one-sentence texts, which the summaries and the composer score.
 *   node tools/sentiment-train/short-text-probe.ts <variant>[,<variant>…]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deserialize } from 'node:v8';
import { analyzeSentiment } from '../../packages/core/src/sentiment/index.ts';
import { useSentimentModel, unloadSentimentModels } from '../../packages/core/src/sentiment/learned/model-registry.ts';
import { CHOSEN } from './config.ts';
import { presenceTable, type FeatureTable } from './featurize.ts';
import { quantize, trainLogistic, type TrainConfig } from './logistic.ts';

const variants = (process.argv[2] ?? 'shipped').split(',');
const load = (name: string): FeatureTable => deserialize(readFileSync(`/tmp/cowrite-sentiment-experiment/en-${name}.bin`)) as FeatureTable;
const full = { titled: load('titled'), untitled: load('untitled') };
const dataDir = fileURLToPath(new URL('../../test/eval/sentiment/', import.meta.url));
const handWritten = ['dev', 'heldout'].flatMap((split) =>
  readFileSync(`${dataDir}${split}.jsonl`, 'utf8').split('\n').filter((line) => line.trim()).map((line) => ({ split, ...(JSON.parse(line) as { lang: string; label: string; text: string }) })),
).filter((review) => review.lang === 'en' && review.label !== 'neutral');

// Negation both ways, written for test/unit/sentiment-learned.test.ts.
const NEGATIONS = ['It is not bad at all.', 'Never had a problem with it.', 'I would never buy this again.', 'Not worth the money.'];

for (const variant of variants) {
  let config: TrainConfig = { ...CHOSEN.en };
  for (const part of variant.split('+')) {
    if (part.startsWith('drop')) config = { ...config, titleDrop: Number(part.slice(4)) };
    else if (part === 'ngramsonly') config = { ...config, titleDropNgramsOnly: true };
    else if (part.startsWith('open')) config = { ...config, openingWeight: Number(part.slice(4)) };
    else if (part !== 'shipped') throw new Error(`unknown part ${part}`);
  }
  const all = Array.from({ length: full.titled.count }, (_, row) => row);
  const untitled = config.titleDrop > 0 ? presenceTable(full.untitled, config.bits) : undefined;
  const model = quantize(trainLogistic(presenceTable(full.titled, config.bits), all, config, untitled), 'en', true, config.openingWeight);
  unloadSentimentModels();
  useSentimentModel(model);
  const misses = handWritten.filter((review) => Math.sign(analyzeSentiment(review.text).score) !== (review.label === 'positive' ? 1 : -1));
  const accuracy = (split: string): string => {
    const items = handWritten.filter((review) => review.split === split);
    return `${(100 - (100 * misses.filter((miss) => miss.split === split).length) / items.length).toFixed(1)} %`;
  };
  console.log(`${variant}: lexicon weights ${[...model.lexiconWeights].map((w) => w.toFixed(2)).join(' ')}, bias ${model.bias.toFixed(2)}; hand-written dev ${accuracy('dev')}, held-out ${accuracy('heldout')}`);
  for (const miss of misses) console.log(`  miss (${miss.split}, ${miss.label}): ${miss.text}`);
  for (const text of NEGATIONS) console.log(`  ${analyzeSentiment(text).score.toFixed(3).padStart(6)} ${text}`);
}
