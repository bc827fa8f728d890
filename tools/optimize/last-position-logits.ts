/**
 * Logits for the last position only: slices the final hidden state to its last position before
 * the final LayerNorm and lm_head, so a prompt step of S tokens runs the 768×50,257 head once
 * instead of S times (about a third of a 512-token prefill). The `logits` output becomes
 * [batch, 1, vocab]. Safe for Cowrite and for transformers.js, which read only the last row;
 * not for a caller that scores every prompt position (perplexity).
 *
 * Found by structure, for any GPT-2 export: walking back from `logits` along non-constant
 * inputs, the first Add of two non-constant values is the last residual sum (bias Adds have a
 * constant operand); every node between it and `logits` works per position (ln_f, lm_head).
 */
import type { OnnxNode } from '../gpt2/onnx-schema.ts';
import type { GraphEditor } from './graph-edit.ts';

export function sliceLastPositionLogits(editor: GraphEditor): { slicedValue: string } {
  const constant = constantValues(editor);
  const producerOf = new Map<string, OnnxNode>();
  for (const node of editor.nodes) for (const output of node.output ?? []) producerOf.set(output, node);

  // Nodes between the residual stream and logits, found breadth-first from logits.
  const head = new Set<OnnxNode>();
  let residual: string | undefined;
  const queue = ['logits'];
  while (queue.length > 0 && !residual) {
    const value = queue.shift() as string;
    const node = producerOf.get(value);
    if (!node) throw new Error(`logits depend on graph input "${value}" without passing a residual Add: not a GPT-2 decoder this tool knows`);
    if (head.has(node)) continue;
    const dynamic = (node.input ?? []).filter((input) => input !== '' && !constant.has(input));
    if (node.opType === 'Add' && dynamic.length === 2) {
      residual = value;
      break;
    }
    if (['Attention', 'MultiHeadAttention', 'Softmax', 'Concat'].includes(node.opType)) {
      throw new Error(`reached ${node.opType} (${node.name}) before a residual Add: logits are not computed per position here`);
    }
    head.add(node);
    queue.push(...dynamic);
  }
  if (!residual) throw new Error('no residual Add found before logits');

  const starts = editor.addInitializer('last_position_starts', BigInt64Array.of(-1n), [1]);
  const ends = editor.addInitializer('last_position_ends', BigInt64Array.of(BigInt(Number.MAX_SAFE_INTEGER)), [1]);
  const axes = editor.addInitializer('last_position_axes', BigInt64Array.of(1n), [1]);
  const slice = editor.makeNode('Slice', [residual, starts, ends, axes], { hint: '/last_position' });
  const sliced = (slice.output ?? [])[0];
  let rewired = 0;
  for (const node of head) {
    node.input = (node.input ?? []).map((input) => {
      if (input !== residual) return input;
      rewired++;
      return sliced;
    });
  }
  const outsideConsumers = editor.consumers(residual).filter((node) => !head.has(node));
  if (outsideConsumers.length > 0 || editor.isGraphOutput(residual)) {
    throw new Error(`the final hidden state is also read by ${outsideConsumers.map((n) => n.name).join(', ') || 'a graph output'}; refusing to slice`);
  }
  if (rewired === 0) throw new Error('nothing to rewire');
  editor.insertBefore(firstOf(editor, head), [slice]);

  const logits = (editor.graph.output ?? []).find((output) => output.name === 'logits');
  const dims = logits?.type?.tensorType?.shape?.dim;
  if (dims && dims.length === 3) dims[1] = { dimValue: 1 };
  return { slicedValue: sliced };
}

function firstOf(editor: GraphEditor, nodes: Set<OnnxNode>): OnnxNode {
  const first = editor.nodes.find((node) => nodes.has(node));
  if (!first) throw new Error('empty head');
  return first;
}

/** Values computed from initializers alone (folded by onnxruntime at load). */
function constantValues(editor: GraphEditor): Set<string> {
  const constant = new Set((editor.graph.initializer ?? []).map((init) => init.name ?? ''));
  for (const node of editor.nodes) {
    const inputs = (node.input ?? []).filter((input) => input !== '');
    if (node.opType === 'Constant' || (inputs.length > 0 && inputs.every((input) => constant.has(input)))) {
      for (const output of node.output ?? []) constant.add(output);
    }
  }
  return constant;
}
