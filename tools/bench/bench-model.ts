import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the GPT-2-124M-shaped benchmark model lives: generated, never committed. */
export const BENCH_124M_DIR = fileURLToPath(new URL('../../.bench/models/gpt2-124m', import.meta.url));

/**
 * The GPT-2-124M-shaped benchmark model (seeded random weights, fp32 and q8 files): real timing,
 * not real text. Generated on first use by tools/gpt2/make-model.ts; returns its folder.
 */
export function ensureBench124m(): string {
  const dir = BENCH_124M_DIR;
  if (existsSync(join(dir, 'onnx/model.onnx')) && existsSync(join(dir, 'onnx/model_quantized.onnx'))) return dir;
  console.log('› generating the GPT-2-124M-shaped model (seeded random weights) into .bench/models/gpt2-124m …');
  const makeModel = fileURLToPath(new URL('../gpt2/make-model.ts', import.meta.url));
  execFileSync(process.execPath, [makeModel, '--out', dir, '--layers', '12', '--heads', '12', '--hidden', '768', '--dtypes', 'fp32,q8'], { stdio: 'inherit' });
  return dir;
}
