import { access } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type MarketingCopyKind, type TextGenerator, createRemoteEngine } from '@cowrite/core';
import { COPY_TASKS, type CopyTask } from '../copy/copy-tasks.ts';
import { type CopySummary, formatSummary, runCopyJob } from '../copy/copy-job.ts';
import { runQueuedCopy } from '../queue/enqueue-copy.ts';
import { loadModelDir, positiveInteger } from './load-engine.ts';
import { UsageError } from './usage-error.ts';

const KINDS = ['headline', 'tagline', 'socialPost'];

export async function runCopy(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      catalog: { type: 'string' },
      task: { type: 'string' },
      out: { type: 'string' },
      model: { type: 'string' },
      dtype: { type: 'string' },
      backend: { type: 'string' },
      'base-url': { type: 'string' },
      'remote-model': { type: 'string' },
      queue: { type: 'string' },
      kind: { type: 'string' },
      limit: { type: 'string' },
      quiet: { type: 'boolean', default: false },
    },
  });
  if (!values.catalog || !values.out || !values.task) throw new UsageError('copy needs --catalog, --task and --out');
  if (!COPY_TASKS.includes(values.task as CopyTask)) throw new UsageError(`--task must be one of ${COPY_TASKS.join(', ')}`);
  if (values.kind !== undefined && !KINDS.includes(values.kind)) throw new UsageError(`--kind must be one of ${KINDS.join(', ')}`);
  if (Boolean(values.model) === Boolean(values['base-url'])) throw new UsageError('give either --model DIR or --base-url URL (with --remote-model)');
  await access(values.catalog).catch(() => {
    throw new UsageError(`catalog not found: ${values.catalog}`);
  });
  const stop = new AbortController();
  // Ctrl-C / SIGTERM: finish the row being written, then stop; the output stays resumable.
  const onSignal = () => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const progress = values.quiet ? { write: () => true } : process.stderr;
  const rows = { catalog: values.catalog, out: values.out, task: values.task as CopyTask, kind: values.kind as MarketingCopyKind | undefined, signal: stop.signal, progress };
  let dispose = async () => {};
  try {
    let summary: CopySummary;
    if (values.queue) {
      // Queue mode: the workers load the model; here it only names which model the rows are for.
      if (!values.model) throw new UsageError('--queue needs --model DIR (the workers must serve the same folder name)');
      summary = await runQueuedCopy({ ...rows, queueUrl: values.queue, modelName: basename(resolve(values.model)) });
    } else {
      let engine: TextGenerator;
      let modelName: string;
      if (values.model) {
        const { name, model } = await loadModelDir(values.model, values);
        [engine, modelName, dispose] = [model, name, () => model.dispose()];
      } else {
        if (!values['remote-model']) throw new UsageError('--base-url needs --remote-model NAME');
        engine = createRemoteEngine({ baseURL: values['base-url'] as string, apiKey: process.env.COWRITE_API_KEY || process.env.OPENAI_API_KEY, model: values['remote-model'] });
        modelName = values['remote-model'];
      }
      summary = await runCopyJob({ ...rows, engine, modelName, limit: positiveInteger(values.limit, '--limit') });
    }
    process.stderr.write(formatSummary(summary, values.out) + '\n');
    return summary.failed.length ? 1 : 0;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await dispose();
  }
}
