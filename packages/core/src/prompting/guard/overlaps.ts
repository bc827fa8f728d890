import type { GuardCategory, GuardFinding, GuardSeverity } from './types.ts';

export const SEVERITY_RANK: Record<GuardSeverity, number> = { low: 0, medium: 1, high: 2 };

/**
 * Within one category keeps the widest (then most severe, then earliest) of overlapping findings.
 * Kept spans are marked in one byte per character, so each finding costs its own length: linear in the text
 * for the bounded spans rules produce (was a pairwise check, quadratic in the number of findings).
 */
export function dropOverlaps(findings: readonly GuardFinding[], textLength: number): GuardFinding[] {
  const ordered = [...findings].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.start - b.start,
  );
  const taken = new Map<GuardCategory, Uint8Array>();
  const kept: GuardFinding[] = [];
  for (const f of ordered) {
    let marks = taken.get(f.category);
    if (!marks) taken.set(f.category, (marks = new Uint8Array(textLength + 1)));
    let free = true;
    for (let i = f.start; i < f.end && free; i++) free = marks[i] === 0;
    if (!free) continue;
    marks.fill(1, f.start, f.end);
    kept.push(f);
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}
