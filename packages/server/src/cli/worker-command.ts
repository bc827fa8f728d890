import { parseArgs } from 'node:util';
import { startCopyWorker } from '../queue/copy-worker.ts';
import { loadModelDir, positiveInteger } from './load-engine.ts';
import { UsageError } from './usage-error.ts';

export async function runWorker(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      queue: { type: 'string' },
      model: { type: 'string' },
      dtype: { type: 'string' },
      backend: { type: 'string' },
      threads: { type: 'string' },
      concurrency: { type: 'string' },
      'lock-ms': { type: 'string' },
    },
  });
  if (!values.queue || !values.model) throw new UsageError('worker needs --queue redis://… and --model DIR');
  // One single-threaded session per worker by default: workers scale by running one per core.
  const { name, model } = await loadModelDir(values.model, { ...values, threads: values.threads ?? '1' });
  let written = 0;
  const worker = await startCopyWorker({
    queueUrl: values.queue,
    engine: model,
    modelName: name,
    concurrency: positiveInteger(values.concurrency, '--concurrency'),
    lockMs: positiveInteger(values['lock-ms'], '--lock-ms'),
    onJob: () => written++,
  });
  // One line on stdout once jobs can be taken: scripts and tests wait for it.
  process.stdout.write(`cowrite worker ready (${name}, ${model.info.runtime.backend}, pid ${process.pid})\n`);
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      process.stderr.write(`${signal}: finishing the current job, then exiting (${written} written)\n`);
      worker
        .close()
        .then(() => model.dispose())
        .finally(resolve);
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
  return 0;
}
