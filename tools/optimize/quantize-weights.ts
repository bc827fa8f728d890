/**
 * Weight quantization of a GPT-2 ONNX graph, embeddings included. Run rewriteGemmToMatMul first.
 *
 * What is quantized: every MatMul whose second input is a constant float matrix (the projections
 * and lm_head) and every Gather over a constant float table (wte, wpe). When lm_head's weight is
 * the transpose of wte (tied, as GPT-2 always is; hub exports store a second copy), both read
 * ONE int8 table: lm_head gets it through a Transpose that onnxruntime folds at load. That copy
 * is why hub int8 files weigh 166 MB (ours) to 280 MB (hub, fp32 embeddings) for GPT-2-124M.
 *
 * Matrix modes (the embedding Gathers are int8 with per-row scales in all of them):
 * - `dequantize`: int8 weights → DequantizeLinear → the original fp32 MatMul. Small download;
 *   at load onnxruntime can constant-fold the DequantizeLinear back to fp32 (needs the session
 *   config `session.disable_quant_qdq = 1`, see README), so decode runs the fp32 kernels.
 * - `integer`: DynamicQuantizeLinear(activation) → MatMulInteger → Cast → Mul(scales), the
 *   layout of onnxruntime's dynamic quantization (fused to DynamicQuantizeMatMul at load).
 * - `nbits4`: com.microsoft MatMulNBits, 4-bit blocks with a scale each (symmetric, zero point 8).
 * Granularity `channel` gives each output column (each token's row for tables) its own scale;
 * `tensor` one scale per matrix.
 */
import { DataType } from '../gpt2/onnx-schema.ts';
import type { OnnxNode } from '../gpt2/onnx-schema.ts';
import type { GraphEditor} from './graph-edit.ts';
import { MS_DOMAIN, dimsOf, floatValues, int, intAttribute, ints, isFloatMatrix } from './graph-edit.ts';

export type MatrixMode = 'dequantize' | 'integer' | 'nbits4';
export type Granularity = 'tensor' | 'channel';

export interface QuantizeOptions {
  mode: MatrixMode;
  granularity: Granularity;
  /** MatMulNBits block size along K (a power of two ≥ 16). */
  blockSize?: number;
  /** Matrices and tables with fewer elements stay fp32. */
  minElements?: number;
}

export interface QuantizeReport {
  matmuls: number;
  gathers: number;
  tiedEmbedding: boolean;
}

interface Int8Matrix {
  values: Int8Array;
  /** One scale (tensor) or one per column of [rows, cols] (channel, axis 1) / per row (axis 0). */
  scales: Float32Array;
}

/** Symmetric int8 of a row-major [rows, cols] matrix; scales per `axis` element, or one. */
export function quantizeInt8Matrix(data: Float32Array, rows: number, cols: number, granularity: Granularity, axis: 0 | 1): Int8Matrix {
  const count = granularity === 'tensor' ? 1 : axis === 0 ? rows : cols;
  const maxAbs = new Float32Array(count);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const slot = granularity === 'tensor' ? 0 : axis === 0 ? r : c;
      const v = Math.abs(data[r * cols + c]);
      if (v > maxAbs[slot]) maxAbs[slot] = v;
    }
  }
  const scales = maxAbs.map((m) => (m === 0 ? 1 : m / 127));
  const values = new Int8Array(data.length);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const scale = scales[granularity === 'tensor' ? 0 : axis === 0 ? r : c];
      values[r * cols + c] = Math.max(-127, Math.min(127, Math.round(data[r * cols + c] / scale)));
    }
  }
  return { values, scales };
}

