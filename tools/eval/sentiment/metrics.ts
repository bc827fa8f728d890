/** Scoring helpers for the sentiment benchmark: accuracy and macro-F1 over gold labels. */

export type Label = 'positive' | 'negative' | 'neutral';

export interface Prediction {
  gold: Label;
  label: Label;
  /** Signed score; its sign is the forced binary choice (0 counts as wrong). */
  score: number;
}

/** On gold positive/negative items only: does the sign of the score match? */
export function binaryAccuracy(predictions: readonly Prediction[]): number {
  const polar = predictions.filter((p) => p.gold !== 'neutral');
  const right = polar.filter((p) => (p.gold === 'positive' ? p.score > 0 : p.score < 0)).length;
  return polar.length === 0 ? 0 : right / polar.length;
}

export function threeClassAccuracy(predictions: readonly Prediction[]): number {
  return predictions.length === 0 ? 0 : predictions.filter((p) => p.label === p.gold).length / predictions.length;
}

/** Mean F1 over the three classes (a class never predicted nor present scores 0). */
export function macroF1(predictions: readonly Prediction[]): number {
  const classes: Label[] = ['positive', 'negative', 'neutral'];
  const f1s = classes.map((label) => {
    const truePositive = predictions.filter((p) => p.label === label && p.gold === label).length;
    const predicted = predictions.filter((p) => p.label === label).length;
    const actual = predictions.filter((p) => p.gold === label).length;
    const precision = predicted === 0 ? 0 : truePositive / predicted;
    const recall = actual === 0 ? 0 : truePositive / actual;
    return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  });
  return f1s.reduce((sum, value) => sum + value, 0) / classes.length;
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
