/**
 * Editing helpers over a decoded ONNX model (tools/gpt2/onnx-schema.ts): find initializers,
 * producers and consumers by value name, read float weights, add nodes and initializers with
 * names that cannot collide. The rewrites in this folder work on any hub-layout GPT-2 export,
 * so they look things up by graph structure, never by the names one exporter happens to use.
 */
import { tensor } from '../gpt2/onnx-builder.ts';
import type { TensorData } from '../gpt2/onnx-builder.ts';
import { AttributeType, DataType } from '../gpt2/onnx-schema.ts';
import type { OnnxAttribute, OnnxGraph, OnnxModel, OnnxNode, OnnxTensor } from '../gpt2/onnx-schema.ts';

export const MS_DOMAIN = 'com.microsoft';

export class GraphEditor {
  readonly model: OnnxModel;
  readonly graph: OnnxGraph;
  readonly #initializers = new Map<string, OnnxTensor>();
  readonly #names = new Set<string>();
  #counter = 0;

  constructor(model: OnnxModel) {
    this.model = model;
    this.graph = model.graph;
    this.graph.node ??= [];
    this.graph.initializer ??= [];
    for (const init of this.graph.initializer) {
      if (init.name) this.#initializers.set(init.name, init);
    }
    for (const node of this.graph.node) {
      for (const name of [...(node.input ?? []), ...(node.output ?? [])]) this.#names.add(name);
      if (node.name) this.#names.add(node.name);
    }
    for (const name of this.#initializers.keys()) this.#names.add(name);
    for (const value of [...(this.graph.input ?? []), ...(this.graph.output ?? [])]) this.#names.add(value.name);
  }

  get nodes(): OnnxNode[] {
    return this.graph.node as OnnxNode[];
  }

  initializer(name: string): OnnxTensor | undefined {
    return this.#initializers.get(name);
  }

  /** The node producing `value`, if any (graph inputs and initializers have none). */
  producer(value: string): OnnxNode | undefined {
    return this.nodes.find((node) => node.output?.includes(value));
  }

  consumers(value: string): OnnxNode[] {
    return this.nodes.filter((node) => node.input?.includes(value));
  }

  isGraphOutput(value: string): boolean {
    return (this.graph.output ?? []).some((output) => output.name === value);
  }

  /** A fresh value/node name derived from `base`. */
  unique(base: string): string {
    let name = base;
    while (this.#names.has(name)) name = `${base}_${++this.#counter}`;
    this.#names.add(name);
    return name;
  }

  addInitializer(base: string, data: TensorData, dims: readonly number[]): string {
    const name = this.unique(base);
    const init = tensor(name, data, dims);
    this.graph.initializer?.push(init);
    this.#initializers.set(name, init);
    return name;
  }

  removeInitializer(name: string): void {
    this.graph.initializer = (this.graph.initializer ?? []).filter((init) => init.name !== name);
    this.#initializers.delete(name);
  }

  /** Drops initializers no node reads any more (e.g. the fp32 weights a rewrite replaced). */
  pruneUnusedInitializers(): void {
    const used = new Set(this.nodes.flatMap((node) => [...(node.input ?? []), ...subgraphInputs(node)]));
    for (const output of this.graph.output ?? []) used.add(output.name);
    for (const name of [...this.#initializers.keys()]) {
      if (!used.has(name)) this.removeInitializer(name);
    }
  }

  /** Builds a node (not yet in the graph) with a unique name and, unless given, one fresh output. */
  makeNode(opType: string, inputs: readonly string[], options: { outputs?: readonly string[]; outputCount?: number; attributes?: OnnxAttribute[]; domain?: string; hint?: string } = {}): OnnxNode {
    const name = this.unique(`${options.hint ?? ''}/${opType}`);
    const outputs = options.outputs ? [...options.outputs] : Array.from({ length: options.outputCount ?? 1 }, (_, i) => this.unique(`${name}_output_${i}`));
    const node: OnnxNode = { name, opType, input: [...inputs], output: outputs, attribute: options.attributes ?? [] };
    if (options.domain) {
      node.domain = options.domain;
      this.useDomain(options.domain);
    }
    return node;
  }

  /** Replaces `node` in place by `replacement` (kept in topological position). */
  replace(node: OnnxNode, replacement: readonly OnnxNode[]): void {
    const index = this.nodes.indexOf(node);
    if (index < 0) throw new Error(`node ${node.name} is not in the graph`);
    this.nodes.splice(index, 1, ...replacement);
  }

  insertBefore(anchor: OnnxNode, inserted: readonly OnnxNode[]): void {
    const index = this.nodes.indexOf(anchor);
    if (index < 0) throw new Error(`node ${anchor.name} is not in the graph`);
    this.nodes.splice(index, 0, ...inserted);
  }

  removeNodes(removed: readonly OnnxNode[]): void {
    const drop = new Set(removed);
    this.graph.node = this.nodes.filter((node) => !drop.has(node));
  }

  useDomain(domain: string): void {
    if (!this.model.opsetImport.some((opset) => (opset.domain ?? '') === domain)) this.model.opsetImport.push({ domain, version: 1 });
  }

  opsetVersion(): number {
    return this.model.opsetImport.find((opset) => (opset.domain ?? '') === '')?.version ?? 0;
  }
}

function subgraphInputs(node: OnnxNode): string[] {
  const names: string[] = [];
  for (const attribute of node.attribute ?? []) {
    if (attribute.g) for (const inner of attribute.g.node ?? []) names.push(...(inner.input ?? []), ...subgraphInputs(inner));
  }
  return names;
}

export function attribute(node: OnnxNode, name: string): OnnxAttribute | undefined {
  return node.attribute?.find((a) => a.name === name);
}

export function intAttribute(node: OnnxNode, name: string, fallback: number): number {
  const found = attribute(node, name);
  return found?.type === AttributeType.INT ? Number(found.i ?? 0) : fallback;
}

export function floatAttribute(node: OnnxNode, name: string, fallback: number): number {
  const found = attribute(node, name);
  return found?.type === AttributeType.FLOAT ? (found.f ?? 0) : fallback;
}

/** The values of a float32 initializer (copied when the raw bytes are not 4-byte aligned). */
export function floatValues(init: OnnxTensor): Float32Array {
  if (init.dataType !== DataType.FLOAT) throw new Error(`initializer ${init.name} is not float32 (data type ${init.dataType})`);
  if (init.floatData && init.floatData.length > 0) return Float32Array.from(init.floatData);
  const raw = init.rawData;
  if (!raw) throw new Error(`initializer ${init.name} has no inline data (external data is not supported; re-export without it)`);
  if (raw.byteOffset % 4 === 0) return new Float32Array(raw.buffer, raw.byteOffset, raw.byteLength / 4);
  return new Float32Array(raw.slice().buffer);
}

export function dimsOf(init: OnnxTensor): number[] {
  return (init.dims ?? []).map(Number);
}

export function isFloatMatrix(init: OnnxTensor | undefined): init is OnnxTensor {
  return init !== undefined && init.dataType === DataType.FLOAT && dimsOf(init).length === 2;
}

/** Row-major [rows, cols] → [cols, rows]. */
export function transposeMatrix<T extends Float32Array | Int8Array | Uint8Array>(data: T, rows: number, cols: number, out: T): T {
  for (let r = 0; r < rows; r++) {
    const offset = r * cols;
    for (let c = 0; c < cols; c++) out[c * rows + r] = data[offset + c];
  }
  return out;
}

export const ints = (name: string, values: readonly number[]): OnnxAttribute => ({ name, type: AttributeType.INTS, ints: [...values] });
export const int = (name: string, i: number): OnnxAttribute => ({ name, type: AttributeType.INT, i });
export const float = (name: string, f: number): OnnxAttribute => ({ name, type: AttributeType.FLOAT, f });
