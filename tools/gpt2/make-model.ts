/**
 * CLI: writes a hub-layout GPT-2 model directory with seeded random weights.
 *   node tools/gpt2/make-model.ts --out .bench/models/gpt2-124m --layers 12 --heads 12 --hidden 768
 * Flags: --out DIR (required) --layers N --heads N --hidden N --seed N --dtypes fp32,q8 --legacy
 */
import { parseArgs } from 'node:util';
import type { Gpt2Dtype } from './gpt2-graph.ts';
import { GPT2_DEFAULTS } from './weights.ts';
import { writeModelDir } from './write-model-dir.ts';

const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    layers: { type: 'string', default: '2' },
    heads: { type: 'string', default: '2' },
    hidden: { type: 'string', default: '32' },
    seed: { type: 'string', default: String(GPT2_DEFAULTS.seed) },
    dtypes: { type: 'string', default: 'fp32,q8' },
    legacy: { type: 'boolean', default: false },
  },
});

function integerFlag(name: string, text: string | undefined): number {
  const value = Number(text);
  if (!Number.isInteger(value)) throw new Error(`--${name} must be an integer, got "${text}"`);
  return value;
}

if (!values.out) {
  console.error('usage: node tools/gpt2/make-model.ts --out DIR [--layers N --heads N --hidden N --seed N --dtypes fp32,q8 --legacy]');
  process.exit(2);
}
const dtypes = values.dtypes.split(',').map((d) => d.trim());
for (const dtype of dtypes) {
  if (dtype !== 'fp32' && dtype !== 'q8') throw new Error(`--dtypes: unknown dtype "${dtype}" (known: fp32, q8)`);
}

const started = performance.now();
const written = await writeModelDir(values.out, {
  config: {
    nLayer: integerFlag('layers', values.layers),
    nHead: integerFlag('heads', values.heads),
    nEmbd: integerFlag('hidden', values.hidden),
    vocabSize: GPT2_DEFAULTS.vocabSize,
    nPositions: GPT2_DEFAULTS.nPositions,
    seed: integerFlag('seed', values.seed),
  },
  dtypes: dtypes as Gpt2Dtype[],
  legacy: values.legacy,
});
for (const file of written) console.log(`${file.path.padEnd(44)} ${(file.bytes / 1e6).toFixed(2).padStart(9)} MB`);
console.log(`wrote ${values.out} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
