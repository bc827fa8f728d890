import type { Lang } from '../../contracts/language.ts';
import type { LinearSentimentModel } from './linear-model.ts';

/**
 * The learned models the synchronous analyser uses once they are loaded (one per language).
 * Module state on purpose: `await loadSentimentModel()` once, and every later
 * `analyzeSentiment` call in the page or Worker sees it; before that the lexicon answers.
 */
const loaded: Partial<Record<Lang, LinearSentimentModel>> = {};

export function useSentimentModel(model: LinearSentimentModel): void {
  loaded[model.lang] = model;
}

export function learnedModelFor(lang: Lang): LinearSentimentModel | undefined {
  return loaded[lang];
}

/** Back to the lexicon alone (tests, or an app that wants the explainable answer only). */
export function unloadSentimentModels(): void {
  delete loaded.en;
  delete loaded.zh;
}
