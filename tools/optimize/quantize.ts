/**
 * CLI: quantizes a hub-layout fp32 GPT-2 directory (yours, or a merchant's fine-tuned GPT-2) to
 * int8, embeddings included, and writes a new hub-layout directory.
 *   node tools/optimize/quantize.ts --in DIR --out DIR [--mode integer|dequantize|nbits4]
 *        [--granularity channel|tensor] [--block-size 32] [--file onnx/model_quantized.onnx]
 *        [--input-file onnx/model.onnx]
 * Default: --mode integer --granularity channel → onnx/model_quantized.onnx (dtype 'q8').
 * See tools/optimize/README.md for what each mode costs in size and speed.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { rewriteGemmToMatMul } from './gemm-to-matmul.ts';
import { GraphEditor } from './graph-edit.ts';
import { findFp32Model, readOnnx, writeModelDirectory } from './model-dir.ts';
import { quantizeWeights } from './quantize-weights.ts';
import type { Granularity, MatrixMode } from './quantize-weights.ts';

const { values } = parseArgs({
  options: {
    in: { type: 'string' },
    out: { type: 'string' },
    mode: { type: 'string', default: 'integer' },
    granularity: { type: 'string', default: 'channel' },
    'block-size': { type: 'string', default: '32' },
    file: { type: 'string', default: 'onnx/model_quantized.onnx' },
    'input-file': { type: 'string' },
  },
});

const modes: readonly MatrixMode[] = ['dequantize', 'integer', 'nbits4'];
const granularities: readonly Granularity[] = ['channel', 'tensor'];
if (!values.in || !values.out) {
  console.error('usage: node tools/optimize/quantize.ts --in DIR --out DIR [--mode dequantize|integer|nbits4] [--granularity channel|tensor] [--file onnx/model_quantized.onnx]');
  process.exit(2);
}
const mode = values.mode as MatrixMode;
const granularity = values.granularity as Granularity;
if (!modes.includes(mode)) throw new Error(`--mode must be one of ${modes.join(', ')}`);
if (!granularities.includes(granularity)) throw new Error(`--granularity must be one of ${granularities.join(', ')}`);

const started = performance.now();
const inputFile = values['input-file'] ?? (await findFp32Model(values.in));
const model = await readOnnx(join(values.in, inputFile));
const editor = new GraphEditor(model);
const gemm = rewriteGemmToMatMul(editor);
const report = quantizeWeights(editor, { mode, granularity, blockSize: Number(values['block-size']) });
model.producerName = 'cowrite-optimize';
model.docString = `${model.docString ?? ''}\nquantized by tools/optimize/quantize.ts: mode ${mode}, granularity ${granularity}`.trim();
const bytes = await writeModelDirectory(values.in, values.out, values.file, model);
console.log(`${inputFile}: ${gemm.rewritten} Gemm → MatMul+Add${gemm.skipped.length ? ` (${gemm.skipped.length} skipped: ${gemm.skipped.map((s) => s.reason).join('; ')})` : ''}`);
console.log(`quantized ${report.matmuls} MatMul weights (${mode}, ${granularity}) and ${report.gathers} embedding Gathers; lm_head ${report.tiedEmbedding ? 'shares the int8 wte' : 'has its own weights'}`);
console.log(`wrote ${join(values.out, values.file)}: ${(bytes / 1e6).toFixed(1)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s`);
