import type { AspectMention } from '../score-sentence.ts';
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

export function learnedVerdict(model: LinearSentimentModel, evidence: SpanEvidence, signals: Float64Array): LearnedVerdict {
  const p = positiveProbability(model, evidence, signals);
  const label: SentimentLabel = Math.abs(p - 0.5) < model.neutralBand ? 'neutral' : p > 0.5 ? 'positive' : 'negative';
  return { label, score: 2 * p - 1, confidence: Math.max(p, 1 - p) };
}

const NONE: AspectSentiment[] = [];

/**
 * Aspect words with no opinion word in their clause ("the battery runs down quickly",
 * "took an hour to get our food") take the learned verdict of their sentence, when it is not neutral.
 * Evidence runs from the aspect word to the end of the sentence.
 */
export function aspectsFromContext(
  mentions: readonly AspectMention[],
  judgedClauses: ReadonlySet<string>,
  verdict: LearnedVerdict,
  sentenceEnd: number,
  text: string,
): AspectSentiment[] {
  if (verdict.label === 'neutral' || mentions.length === 0) return NONE;
  const seen = new Set<string>();
  const out: AspectSentiment[] = [];
  for (const mention of mentions) {
    const key = `${mention.aspect}:${mention.clause}`;
    if (judgedClauses.has(key) || seen.has(key)) continue;
    seen.add(key);
    const score = Math.round(verdict.score * 1000) / 1000;
    out.push({ aspect: mention.aspect, label: verdict.label, score, evidence: { start: mention.start, end: sentenceEnd, text: text.slice(mention.start, sentenceEnd) } });
  }
  return out;
}
