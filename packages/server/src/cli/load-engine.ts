import { basename, resolve } from 'node:path';
import { type Gpt2Model, type ModelDtype, type RuntimeOptions, loadModel } from '@cowrite/core';
import { UsageError } from './usage-error.ts';

export interface ModelFlags {
  dtype?: string;
  backend?: string;
  threads?: string;
}

const BACKENDS = ['native', 'wasm', 'auto'];

/** Loads a hub-layout model folder; its folder name is the model's name on the server and in outputs. */
export async function loadModelDir(dir: string, flags: ModelFlags): Promise<{ name: string; model: Gpt2Model }> {
  if (flags.backend !== undefined && !BACKENDS.includes(flags.backend)) throw new UsageError(`--backend must be ${BACKENDS.join(', ')}`);
  const model = await loadModel({
    source: resolve(dir),
    dtype: (flags.dtype ?? 'fp32') as ModelDtype,
    ...(flags.backend ? { backend: flags.backend as RuntimeOptions['backend'] } : {}),
    ...(flags.threads ? { threads: positiveInteger(flags.threads, '--threads') } : {}),
  });
  return { name: basename(resolve(dir)), model };
}

export function positiveInteger(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${flag} must be a non-negative integer, got "${value}"`);
  return n;
}
