/**
 * `pnpm bench:queue`: catalogue throughput of `cowrite worker` processes on one
 * Redis (Debian's redis-server on a free loopback port), 1 worker against 2,
 * single-threaded sessions. The model is the GPT-2-124M-shaped one (int8, generated
 * into .bench/ like `pnpm bench`), so a row costs what a real model's row costs and the
 * model, not the queue, is the work; `--model tiny` uses the tiny fixture instead (rows of
 * a few ms: then the pipeline around the model is what gets measured). Runs alternate
 * (1, 2, 2, 1, …) so drift hits both; figures are medians. Also the CPU time per row of
 * the workers, the producer and Redis (from /proc), which says what a row costs whatever
 * else the machine runs. Writes test/bench/queue.md and .json.
 *   pnpm bench:queue [--rows 60] [--repeats 3] [--task marketing] [--model gpt2-124m|tiny|DIR] [--dtype q8] [--appendfsync everysec|always] [--shared-session]
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runQueuedCopy } from '@cowrite/server';
import { hasRedisServer, startTestRedis } from '../../test/support/redis-server.ts';
import { FIXTURE_MODELS_DIR, ensureFixtures } from '../gpt2/make-fixtures.ts';
import { ensureBench124m } from './bench-model.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '60' },
    repeats: { type: 'string', default: '3' },
    task: { type: 'string', default: 'marketing' },
    model: { type: 'string', default: 'gpt2-124m' },
    dtype: { type: 'string', default: 'q8' },
    // Redis's recommended production setting; the fault tests use `always` (test/support/redis-server.ts says why both are safe).
    appendfsync: { type: 'string', default: 'everysec' },
    'shared-session': { type: 'boolean', default: false },
  },
});
const rows = Number(values.rows);
if (!hasRedisServer()) throw new Error('redis-server is not installed (bash tools/dev.sh setup installs it with the test job; or apt-get install redis-server)');
const model = await modelDir(values.model);
const modelName = basename(model);

/** `tiny`: the fixture; `gpt2-124m`: the 124M-shaped benchmark model (generated on first use); else a folder. */
async function modelDir(name: string): Promise<string> {
  if (name === 'tiny') {
    await ensureFixtures();
    return join(FIXTURE_MODELS_DIR, 'tiny-gpt2');
  }
  return name === 'gpt2-124m' ? ensureBench124m() : resolve(name);
}
const cli = join(root, 'packages/server/src/cli/main.ts');
const dir = await mkdtemp(join(tmpdir(), 'cowrite-queue-bench-'));
const catalog = join(dir, 'catalog.csv');
await writeFile(catalog, ['sku,name,material,colour', ...Array.from({ length: rows }, (_, i) => `Q-${i},Product ${i},cotton,blue`)].join('\n') + '\n');

/** utime + stime of a process, in seconds (Linux /proc). */
function cpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return 0;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * Each worker starts in its own session (`detached`: setsid), as separately started services are. Linux's
 * autogroup scheduler (`/proc/sys/kernel/sched_autogroup_enabled`) shares the CPU fairly between sessions,
 * not processes: on a machine busy with other work, workers in the benchmark's own session would split
 * one session's share between them, and a second worker could add no CPU at all. `--shared-session` keeps
 * them in this session, to see that effect.
 */
async function startWorker(url: string): Promise<ChildProcess> {
  const args = ['--conditions=source', cli, 'worker', '--queue', url, '--model', model, '--dtype', values.dtype, '--threads', '1'];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], detached: !values['shared-session'] });
  await new Promise<void>((resolve) => child.stdout?.on('data', (d: Buffer) => d.toString().includes('ready') && resolve()));
  return child;
}

interface Sample {
  workers: number;
  seconds: number;
  rowsPerSecond: number;
  workerCpuMsPerRow: number;
  /** This process (the producer: enqueue, result collection, output file). */
  producerCpuMsPerRow: number;
  redisCpuMsPerRow: number;
  /** Cores the workers kept busy on average (their CPU seconds ÷ the run's seconds): what the machine gave them. */
  workerCores: number;
  /** The 1-minute load average at the end of the run (other processes included). */
  load: number;
}

