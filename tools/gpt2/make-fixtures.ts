/**
 * Writes the GPT-2 test fixtures under test/fixtures/models/ (git-ignored):
 *   tiny-gpt2/         current hub layout, fp32 + q8
 *   tiny-gpt2-legacy/  merged-decoder layout (use_cache_branch), fp32 + q8
 * Deterministic. A stamp file per directory records the spec and a hash of the generator's
 * sources; when it matches, nothing is rewritten, so repeated test runs stay fast.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GENERATOR_VERSION } from './gpt2-graph.ts';
import { GPT2_DEFAULTS, randomGpt2Weights } from './weights.ts';
import type { Gpt2Config, Gpt2Weights } from './weights.ts';
import { onnxFileName, writeModelDir } from './write-model-dir.ts';
import type { ModelDirSpec } from './write-model-dir.ts';

const toolsDir = dirname(fileURLToPath(import.meta.url));
export const FIXTURE_MODELS_DIR = resolve(toolsDir, '../../test/fixtures/models');
const STAMP = '.cowrite-fixture-stamp.json';

/** The tiny test model: real vocabulary and context, small everything else. */
export const TINY_GPT2_CONFIG: Gpt2Config = { nLayer: 2, nHead: 2, nEmbd: 32, ...GPT2_DEFAULTS, seed: 1234 };

export const FIXTURES: Readonly<Record<string, ModelDirSpec>> = {
  'tiny-gpt2': { config: TINY_GPT2_CONFIG, dtypes: ['fp32', 'q8'], legacy: false },
  'tiny-gpt2-legacy': { config: TINY_GPT2_CONFIG, dtypes: ['fp32', 'q8'], legacy: true },
};

/** The weights inside the tiny fixtures, for reference computations in tests. */
export function tinyGpt2Weights(): Gpt2Weights {
  return randomGpt2Weights(TINY_GPT2_CONFIG);
}

/** Changes whenever the spec or any generator source (this folder) changes. */
async function stampFor(spec: ModelDirSpec): Promise<string> {
  const hash = createHash('sha256');
  for (const name of (await readdir(toolsDir)).filter((n) => n.endsWith('.ts')).sort()) {
    hash.update(name).update(await readFile(join(toolsDir, name)));
  }
  return JSON.stringify({ generatorVersion: GENERATOR_VERSION, spec, sources: hash.digest('hex') });
}

async function isUpToDate(dir: string, spec: ModelDirSpec, stamp: string): Promise<boolean> {
  try {
    if ((await readFile(join(dir, STAMP), 'utf8')) !== stamp) return false;
    const expected = ['config.json', 'generation_config.json', 'tokenizer.json', 'tokenizer_config.json'];
    expected.push(...spec.dtypes.map((dtype) => onnxFileName(dtype, spec.legacy)));
    await Promise.all(expected.map((file) => stat(join(dir, file))));
    return true;
  } catch {
    return false;
  }
}

/** Ensures every fixture directory is current; returns the names it (re)generated. */
export async function ensureFixtures(): Promise<string[]> {
  const regenerated: string[] = [];
  const weightsByConfig = new Map<string, Gpt2Weights>(); // both layouts share one set of weights
  for (const [name, spec] of Object.entries(FIXTURES)) {
    const dir = join(FIXTURE_MODELS_DIR, name);
    const stamp = await stampFor(spec);
    if (await isUpToDate(dir, spec, stamp)) continue;
    const key = JSON.stringify(spec.config);
    const weights = weightsByConfig.get(key) ?? randomGpt2Weights(spec.config);
    weightsByConfig.set(key, weights);
    await writeModelDir(dir, spec, weights);
    await writeFile(join(dir, STAMP), stamp); // last: a crash before this means "regenerate"
    regenerated.push(name);
  }
  return regenerated;
}

if (import.meta.main) {
  const started = performance.now();
  const regenerated = await ensureFixtures();
  const took = `${Math.round(performance.now() - started)} ms`;
  console.log(regenerated.length ? `fixtures: wrote ${regenerated.join(', ')} (${took})` : `fixtures: up to date (${took})`);
}
