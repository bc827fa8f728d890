/**
 * Trains the learned sentiment models from ../shared/corpus and writes the int8 weights as
 * base64 modules under packages/core/src/sentiment/learned/weights/. Deterministic (seeded
 * shuffles, fixed hyper-parameters): the same corpus gives byte-identical weights.
 *   node tools/sentiment-train/train.ts                 # both languages, chosen configuration
 *   node tools/sentiment-train/train.ts --lang zh       # one language
 *   node tools/sentiment-train/train.ts --candidates    # also evaluate the other candidates (slower)
 * Prints the leave-one-source-out dev numbers and writes them to test/eval/sentiment/TRAINING.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { encodeSentimentModel } from '../../packages/core/src/sentiment/learned/model-codec.ts';
import { chooseNeutralBand, fitPlatt, reliability } from './calibrate.ts';
import { CHOSEN, NEUTRAL_SHARE_TARGET } from './config.ts';
import { corpusAvailable, readCorpus, type CorpusLang } from './corpus.ts';
import { featurize, presenceTable, type FeatureTable } from './featurize.ts';
import { quantize, trainLogistic, type TrainConfig } from './logistic.ts';
import { leaveOneSourceOutOn, polarRowsOf } from './loso.ts';
import { untitledReviews } from './untitled.ts';

const args = process.argv.slice(2);
const langArg = args.includes('--lang') ? args[args.indexOf('--lang') + 1] : undefined;
const langs: CorpusLang[] = langArg === 'en' || langArg === 'zh' ? [langArg] : ['en', 'zh'];
const withCandidates = args.includes('--candidates');

const weightsDir = fileURLToPath(new URL('../../packages/core/src/sentiment/learned/weights/', import.meta.url));
const reportPath = fileURLToPath(new URL('../../test/eval/sentiment/TRAINING.md', import.meta.url));
const percent = (value: number): string => `${(value * 100).toFixed(1)} %`;
const sigmoid = (value: number): number => 1 / (1 + Math.exp(-value));

interface SourceRow {
  source: string;
  polar: number;
  lexicon: number;
  learned: number;
  neutralShare: number;
}

function perSource(table: FeatureTable, scores: Float64Array, slope: number, intercept: number, band: number): SourceRow[] {
  return table.sourceNames.map((source, index) => {
    const rows = polarRowsOf(table, index);
    const right = (value: number, row: number): boolean => (table.labels[row] === 1 ? value > 0 : value < 0);
    const probabilities = rows.map((row) => sigmoid(slope * scores[row] + intercept));
    return {
      source,
      polar: rows.length,
      lexicon: rows.filter((row) => right(table.lexicon[row], row)).length / rows.length,
      learned: rows.filter((row, k) => right(probabilities[k] - 0.5, row)).length / rows.length,
      neutralShare: probabilities.filter((p) => Math.abs(p - 0.5) < band).length / rows.length,
    };
  });
}

function describeConfig(config: TrainConfig): string {
  return `${config.useNgrams ? `hashed n-grams 2^${config.bits}${config.presence ? ' (once per review)' : ' (every occurrence)'}${config.nbScale ? ' scaled by NB log-count ratios' : ''}${config.sourceSpecific > 0 ? `, per-source private copies ×${config.sourceSpecific}` : ''}${config.openingWeight > 0 ? `, first sentence ×${config.openingWeight} more in the review verdict` : ''}` : 'no n-grams'}${config.titleDrop > 0 ? `, title drop ${config.titleDrop}${config.titleDropNgramsOnly === true ? ' (n-grams only)' : ''}` : ''}${config.titleCopy > 0 ? `, title copies ${config.titleCopy}` : ''}${config.useLexicon ? ' + lexicon signals' : ''}, ${config.epochs} epochs, lr ${config.learningRate} (lexicon ${config.lexiconLearningRate}), source cap ${config.sourceCap}`;
}

/** The chosen configuration and its neighbours, each once (for Chinese, "no private copies, no opening weight" is the chosen one). */
function candidateConfigs(lang: CorpusLang): TrainConfig[] {
  const seen = new Set<string>();
  return neighbours(lang).filter((config) => {
    const key = describeConfig(config);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function neighbours(lang: CorpusLang): TrainConfig[] {
  const chosen = CHOSEN[lang];
  return [
    chosen,
    { ...chosen, sourceSpecific: chosen.sourceSpecific > 0 ? 0 : 0.25 },
    { ...chosen, sourceSpecific: 0.5 },
    { ...chosen, openingWeight: chosen.openingWeight > 0 ? 0 : 0.25 },
    { ...chosen, openingWeight: 0.5 },
    { ...chosen, sourceSpecific: 0, openingWeight: 0 },
    { ...chosen, useLexicon: false },
    { ...chosen, useNgrams: false },
    { ...chosen, bits: chosen.bits + 2 },
    { ...chosen, learningRate: 0.1, lexiconLearningRate: 0.1 },
    { ...chosen, sourceCap: 20000 },
    { ...chosen, presence: !chosen.presence },
    { ...chosen, nbScale: !chosen.nbScale },
    { ...chosen, nbScale: !chosen.nbScale, learningRate: chosen.learningRate / 2 },
    // Stores without titles (English only: the Chinese sources have none).
    ...(lang === 'en'
      ? [
          { ...chosen, titleDrop: 0.15 },
          { ...chosen, titleDrop: 0.3 },
          { ...chosen, titleDrop: 0.5 },
          { ...chosen, titleDrop: 0.3, openingWeight: 0.375 },
          { ...chosen, titleDrop: 0.5, openingWeight: 0 },
          { ...chosen, titleDrop: 0.3, titleDropNgramsOnly: true },
          { ...chosen, titleCopy: 0.3 },
        ]
      : []),
  ];
}

const report: string[] = ['# Learned sentiment: training report', '', `Generated by \`node tools/sentiment-train/train.ts${withCandidates ? ' --candidates' : ''}\` on Node ${process.versions.node}.`, 'Every number is leave-one-source-out: the model that scores a source was trained without it. Binary accuracy is on 1–2 vs 4–5-star reviews; "neutral" is the share of those clear reviews the learned model calls neutral.', ''];

if (!corpusAvailable()) {
  console.error('../shared/corpus is not here: nothing to train on.');
  process.exit(1);
}
mkdirSync(weightsDir, { recursive: true });

const mean = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0) / values.length;

for (const lang of langs) {
  const started = performance.now();
  const reviews = readCorpus(lang);
  const table = featurize(lang, reviews);
  // English sources store "Title. Body": the same reviews without their first sentence, for title drop and to report
  // how each model does on stores without titles. Chinese reviews have no titles.
  const untitled = lang === 'en' ? featurize(lang, untitledReviews(reviews)) : undefined;
  console.log(`[${lang}] ${table.count} reviews featurised in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const config = CHOSEN[lang];
  report.push(`## ${lang === 'en' ? 'English' : 'Chinese'}`, '');
  const heldOutScores = (candidate: TrainConfig): [Float64Array, Float64Array?] => leaveOneSourceOutOn(table, candidate, untitled ? [table, untitled] : [table], untitled) as [Float64Array, Float64Array?];

  if (withCandidates) {
    const header = ['| candidate | ' + table.sourceNames.join(' | ') + ' | mean |', '|---|' + table.sourceNames.map(() => '---|').join('') + '---|'];
    const rows = [...header];
    const untitledRows = [...header];
    for (const candidate of candidateConfigs(lang)) {
      const [scores, untitledScores] = heldOutScores(candidate);
      const accuracies = perSource(table, scores, 1, 0, 0).map((row) => row.learned);
      rows.push(`| ${describeConfig(candidate)} | ${accuracies.map(percent).join(' | ')} | ${percent(mean(accuracies))} |`);
      console.log(rows[rows.length - 1]);
      if (untitled && untitledScores) {
        const withoutTitles = perSource(untitled, untitledScores, 1, 0, 0).map((row) => row.learned);
        untitledRows.push(`| ${describeConfig(candidate)} | ${withoutTitles.map(percent).join(' | ')} | ${percent(mean(withoutTitles))} |`);
        console.log(`  without titles: ${untitledRows[untitledRows.length - 1]}`);
      }
    }
    report.push('### Candidates (binary accuracy per held-out source)', '', ...rows, '');
    if (untitled) report.push('### Candidates on the same reviews without titles (first sentence removed; same held-out models)', '', ...untitledRows, '');
  }

  const [scores, untitledScores] = heldOutScores(config);
  const polar = Array.from({ length: table.count }, (_, row) => row).filter((row) => table.labels[row] >= 0);
  const { slope, intercept } = fitPlatt(polar.map((row) => scores[row]), polar.map((row) => table.labels[row]));
  const bySource = table.sourceNames.map((_, source) => polarRowsOf(table, source).map((row) => sigmoid(slope * scores[row] + intercept)));
  const band = chooseNeutralBand(bySource, NEUTRAL_SHARE_TARGET[lang]);
  const rows = perSource(table, scores, slope, intercept, band);
  const untitledBySource = untitled && untitledScores ? perSource(untitled, untitledScores, slope, intercept, band) : undefined;
  const table1 = untitledBySource
    ? ['| held-out source | clear reviews | lexicon | learned | learned: called neutral | learned, without titles |', '|---|---|---|---|---|---|']
    : ['| held-out source | clear reviews | lexicon | learned | learned: called neutral |', '|---|---|---|---|---|'];
  rows.forEach((row, index) => table1.push(`| ${row.source} | ${row.polar} | ${percent(row.lexicon)} | **${percent(row.learned)}** | ${percent(row.neutralShare)} |${untitledBySource ? ` ${percent(untitledBySource[index]?.learned ?? NaN)} |` : ''}`));
  if (untitledBySource) table1.push(`| mean | | ${percent(mean(rows.map((row) => row.lexicon)))} | **${percent(mean(rows.map((row) => row.learned)))}** | | ${percent(mean(untitledBySource.map((row) => row.learned)))} |`);
  const probabilities = polar.map((row) => sigmoid(slope * scores[row] + intercept));
  const { rows: bins, ece } = reliability(probabilities, polar.map((row) => table.labels[row]));
  const table2 = ['| confidence | reviews | mean confidence | accuracy |', '|---|---|---|---|'];
  for (const bin of bins) table2.push(`| ${bin.from.toFixed(2)}–${bin.to.toFixed(2)} | ${bin.count} | ${bin.meanConfidence.toFixed(3)} | ${bin.accuracy.toFixed(3)} |`);

  const prepare = (each: FeatureTable): FeatureTable => (config.presence ? presenceTable(each, config.bits) : each);
  const trainingUntitled = untitled && (config.titleDrop > 0 || config.titleCopy > 0) ? prepare(untitled) : undefined;
  const final = quantize(trainLogistic(prepare(table), Array.from({ length: table.count }, (_, row) => row), config, trainingUntitled), lang, config.presence, config.openingWeight);
  final.slope = slope;
  final.intercept = intercept;
  final.neutralBand = band;
  const bytes = encodeSentimentModel(final);
  const base64 = Buffer.from(bytes).toString('base64');
  const module = `// Generated by tools/sentiment-train/train.ts from ../shared/corpus. Do not edit; model card: packages/core/docs/sentiment-model.md.\nexport const packedModel: string = '${base64}';\n`;
  writeFileSync(`${weightsDir}${lang}.ts`, module);
  const size = `${(bytes.length / 1024).toFixed(0)} kB raw, ${(gzipSync(Buffer.from(module), { level: 9 }).length / 1024).toFixed(0)} kB gzipped as a base64 module`;

  report.push(
    `Configuration: ${describeConfig(config)}. Platt calibration slope ${slope.toFixed(3)}, intercept ${intercept.toFixed(3)}; neutral band |p − 0.5| < ${band}. Weights: ${size}.`,
    '',
    '### Leave-one-source-out',
    '',
    ...(untitledBySource ? ['"Without titles": the same held-out models on the same reviews with their first sentence removed (where they have two or more), as a store that sends no title would give them.', ''] : []),
    ...table1,
    '',
    `### Reliability (out-of-fold, all ${polar.length} clear reviews pooled; expected calibration error ${ece.toFixed(3)})`,
    '',
    ...table2,
    '',
  );
  console.log([...table1, '', ...table2, `ECE ${ece.toFixed(3)}; band ${band}; ${size}; ${((performance.now() - started) / 1000).toFixed(1)} s`].join('\n'));
}

if (langs.length === 2) writeFileSync(reportPath, report.join('\n'));
