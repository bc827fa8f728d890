import { describe, expect, it } from 'vitest';
import type { CwMetric } from '@cowrite/elements';
import { summarize } from '../../apps/storefront/src/dashboard/aggregate.ts';
import type { StoredMetric } from '../../apps/storefront/src/metrics-store.ts';

const base = { v: 1, element: 'review-composer', lang: 'en', at: 0 } as const;
const at = (minute: number, m: CwMetric): StoredMetric => ({ t: Date.UTC(2026, 10, 30, 7, minute), m });
const shown = (variant: 'treatment' | 'control' | 'none'): CwMetric => ({ ...base, variant, name: 'suggestion-shown', source: 'continuation', length: 12, latencyMs: 40 });
const accepted: CwMetric = { ...base, variant: 'treatment', name: 'suggestion-accepted', mode: 'whole', length: 12, keystrokesSaved: 11 };
const started = (variant: 'treatment' | 'control' | 'none'): CwMetric => ({ ...base, variant, name: 'review-started' });
const submitted = (variant: 'treatment' | 'control' | 'none', length: number, saved: number): CwMetric => ({
  ...base,
  variant,
  name: 'review-submitted',
  durationMs: 30_000,
  length,
  suggestionsShown: 2,
  suggestionsAccepted: 1,
  acceptedChars: 12,
  keystrokesSaved: saved,
  rating: 4,
});

describe('dashboard summary', () => {
  it('acceptance, keystrokes saved, completion per arm and guard counts', () => {
    const records = [
      at(0, started('treatment')),
      at(0, shown('treatment')),
      at(1, accepted),
      at(4, shown('treatment')),
      at(3, submitted('treatment', 120, 11)),
      at(4, started('treatment')),
      at(5, started('control')),
      at(6, submitted('control', 60, 0)),
      at(7, { ...base, variant: 'none', name: 'guard-findings', stage: 'submit', claim: 2, bias: 0, profanity: 1, pii: 3, other: 0 }),
      at(8, { ...base, element: 'share-post', variant: 'none', name: 'share-post-shared', channel: 'link', network: 'x', length: 80, editDistance: 4 }),
    ];
    const s = summarize(records, 4);
    expect(s.shown).toBe(2);
    expect(s.accepted).toBe(1);
    expect(s.acceptanceRate).toBe(0.5);
    expect(s.keystrokesSaved).toBe(11);
    expect(s.reviewChars).toBe(180);
    expect(s.savedShare).toBeCloseTo(11 / 180);
    expect(s.arms.treatment).toEqual({ started: 2, submitted: 1, completion: 0.5, averageLength: 120 });
    expect(s.arms.control).toEqual({ started: 1, submitted: 1, completion: 1, averageLength: 60 });
    expect(s.arms.none).toEqual({ started: 0, submitted: 0, completion: undefined, averageLength: undefined });
    expect(s.guard).toEqual({ claim: 2, bias: 0, profanity: 1, pii: 3, other: 0 });
    expect(s.sharePosts).toEqual({ created: 0, shared: 1 });
    // Minutes 0–8 in at most 4 buckets: 3-minute steps (0–2, 3–5, 6–8).
    expect(s.acceptanceOverTime.map((b) => [b.shown, b.accepted, b.rate])).toEqual([
      [1, 1, 1],
      [1, 0, 0],
      [0, 0, undefined],
    ]);
  });

  it('no records: nothing to divide by', () => {
    const s = summarize([]);
    expect(s.acceptanceRate).toBeUndefined();
    expect(s.savedShare).toBeUndefined();
    expect(s.acceptanceOverTime).toEqual([]);
  });
});
