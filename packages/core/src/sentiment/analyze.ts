import { SentimentInputError } from './errors.ts';
import type { LanguagePack } from './lexicon-types.ts';
import { scoreSentence, type ScoredCue } from './score-sentence.ts';
import { blankMarkup, detectLanguage, splitSentences } from './text-prep.ts';
import { tokenizeChinese } from './tokenize-zh.ts';
import { tokenizeEnglish } from './tokenize-en.ts';
import type {
  AnalyzeSentimentOptions,
  AspectSentiment,
  SentenceSentiment,
  SentimentCue,
  SentimentLabel,
  SentimentLanguage,
  SentimentResult,
} from './types.ts';

/** Squashes a summed weight into -1..1 (VADER-style x / sqrt(x² + α)). */
const SQUASH_ALPHA = 6;
/** |score| below this is neutral. */
export const NEUTRAL_BAND = 0.2;

export type SentimentAnalyzer = (text: string, options?: AnalyzeSentimentOptions) => SentimentResult;

/**
 * Builds an analyser over the given language packs. `analyzeSentiment` is this with both
 * packs; an app that only needs one language imports `createSentimentAnalyzer` and that
 * pack alone, and its bundler leaves the other lexicon out.
 */
export function createSentimentAnalyzer(packs: Partial<Record<SentimentLanguage, LanguagePack>>): SentimentAnalyzer {
  return (text, options) => analyzeWithPacks(text, options, packs);
}

function analyzeWithPacks(text: unknown, options: AnalyzeSentimentOptions | undefined, packs: Partial<Record<SentimentLanguage, LanguagePack>>): SentimentResult {
  if (typeof text !== 'string') {
    throw new SentimentInputError('NOT_A_STRING', `analyzeSentiment expects a string, got ${describe(text)}.`);
  }
  const forced = options?.lang;
  if (forced !== undefined && forced !== 'en' && forced !== 'zh') {
    throw new SentimentInputError('INVALID_OPTION', `lang must be 'en', 'zh' or omitted, got ${describe(forced)}.`);
  }
  const clean = blankMarkup(text);
  const sentences: SentenceSentiment[] = [];
  const cues: ScoredCue[] = [];
  const languageWeight = { en: 0, zh: 0 };
  let previousCueStart = 0;

  for (const span of splitSentences(clean)) {
    const lang = forced ?? detectLanguage(clean, span.start, span.end);
    languageWeight[lang] += span.end - span.start;
    const pack = packs[lang] ?? packs.en ?? packs.zh;
    if (!pack) throw new SentimentInputError('INVALID_OPTION', 'createSentimentAnalyzer needs at least one language pack.');
    const units = pack.lang === 'zh' ? tokenizeChinese(clean, span.start, span.end, pack) : tokenizeEnglish(clean, span.start, span.end, pack);
    const scored = scoreSentence(units, pack, span.exclamations, span.question);
    if (scored.opensWithContrast) {
      // "Looks great. But it broke in a week.": the sentence before the "But" weighs less.
      for (let index = previousCueStart; index < cues.length; index++) cues[index].weight *= 0.5;
      const previous = sentences[sentences.length - 1];
      if (previous) previous.score = squash(sumWeights(cues.slice(previousCueStart)));
    }
    previousCueStart = cues.length;
    for (const cue of scored.cues) cues.push(cue);
    const score = squash(sumWeights(scored.cues));
    sentences.push({ start: span.start, end: span.end, text: text.slice(span.start, span.end), lang, score, label: labelOf(score) });
  }
  for (const sentence of sentences) sentence.label = labelOf(sentence.score);

  const total = sumWeights(cues);
  const score = squash(total);
  const label = labelOf(score);
  return {
    label,
    score: round(score),
    confidence: round(confidenceOf(cues, score, label, sentences.length)),
    lang: languageWeight.zh > languageWeight.en ? 'zh' : forced ?? (languageWeight.en > 0 ? 'en' : detectLanguage(clean)),
    sentences: sentences.map((sentence) => ({ ...sentence, score: round(sentence.score) })),
    aspects: collectAspects(text, cues),
    cues: cues.map((cue): SentimentCue => ({ start: cue.start, end: cue.end, text: text.slice(cue.start, cue.end), weight: round(cue.weight) })),
  };
}

function collectAspects(text: string, cues: readonly ScoredCue[]): AspectSentiment[] {
  // One entry per aspect word (or self-naming phrase) and clause: its opinions are summed.
  const groups = new Map<string, { cue: ScoredCue; start: number; end: number; weight: number }>();
  for (const cue of cues) {
    if (!cue.aspect) continue;
    const key = `${cue.aspect}:${cue.aspectStart}:${cue.clause}`;
    const group = groups.get(key);
    if (group) {
      group.start = Math.min(group.start, cue.start);
      group.end = Math.max(group.end, cue.end);
      group.weight += cue.weight;
    } else {
      groups.set(key, { cue, start: Math.min(cue.aspectStart, cue.start), end: Math.max(cue.aspectEnd, cue.end), weight: cue.weight });
    }
  }
  return [...groups.values()]
    .sort((a, b) => a.start - b.start)
    .map(({ cue, start, end, weight }) => {
      // One cue decides an aspect, so the band is applied to a gentler squash than the review's.
      const score = weight / Math.sqrt(weight * weight + 1);
      return { aspect: cue.aspect as AspectSentiment['aspect'], label: labelOf(score), score: round(score), evidence: { start, end, text: text.slice(start, end) } };
    });
}

/**
 * Heuristic certainty: cues that agree, several of them, and a score far from the neutral band.
 * Neutral results with no cue at all get 0.5 ("nothing to go on"), empty text gets 0.
 */
function confidenceOf(cues: readonly ScoredCue[], score: number, label: SentimentLabel, sentenceCount: number): number {
  if (sentenceCount === 0) return 0;
  if (cues.length === 0) return 0.5;
  const mass = cues.reduce((sum, cue) => sum + Math.abs(cue.weight), 0);
  const agreement = mass === 0 ? 0 : Math.abs(sumWeights(cues)) / mass;
  const evidence = 1 - Math.exp(-cues.length / 1.5);
  if (label === 'neutral') return 0.3 + 0.4 * (1 - Math.abs(score) / NEUTRAL_BAND) * (1 - agreement * 0.5);
  const margin = (Math.abs(score) - NEUTRAL_BAND) / (1 - NEUTRAL_BAND);
  return 0.35 * agreement + 0.3 * evidence + 0.35 * margin;
}

const sumWeights = (cues: readonly { weight: number }[]): number => cues.reduce((sum, cue) => sum + cue.weight, 0);
const squash = (value: number): number => value / Math.sqrt(value * value + SQUASH_ALPHA);
export const labelOf = (score: number): SentimentLabel => (score >= NEUTRAL_BAND ? 'positive' : score <= -NEUTRAL_BAND ? 'negative' : 'neutral');
const round = (value: number): number => Math.round(value * 1000) / 1000;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 20)) : typeof value;
}
