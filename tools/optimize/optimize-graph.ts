/**
 * CLI: graph rewrites that help GPT-2 decode in onnxruntime-web, on any hub-layout GPT-2 file
 * (fp32 or already quantized). Writes a new hub-layout directory.
 *   node tools/optimize/optimize-graph.ts --in DIR --out DIR [--input-file onnx/model.onnx]
 *        [--file onnx/model.onnx] [--no-last-position] [--gemm-to-matmul]
 * Rewrites (see tools/optimize/README.md for what each one measured):
 * - last-position logits (default on): `logits` becomes [batch, 1, vocab];
 * - --gemm-to-matmul: Gemm projections → MatMul + Add.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { rewriteGemmToMatMul } from './gemm-to-matmul.ts';
import { GraphEditor } from './graph-edit.ts';
import { sliceLastPositionLogits } from './last-position-logits.ts';
import { findFp32Model, readOnnx, writeModelDirectory } from './model-dir.ts';

const { values } = parseArgs({
  options: {
    in: { type: 'string' },
    out: { type: 'string' },
    'input-file': { type: 'string' },
    file: { type: 'string' },
    'no-last-position': { type: 'boolean', default: false },
    'gemm-to-matmul': { type: 'boolean', default: false },
  },
});
if (!values.in || !values.out) {
  console.error('usage: node tools/optimize/optimize-graph.ts --in DIR --out DIR [--input-file F] [--file F] [--no-last-position] [--gemm-to-matmul]');
  process.exit(2);
}
const inputFile = values['input-file'] ?? (await findFp32Model(values.in));
const model = await readOnnx(join(values.in, inputFile));
const editor = new GraphEditor(model);
const applied: string[] = [];
if (values['gemm-to-matmul']) applied.push(`${rewriteGemmToMatMul(editor).rewritten} Gemm → MatMul+Add`);
if (!values['no-last-position']) {
  sliceLastPositionLogits(editor);
  applied.push('last-position logits ([batch, 1, vocab])');
}
model.producerName = 'cowrite-optimize';
model.docString = `${model.docString ?? ''}\noptimized by tools/optimize/optimize-graph.ts: ${applied.join('; ')}`.trim();
const bytes = await writeModelDirectory(values.in, values.out, values.file ?? inputFile, model);
console.log(`${applied.join('; ') || 'no rewrite'} → ${join(values.out, values.file ?? inputFile)} (${(bytes / 1e6).toFixed(1)} MB)`);
