import { parseArgs } from 'node:util';
import type { Gpt2Model, TextGenerator } from '@cowrite/core';
import { startServer } from '../serve/server.ts';
import { loadModelDir, positiveInteger } from './load-engine.ts';
import { UsageError } from './usage-error.ts';

export async function runServe(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      model: { type: 'string', multiple: true },
      port: { type: 'string', default: '8080' },
      host: { type: 'string', default: '127.0.0.1' },
      dtype: { type: 'string' },
      backend: { type: 'string' },
      'max-tokens': { type: 'string' },
      'max-in-flight': { type: 'string' },
      'max-body-bytes': { type: 'string' },
      'log-prompts': { type: 'boolean', default: false },
    },
  });
  if (!values.model?.length) throw new UsageError('serve needs at least one --model DIR');
  const models: Record<string, TextGenerator> = {};
  const loaded: Gpt2Model[] = [];
  for (const dir of values.model) {
    const { name, model } = await loadModelDir(dir, values);
    if (models[name]) throw new UsageError(`two models are named "${name}" (the folder name is the model name)`);
    models[name] = model;
    loaded.push(model);
    process.stderr.write(`loaded ${name} (${model.info.file}, ${model.info.runtime.backend})\n`);
  }
  const server = await startServer({
    models,
    host: values.host,
    port: positiveInteger(values.port, '--port'),
    apiKey: process.env.COWRITE_API_KEY || undefined,
    maxTokens: positiveInteger(values['max-tokens'], '--max-tokens'),
    maxInFlight: positiveInteger(values['max-in-flight'], '--max-in-flight'),
    maxBodyBytes: positiveInteger(values['max-body-bytes'], '--max-body-bytes'),
    logPrompts: values['log-prompts'],
    log: (line) => process.stderr.write(`${new Date().toISOString()} ${line}\n`),
  });
  // The one line on stdout: scripts and tests read the address from it.
  process.stdout.write(`cowrite serve listening on ${server.url} (OpenAI base URL ${server.url}/v1)${process.env.COWRITE_API_KEY ? ', bearer token required' : ''}\n`);
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      process.stderr.write(`${signal}: finishing requests in flight, then closing\n`);
      server
        .close()
        .then(() => Promise.all(loaded.map((model) => model.dispose())))
        .finally(resolve);
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
  return 0;
}