const samples: Sample[] = [];
const order = Array.from({ length: Number(values.repeats) }, (_, r) => (r % 2 === 0 ? [1, 2] : [2, 1])).flat();
for (const count of order) {
  const redis = await startTestRedis({ appendfsync: values.appendfsync as 'everysec' | 'always' });
  const workers = await Promise.all(Array.from({ length: count }, () => startWorker(redis.url)));
  const cpuBefore = workers.map((w) => cpuSeconds(w.pid));
  const [redisBefore, producerBefore] = [cpuSeconds(redis.pid), process.cpuUsage()];
  const summary = await runQueuedCopy({ queueUrl: redis.url, modelName, catalog, out: join(dir, `out-${samples.length}.jsonl`), task: values.task as 'marketing', pollMs: 100 });
  const cpu = workers.reduce((sum, w, i) => sum + cpuSeconds(w.pid) - cpuBefore[i], 0);
  const producer = process.cpuUsage(producerBefore);
  const redisCpu = cpuSeconds(redis.pid) - redisBefore;
  for (const worker of workers) worker.kill('SIGTERM');
  await Promise.all(workers.map((w) => new Promise((resolve) => w.once('exit', resolve))));
  await redis.stop();
  const perRow = (seconds: number) => (seconds * 1000) / summary.written;
  const sample: Sample = {
    workers: count,
    seconds: summary.seconds,
    rowsPerSecond: summary.written / summary.seconds,
    workerCpuMsPerRow: perRow(cpu),
    producerCpuMsPerRow: perRow((producer.user + producer.system) / 1e6),
    redisCpuMsPerRow: perRow(redisCpu),
    workerCores: cpu / summary.seconds,
    load: loadavg()[0],
  };
  samples.push(sample);
  console.log(
    `  ${count} worker(s): ${summary.written} rows in ${summary.seconds.toFixed(1)} s = ${sample.rowsPerSecond.toFixed(2)} rows/s; CPU ms/row: workers ${sample.workerCpuMsPerRow.toFixed(1)}, producer ${sample.producerCpuMsPerRow.toFixed(1)}, Redis ${sample.redisCpuMsPerRow.toFixed(1)}; worker cores busy ${sample.workerCores.toFixed(2)}; load ${sample.load.toFixed(1)}`,
  );
}
await rm(dir, { recursive: true, force: true });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
type Key = 'rowsPerSecond' | 'workerCpuMsPerRow' | 'producerCpuMsPerRow' | 'redisCpuMsPerRow' | 'workerCores' | 'load';
const pick = (count: number, key: Key) => median(samples.filter((s) => s.workers === count).map((s) => s[key]));
const [one, two] = [pick(1, 'rowsPerSecond'), pick(2, 'rowsPerSecond')];
const loads = samples.map((s) => s.load);
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.versions.node}, redis-server (Debian, appendfsync ${values.appendfsync}), native onnxruntime, 1 thread per worker`;
const modelLabel = values.model === 'tiny' ? 'the tiny fixture model' : `\`${modelName}\` (${values.dtype})${values.model === 'gpt2-124m' ? ', the GPT-2-124M-shaped benchmark model' : ''}`;
const producerMs = Math.max(pick(1, 'producerCpuMsPerRow'), pick(2, 'producerCpuMsPerRow'));
const redisMs = Math.max(pick(1, 'redisCpuMsPerRow'), pick(2, 'redisCpuMsPerRow'));
const pipelineMs = producerMs + redisMs;
const command = `pnpm bench:queue --rows ${rows} --repeats ${values.repeats} --model ${values.model} --dtype ${values.dtype} --appendfsync ${values.appendfsync}${values['shared-session'] ? ' --shared-session' : ''}`;
let autogroup = 'unknown';
try {
  autogroup = readFileSync('/proc/sys/kernel/sched_autogroup_enabled', 'utf8').trim() === '1' ? 'on' : 'off';
} catch {
  // not Linux
}
const lines = [
  '# Catalogue throughput on the queue (BullMQ + Redis)',
  '',
  `Generated by \`${command}\` on ${new Date().toISOString().slice(0, 10)} — ${machine}.`,
  `${rows} rows, task \`${values.task}\`, ${modelLabel}; each run a fresh Redis and fresh worker processes; medians over ${values.repeats} runs each, alternating.`,
  `1-minute load average at the end of the runs: ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} on ${cpus().length} cores (other jobs shared the machine when it is above the worker count).`,
  `Workers ran ${values['shared-session'] ? 'in the benchmark\'s own session' : 'each in its own session, as separately started services do'}; the kernel's autogroup scheduling was ${autogroup} (see queue-bench.ts: with it on, one session's processes share one session's part of a busy machine).`,
  '',
  '| workers | rows / s (median) | worker CPU ms / row | producer CPU ms / row | Redis CPU ms / row | cores the workers got | 1-min load average |',
  '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...[1, 2].map((n) => `| ${n} | ${pick(n, 'rowsPerSecond').toFixed(2)} | ${pick(n, 'workerCpuMsPerRow').toFixed(1)} | ${pick(n, 'producerCpuMsPerRow').toFixed(1)} | ${pick(n, 'redisCpuMsPerRow').toFixed(1)} | ${pick(n, 'workerCores').toFixed(2)} | ${pick(n, 'load').toFixed(1)} |`),
  '',
  `**2 workers ÷ 1 worker: ${(two / one).toFixed(2)}×** (goal on a 2-core machine: ≥ 1.6×).`,
  `The workers got ${(pick(2, 'workerCores') / pick(1, 'workerCores')).toFixed(2)}× the CPU with 2 than with 1, and a row cost them ${(pick(2, 'workerCpuMsPerRow') / pick(1, 'workerCpuMsPerRow')).toFixed(2)}× the CPU:`,
  'rows / s follows the cores the machine could give, not the queue. On an idle 2-core machine 2 workers get 2 cores.',
  '',
  '## Past one machine',
  '',
  `Everything outside the workers — the producer (enqueue with \`addBulk\`, collecting results, writing the output file) and Redis —`,
  `cost ${pipelineMs.toFixed(1)} CPU ms per row here (producer ${producerMs.toFixed(1)}, Redis ${redisMs.toFixed(1)}), against ${pick(1, 'workerCpuMsPerRow').toFixed(0)} ms of model work per row in a worker.`,
  `Each is one process on one core, so one producer keeps up with at least ${(1000 / producerMs).toFixed(0)} rows/s and one Redis with at least ${(1000 / redisMs).toFixed(0)} rows/s`,
  `(at least: part of their time is fixed work — polling, BullMQ's housekeeping — that does not grow with the rows), i.e. with about`,
  `${Math.floor(1000 / Math.max(producerMs, redisMs) / (1000 / pick(1, 'workerCpuMsPerRow')))} workers of this model; each worker is one single-threaded session on one core. Throughput is then`,
  '*machines × cores per machine × rows per second per worker*, as long as that stays under the producer/Redis limit above.',
  '',
  ...estimate(),
  '',
];

