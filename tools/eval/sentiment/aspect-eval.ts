/**
 * The aspect dev set (test/eval/sentiment/aspects.jsonl, written for the purpose): for each
 * text, the expected polarity of one aspect. Scores the lexicon and the learned model.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyzeSentiment } from '../../../packages/core/src/sentiment/analyze-default.ts';
import { labelOf } from '../../../packages/core/src/sentiment/analyze.ts';
import type { LinearSentimentModel } from '../../../packages/core/src/sentiment/learned/linear-model.ts';
import { unloadSentimentModels, useSentimentModel } from '../../../packages/core/src/sentiment/learned/model-registry.ts';
import type { AspectName } from '../../../packages/core/src/sentiment/types.ts';

interface AspectCase {
  id: string;
  lang: 'en' | 'zh';
  aspect: AspectName;
  label: 'positive' | 'negative';
  text: string;
}

const cases: AspectCase[] = readFileSync(fileURLToPath(new URL('../../../test/eval/sentiment/aspects.jsonl', import.meta.url)), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line) as AspectCase);

/** The aspect's net label in the text, 'missing' when the analyser found no such aspect. */
function aspectLabel(text: string, aspect: AspectName): string {
  const found = analyzeSentiment(text).aspects.filter((item) => item.aspect === aspect);
  return found.length === 0 ? 'missing' : labelOf(found.reduce((sum, item) => sum + item.score, 0));
}

export function aspectReport(models: readonly LinearSentimentModel[]): string {
  const rows = ['| lang | cases | lexicon right | learned right |', '|---|---|---|---|'];
  const misses: string[] = [];
  for (const lang of ['en', 'zh'] as const) {
    const subset = cases.filter((item) => item.lang === lang);
    unloadSentimentModels();
    const lexicon = subset.map((item) => aspectLabel(item.text, item.aspect));
    for (const model of models) useSentimentModel(model);
    const learned = subset.map((item) => aspectLabel(item.text, item.aspect));
    unloadSentimentModels();
    const right = (labels: string[]): number => labels.filter((label, index) => label === subset[index].label).length;
    rows.push(`| ${lang} | ${subset.length} | ${right(lexicon)} | ${right(learned)} |`);
    subset.forEach((item, index) => {
      if (learned[index] !== item.label) misses.push(`- ${item.id} "${item.text}" ${item.aspect}: expected ${item.label}, learned ${learned[index]}, lexicon ${lexicon[index]}`);
    });
  }
  return [`### Aspect dev set (${cases.length} cases, test/eval/sentiment/aspects.jsonl)`, '', ...rows, '', 'Learned misses:', '', ...misses, ''].join('\n');
}
