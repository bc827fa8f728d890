import { ModelFormatError } from '../errors/cowrite-error.ts';
import type { KvCache } from './kv-cache.ts';
import type { OrtModule, ort } from './ort-runtime.ts';

export interface DecoderStep {
  /** Logits of the last position, a view into the session output (read before the next step). */
  logits: Float32Array;
  cache: KvCache;
}

/**
 * Drives one GPT-2 decoder session, whichever export layout it has: it reads the
 * session's input names (current `model.onnx`, or the legacy merged decoder with
 * `use_cache_branch`, with or without `position_ids`) instead of assuming one.
 */
export class Gpt2Decoder {
  readonly session: ort.InferenceSession;
  readonly module: OrtModule;
  readonly vocabSize: number;
  readonly layout: 'model' | 'merged';
  /**
   * True when the graph computes logits for the last position only: then a whole
   * prompt can run in one step without a [prompt × vocab] allocation.
   */
  readonly lastPositionLogits: boolean;
  readonly #pastNames: string[];
  readonly #presentNames: string[];
  readonly #hasPositionIds: boolean;
  readonly #hasUseCacheBranch: boolean;
  readonly #kvType: 'float32' | 'float16';
  readonly #heads: number;
  readonly #headDim: number;
  readonly #file: string;
  /** Reused all-ones attention mask: a step feeds a prefix view of it. */
  #ones = new BigInt64Array(0);

  /**
   * Whether the graph declares its key/value head shapes, so `config.json` could be checked
   * against them; when they are symbolic, the loader checks with one probe step instead.
   */
  readonly shapeDeclared: boolean;

