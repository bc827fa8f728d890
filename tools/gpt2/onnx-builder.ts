/**
 * A small ONNX graph builder: declare inputs/outputs, add initializers from typed arrays,
 * and add nodes with readable helpers. Produces the plain objects of ./onnx-schema.ts.
 */
import { AttributeType, DataType } from './onnx-schema.ts';
import type { OnnxAttribute, OnnxDimension, OnnxGraph, OnnxNode, OnnxTensor, OnnxValueInfo } from './onnx-schema.ts';

export type TensorData = Float32Array | Int8Array | Uint8Array | Int32Array | BigInt64Array;

const hostIsLittleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function dataTypeOf(data: TensorData): number {
  if (data instanceof Float32Array) return DataType.FLOAT;
  if (data instanceof Int8Array) return DataType.INT8;
  if (data instanceof Uint8Array) return DataType.UINT8;
  if (data instanceof Int32Array) return DataType.INT32;
  return DataType.INT64;
}

/** ONNX raw_data is little-endian: a zero-copy view on little-endian hosts, a swapped copy otherwise. */
export function littleEndianBytes(data: TensorData): Uint8Array {
  const view = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (hostIsLittleEndian || data.BYTES_PER_ELEMENT === 1) return view;
  const swapped = new Uint8Array(view.length);
  const width = data.BYTES_PER_ELEMENT;
  for (let i = 0; i < view.length; i += width) {
    for (let b = 0; b < width; b++) swapped[i + b] = view[i + width - 1 - b];
  }
  return swapped;
}

export function tensor(name: string, data: TensorData, dims: readonly number[]): OnnxTensor {
  const count = dims.reduce((a, b) => a * b, 1);
  if (count !== data.length) throw new Error(`tensor ${name}: dims [${dims}] hold ${count} values, data has ${data.length}`);
  return { name, dims: [...dims], dataType: dataTypeOf(data), rawData: littleEndianBytes(data) };
}

export const attr = {
  int: (name: string, i: number): OnnxAttribute => ({ name, type: AttributeType.INT, i }),
  float: (name: string, f: number): OnnxAttribute => ({ name, type: AttributeType.FLOAT, f }),
  ints: (name: string, ints: readonly number[]): OnnxAttribute => ({ name, type: AttributeType.INTS, ints: [...ints] }),
  string: (name: string, s: string): OnnxAttribute => ({ name, type: AttributeType.STRING, s: new TextEncoder().encode(s) }),
  tensor: (name: string, t: OnnxTensor): OnnxAttribute => ({ name, type: AttributeType.TENSOR, t }),
  graph: (name: string, g: OnnxGraph): OnnxAttribute => ({ name, type: AttributeType.GRAPH, g }),
};

export function valueInfo(name: string, elemType: number, dims: readonly (number | string)[]): OnnxValueInfo {
  const dim: OnnxDimension[] = dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d }));
  return { name, type: { tensorType: { elemType, shape: { dim } } } };
}

export class GraphBuilder {
  readonly nodes: OnnxNode[] = [];
  readonly initializers: OnnxTensor[] = [];
  readonly inputs: OnnxValueInfo[] = [];
  readonly outputs: OnnxValueInfo[] = [];
  /** Prefix for generated node and value names, e.g. "/h.3/attn". */
  scope = '';
  private readonly counters = new Map<string, number>();
  private readonly names = new Set<string>();

  input(name: string, elemType: number, dims: readonly (number | string)[]): string {
    this.inputs.push(valueInfo(name, elemType, dims));
    return name;
  }

  output(name: string, elemType: number, dims: readonly (number | string)[]): string {
    this.outputs.push(valueInfo(name, elemType, dims));
    return name;
  }

  initializer(name: string, data: TensorData, dims: readonly number[]): string {
    this.claim(name);
    this.initializers.push(tensor(name, data, dims));
    return name;
  }

  /** A small int64 constant (shapes, axes) as an initializer. */
  int64s(name: string, values: readonly number[], dims: readonly number[] = [values.length]): string {
    return this.initializer(name, BigInt64Array.from(values, (v) => BigInt(v)), dims);
  }

  /** A float32 scalar constant as an initializer. */
  scalar(name: string, value: number): string {
    return this.initializer(name, Float32Array.of(value), []);
  }

  /** Adds a node with explicit output names. Empty strings in `inputs` mark omitted optional inputs. */
  node(opType: string, inputs: readonly string[], outputs: readonly string[], attributes: OnnxAttribute[] = []): string[] {
    const name = this.uniqueName(opType);
    for (const output of outputs) this.claim(output);
    this.nodes.push({ name, opType, input: [...inputs], output: [...outputs], attribute: attributes });
    return [...outputs];
  }

  /** Adds a single-output node whose output name is generated from the scope; returns that name. */
  op(opType: string, inputs: readonly string[], attributes: OnnxAttribute[] = []): string {
    const name = this.uniqueName(opType);
    const output = `${name}_output_0`;
    this.claim(output);
    this.nodes.push({ name, opType, input: [...inputs], output: [output], attribute: attributes });
    return output;
  }

  /** A multi-output node with generated output names. */
  opN(opType: string, inputs: readonly string[], outputCount: number, attributes: OnnxAttribute[] = []): string[] {
    const name = this.uniqueName(opType);
    const outputs = Array.from({ length: outputCount }, (_, i) => `${name}_output_${i}`);
    for (const output of outputs) this.claim(output);
    this.nodes.push({ name, opType, input: [...inputs], output: outputs, attribute: attributes });
    return outputs;
  }

  build(name: string): OnnxGraph {
    return { name, node: this.nodes, initializer: this.initializers, input: this.inputs, output: this.outputs };
  }

  private uniqueName(opType: string): string {
    const key = `${this.scope}/${opType}`;
    const n = this.counters.get(key) ?? 0;
    this.counters.set(key, n + 1);
    return n === 0 ? key : `${key}_${n}`;
  }

  private claim(valueName: string): void {
    if (this.names.has(valueName)) throw new Error(`ONNX value name used twice: ${valueName}`);
    this.names.add(valueName);
  }
}
