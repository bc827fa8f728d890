import { PromptingError } from '../errors.ts';

import { biasFrameFindings } from './bias-frames.ts';
import { BIAS_RULES } from './bias-rules.ts';
import { CLAIM_RULES } from './claim-rules.ts';
import { factFindings } from './facts-check.ts';
import { dropOverlaps, SEVERITY_RANK } from './overlaps.ts';
import { PII_RULES } from './pii-rules.ts';
import { PROFANITY_RULES } from './profanity-rules.ts';
import { tokenize } from './tokens.ts';
import type { GuardCategory, GuardFinding, GuardOptions, GuardResult, GuardRule, GuardSeverity } from './types.ts';
import { GUARD_CATEGORIES } from './types.ts';

/** Every built-in rule, in the order they run. Exported so a merchant can extend or filter them. */
export const DEFAULT_GUARD_RULES: readonly GuardRule[] = [...PII_RULES, ...CLAIM_RULES, ...BIAS_RULES, ...PROFANITY_RULES];

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
    if (rule.expand) {
      const span = rule.expand(m, text);
      if (!span) continue;
      ({ start, end } = span);
    }
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

/** Options for `guardText`: `GuardOptions` plus custom rules. */
export interface GuardRunOptions extends GuardOptions {
  /**
   * Rules to run instead of `DEFAULT_GUARD_RULES`; then the built-in bias frames do not run either
   * (the facts check still runs when `facts` are given).
   */
  rules?: readonly GuardRule[];
}

/**
 * Checks text for unverifiable claims, biased language, profanity and personal data.
 * With `policy: 'reject'`, a rejected result has `rejected: true`, `text: ''` and a `rejectReason`;
 * it never throws for content (only a `PromptingError` INVALID_INPUT for non-string input).
 */
export function guardText(text: string, options: GuardRunOptions = {}): GuardResult {
  if (typeof text !== 'string') throw new PromptingError('INVALID_INPUT', `guardText expects a string, got ${text === null ? 'null' : typeof text}.`, 'text');
  const policy = options.policy ?? 'annotate';
  const lang = options.lang ?? 'auto';
  const origin = options.origin ?? 'generated';
  const categories = new Set<GuardCategory>(options.categories ?? GUARD_CATEGORIES);
  const rules = (options.rules ?? DEFAULT_GUARD_RULES).filter(
    (r) =>
      categories.has(r.category) &&
      (lang === 'auto' || r.lang === 'any' || r.lang === lang) &&
      (r.origins === undefined || r.origins.includes(origin)),
  );
  const all = rules.flatMap((r) => findingsOf(r, text));
  const frames = options.rules === undefined && categories.has('bias');
  if (frames) all.push(...biasFrameFindings(text, tokenize(text), origin));
  if (options.facts !== undefined && origin === 'generated' && categories.has('claim')) all.push(...factFindings(text, options.facts));
  const findings = dropOverlaps(all, text.length);

  if (policy === 'annotate') return { text, findings, policy, rejected: false };
  const rejectAt = options.rejectAt ?? 'medium';
  const blocking = findings.filter((f) => severityAtLeast(f.severity, rejectAt));
  if (policy === 'reject' && blocking.length > 0) {
    const cats = [...new Set(blocking.map((f) => f.category))].join(', ');
    return { text: '', findings, policy, rejected: true, rejectReason: `guard rejected: ${cats}` };
  }
  return { text: redact(text, findings), findings, policy, rejected: false };
}

