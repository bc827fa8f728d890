/**
 * Scale-out on BullMQ + Redis with faults: `cowrite copy --queue` (in-process
 * producer) and `cowrite worker` processes on the tiny fixture model. A worker
 * killed with SIGKILL mid-run, and Redis killed and restarted mid-run: in both,
 * every product ends up in the output exactly once (lost = duplicated = 0).
 * Needs Debian's redis-server (tools/dev.sh installs it); skipped with a message without it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runQueuedCopy } from '@cowrite/server';
import { FIXTURE_MODELS_DIR, ensureFixtures } from '../../tools/gpt2/make-fixtures.ts';
import { type TestRedis, hasRedisServer, startTestRedis } from '../support/redis-server.ts';

const CLI = join(import.meta.dirname, '../../packages/server/src/cli/main.ts');
const TINY = join(FIXTURE_MODELS_DIR, 'tiny-gpt2');
const available = hasRedisServer();
if (!available) console.warn('queue tests skipped: redis-server is not installed (bash tools/dev.sh test installs it)');

let dir: string;
let redis: TestRedis;
const workers: ChildProcess[] = [];

async function startWorker(url: string): Promise<ChildProcess> {
  // A short lock: a killed worker's job is picked up again after about 2 s.
  const child = spawn(process.execPath, ['--conditions=source', CLI, 'worker', '--queue', url, '--model', TINY, '--lock-ms', '2000', '--threads', '1'], { stdio: ['ignore', 'pipe', 'pipe'] });
  workers.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (data: Buffer) => data.toString().includes('cowrite worker ready') && resolve());
    child.once('exit', (code) => reject(new Error(`worker exited early (${code})`)));
  });
  return child;
}

async function catalog(rows: number): Promise<string> {
  const path = join(dir, `catalog-${rows}.csv`);
  const colours = ['navy', 'red', 'olive', 'cream', 'black'];
  const lines = ['sku,name,material,colour', ...Array.from({ length: rows }, (_, i) => `P-${String(i).padStart(5, '0')},Product ${i},wool,${colours[i % colours.length]}`)];
  await writeFile(path, lines.join('\n') + '\n');
  return path;
}

async function whenResults(url: string, count: number): Promise<void> {
  const client = new Redis(url, { maxRetriesPerRequest: null });
  try {
    while ((await client.hlen('cowrite:copy:results')) < count) await new Promise((resolve) => setTimeout(resolve, 100));
  } finally {
    client.disconnect();
  }
}

async function countOutput(path: string, rows: number): Promise<{ lost: number; duplicated: number; lines: number }> {
  const skus = (await readFile(path, 'utf8')).split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { sku: string }).sku);
  const unique = new Set(skus);
  return { lines: skus.length, lost: rows - unique.size, duplicated: skus.length - unique.size };
}

beforeAll(async () => {
  if (!available) return;
  await ensureFixtures();
  dir = await mkdtemp(join(tmpdir(), 'cowrite-queue-'));
}, 120_000); // loading models takes long on a busy machine

afterEach(async () => {
  for (const worker of workers.splice(0)) if (worker.exitCode === null) worker.kill('SIGKILL');
  await redis?.stop();
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.skipIf(!available)('cowrite copy --queue with cowrite worker', () => {
  it('a worker killed with SIGKILL mid-run: 1,000 products, none lost, none duplicated', { timeout: 900_000 }, async () => {
    redis = await startTestRedis();
    const rows = 1000;
    const out = join(dir, 'kill9.jsonl');
    const [doomed] = await Promise.all([startWorker(redis.url), startWorker(redis.url)]);
    const run = runQueuedCopy({ queueUrl: redis.url, modelName: 'tiny-gpt2', catalog: await catalog(rows), out, task: 'marketing', pollMs: 100 });
    await whenResults(redis.url, 150);
    doomed.kill('SIGKILL'); // mid-job, most likely: each worker is always busy
    await startWorker(redis.url);
    const summary = await run;
    expect(summary).toMatchObject({ written: rows, failed: [], bad: [], stopped: false });
    expect(await countOutput(out, rows)).toEqual({ lines: rows, lost: 0, duplicated: 0 });
  });

  it('Redis killed and restarted mid-run: the run goes on, none lost, none duplicated', { timeout: 600_000 }, async () => {
    redis = await startTestRedis();
    const rows = 200;
    const out = join(dir, 'restart.jsonl');
    await Promise.all([startWorker(redis.url), startWorker(redis.url)]);
    const run = runQueuedCopy({ queueUrl: redis.url, modelName: 'tiny-gpt2', catalog: await catalog(rows), out, task: 'marketing', pollMs: 100 });
    await whenResults(redis.url, 50);
    await redis.kill();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await redis.start();
    const summary = await run;
    expect(summary).toMatchObject({ written: rows, failed: [], stopped: false });
    expect(await countOutput(out, rows)).toEqual({ lines: rows, lost: 0, duplicated: 0 });
  });

  it('a re-run with the output in place enqueues nothing and writes nothing twice', { timeout: 120_000 }, async () => {
    redis = await startTestRedis();
    const path = await catalog(20);
    const out = join(dir, 'rerun.jsonl');
    await startWorker(redis.url);
    await runQueuedCopy({ queueUrl: redis.url, modelName: 'tiny-gpt2', catalog: path, out, task: 'marketing', pollMs: 50 });
    const again = await runQueuedCopy({ queueUrl: redis.url, modelName: 'tiny-gpt2', catalog: path, out, task: 'marketing', pollMs: 50 });
    expect(again).toMatchObject({ written: 0, alreadyDone: 20 });
    expect(await countOutput(out, 20)).toEqual({ lines: 20, lost: 0, duplicated: 0 });
  });

  it('collects what workers announce, and by the periodic rescan a result it was never told about', { timeout: 120_000 }, async () => {
    redis = await startTestRedis();
    const out = join(dir, 'announced.jsonl');
    const client = new Redis(redis.url, { maxRetriesPerRequest: null });
    let progress = '';
    let resolveQueued: () => void = () => {};
    const queued = new Promise<void>((resolve) => (resolveQueued = resolve));
    const progressSink = { write: (text: string) => ((progress += text), progress.includes('queued') && resolveQueued(), true) };
    const run = runQueuedCopy({ queueUrl: redis.url, modelName: 'tiny-gpt2', catalog: await catalog(2), out, task: 'marketing', pollMs: 20, rescanMs: 1500, progress: progressSink });
    await queued;
    // No workers here: write both results as a worker would, after the producer's first full pass; announce only one.
    const [announced, silent] = (await client.lrange('bull:cowrite-copy:wait', 0, -1)).sort();
    const record = (key: string) => JSON.stringify({ sku: decodeURIComponent(key.split('|')[3]), task: 'marketing', model: 'tiny-gpt2', seed: 1, text: 'x', finishReason: 'eos', guard: [], line: 2, ms: 1 });
    await client.multi().hset('cowrite:copy:results', announced, record(announced)).rpush('cowrite:copy:done', announced).exec();
    await client.hset('cowrite:copy:results', silent, record(silent));
    const summary = await run;
    const left = await client.llen('cowrite:copy:done');
    client.disconnect();
    expect(summary).toMatchObject({ written: 2, failed: [], stopped: false });
    expect(left).toBe(0); // the announcement was taken off the list
    expect(await countOutput(out, 2)).toEqual({ lines: 2, lost: 0, duplicated: 0 });
  });
});
