/**
 * `cowrite copy`: writes one piece of copy per catalogue row into a JSON Lines file.
 * Resumable (the output file is the record of what is done), deterministic per row
 * (seed from the SKU), guarded (findings per row, checked against the row's own
 * attributes as facts), and tolerant: bad rows are reported with their line
 * numbers and skipped, a failed row is reported and the job goes on.
 */
import { type MarketingCopyKind, type TextGenerator, isAbortError } from '@cowrite/core';
import { readCatalog } from './catalog-reader.ts';
import { checkedRows } from './checked-rows.ts';
import type { CopyTask } from './copy-tasks.ts';
import { copyForRow } from './copy-record.ts';
import { openOutputLog } from './output-log.ts';
import { ProgressBar, type ProgressSink, formatDuration } from './progress.ts';

/** What a catalogue run writes and where, the same whether rows run here (`runCopyJob`) or on the queue. */
export interface CopyRunOptions {
  /** Name recorded in each output line (the model folder or the remote model). */
  modelName: string;
  /** Path of the catalogue: CSV with a header row, or JSON Lines (`.jsonl`, `.json`, `.ndjson`). */
  catalog: string;
  /** Path of the JSON Lines output; rows already in it are skipped (resume). */
  out: string;
  /** Which copy to write for each row. */
  task: CopyTask;
  /** Marketing copy kind when a row has no `kind` column. Default `tagline`. */
  kind?: MarketingCopyKind;
  /** Where progress and reports go (stderr in the CLI). */
  progress?: ProgressSink;
}

/** Options for `runCopyJob`: what to write, and the engine that writes it here. */
export interface CopyJobOptions extends CopyRunOptions {
  /** The model that writes the copy. */
  engine: TextGenerator;
  /** Stops after the row being written (SIGINT/SIGTERM in the CLI); the output stays resumable. */
  signal?: AbortSignal;
  /** Stop after this many newly written rows (trial runs). */
  limit?: number;
}

/** A catalogue row that was skipped or failed, with why. */
export interface BadRow {
  /** Line of the catalogue the row starts on (1-based). */
  line: number;
  /** Why the row was skipped or failed. */
  error: string;
}

/** What a catalogue run did. */
export interface CopySummary {
  /** Rows read (good and bad). */
  rows: number;
  /** Rows written to the output in this run. */
  written: number;
  /** Rows already in the output from an earlier run. */
  alreadyDone: number;
  /** Rows that could not be used (skipped). */
  bad: BadRow[];
  /** Rows whose generation failed (reported, not written: the next run tries them again). */
  failed: BadRow[];
  /** Guard findings across the written rows, by category. */
  findings: Record<string, number>;
  /** Wall-clock duration of the run. */
  seconds: number;
  /** Rows written per second in this run. */
  rowsPerSecond: number;
  /** True when the run stopped early (signal or `limit`); run again to continue. */
  stopped: boolean;
}

/** Writes copy for every catalogue row not yet in the output, in this process; bad and failed rows are reported, not fatal. */
export async function runCopyJob(options: CopyJobOptions): Promise<CopySummary> {
  const started = performance.now();
  const out = options.progress ?? { write: () => true };
  const output = await openOutputLog(options.out);
  // A first pass counts the work left, for the ETA; it is cheap next to generation.
  let todo = 0;
  for await (const checked of checkedRows(readCatalog(options.catalog), options.task)) {
    if (checked.row && !output.done.has(checked.sku as string)) todo++;
  }
  const total = options.limit === undefined ? todo : Math.min(todo, options.limit);
  const bar = new ProgressBar(out, total);
  const summary: CopySummary = { rows: 0, written: 0, alreadyDone: 0, bad: [], failed: [], findings: {}, seconds: 0, rowsPerSecond: 0, stopped: false };
  const report = (kind: 'bad' | 'failed', line: number, error: string) => {
    summary[kind].push({ line, error });
    out.write(`${out.isTTY ? '\r\u001b[K' : ''}line ${line}: ${error} — ${kind === 'bad' ? 'skipped' : 'not written (re-run to retry)'}\n`);
  };
  try {
    for await (const checked of checkedRows(readCatalog(options.catalog), options.task)) {
      summary.rows++;
      if (!checked.row) {
        report('bad', checked.line, checked.error as string);
        continue;
      }
      const sku = checked.sku as string;
      if (output.done.has(sku)) {
        summary.alreadyDone++;
        continue;
      }
      if (options.signal?.aborted || (options.limit !== undefined && summary.written >= options.limit)) {
        summary.stopped = true;
        break;
      }
      try {
        const record = await copyForRow(options.engine, { task: options.task, kind: options.kind, modelName: options.modelName, sku, line: checked.line, row: checked.row });
        for (const finding of record.guard) summary.findings[finding.category] = (summary.findings[finding.category] ?? 0) + 1;
        await output.append(record);
        summary.written++;
      } catch (error) {
        if (isAbortError(error)) {
          summary.stopped = true;
          break;
        }
        report('failed', checked.line, `generation failed for sku "${sku}": ${(error as Error).message}`);
      }
      bar.tick(summary.written);
    }
  } finally {
    await output.close();
    bar.finish();
  }
  summary.seconds = (performance.now() - started) / 1000;
  summary.rowsPerSecond = summary.seconds > 0 ? summary.written / summary.seconds : 0;
  return summary;
}

/** A short human-readable report of a run, for the terminal. */
export function formatSummary(summary: CopySummary, out: string): string {
  const findings = Object.entries(summary.findings).map(([category, n]) => `${category} ${n}`).join(', ') || 'none';
  const lines = [
    `${summary.stopped ? 'Stopped' : 'Done'}: ${summary.written} written to ${out}, ${summary.alreadyDone} already there, ${summary.bad.length} bad rows skipped, ${summary.failed.length} failed, of ${summary.rows} rows read.`,
    `${formatDuration(summary.seconds)} at ${summary.rowsPerSecond.toFixed(2)} rows/s. Guard findings: ${findings}.`,
  ];
  if (summary.bad.length) lines.push(`Bad rows (line: reason): ${summary.bad.slice(0, 20).map((b) => `${b.line}: ${b.error}`).join('; ')}${summary.bad.length > 20 ? ` … and ${summary.bad.length - 20} more` : ''}`);
  if (summary.stopped) lines.push('Run the same command again to continue where it stopped.');
  return lines.join('\n');
}