/** A reasoned estimate for the real GPT-2-124M, from the CPU time per token that `pnpm bench` measured (native int8). */
function estimate(): string[] {
  try {
    const core = JSON.parse(readFileSync(join(root, 'test/bench/core-engine.json'), 'utf8')) as { rows: { dtype: string; backend: string; cowrite: { cpuPerTokenMs: number } }[] };
    const q8 = core.rows.find((row) => row.dtype === 'q8' && row.backend === 'native');
    if (!q8) return [];
    const perRow = (90 * q8.cowrite.cpuPerTokenMs) / 1000 + 0.5; // a medium description: 90 new tokens, plus ≈ 0.5 s for a few-shot prompt
    const perWorker = 1 / perRow;
    const fleet = 10 * 8 * perWorker;
    return [
      `Estimate for GPT-2-124M (int8, native): ${q8.cowrite.cpuPerTokenMs.toFixed(1)} CPU ms per token ([core-engine.md](core-engine.md)) × 90 new tokens`,
      `+ ≈ 0.5 s prompt ≈ ${perRow.toFixed(1)} s per description per core, ${perWorker.toFixed(2)} rows/s per worker; 10 machines × 8 cores ≈`,
      `${fleet.toFixed(0)} rows/s ≈ 1,000,000 products in ${(1_000_000 / fleet / 3600).toFixed(1)} hours, far below one Redis instance's limit.`,
    ];
  } catch {
    return [];
  }
}
await mkdir(join(root, 'test/bench'), { recursive: true });
// The real-model run is queue.md; other models (e.g. --model tiny, where the pipeline is what is measured) get their own file.
const report = values.model === 'gpt2-124m' ? 'queue' : `queue-${values.model === 'tiny' ? 'tiny' : modelName}`;
await writeFile(join(root, `test/bench/${report}.md`), lines.join('\n'));
await writeFile(join(root, `test/bench/${report}.json`), JSON.stringify({ machine, command, rows, samples }, null, 2) + '\n');
console.log('\n' + lines.join('\n'));
process.exit(0);
