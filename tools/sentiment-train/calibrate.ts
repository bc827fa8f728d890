/** Platt scaling, the neutral band and the reliability table, all from out-of-fold scores. */

export interface Calibration {
  slope: number;
  intercept: number;
}

const sigmoid = (value: number): number => 1 / (1 + Math.exp(-value));

/**
 * Fits p = σ(slope·z + intercept) by Newton's method on the weighted log-loss. Each class gets
 * equal total weight, so the calibrated 0.5 stays the balanced decision point (stores differ in
 * how many reviews are positive; the model should not lean on one store's ratio). With
 * `fitIntercept: false` only the slope is fitted: the model was trained class-balanced, so z = 0
 * already is that point, and an intercept fitted on the pooled sources cost accuracy on single ones.
 */
export function fitPlatt(scores: readonly number[], labels: readonly number[], fitIntercept = false): Calibration {
  const positives = labels.filter((label) => label === 1).length;
  const negatives = labels.length - positives;
  const weightOf = (label: number): number => (label === 1 ? labels.length / (2 * positives) : labels.length / (2 * negatives));
  let slope = 1;
  let intercept = 0;
  for (let iteration = 0; iteration < 50; iteration++) {
    let ga = 0;
    let gb = 0;
    let haa = 0;
    let hab = 0;
    let hbb = 0;
    for (let index = 0; index < scores.length; index++) {
      const z = scores[index];
      const p = sigmoid(slope * z + intercept);
      const w = weightOf(labels[index]);
      const residual = (p - labels[index]) * w;
      const curvature = p * (1 - p) * w;
      ga += residual * z;
      gb += residual;
      haa += curvature * z * z;
      hab += curvature * z;
      hbb += curvature;
    }
    haa += 1e-9;
    hbb += 1e-9;
    const determinant = haa * hbb - hab * hab;
    if (determinant <= 0) break;
    const stepA = fitIntercept ? (hbb * ga - hab * gb) / determinant : ga / haa;
    const stepB = fitIntercept ? (haa * gb - hab * ga) / determinant : 0;
    slope -= stepA;
    intercept -= stepB;
    if (Math.abs(stepA) + Math.abs(stepB) < 1e-9) break;
  }
  return { slope, intercept };
}

/** The widest band |p − 0.5| < band that keeps every source's share of clear reviews called neutral ≤ `share`. */
export function chooseNeutralBand(probabilitiesBySource: ReadonlyArray<readonly number[]>, share: number): number {
  let best = 0;
  for (let band = 0; band <= 0.3 + 1e-9; band += 0.005) {
    const shares = probabilitiesBySource.map((ps) => ps.filter((p) => Math.abs(p - 0.5) < band).length / Math.max(1, ps.length));
    if (Math.max(...shares) <= share) best = band;
  }
  return Math.round(best * 1000) / 1000;
}

export interface ReliabilityRow {
  from: number;
  to: number;
  count: number;
  meanConfidence: number;
  accuracy: number;
}

/** Confidence = max(p, 1 − p) of the binary call; bins of 0.05 from 0.5 to 1, plus the expected calibration error. */
export function reliability(probabilities: readonly number[], labels: readonly number[]): { rows: ReliabilityRow[]; ece: number } {
  const edges = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0001];
  const rows: ReliabilityRow[] = [];
  let ece = 0;
  for (let bin = 0; bin < edges.length - 1; bin++) {
    let count = 0;
    let confidenceSum = 0;
    let right = 0;
    probabilities.forEach((p, index) => {
      const confidence = Math.max(p, 1 - p);
      if (confidence < edges[bin] || confidence >= edges[bin + 1]) return;
      count++;
      confidenceSum += confidence;
      if ((p >= 0.5 ? 1 : 0) === labels[index]) right++;
    });
    if (count === 0) continue;
    rows.push({ from: edges[bin], to: Math.min(1, edges[bin + 1]), count, meanConfidence: confidenceSum / count, accuracy: right / count });
    ece += (count / probabilities.length) * Math.abs(right / count - confidenceSum / count);
  }
  return { rows, ece };
}
