/**
 * What the learned model reads from the lexicon pass, besides the n-grams: the squashed score,
 * how one-sided the cues are, and the first, last and mean sentence scores (a title or a closing
 * verdict often decides a long review). Shared by the runtime and the training tool.
 */
export const LEXICON_SIGNALS = 5;

/** The same signals for one sentence: its own score is first, last and mean. */
export function sentenceSignals(score: number, cueWeights: readonly { weight: number }[], out: Float64Array): Float64Array {
  let sum = 0;
  let mass = 0;
  for (const cue of cueWeights) {
    sum += cue.weight;
    mass += Math.abs(cue.weight);
  }
  out[0] = score;
  out[1] = mass > 0 ? sum / mass : 0;
  out[2] = score;
  out[3] = score;
  out[4] = score;
  return out;
}

export function lexiconSignals(score: number, cueWeights: readonly { weight: number }[], sentenceScores: readonly { score: number }[], out: Float64Array): Float64Array {
  let sum = 0;
  let mass = 0;
  for (const cue of cueWeights) {
    sum += cue.weight;
    mass += Math.abs(cue.weight);
  }
  let mean = 0;
  for (const sentence of sentenceScores) mean += sentence.score;
  out[0] = score;
  out[1] = mass > 0 ? sum / mass : 0;
  out[2] = sentenceScores.length > 0 ? sentenceScores[0].score : 0;
  out[3] = sentenceScores.length > 0 ? sentenceScores[sentenceScores.length - 1].score : 0;
  out[4] = sentenceScores.length > 0 ? mean / sentenceScores.length : 0;
  return out;
}
