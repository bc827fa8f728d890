import type { Lang } from '../contracts/language.ts';
import { guardText, severityAtLeast } from './guard/guard.ts';
import type { ProductFacts } from './guard/facts.ts';
import type { GuardCategory, GuardFinding, GuardPolicy, GuardSeverity } from './guard/types.ts';

/** How a task guards what the model wrote. */
export interface TaskGuardOptions {
  /** 'reject' works sentence by sentence in tasks: a sentence guardText would reject is left out. */
  policy?: GuardPolicy;
  /** Lowest severity that drops a sentence under `reject` (task default `medium` or `high`). */
  rejectAt?: GuardSeverity;
  /** Categories to check; tasks check all four by default. */
  categories?: readonly GuardCategory[];
}

/** A sentence the guard left out of the output under `policy: 'reject'`. */
export interface DroppedSentence {
  /** The sentence as the model wrote it (trimmed). */
  text: string;
  /** What was found in it; offsets are into the sentence before trimming (leading whitespace counts). */
  findings: GuardFinding[];
}

/** What the guard did to a task's output. */
export interface TaskGuardReport {
  /** The policy that was applied. */
  policy: GuardPolicy;
  /** The severity threshold that was applied under `reject`. */
  rejectAt: GuardSeverity;
  /** Findings in the returned text; offsets are UTF-16 offsets into `result.text` (after redaction). */
  findings: GuardFinding[];
  /** Sentences left out under 'reject', with what was found in them (offsets into `text`). */
  droppedSentences: DroppedSentence[];
}

export interface GuardedPiece {
  /** The piece after the policy was applied ('' when dropped). */
  text: string;
  /** Findings in the returned piece, offsets shifted into the whole output. */
  findings: GuardFinding[];
  dropped?: DroppedSentence;
}

/**
 * Guards one cleaned piece that will be appended at `offset` of the output.
 * Redacted findings report the placeholder (never the personal data) and its span in the output.
 */
export function guardPiece(
  piece: string,
  offset: number,
  lang: Lang,
  options: Required<TaskGuardOptions>,
  facts?: ProductFacts,
): GuardedPiece {
  const { findings } = guardText(piece, { policy: 'annotate', lang, categories: options.categories, ...(facts ? { facts } : {}) });
  if (options.policy === 'reject' && findings.some((f) => severityAtLeast(f.severity, options.rejectAt))) {
    return { text: '', findings: [], dropped: { text: piece.trim(), findings } };
  }
  if (options.policy === 'annotate') {
    return { text: piece, findings: findings.map((f) => ({ ...f, start: f.start + offset, end: f.end + offset })) };
  }
  return redactPiece(piece, offset, findings);
}

/**
 * Guards cleaned pieces in order as they are appended to one output field, collecting findings and dropped
 * sentences into a shared report. The one clean-and-guard loop of every task (`runPlan`, `streamPlan`, and
 * each field of idea refinement): `offset` is where the field starts in the task's whole text.
 */
export class PieceGuard {
  /** The guarded text of this field so far. */
  text = '';
  readonly #lang: Lang;
  readonly #options: Required<TaskGuardOptions>;
  readonly #report: TaskGuardReport;
  readonly #facts: ProductFacts | undefined;
  readonly #offset: number;
  readonly #keepLeadingSpace: boolean;

  constructor(lang: Lang, options: Required<TaskGuardOptions>, report: TaskGuardReport, facts?: ProductFacts, offset = 0, keepLeadingSpace = false) {
    this.#lang = lang;
    this.#options = options;
    this.#report = report;
    this.#facts = facts;
    this.#offset = offset;
    this.#keepLeadingSpace = keepLeadingSpace;
  }

  /** Guards and appends `pieces`; returns the text they added. */
  add(pieces: readonly string[]): string {
    let delta = '';
    for (const raw of pieces) {
      // A sentence left out at the start must not leave its successor's separator dangling.
      const piece = this.text.length === 0 && !this.#keepLeadingSpace ? raw.trimStart() : raw;
      const guarded = guardPiece(piece, this.#offset + this.text.length, this.#lang, this.#options, this.#facts);
      if (guarded.dropped) this.#report.droppedSentences.push(guarded.dropped);
      this.#report.findings.push(...guarded.findings);
      this.text += guarded.text;
      delta += guarded.text;
    }
    return delta;
  }
}

function redactPiece(piece: string, offset: number, findings: readonly GuardFinding[]): GuardedPiece {
  const replacements: { start: number; end: number; replacement: string }[] = [];
  let cursor = 0;
  for (const f of findings) {
    const replacement = f.suggestion.replacement;
    if ((f.category !== 'pii' && f.category !== 'profanity') || replacement === undefined || f.start < cursor) continue;
    replacements.push({ start: f.start, end: f.end, replacement });
    cursor = f.end;
  }
  let text = '';
  let from = 0;
  for (const r of replacements) {
    text += piece.slice(from, r.start) + r.replacement;
    from = r.end;
  }
  text += piece.slice(from);
  // Replacements are sorted and disjoint, so their ends are sorted too: a binary search finds how many lie before
  // a position (was a scan per finding, quadratic on a long piece full of findings).
  const shiftBefore: number[] = [0];
  for (const r of replacements) shiftBefore.push(shiftBefore[shiftBefore.length - 1]! + r.replacement.length - (r.end - r.start));
  const mapPos = (pos: number, side: 'start' | 'end'): number => {
    let lo = 0;
    let hi = replacements.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (replacements[mid]!.end <= pos) lo = mid + 1;
      else hi = mid;
    }
    const shift = shiftBefore[lo]!;
    const r = replacements[lo];
    if (r && (pos > r.start || (pos === r.start && side === 'end'))) return r.start + shift + (side === 'end' ? r.replacement.length : 0);
    return pos + shift;
  };
  const replacedSpans = new Set(replacements.map((r) => `${r.start}:${r.end}`));
  const mapped = findings.map((f) => {
    const start = mapPos(f.start, 'start') + offset;
    const end = mapPos(f.end, 'end') + offset;
    const redacted = replacedSpans.has(`${f.start}:${f.end}`);
    return { ...f, start, end, match: redacted ? (f.suggestion.replacement ?? '') : f.match };
  });
  return { text, findings: mapped };
}
