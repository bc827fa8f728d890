/**
 * Writes a complete hub-layout GPT-2 model directory with seeded random weights:
 * config.json, generation_config.json, tokenizer.json, tokenizer_config.json and the ONNX
 * files under onnx/ (model.onnx + model_quantized.onnx, or the legacy decoder_model_merged*).
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildGpt2Model } from './gpt2-graph.ts';
import type { Gpt2Dtype } from './gpt2-graph.ts';
import { encodeModel } from './onnx-schema.ts';
import { buildGpt2TokenizerFiles } from './tokenizer-files.ts';
import { LAYER_NORM_EPSILON, randomGpt2Weights } from './weights.ts';
import type { Gpt2Config, Gpt2Weights } from './weights.ts';

export const GPT2_BOS_EOS = 50256;

export interface ModelDirSpec {
  config: Gpt2Config;
  dtypes: readonly Gpt2Dtype[];
  legacy: boolean;
  /** What config.json says made the weights (default: the seeded random generator). */
  provenance?: Record<string, unknown>;
}

export interface WrittenFile {
  path: string;
  bytes: number;
}

/** The hub file name for a dtype and layout, e.g. onnx/decoder_model_merged_quantized.onnx. */
export function onnxFileName(dtype: Gpt2Dtype, legacy: boolean): string {
  const base = legacy ? 'decoder_model_merged' : 'model';
  return `onnx/${base}${dtype === 'q8' ? '_quantized' : ''}.onnx`;
}

/** Hugging Face GPT2Config as transformers writes it (the fields loaders read, and GPT-2's defaults). */
export function hubConfigJson(config: Gpt2Config, provenance?: Record<string, unknown>): Record<string, unknown> {
  return {
    model_type: 'gpt2',
    architectures: ['GPT2LMHeadModel'],
    vocab_size: config.vocabSize,
    n_positions: config.nPositions,
    n_ctx: config.nPositions,
    n_embd: config.nEmbd,
    n_layer: config.nLayer,
    n_head: config.nHead,
    n_inner: null,
    activation_function: 'gelu_new',
    resid_pdrop: 0.1,
    embd_pdrop: 0.1,
    attn_pdrop: 0.1,
    layer_norm_epsilon: LAYER_NORM_EPSILON,
    initializer_range: 0.02,
    scale_attn_weights: true,
    scale_attn_by_inverse_layer_idx: false,
    reorder_and_upcast_attn: false,
    use_cache: true,
    bos_token_id: GPT2_BOS_EOS,
    eos_token_id: GPT2_BOS_EOS,
    cowrite_generator: provenance ?? { seed: config.seed, note: 'random weights for tests and benchmarks, not a trained model' },
  };
}

/** Writes via a temporary name so an interrupted run never leaves a truncated file under the real name. */
async function writeFileAtomically(path: string, data: Uint8Array | string): Promise<number> {
  const temporary = `${path}.partial`;
  await writeFile(temporary, data);
  await rename(temporary, path);
  return typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
}

/** Encodes one ONNX variant. Kept separate so each large buffer can be dropped before the next is built. */
export function encodeGpt2Onnx(weights: Gpt2Weights, dtype: Gpt2Dtype, legacy: boolean): Uint8Array {
  return encodeModel(buildGpt2Model(weights, { dtype, legacy }));
}

export async function writeModelDir(dir: string, spec: ModelDirSpec, weights = randomGpt2Weights(spec.config)): Promise<WrittenFile[]> {
  await mkdir(join(dir, 'onnx'), { recursive: true });
  const written: WrittenFile[] = [];
  const put = async (relative: string, data: Uint8Array | string) => {
    written.push({ path: relative, bytes: await writeFileAtomically(join(dir, relative), data) });
  };
  const tokenizer = await buildGpt2TokenizerFiles();
  await put('config.json', `${JSON.stringify(hubConfigJson(spec.config, spec.provenance), null, 2)}\n`);
  await put('generation_config.json', `${JSON.stringify({ bos_token_id: GPT2_BOS_EOS, eos_token_id: GPT2_BOS_EOS }, null, 2)}\n`);
  await put('tokenizer.json', tokenizer['tokenizer.json']);
  await put('tokenizer_config.json', tokenizer['tokenizer_config.json']);
  for (const dtype of spec.dtypes) {
    await put(onnxFileName(dtype, spec.legacy), encodeGpt2Onnx(weights, dtype, spec.legacy));
  }
  return written;
}
