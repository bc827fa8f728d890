/**
 * One catalogue row → one output record: the task's text with a seed from the SKU,
 * and the guard's findings on it with the row's attributes as facts. Shared by the
 * in-process job and the queue workers, so both write identical lines.
 */
import { type GuardFinding, type GuardRunOptions, type MarketingCopyKind, type TextGenerator, guardText } from '@cowrite/core';
import type { CatalogRow } from './catalog-reader.ts';
import { type CopyTask, rowFacts, runCopyTask } from './copy-tasks.ts';
import { seedFor } from './row-seed.ts';

export interface CopyRecord {
  sku: string;
  task: CopyTask;
  model: string;
  seed: number;
  text: string;
  emptyReason?: string;
  finishReason: string;
  guard: Pick<GuardFinding, 'category' | 'rule' | 'severity' | 'match' | 'suggestion'>[];
  line: number;
  ms: number;
  [key: string]: unknown;
}

export interface RowJob {
  task: CopyTask;
  kind?: MarketingCopyKind;
  modelName: string;
  sku: string;
  line: number;
  row: CatalogRow;
}

export async function copyForRow(engine: TextGenerator, job: RowJob): Promise<CopyRecord> {
  const started = performance.now();
  const seed = seedFor(job.sku, job.task);
  const result = await runCopyTask(engine, job.task, job.row, { generation: { seed }, kind: job.kind });
  const findings = checkAgainstFacts(result.text, result.lang, rowFacts(job.row));
  return {
    sku: job.sku,
    task: job.task,
    model: job.modelName,
    seed,
    text: result.text,
    ...(result.emptyReason ? { emptyReason: result.emptyReason } : {}),
    finishReason: result.generation.finishReason,
    guard: findings.map(({ category, rule, severity, match, suggestion }) => ({ category, rule, severity, match, suggestion })),
    line: job.line,
    ms: Math.round(performance.now() - started),
  };
}

/**
 * The guard on the finished text, with the row's attributes as facts (a claim the
 * row supports is not flagged) where the guard accepts `facts`; a guard without that
 * option ignores the field and flags claims without looking at the row.
 */
function checkAgainstFacts(text: string, lang: 'en' | 'zh', facts: Record<string, string>): GuardFinding[] {
  const options: GuardRunOptions & { facts?: Readonly<Record<string, string>> } = { policy: 'annotate', lang, facts };
  return guardText(text, options).findings;
}
