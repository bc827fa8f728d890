/**
 * Sampling warpers keep exactly the tokens HF's warpers keep (temperature → top-k →
 * top-p), checked against the literal HF transcription on many random distributions.
 */
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../packages/core/src/generate/random.ts';
import { sample, warpedCandidates, argmax } from '../../packages/core/src/generate/sampler.ts';
import { kthLargest } from '../../packages/core/src/generate/select-top.ts';
import { hfKeptTokens } from '../support/hf-reference.ts';

function randomLogits(n: number, seed: number, spread: number): Float32Array {
  const random = createRandom(seed);
  const logits = new Float32Array(n);
  for (let i = 0; i < n; i++) logits[i] = (random() - 0.5) * spread + (random() < 0.01 ? 6 : 0);
  return logits;
}

const settingsTable = [
  { temperature: 1, topK: 50, topP: 1 },
  { temperature: 0.7, topK: 50, topP: 1 },
  { temperature: 1, topK: 0, topP: 0.9 },
  { temperature: 0.8, topK: 0, topP: 0.5 },
  { temperature: 1.3, topK: 40, topP: 0.95 },
  { temperature: 1, topK: 5, topP: 0.3 },
  { temperature: 2, topK: 0, topP: 0.99 },
  { temperature: 1, topK: 1, topP: 1 },
];

describe('warpers keep the tokens HF keeps', () => {
  for (const settings of settingsTable) {
    it(`temperature ${settings.temperature}, topK ${settings.topK}, topP ${settings.topP}`, () => {
      for (let seed = 1; seed <= 6; seed++) {
        for (const spread of [2, 8, 20]) {
          const logits = randomLogits(2000, seed * 31 + spread, spread);
          const ours = (warpedCandidates(logits, settings) ?? []).map((c) => c.id).sort((a, b) => a - b);
          expect(ours).toEqual(hfKeptTokens(logits, settings));
        }
      }
    });
  }

  it('top-k keeps every token tied with the k-th score, like HF', () => {
    const logits = Float32Array.from([1, 3, 3, 3, 0, 2]);
    const kept = warpedCandidates(logits, { temperature: 1, topK: 2, topP: 1 })!.map((c) => c.id).sort();
    expect(kept).toEqual([1, 2, 3]);
    expect(hfKeptTokens(logits, { temperature: 1, topK: 2, topP: 1 })).toEqual([1, 2, 3]);
  });

  it('top-p on a worked example: p = 0.8 over probs 0.5/0.3/0.15/0.05 keeps two tokens', () => {
    const logits = Float32Array.from([0.5, 0.3, 0.15, 0.05].map(Math.log));
    expect(warpedCandidates(logits, { temperature: 1, topK: 0, topP: 0.8 })!.map((c) => c.id)).toEqual([0, 1]);
    expect(hfKeptTokens(logits, { temperature: 1, topK: 0, topP: 0.8 })).toEqual([0, 1]);
  });

  it('top-p without top-k on a full GPT-2-sized vocabulary', () => {
    const logits = randomLogits(50257, 7, 12);
    for (const topP of [0.1, 0.9, 0.999]) {
      const ours = warpedCandidates(logits, { temperature: 1, topK: 0, topP })!.map((c) => c.id).sort((a, b) => a - b);
      expect(ours).toEqual(hfKeptTokens(logits, { temperature: 1, topK: 0, topP }));
    }
  });

  it('filters nothing when top-k and top-p are off (the sampler then uses the whole vocabulary)', () => {
    expect(warpedCandidates(randomLogits(100, 1, 4), { temperature: 1, topK: 0, topP: 1 })).toBeUndefined();
  });

  it('kthLargest is the k-th largest value', () => {
    const logits = randomLogits(5000, 3, 10);
    const sorted = [...logits].sort((a, b) => b - a);
    for (const k of [1, 2, 50, 4999, 5000]) expect(kthLargest(logits, k)).toBe(sorted[k - 1]);
  });
});

describe('sampling', () => {
  it('is reproducible for a seed and different across seeds', () => {
    const logits = randomLogits(1000, 5, 6);
    const draw = (seed: number) => {
      const random = createRandom(seed);
      return Array.from({ length: 20 }, () => sample(logits, warpedCandidates(logits, { temperature: 1, topK: 0, topP: 0.95 }), 1, random));
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('draws tokens in proportion to their probabilities', () => {
    const probs = [0.6, 0.3, 0.1];
    const logits = Float32Array.from(probs.map(Math.log));
    const random = createRandom(9);
    const counts = [0, 0, 0];
    const n = 20000;
    for (let i = 0; i < n; i++) counts[sample(logits, undefined, 1, random)]++;
    probs.forEach((p, i) => expect(Math.abs(counts[i] / n - p)).toBeLessThan(0.015));
    const warped = warpedCandidates(logits, { temperature: 1, topK: 2, topP: 1 });
    const counts2 = [0, 0, 0];
    for (let i = 0; i < n; i++) counts2[sample(logits, warped, 1, random)]++;
    expect(counts2[2]).toBe(0);
    expect(Math.abs(counts2[0] / n - 2 / 3)).toBeLessThan(0.015);
  });

  it('argmax returns the first maximum, like torch.argmax', () => {
    expect(argmax(Float32Array.from([1, 5, 5, 2]))).toBe(1);
  });
});
