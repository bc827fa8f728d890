import { SentimentInputError } from './errors.ts';
import { aspectsFromContext, learnedVerdict, type LearnedVerdict } from './learned/learned-verdict.ts';
import { spanEvidence, startReview, type LinearSentimentModel, type SentenceEvidence } from './learned/linear-model.ts';
import { LEXICON_SIGNALS, lexiconSignals, sentenceSignals } from './learned/lexicon-signals.ts';
import { learnedModelFor } from './learned/model-registry.ts';
import type { LanguagePack } from './lexicon-types.ts';
import { scoreSentence, type AspectMention, type ScoredCue } from './score-sentence.ts';
import { detectLang, hasHan, type Lang } from '../contracts/language.ts';
import { blankMarkup, splitSentences } from './text-prep.ts';
import { tokenizeChinese } from './tokenize-zh.ts';
import { lastEnglishScan, scanEnglishWords, tokenizeEnglish } from './tokenize-en.ts';
import type { EnglishScan } from './english-scan.ts';
import type {
  AnalyzeSentimentOptions,
  AspectSentiment,
  SentenceSentiment,
  SentimentCue,
  SentimentLabel,
  SentimentResult,
} from './types.ts';

/** Squashes a summed weight into -1..1 (VADER-style x / sqrt(x² + α)). */
const SQUASH_ALPHA = 6;
/** |score| below this is neutral. */
export const NEUTRAL_BAND = 0.2;

/**
 * What `createSentimentAnalyzer` returns: the same call as `analyzeSentiment`, over the packs it was given.
 * Synchronous; throws `SentimentInputError` (`NOT_A_STRING`, `INVALID_OPTION`) for input it cannot read.
 */
export type SentimentAnalyzer = (text: string, options?: AnalyzeSentimentOptions) => SentimentResult;

/**
 * Builds an analyser over the given language packs. `analyzeSentiment` is this with both
 * packs; an app that only needs one language imports `createSentimentAnalyzer` and that
 * pack alone, and its bundler leaves the other lexicon out.
 */
export function createSentimentAnalyzer(packs: Partial<Record<Lang, LanguagePack>>, tuning: AnalyzerTuning = {}): SentimentAnalyzer {
  return (text, options) => analyzeWithPacks(text, options, packs, tuning);
}

/** Speed/accuracy switches of `createSentimentAnalyzer`. */
export interface AnalyzerTuning {
  /**
   * Chinese word segmentation with Intl.Segmenter: it keeps single-character opinion words from
   * being read inside longer words, at about 4× the cost. Default: on for the lexicon alone, off
   * once the learned Chinese model is loaded (it was trained on the unsegmented reading).
   */
  chineseSegmenter?: boolean;
}

