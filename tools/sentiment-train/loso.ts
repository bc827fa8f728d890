/**
 * Leave-one-source-out: for every source, train on all the others, quantise, and score the
 * held-out source with the int8 model the runtime would ship. Returns one raw score per review.
 */
import { presenceTable, type FeatureTable } from './featurize.ts';
import { quantize, rawScore, trainLogistic, type TrainConfig } from './logistic.ts';

export function leaveOneSourceOut(featurized: FeatureTable, config: TrainConfig, untitled?: FeatureTable): Float64Array {
  return leaveOneSourceOutOn(featurized, config, [featurized], untitled)[0] as Float64Array;
}

/**
 * The same training, scoring other versions of the same reviews too (row for row: e.g. without their
 * titles), so one set of held-out models answers "how would it do on text like this". `untitled`: the reviews without
 * their titles, row for row, for training with title drop (config.titleDrop).
 */
export function leaveOneSourceOutOn(featurized: FeatureTable, config: TrainConfig, scoring: readonly FeatureTable[], untitled?: FeatureTable): Float64Array[] {
  const prepare = (each: FeatureTable): FeatureTable => (config.presence ? presenceTable(each, config.bits) : each);
  const table = prepare(featurized);
  const prepared = new Map<FeatureTable, FeatureTable>([[featurized, table]]);
  const prepareOnce = (each: FeatureTable): FeatureTable => prepared.get(each) ?? prepared.set(each, prepare(each)).get(each) as FeatureTable;
  const scored = scoring.map(prepareOnce);
  const trainingUntitled = untitled !== undefined && (config.titleDrop > 0 || config.titleCopy > 0) ? prepareOnce(untitled) : undefined;
  const scores = scored.map(() => new Float64Array(table.count));
  const mask = (1 << config.bits) - 1;
  const all = Array.from({ length: table.count }, (_, row) => row);
  table.sourceNames.forEach((_, source) => {
    const heldOut = all.filter((row) => table.sources[row] === source);
    const trainRows = all.filter((row) => table.sources[row] !== source);
    const model = quantize(trainLogistic(table, trainRows, config, trainingUntitled), table.lang, config.presence, config.openingWeight);
    scored.forEach((each, index) => {
      const out = scores[index] as Float64Array;
      for (const row of heldOut) out[row] = rawScore(each, row, model.weights, model.scale, model.bias, model.lexiconWeights, mask, model.openingWeight);
    });
  });
  return scores;
}

/** Rows of one source that have a polar (non-neutral) label. */
export const polarRowsOf = (table: FeatureTable, source: number): number[] =>
  Array.from({ length: table.count }, (_, row) => row).filter((row) => table.sources[row] === source && table.labels[row] >= 0);
