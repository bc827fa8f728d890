import { createRequire } from 'node:module';
import type { Label } from './metrics.ts';

/** The three npm anchors (CommonJS, untyped), each reduced to (text) → { label, score }. */
export interface Classifier {
  name: string;
  classify(text: string): { label: Label; score: number };
}

const require = createRequire(import.meta.url);

const bySign = (score: number, band = 0): Label => (score > band ? 'positive' : score < -band ? 'negative' : 'neutral');

export function loadAnchors(): Classifier[] {
  const SentimentCtor = require('sentiment') as new () => { analyze(text: string): { score: number } };
  const vader = require('vader-sentiment') as { SentimentIntensityAnalyzer: { polarity_scores(text: string): { compound: number } } };
  const wink = require('wink-sentiment') as (text: string) => { normalizedScore: number };
  const afinn = new SentimentCtor();
  return [
    { name: 'sentiment 5.0.2 (AFINN)', classify: (text) => { const score = afinn.analyze(text).score; return { label: bySign(score), score }; } },
    // VADER's documented thresholds: compound ≥ 0.05 positive, ≤ -0.05 negative.
    { name: 'vader-sentiment 1.1.3', classify: (text) => { const score = vader.SentimentIntensityAnalyzer.polarity_scores(text).compound; return { label: bySign(score, 0.05 - 1e-9), score }; } },
    { name: 'wink-sentiment 5.0.2', classify: (text) => { const score = wink(text).normalizedScore; return { label: bySign(score), score }; } },
  ];
}
