/**
 * `cowrite copy --queue redis://…`: puts every catalogue row not yet in the output on
 * the BullMQ queue (job id = result key, so enqueuing twice adds nothing), then
 * collects results as workers write them — progress across all workers — and
 * appends each to the output file once. Re-running resumes: rows in the output are
 * skipped, rows with results waiting in Redis are collected without new work.
 *
 * Workers announce each finished key on a list (DONE_KEY), so collecting costs Redis
 * work per finished row, not per waiting row: polling every pending key would be
 * thousands of HMGETs per poll for a million-row catalogue. A full pass over the
 * pending keys runs once at the start (results left by an earlier run) and every
 * `rescanMs` after (announcements popped by another producer, or lost with a reply
 * when Redis went down mid-command).
 */
import { Queue } from 'bullmq';
import { readCatalog } from '../copy/catalog-reader.ts';
import { checkedRows } from '../copy/checked-rows.ts';
import type { CopyRunOptions, CopySummary } from '../copy/copy-job.ts';
import type { CopyRecord } from '../copy/copy-record.ts';
import { openOutputLog } from '../copy/output-log.ts';
import { ProgressBar } from '../copy/progress.ts';
import { seedFor } from '../copy/row-seed.ts';
import type { QueueJobData } from './copy-worker.ts';
import { DONE_KEY, FAILURES_KEY, QUEUE_NAME, RESULTS_KEY, resultKey } from './queue-keys.ts';
import { connectRedis } from './redis-connection.ts';

/** Options of `runQueuedCopy`: what to write (as for `runCopyJob`), the queue to put it on, and how to wait for results. */
export interface QueuedCopyOptions extends CopyRunOptions {
  /** The Redis URL of the queue (`redis://host:6379`); workers started with the same URL do the writing. */
  queueUrl: string;
  /** Stop waiting (the queued work stays queued; re-run to collect). */
  signal?: AbortSignal;
  /** How often results are collected. Default 250 ms. */
  pollMs?: number;
  /** Retries per row, with exponential backoff from 1 s. Default 5. */
  attempts?: number;
  /** How often every pending key is checked, besides the workers' announcements. Default 30 s. */
  rescanMs?: number;
}

const BATCH = 500;

/**
 * Runs a catalogue job on the Redis queue (`cowrite copy --queue`): queues every row not yet in the output,
 * then appends results as `startCopyWorker` workers write them, until every row is written or failed
 * (or `signal` stops the wait: `stopped` is then true and a re-run collects the rest). Bad and failed rows
 * are reported in the summary, not thrown.
 */
export async function runQueuedCopy(options: QueuedCopyOptions): Promise<CopySummary> {
  const started = performance.now();
  const out = options.progress ?? { write: () => true };
  const redis = connectRedis(options.queueUrl);
  const queue = new Queue<QueueJobData>(QUEUE_NAME, { connection: redis });
  queue.on('error', () => {}); // reconnects while Redis restarts

  const output = await openOutputLog(options.out);
  const summary: CopySummary = { rows: 0, written: 0, alreadyDone: 0, bad: [], failed: [], findings: {}, seconds: 0, rowsPerSecond: 0, stopped: false };
  const pending = new Map<string, number>(); // result key → catalogue line
  try {
    let batch: { name: string; data: QueueJobData; opts: { jobId: string } }[] = [];
    const flush = async () => {
      if (!batch.length) return;
      const jobOptions = { attempts: options.attempts ?? 5, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: true, removeOnFail: true };
      await queue.addBulk(batch.map((job) => ({ ...job, opts: { ...jobOptions, ...job.opts } })));
      batch = [];
    };
    for await (const checked of checkedRows(readCatalog(options.catalog), options.task)) {
      summary.rows++;
      if (!checked.row) {
        summary.bad.push({ line: checked.line, error: checked.error as string });
        out.write(`line ${checked.line}: ${checked.error} — skipped\n`);
        continue;
      }
      const sku = checked.sku as string;
      if (output.done.has(sku)) {
        summary.alreadyDone++;
        continue;
      }
      const key = resultKey({ sku, task: options.task, model: options.modelName, seed: seedFor(sku, options.task) });
      pending.set(key, checked.line);
      batch.push({ name: 'row', data: { key, task: options.task, kind: options.kind, modelName: options.modelName, sku, line: checked.line, row: checked.row }, opts: { jobId: key } });
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    out.write(`queued ${pending.size} rows on ${QUEUE_NAME}; waiting for workers (cowrite worker --queue … --model …)\n`);

    const bar = new ProgressBar(out, pending.size);
    /** Reads the results (or failures) of `keys`, appends what is there, and forgets those keys. */
    const collect = async (keys: string[]) => {
      for (let i = 0; i < keys.length; i += BATCH) {
        const slice = keys.slice(i, i + BATCH);
        const [results, failures] = await Promise.all([redis.hmget(RESULTS_KEY, ...slice), redis.hmget(FAILURES_KEY, ...slice)]);
        for (let j = 0; j < slice.length; j++) {
          const result = results[j];
          const failure = failures[j];
          if (result) {
            const record = JSON.parse(result) as CopyRecord;
            for (const finding of record.guard) summary.findings[finding.category] = (summary.findings[finding.category] ?? 0) + 1;
            await output.append(record);
            summary.written++;
            pending.delete(slice[j]);
          } else if (failure) {
            const { line, error } = JSON.parse(failure) as { line: number; error: string };
            summary.failed.push({ line, error });
            out.write(`line ${line}: ${error} — not written (re-run to retry)\n`);
            await redis.hdel(FAILURES_KEY, slice[j]); // the next run tries again
            pending.delete(slice[j]);
          }
        }
      }
    };
    let lastFullPass = -Infinity;
    while (pending.size && !options.signal?.aborted) {
      if (performance.now() - lastFullPass >= (options.rescanMs ?? 30_000)) {
        lastFullPass = performance.now();
        await collect([...pending.keys()]);
      }
      const announced = pending.size ? await redis.lpop(DONE_KEY, BATCH) : null;
      if (announced?.length) await collect([...new Set(announced)].filter((key) => pending.has(key)));
      bar.tick(summary.written);
      if (pending.size && !(announced && announced.length === BATCH)) await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 250));
    }
    bar.finish();
    summary.stopped = pending.size > 0;
  } finally {
    await output.close();
    await queue.close();
    await redis.quit().catch(() => redis.disconnect());
  }
  summary.seconds = (performance.now() - started) / 1000;
  summary.rowsPerSecond = summary.seconds > 0 ? summary.written / summary.seconds : 0;
  return summary;
}
