import { describe, expect, it } from 'vitest';
import { DEFAULT_GUARD_RULES, guardText, linearPatternProblems } from '@cowrite/core';
import { CARE, CERTIFICATION, COMPATIBLE, GUARANTEE, MATERIAL, ORIGIN, QUANTITY } from '../../packages/core/src/prompting/guard/facts-check.ts';
import { CORE_ENTRY_POINTS } from '../../tools/bench/fuzz-entries.ts';
import { measureGrowth } from '../../tools/bench/fuzz-timing.ts';

describe('guard rules stay in the linear-time regex subset', () => {
  it.each(DEFAULT_GUARD_RULES.map((r) => [r.id, r.pattern] as const))('%s', (_id, pattern) => {
    expect(linearPatternProblems(pattern)).toEqual([]);
  });

  it('facts-check patterns too', () => {
    for (const p of [QUANTITY, MATERIAL, CERTIFICATION, GUARANTEE, ORIGIN, CARE, COMPATIBLE]) expect(linearPatternProblems(p)).toEqual([]);
  });

  it('the checker rejects the shapes that backtrack', () => {
    for (const bad of [/(a+)+b/, /[^x]*y/, /(\w+\s?)*$/, /a{2,}/, /(?:[a-z]{1,60}\s{1,60}){1,60}/, /x{1,1000}/]) {
      expect(linearPatternProblems(bad), String(bad)).not.toEqual([]);
    }
    expect(linearPatternProblems(/(?<!\d)\d{1,5}(?:号|號)(?:\d{1,4}楼){0,4}/)).toEqual([]);
  });
});

describe('the exponential and quadratic inputs of issue 12', () => {
  it('finds nothing in long runs of "市" or "a" (and returns)', () => {
    expect(guardText('市'.repeat(20_000)).findings).toEqual([]);
    expect(guardText('a'.repeat(20_000)).findings).toEqual([]);
  });
});

// Time ratios, not absolute times: linear code grows ≈ 10× from 10,000 to 100,000 characters, quadratic ≈ 100×.
// Times are CPU time (not wall time, which a busy machine inflates more for long runs), the fastest of a few runs,
// and a suspicious pair is measured again.
// Runs at 10,000 characters are short enough to sit in cache and skip garbage collection, so linear code can show
// 20–30× here; the 10k time is floored at 3 ms, so a failure means both a ratio above 30× and ≥ 90 ms at 100k.
describe('text entry points grow linearly on adversarial input', () => {
  // Sentiment and summaries cost more per character: they run on a spread of the repeated units.
  const HEAVY_INPUTS = new Set([
    'repeat "a"', 'repeat " "', 'repeat "-"', 'repeat "1-"', 'repeat "."', 'repeat "a@a."', 'repeat "市"', 'repeat "。"',
    'repeat "连女生都"', 'repeat "women can "', 'repeat "fuck"', 'repeat "😀"', 'repeat "\\n"', 'review sentences',
  ]);
  const heavy = new Set(['analyzeSentiment', 'summarizeFeedback']);
  it.each(CORE_ENTRY_POINTS.map((e) => [e.name, e] as const))('%s', (name, entry) => {
    const rows = measureGrowth([entry], {
      repeats: 3,
      floorMs: 3,
      filter: heavy.has(name) ? (i) => HEAVY_INPUTS.has(i.name) : undefined,
    });
    expect(rows.length).toBeGreaterThan(heavy.has(name) ? 10 : 100);
    const superLinear = rows.filter((r) => r.ratio > 30).map((r) => `${r.input}: ${r.smallMs.toFixed(1)} → ${r.largeMs.toFixed(1)} ms`);
    expect(superLinear).toEqual([]);
  }, 300_000);
});
