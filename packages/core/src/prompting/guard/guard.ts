
import { BIAS_RULES } from './bias-rules.ts';
import { CLAIM_RULES } from './claim-rules.ts';
import { PII_RULES } from './pii-rules.ts';
import { PROFANITY_RULES } from './profanity-rules.ts';
import type { GuardCategory, GuardFinding, GuardOptions, GuardResult, GuardRule, GuardSeverity } from './types.ts';
import { GUARD_CATEGORIES } from './types.ts';

/** Every built-in rule, in the order they run. Exported so a merchant can extend or filter them. */
export const DEFAULT_GUARD_RULES: readonly GuardRule[] = [...PII_RULES, ...CLAIM_RULES, ...BIAS_RULES, ...PROFANITY_RULES];

const SEVERITY_RANK: Record<GuardSeverity, number> = { low: 0, medium: 1, high: 2 };

export function severityAtLeast(severity: GuardSeverity, threshold: GuardSeverity): boolean {
  return SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold];
}

function findingsOf(rule: GuardRule, text: string): GuardFinding[] {
  const found: GuardFinding[] = [];
  rule.pattern.lastIndex = 0;
  for (const m of text.matchAll(rule.pattern)) {
    if (m[0].length === 0) continue;
    if (rule.accept && !rule.accept(m, text)) continue;
    let start = m.index;
    let end = start + m[0].length;
    if (rule.group !== undefined) {
      const span = m.indices?.[rule.group];
      if (!span) continue;
      [start, end] = span;
    }
    if (rule.leadingNoise) {
      const noise = rule.leadingNoise.exec(text.slice(start, end));
      if (noise && noise[0].length < end - start) start += noise[0].length;
    }
    const match = text.slice(start, end);
    found.push({ category: rule.category, start, end, severity: rule.severity, suggestion: rule.suggest(match), match, rule: rule.id });
  }
  return found;
}

/** Within one category keep the widest (then most severe) of overlapping findings. */
function dropOverlaps(findings: GuardFinding[]): GuardFinding[] {
  const ordered = [...findings].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.start - b.start,
  );
  const kept: GuardFinding[] = [];
  for (const f of ordered) {
    const overlaps = kept.some((k) => k.category === f.category && f.start < k.end && k.start < f.end);
    if (!overlaps) kept.push(f);
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Applies personal-data and profanity replacements, left to right, skipping spans inside an earlier one. */
function redact(text: string, findings: readonly GuardFinding[]): string {
  const replaced = findings
    .filter((f) => (f.category === 'pii' || f.category === 'profanity') && f.suggestion.replacement !== undefined)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let cursor = 0;
  for (const f of replaced) {
    if (f.start < cursor) continue;
    out += text.slice(cursor, f.start) + (f.suggestion.replacement ?? '');
    cursor = f.end;
  }
  return out + text.slice(cursor);
}

export interface GuardRunOptions extends GuardOptions {
  /** Rules to run instead of `DEFAULT_GUARD_RULES`. */
  rules?: readonly GuardRule[];
}

/**
 * Checks text for unverifiable claims, biased language, profanity and personal data.
 * With `policy: 'reject'`, a rejected result has `rejected: true`, `text: ''` and a `rejectReason`;
 * it never throws for content (only a TypeError for non-string input).
 */
export function guardText(text: string, options: GuardRunOptions = {}): GuardResult {
  if (typeof text !== 'string') throw new TypeError('guardText expects a string');
  const policy = options.policy ?? 'annotate';
  const lang = options.lang ?? 'auto';
  const categories = new Set<GuardCategory>(options.categories ?? GUARD_CATEGORIES);
  const rules = (options.rules ?? DEFAULT_GUARD_RULES).filter(
    (r) => categories.has(r.category) && (lang === 'auto' || r.lang === 'any' || r.lang === lang),
  );
  const findings = dropOverlaps(rules.flatMap((r) => findingsOf(r, text)));

  if (policy === 'annotate') return { text, findings, policy, rejected: false };
  const rejectAt = options.rejectAt ?? 'medium';
  const blocking = findings.filter((f) => severityAtLeast(f.severity, rejectAt));
  if (policy === 'reject' && blocking.length > 0) {
    const cats = [...new Set(blocking.map((f) => f.category))].join(', ');
    return { text: '', findings, policy, rejected: true, rejectReason: `guard rejected: ${cats}` };
  }
  return { text: redact(text, findings), findings, policy, rejected: false };
}

