/** The configuration shipped per language, chosen by the candidate numbers in test/eval/sentiment/TRAINING.md. */
import type { CorpusLang } from './corpus.ts';
import { DEFAULT_CONFIG, type TrainConfig } from './logistic.ts';

export const CHOSEN: Record<CorpusLang, TrainConfig> = {
  // Title drop (logistic.ts titleDrop) is not used: it reads reviews without titles better, but it moves weight off the
  // lexicon signals and short negated texts flip ("It is not bad at all." → negative); model card, "stores without titles".
  en: { ...DEFAULT_CONFIG, bits: 18, sourceCap: 8000, learningRate: 1, lexiconLearningRate: 1, presence: true, nbScale: false, sourceSpecific: 0.25, openingWeight: 0.25 },
  // Chinese keeps one weight space and no opening weight: with two sources each held-out model trains on one store, so
  // private copies have nothing to separate, and the opening weight lowered both held-out sources (TRAINING.md).
  zh: { ...DEFAULT_CONFIG, bits: 17, sourceCap: 100000, learningRate: 0.3, lexiconLearningRate: 1, epochs: 8, presence: true },
};

/**
 * Most any training source may have of its clear (1–2 or 4–5-star) reviews labelled neutral. The goal is ≤ 5 % on
 * stores the model never saw; a held-out store comes out above its training sources (Blitzer 5.5 % and waimai-10k 5.4 %
 * with a 4 % target, leave one source out), so the target keeps that margin: 3 % gives 4.4 % on waimai-10k. English
 * uses 2.5 %: the domain-robust English model is less extreme on long reviews, and with 3 % held-out Blitzer reached
 * 5.5 % (2.5 % gives 4.2 %; `pnpm eval:sentiment`).
 */
export const NEUTRAL_SHARE_TARGET: Record<CorpusLang, number> = { en: 0.025, zh: 0.03 };