/** MatMulNBits' packing of B [K, N]: per column n, ceil(K/block) blocks of block/2 bytes, low nibble first. */
export function quantizeNBits4(data: Float32Array, k: number, n: number, blockSize: number): { packed: Uint8Array; scales: Float32Array; blocks: number } {
  const blocks = Math.ceil(k / blockSize);
  const blob = blockSize / 2;
  const packed = new Uint8Array(n * blocks * blob);
  const scales = new Float32Array(n * blocks);
  for (let col = 0; col < n; col++) {
    for (let block = 0; block < blocks; block++) {
      const start = block * blockSize;
      const end = Math.min(k, start + blockSize);
      let maxAbs = 0;
      for (let row = start; row < end; row++) maxAbs = Math.max(maxAbs, Math.abs(data[row * n + col]));
      // Symmetric around zero point 8: the range [-8, 7] maps -maxAbs to -8.
      const scale = maxAbs === 0 ? 1 : maxAbs / 8;
      scales[col * blocks + block] = scale;
      const base = (col * blocks + block) * blob;
      for (let i = 0; i < blockSize; i++) {
        const row = start + i;
        const q = row < end ? Math.max(0, Math.min(15, Math.round(data[row * n + col] / scale) + 8)) : 8;
        packed[base + (i >> 1)] |= i % 2 === 0 ? q : q << 4;
      }
    }
  }
  return { packed, scales, blocks };
}

export function quantizeWeights(editor: GraphEditor, options: QuantizeOptions): QuantizeReport {
  if (editor.opsetVersion() < 13) throw new Error(`opset ${editor.opsetVersion()} is too old: per-axis quantization needs opset ≥ 13 (re-export with a newer opset)`);
  const minElements = options.minElements ?? 1024;
  const report: QuantizeReport = { matmuls: 0, gathers: 0, tiedEmbedding: false };
  const big = (name: string) => {
    const init = editor.initializer(name);
    return isFloatMatrix(init) && dimsOf(init).reduce((a, b) => a * b, 1) >= minElements ? init : undefined;
  };

  const gathers = editor.nodes.filter((n) => n.opType === 'Gather' && (n.domain ?? '') === '' && intAttribute(n, 'axis', 0) === 0 && big((n.input ?? [])[0]));
  const matmuls = editor.nodes.filter((n) => n.opType === 'MatMul' && (n.domain ?? '') === '' && big((n.input ?? [])[1]));

  // Tables: int8 with one scale per row, so a rare token's small embedding keeps its precision.
  const tables = new Map<string, QuantizedTable>();
  let lastAxis: string | undefined;
  for (const gather of gathers) {
    const [tableName, indices] = gather.input ?? [];
    let table = tables.get(tableName);
    if (!table) {
      const init = editor.initializer(tableName);
      if (!init) continue;
      const [rows, cols] = dimsOf(init);
      const source = floatValues(init);
      const quantized = quantizeInt8Matrix(source, rows, cols, 'channel', 0);
      table = {
        q: editor.addInitializer(`${tableName}_int8`, quantized.values, [rows, cols]),
        scales: editor.addInitializer(`${tableName}_row_scale`, quantized.scales, [rows]),
        rows,
        cols,
        source,
      };
      tables.set(tableName, table);
    }
    const hint = gather.name ?? 'gather';
    const rowsQ = editor.makeNode('Gather', [table.q, indices], { attributes: [int('axis', 0)], hint });
    const asFloat = editor.makeNode('Cast', [out(rowsQ)], { attributes: [int('to', DataType.FLOAT)], hint });
    const rowScale = editor.makeNode('Gather', [table.scales, indices], { attributes: [int('axis', 0)], hint });
    lastAxis ??= editor.addInitializer('const_axes_last', BigInt64Array.of(-1n), [1]);
    const rowScaleColumn = editor.makeNode('Unsqueeze', [out(rowScale), lastAxis], { hint });
    const scaled = editor.makeNode('Mul', [out(asFloat), out(rowScaleColumn)], { outputs: gather.output, hint });
    editor.replace(gather, [rowsQ, asFloat, rowScale, rowScaleColumn, scaled]);
    report.gathers++;
  }

  for (const matmul of matmuls) {
    const [activation, weightName] = matmul.input ?? [];
    const init = editor.initializer(weightName);
    if (!init) continue;
    const [k, n] = dimsOf(init);
    const weights = floatValues(init);
    const hint = matmul.name ?? 'matmul';
    const tied = options.mode !== 'nbits4' ? tiedTable(tables, weights, k, n) : undefined;
    if (tied) report.tiedEmbedding = true;
    const replacement =
      options.mode === 'nbits4'
        ? nbits4MatMul(editor, matmul, activation, weightName, weights, k, n, options.blockSize ?? 32)
        : int8MatMul(editor, matmul, activation, weightName, tied ? { table: tied, k, n } : quantizeInt8Matrix(weights, k, n, options.granularity, 1), options.mode, hint);
    editor.replace(matmul, replacement);
    report.matmuls++;
  }
  editor.pruneUnusedInitializers();
  return report;
}

