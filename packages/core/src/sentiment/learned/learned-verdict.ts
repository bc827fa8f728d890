import type { AspectMention, ScoredCue } from '../score-sentence.ts';
import type { AspectSentiment, SentimentLabel } from '../types.ts';
import { positiveProbability, type LinearSentimentModel, type SpanEvidence } from './linear-model.ts';

/** What the learned model says about a review or a sentence. */
export interface LearnedVerdict {
  label: SentimentLabel;
  /** 2p − 1: -1..1, its sign is the binary call. */
  score: number;
  /** Calibrated probability of the more likely polarity (max(p, 1 − p)); for a neutral label it is low by construction. */
  confidence: number;
}

/** The verdict on a sentence, or on a review (with `opening`, its first sentence's evidence). */
export function learnedVerdict(model: LinearSentimentModel, evidence: SpanEvidence, signals: Float64Array, opening: SpanEvidence | null = null): LearnedVerdict {
  const p = positiveProbability(model, evidence, signals, opening);
  const label: SentimentLabel = Math.abs(p - 0.5) < model.neutralBand ? 'neutral' : p > 0.5 ? 'positive' : 'negative';
  return { label, score: 2 * p - 1, confidence: Math.max(p, 1 - p) };
}

const NONE: AspectSentiment[] = [];

/**
 * Aspect words with no opinion word in their clause ("the battery runs down quickly",
 * "took an hour to get our food") take the learned verdict of their sentence, when it is not neutral.
 * Evidence runs from the aspect word to the end of the sentence. A sentence has a handful of cues and
 * mentions, so plain scans beat building sets of "aspect:clause" keys.
 */
export function aspectsFromContext(mentions: readonly AspectMention[], cues: readonly ScoredCue[], verdict: LearnedVerdict, sentenceEnd: number, text: string): AspectSentiment[] {
  if (verdict.label === 'neutral' || mentions.length === 0) return NONE;
  let out: AspectSentiment[] = NONE;
  for (let index = 0; index < mentions.length; index++) {
    const mention = mentions[index];
    if (judgedByLexicon(cues, mention) || sameClauseEarlier(mentions, index)) continue;
    const score = Math.round(verdict.score * 1000) / 1000;
    if (out === NONE) out = [];
    out.push({ aspect: mention.aspect, label: verdict.label, score, evidence: { start: mention.start, end: sentenceEnd, text: text.slice(mention.start, sentenceEnd) } });
  }
  return out;
}

/** An earlier mention of the same aspect in the same clause already took the verdict. */
function sameClauseEarlier(mentions: readonly AspectMention[], index: number): boolean {
  for (let earlier = 0; earlier < index; earlier++) if (mentions[earlier].aspect === mentions[index].aspect && mentions[earlier].clause === mentions[index].clause) return true;
  return false;
}

/** The lexicon already judged this aspect in this clause. */
function judgedByLexicon(cues: readonly ScoredCue[], mention: AspectMention): boolean {
  for (const cue of cues) if (cue.aspect === mention.aspect && cue.clause === mention.clause) return true;
  return false;
}
