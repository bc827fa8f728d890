import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { type Gpt2Model, type ModelDtype, type RuntimeOptions, candidateModelFiles, loadModel } from '@cowrite/core';
import { UsageError } from './usage-error.ts';

export interface ModelFlags {
  dtype?: string;
  backend?: string;
  threads?: string;
}

const BACKENDS = ['native', 'wasm', 'auto'];

/**
 * Without `--dtype`: int8 (`q8`) when the folder has it, else fp32. On native onnxruntime int8
 * decodes about 2× faster than fp32 (test/bench/core-engine.md) and reads a quarter of the
 * memory; on a server that is twice the rows per core.
 */
export function defaultDtype(dir: string): ModelDtype {
  return candidateModelFiles('q8').some((file) => existsSync(join(dir, file))) ? 'q8' : 'fp32';
}

/** Loads a hub-layout model folder; its folder name is the model's name on the server and in outputs. */
export async function loadModelDir(dir: string, flags: ModelFlags): Promise<{ name: string; model: Gpt2Model }> {
  if (flags.backend !== undefined && !BACKENDS.includes(flags.backend)) throw new UsageError(`--backend must be ${BACKENDS.join(', ')}`);
  const model = await loadModel({
    source: resolve(dir),
    dtype: (flags.dtype ?? defaultDtype(resolve(dir))) as ModelDtype,
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