const out = (node: OnnxNode): string => (node.output ?? [])[0];

interface QuantizedTable {
  q: string;
  scales: string;
  rows: number;
  cols: number;
  /** The original fp32 table, to recognise a tied lm_head. */
  source: Float32Array;
}

/** The quantized table whose transpose equals `weights` [k, n] exactly (GPT-2's tied lm_head), if any. */
function tiedTable(tables: Map<string, QuantizedTable>, weights: Float32Array, k: number, n: number): QuantizedTable | undefined {
  for (const table of tables.values()) {
    if (table.rows !== n || table.cols !== k) continue;
    let equal = true;
    for (let row = 0; row < k && equal; row++) {
      for (let col = 0; col < n; col++) {
        if (weights[row * n + col] !== table.source[col * k + row]) {
          equal = false;
          break;
        }
      }
    }
    if (equal) return table;
  }
  return undefined;
}

function int8MatMul(
  editor: GraphEditor,
  matmul: OnnxNode,
  activation: string,
  weightName: string,
  weights: Int8Matrix | { table: QuantizedTable; k: number; n: number },
  mode: 'dequantize' | 'integer',
  hint: string,
): OnnxNode[] {
  const nodes: OnnxNode[] = [];
  let q: string;
  let scales: string;
  let perColumn: boolean;
  let columns: number;
  if ('table' in weights) {
    // B = tableᵀ: the same int8 bytes, transposed at load; a token's row scale is its column scale.
    const transpose = editor.makeNode('Transpose', [weights.table.q], { attributes: [ints('perm', [1, 0])], hint });
    nodes.push(transpose);
    q = out(transpose);
    scales = weights.table.scales;
    perColumn = true;
    columns = weights.n;
  } else {
    const init = editor.initializer(weightName);
    const dims = init ? dimsOf(init) : [];
    q = editor.addInitializer(`${weightName}_int8`, weights.values, dims);
    perColumn = weights.scales.length > 1;
    scales = editor.addInitializer(`${weightName}_scale`, weights.scales, perColumn ? [weights.scales.length] : []);
    columns = dims[1];
  }
  const zeroPoint = editor.addInitializer(`${weightName}_zero_point`, new Int8Array(perColumn ? columns : 1), perColumn ? [columns] : []);
  const output = matmul.output ?? [];
  if (mode === 'dequantize') {
    const dequantized = editor.makeNode('DequantizeLinear', [q, scales, zeroPoint], { attributes: perColumn ? [int('axis', 1)] : [], hint });
    nodes.push(dequantized, editor.makeNode('MatMul', [activation, out(dequantized)], { outputs: output, hint }));
    return nodes;
  }
  const dql = editor.makeNode('DynamicQuantizeLinear', [activation], { outputCount: 3, hint });
  const [xq, xScale, xZeroPoint] = dql.output ?? [];
  const product = editor.makeNode('MatMulInteger', [xq, q, xZeroPoint, zeroPoint], { hint });
  const asFloat = editor.makeNode('Cast', [out(product)], { attributes: [int('to', DataType.FLOAT)], hint });
  const scale = editor.makeNode('Mul', [xScale, scales], { hint });
  nodes.push(dql, product, asFloat, scale, editor.makeNode('Mul', [out(asFloat), out(scale)], { outputs: output, hint }));
  return nodes;
}

function nbits4MatMul(editor: GraphEditor, matmul: OnnxNode, activation: string, weightName: string, weights: Float32Array, k: number, n: number, blockSize: number): OnnxNode[] {
  const { packed, scales, blocks } = quantizeNBits4(weights, k, n, blockSize);
  const b = editor.addInitializer(`${weightName}_q4`, packed, [n, blocks, blockSize / 2]);
  const s = editor.addInitializer(`${weightName}_q4_scales`, scales, [n * blocks]);
  return [
    editor.makeNode('MatMulNBits', [activation, b, s], {
      outputs: matmul.output,
      domain: MS_DOMAIN,
      attributes: [int('K', k), int('N', n), int('bits', 4), int('block_size', blockSize)],
      hint: matmul.name ?? 'matmul',
    }),
  ];
}
