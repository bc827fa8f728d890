/**
 * `cowrite worker`: takes catalogue rows from the BullMQ queue and writes each row's
 * record into the results hash. Any number of workers on any number of machines may
 * share one queue. A killed worker's job is found stalled when its lock expires and
 * runs again elsewhere; because results are keyed by SKU + task + model + seed, a
 * second run overwrites the same entry with the same value. Closing (SIGTERM) lets
 * the job in hand finish first.
 */
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import type { TextGenerator } from '@cowrite/core';
import { copyForRow, type RowJob } from '../copy/copy-record.ts';
import { DONE_KEY, FAILURES_KEY, QUEUE_NAME, RESULTS_KEY } from './queue-keys.ts';
import { connectRedis } from './redis-connection.ts';

export interface QueueJobData extends RowJob {
  key: string;
}

/** Options of `startCopyWorker`: the queue to serve and the model that writes the copy. */
export interface CopyWorkerOptions {
  /** The Redis URL of the queue (`redis://host:6379`), the same one `runQueuedCopy` was given. */
  queueUrl: string;
  /** The model that writes each row's copy. */
  engine: TextGenerator;
  /** Jobs for another model are refused (the key would lie about which model wrote it). */
  modelName: string;
  /** Jobs at once in this process. Default 1 (one model session runs one request at a time). */
  concurrency?: number;
  /** How long a job's lock lasts without renewal: a killed worker's job is retried after about this long. Default 30 s. */
  lockMs?: number;
  /** Called with the result key of each row this worker wrote (not for rows already done or failed). */
  onJob?: (key: string) => void;
}

/** A started copy worker; close it on shutdown (SIGTERM in the CLI). */
export interface RunningWorker {
  /** Finishes the job in hand, then disconnects. */
  close(): Promise<void>;
}

/**
 * Starts a worker (`cowrite worker`) that takes catalogue rows from the Redis queue, writes each row's copy with
 * `engine` and stores the result for the producer to collect. Resolves once it is connected and taking jobs.
 * A row queued for another model fails at once rather than be written under the wrong model's key.
 */
export async function startCopyWorker(options: CopyWorkerOptions): Promise<RunningWorker> {
  const connection = connectRedis(options.queueUrl);
  const lockDuration = options.lockMs ?? 30_000;
  const worker = new Worker<QueueJobData>(
    QUEUE_NAME,
    async (job: Job<QueueJobData>) => {
      const data = job.data;
      if (data.modelName !== options.modelName) throw new UnrecoverableError(`this worker serves "${options.modelName}", the job wants "${data.modelName}"`);
      if (await connection.hexists(RESULTS_KEY, data.key)) {
        await connection.rpush(DONE_KEY, data.key);
        return 'already done';
      }
      const record = await copyForRow(options.engine, data);
      // One round trip, and the result and its announcement land together (MULTI).
      await connection.multi().hset(RESULTS_KEY, data.key, JSON.stringify(record)).rpush(DONE_KEY, data.key).exec();
      options.onJob?.(data.key);
      return 'written';
    },
    {
      connection,
      concurrency: options.concurrency ?? 1,
      lockDuration,
      stalledInterval: Math.max(500, Math.floor(lockDuration / 2)),
      maxStalledCount: 5,
    },
  );
  // A job out of attempts is recorded as failed for the producer to report (and not retried on its own).
  worker.on('failed', (job, error) => {
    if (job && (job.attemptsMade >= (job.opts.attempts ?? 1) || error instanceof UnrecoverableError)) {
      const failure = JSON.stringify({ line: job.data.line, sku: job.data.sku, error: error.message });
      connection.multi().hset(FAILURES_KEY, job.data.key, failure).rpush(DONE_KEY, job.data.key).exec().catch(() => {});
    }
  });
  worker.on('error', () => {}); // connection errors while Redis restarts: ioredis reconnects
  await worker.waitUntilReady();
  return {
    async close() {
      await worker.close();
      await connection.quit().catch(() => connection.disconnect());
    },
  };
}
