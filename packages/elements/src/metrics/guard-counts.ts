import type { GuardCategoryName } from './metric-types.ts';

/** Counts findings per category (unknown categories as `other`): numbers only, never the flagged words. */
export function countByCategory(findings: readonly { category: string }[]): Record<GuardCategoryName, number> {
  const counts: Record<GuardCategoryName, number> = { claim: 0, bias: 0, profanity: 0, pii: 0, other: 0 };
  for (const { category } of findings) {
    const key = (category in counts ? category : 'other') as GuardCategoryName;
    counts[key] += 1;
  }
  return counts;
}