function analyzeWithPacks(
  text: unknown,
  options: AnalyzeSentimentOptions | undefined,
  packs: Partial<Record<Lang, LanguagePack>>,
  tuning: AnalyzerTuning,
): SentimentResult {
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
  // Learned evidence and aspect words per sentence (only filled once loadSentimentModel() has run).
  const learned: Array<LearnedSentence | null> = [];
  startReview();
  // detectLang says 'zh' only for text with Han characters: one native search spares most reviews a scan per sentence.
  const mayBeChinese = forced === undefined && hasHan(clean);

  for (const span of splitSentences(clean)) {
    const lang = forced ?? (mayBeChinese ? detectLang(clean, span.start, span.end) : 'en');
    languageWeight[lang] += span.end - span.start;
    const pack = packs[lang] ?? packs.en ?? packs.zh;
    if (!pack) throw new SentimentInputError('INVALID_OPTION', 'createSentimentAnalyzer needs at least one language pack.');
    const model = learnedModelFor(lang);
    const units = pack.lang === 'zh' ? tokenizeChinese(clean, span.start, span.end, pack, tuning.chineseSegmenter ?? !model) : tokenizeEnglish(clean, span.start, span.end, pack);
    const scored = scoreSentence(units, pack, span.exclamations, span.question);
    learned.push(model ? { model, evidence: spanEvidence(model, clean, span.start, span.end, englishScanFor(model, pack, clean, span)), cues: scored.cues, mentions: scored.mentions } : null);
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
  const lang = languageWeight.zh > languageWeight.en ? 'zh' : forced ?? (languageWeight.en > 0 ? 'en' : detectLang(clean));
  const lexiconAspects = collectAspects(text, cues);
  const review = learned.some((entry) => entry !== null) ? blendLearned(text, lang, score, cues, sentences, learned, lexiconAspects) : null;
  return {
    label: review?.label ?? label,
    score: round(review?.score ?? score),
    confidence: round(review?.confidence ?? confidenceOf(cues, score, label, sentences.length)),
    lang,
    sentences: roundScores(sentences),
    aspects: lexiconAspects,
    cues: cues.map((cue): SentimentCue => ({ start: cue.start, end: cue.end, text: text.slice(cue.start, cue.end), weight: round(cue.weight) })),
  };
}

/** The English model reads the tokenizer's scan of the span; only a Chinese-only analyser scans again for it. */
function englishScanFor(model: LinearSentimentModel, pack: LanguagePack, text: string, span: { start: number; end: number }): EnglishScan | null {
  if (model.lang !== 'en') return null;
  return pack.lang === 'en' ? lastEnglishScan() : scanEnglishWords(text, span.start, span.end);
}

interface LearnedSentence {
  model: LinearSentimentModel;
  evidence: SentenceEvidence;
  cues: readonly ScoredCue[];
  mentions: AspectMention[];
}

/**
 * With a learned model loaded: the review's and each sentence's label, score and confidence come
 * from the model (which also sees the lexicon's score), and aspect words without an opinion word
 * in their clause take their sentence's learned verdict. The lexicon's cues and aspects stay as evidence.
 * Returns the review verdict, or null when no model covers the review's language.
 */
function blendLearned(
  text: string,
  lang: Lang,
  lexiconScore: number,
  cues: readonly ScoredCue[],
  sentences: SentenceSentiment[],
  learned: ReadonlyArray<LearnedSentence | null>,
  aspects: AspectSentiment[],
): LearnedVerdict | null {
  // The review's signals first: the loop below overwrites each sentence's lexicon score.
  const reviewSignals = lexiconSignals(lexiconScore, cues, sentences, new Float64Array(LEXICON_SIGNALS));
  const perSentence = new Float64Array(LEXICON_SIGNALS);
  let reviewModel: LinearSentimentModel | null = null;
  let opening: SentenceEvidence['sentence'] | null = null;
  let sum = 0;
  let count = 0;
  sentences.forEach((sentence, index) => {
    const entry = learned[index];
    if (!entry) return;
    const verdict = learnedVerdict(entry.model, entry.evidence.sentence, sentenceSignals(sentence.score, entry.cues, perSentence));
    sentence.score = verdict.score;
    sentence.label = verdict.label;
    for (const aspect of aspectsFromContext(entry.mentions, entry.cues, verdict, sentence.end, text)) aspects.push(aspect);
    if (entry.model.lang === lang) {
      reviewModel = entry.model;
      opening ??= entry.evidence.sentence;
      sum += entry.evidence.review.sum;
      count += entry.evidence.review.count;
    }
  });
  if (aspects.length > 1) aspects.sort((a, b) => a.evidence.start - b.evidence.start);
  return reviewModel ? learnedVerdict(reviewModel, { sum, count }, reviewSignals, opening) : null;
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

/** The sentence objects are this call's own: rounded in place rather than copied. */
function roundScores(sentences: SentenceSentiment[]): SentenceSentiment[] {
  for (const sentence of sentences) sentence.score = round(sentence.score);
  return sentences;
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