  constructor(session: ort.InferenceSession, module: OrtModule, shape: { numHeads: number; hiddenSize: number; vocabSize: number; numLayers?: number }, file: string) {
    this.session = session;
    this.module = module;
    this.#file = file;
    const inputs = session.inputNames;
    const outputs = session.outputNames;
    for (const required of ['input_ids', 'attention_mask']) {
      if (!inputs.includes(required)) throw this.#unsupported(`it has no "${required}" input (inputs: ${inputs.join(', ')})`);
    }
    if (!outputs.includes('logits')) throw this.#unsupported(`it has no "logits" output (outputs: ${outputs.join(', ')})`);
    this.#pastNames = inputs.filter((name) => name.startsWith('past_key_values.'));
    this.#presentNames = this.#pastNames.map((name) => name.replace('past_key_values.', 'present.'));
    if (this.#pastNames.length === 0) throw this.#unsupported('it has no past_key_values inputs (export it "with past" for fast decoding)');
    for (const name of this.#presentNames) {
      if (!outputs.includes(name)) throw this.#unsupported(`input has no matching output "${name}"`);
    }
    this.#hasPositionIds = inputs.includes('position_ids');
    this.#hasUseCacheBranch = inputs.includes('use_cache_branch');
    this.layout = this.#hasUseCacheBranch ? 'merged' : 'model';
    this.#heads = shape.numHeads;
    this.#headDim = shape.hiddenSize / shape.numHeads;
    this.shapeDeclared = checkAgainstConfig(session, this.#pastNames, shape, file);
    this.vocabSize = shape.vocabSize;
    this.#kvType = pastType(session, this.#pastNames[0]);
    this.lastPositionLogits = logitsForLastPositionOnly(session);
  }

  get numLayers(): number {
    return this.#pastNames.length / 2;
  }

  emptyCache(): KvCache {
    const dims = [1, this.#heads, 0, this.#headDim];
    const { Tensor } = this.module;
    const make = () => (this.#kvType === 'float16' ? new Tensor('float16', new Uint16Array(0), dims) : new Tensor('float32', new Float32Array(0), dims));
    return { length: 0, tensors: this.#pastNames.map(make) };
  }

  /** Runs `ids` (one or more new tokens) on top of `cache`. */
  async step(ids: readonly number[], cache: KvCache): Promise<DecoderStep> {
    const { Tensor } = this.module;
    const past = cache.length;
    const total = past + ids.length;
    const feeds: Record<string, ort.Tensor> = {
      input_ids: new Tensor('int64', BigInt64Array.from(ids, BigInt), [1, ids.length]),
      attention_mask: new Tensor('int64', this.#onesView(total), [1, total]),
    };
    if (this.#hasPositionIds) {
      const positions = new BigInt64Array(ids.length);
      for (let i = 0; i < ids.length; i++) positions[i] = BigInt(past + i);
      feeds.position_ids = new Tensor('int64', positions, [1, ids.length]);
    }
    if (this.#hasUseCacheBranch) feeds.use_cache_branch = new Tensor('bool', new Uint8Array([past > 0 ? 1 : 0]), [1]);
    for (let i = 0; i < this.#pastNames.length; i++) feeds[this.#pastNames[i]] = cache.tensors[i];

    const out = await this.session.run(feeds);
    const logitsTensor = out.logits;
    if (logitsTensor.type !== 'float32') throw this.#unsupported(`its logits are ${logitsTensor.type}; Cowrite needs float32 logits`);
    const [, seq, vocab] = logitsTensor.dims as [number, number, number];
    if (vocab !== this.vocabSize) throw this.#unsupported(`its logits have ${vocab} entries but config.json says vocab_size ${this.vocabSize}`);
    const data = logitsTensor.data as Float32Array;
    const logits = data.subarray((seq - 1) * vocab, seq * vocab);
    const tensors = this.#presentNames.map((name) => out[name]);
    return { logits, cache: { length: total, tensors } };
  }

  async release(): Promise<void> {
    await this.session.release();
  }

  #onesView(length: number): BigInt64Array {
    if (this.#ones.length < length) this.#ones = new BigInt64Array(Math.max(length, 2 * this.#ones.length, 64)).fill(1n);
    return this.#ones.subarray(0, length);
  }

  #unsupported(reason: string): ModelFormatError {
    return new ModelFormatError('MODEL_UNSUPPORTED', this.#file, `${this.#file} is not a GPT-2 decoder Cowrite can drive: ${reason}.`);
  }
}

/**
 * config.json's n_layer / n_head / n_embd against the graph's past_key_values inputs: a mismatch
 * would load and then fail inside onnxruntime on every generate, so it fails the load instead.
 * Returns whether the graph declared the head shapes (static dims).
 */
function checkAgainstConfig(session: ort.InferenceSession, pastNames: readonly string[], shape: { numHeads: number; hiddenSize: number; numLayers?: number }, file: string): boolean {
  const mismatch = (what: string) =>
    new ModelFormatError('CONFIG_MISMATCH', 'config.json', `config.json does not match ${file}: ${what}. The config belongs to another model (or the export is broken); use the config.json that came with this ONNX file.`);
  if (!Number.isInteger(shape.hiddenSize / shape.numHeads)) throw mismatch(`n_embd ${shape.hiddenSize} is not a multiple of n_head ${shape.numHeads}`);
  if (shape.numLayers !== undefined && pastNames.length !== 2 * shape.numLayers) {
    throw mismatch(`n_layer is ${shape.numLayers} but the graph has ${pastNames.length / 2} layers of past_key_values`);
  }
  const entry = session.inputMetadata?.find((m) => m.name === pastNames[0]);
  if (!entry?.isTensor) return false;
  const [, heads, , headDim] = entry.shape;
  if (typeof heads !== 'number' || typeof headDim !== 'number') return false;
  if (heads !== shape.numHeads || headDim * heads !== shape.hiddenSize) {
    throw mismatch(`n_head ${shape.numHeads} × head size ${shape.hiddenSize / shape.numHeads} (n_embd ${shape.hiddenSize}), but the graph's keys/values have ${heads} heads × ${headDim}`);
  }
  return true;
}

function pastType(session: ort.InferenceSession, name: string): 'float32' | 'float16' {
  const entry = session.inputMetadata?.find((m) => m.name === name);
  return entry?.isTensor && entry.type === 'float16' ? 'float16' : 'float32';
}

/** A graph rewritten to project only the last position (tools/optimize) declares logits as [batch, 1, vocab]. */
function logitsForLastPositionOnly(session: ort.InferenceSession): boolean {
  const entry = session.outputMetadata?.find((m) => m.name === 'logits');
  return entry?.isTensor === true && entry.shape[1] === 1;
}
