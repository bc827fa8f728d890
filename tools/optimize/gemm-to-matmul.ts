/**
 * Rewrites `Gemm(A, W, C)` with a constant W into `MatMul(A, W') + Add(C)`. GPT-2's Conv1D
 * projections export as Gemm, and weight quantizers (ORT's, and ours) only handle MatMul:
 * without this step every projection would stay fp32. Output names are kept, so the rest of the
 * graph is untouched. transB=1 weights are stored transposed once, here, rather than at load.
 */
import { DataType } from '../gpt2/onnx-schema.ts';
import type { GraphEditor} from './graph-edit.ts';
import { dimsOf, floatAttribute, floatValues, intAttribute, isFloatMatrix, transposeMatrix } from './graph-edit.ts';

export interface GemmRewriteReport {
  rewritten: number;
  skipped: { node: string; reason: string }[];
}

export function rewriteGemmToMatMul(editor: GraphEditor): GemmRewriteReport {
  const report: GemmRewriteReport = { rewritten: 0, skipped: [] };
  for (const node of editor.nodes.filter((n) => n.opType === 'Gemm' && (n.domain ?? '') === '')) {
    const [a, b, c] = node.input ?? [];
    const weight = editor.initializer(b);
    const skip = (reason: string) => report.skipped.push({ node: node.name ?? '(unnamed Gemm)', reason });
    if (!isFloatMatrix(weight)) {
      skip('weight is not a constant float matrix');
      continue;
    }
    if (intAttribute(node, 'transA', 0) !== 0) {
      skip('transA=1');
      continue;
    }
    const alpha = floatAttribute(node, 'alpha', 1);
    const beta = floatAttribute(node, 'beta', 1);
    if (alpha !== 1 || (c && beta !== 1)) {
      skip(`alpha=${alpha}, beta=${beta}`);
      continue;
    }
    let matmulWeight = b;
    if (intAttribute(node, 'transB', 0) === 1) {
      const [rows, cols] = dimsOf(weight);
      const transposed = transposeMatrix(floatValues(weight), rows, cols, new Float32Array(rows * cols));
      matmulWeight = editor.addInitializer(`${b}_transposed`, transposed, [cols, rows]);
    }
    const output = (node.output ?? [])[0];
    const hint = node.name ?? 'gemm';
    if (!c) {
      editor.replace(node, [editor.makeNode('MatMul', [a, matmulWeight], { outputs: [output], hint })]);
    } else {
      const biasInit = editor.initializer(c);
      if (biasInit && biasInit.dataType !== DataType.FLOAT) {
        skip('bias is not float');
        continue;
      }
      const product = editor.makeNode('MatMul', [a, matmulWeight], { hint });
      const sum = editor.makeNode('Add', [(product.output ?? [])[0], c], { outputs: [output], hint });
      editor.replace(node, [product, sum]);
    }
    report.rewritten++;
  }
  editor.pruneUnusedInitializers();
  return report;
}
