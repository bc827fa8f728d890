/**
 * Step 3 of training our own GPT-2: turns train.py's fp16 weights into a hub-layout model folder that
 * `loadModel({ source })` and `cowrite serve` load like any GPT-2: config.json, the tokenizer files,
 * onnx/model.onnx (fp32) and onnx/model_quantized.onnx (int8, through tools/optimize/quantize.ts), and a
 * model card (README.md) made from what training recorded.
 *
 *   node tools/gpt2-train/export.ts --weights .bench/gpt2-train/run --out .bench/models/review-gpt2 [--no-fp32]
 *
 * Before writing, the weights are checked against train.py's check.json (check-logits.ts), so a transposed or
 * misnamed tensor stops the export instead of shipping a model that writes nonsense.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeModelDir } from '../gpt2/write-model-dir.ts';
import { readWeightsFile } from './weights-file.ts';
import { modelCard } from './model-card.ts';
import { checkLogits } from './check-logits.ts';
import type { WeightsCheck } from './check-logits.ts';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { weights: { type: 'string' }, out: { type: 'string' }, 'no-fp32': { type: 'boolean', default: false } } });
  if (!values.weights || !values.out) {
    console.error('usage: node tools/gpt2-train/export.ts --weights DIR --out DIR [--no-fp32]');
    process.exit(2);
  }
  const { weights, manifest } = readWeightsFile(values.weights);
  const checkFile = join(values.weights, 'check.json');
  if (existsSync(checkFile)) {
    const gap = checkLogits(weights, JSON.parse(readFileSync(checkFile, 'utf8')) as WeightsCheck);
    console.log(`check.json: the top-50 logits match PyTorch's (worst relative gap ${gap.toExponential(2)})`);
  } else {
    console.warn('no check.json next to the weights: exporting unchecked');
  }
  const provenance = { note: 'GPT-2 architecture trained by Cowrite on shoppers\' reviews; see README.md', training: manifest.training ?? {} };
  await writeModelDir(values.out, { config: weights.config, dtypes: ['fp32'], legacy: false, provenance }, weights);
  const quantize = new URL('../optimize/quantize.ts', import.meta.url).pathname;
  execFileSync(process.execPath, [quantize, '--in', values.out, '--out', values.out], { stdio: 'inherit' });
  if (values['no-fp32']) rmSync(join(values.out, 'onnx/model.onnx'));
  const sizes = ['onnx/model.onnx', 'onnx/model_quantized.onnx']
    .filter((file) => existsSync(join(values.out!, file)))
    .map((file) => ({ file, bytes: statSync(join(values.out!, file)).size }));
  writeFileSync(join(values.out, 'README.md'), modelCard(manifest, weights.config, sizes));
  for (const { file, bytes } of sizes) console.log(`${file.padEnd(28)} ${(bytes / 1e6).toFixed(1).padStart(7)} MB`);
  console.log(`wrote ${values.out}: load it with loadModel({ source: '${values.out}', dtype: 'q8' })`);
}

await main();
