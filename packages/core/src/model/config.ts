import { ModelFormatError } from '../errors/cowrite-error.ts';

/** The parts of a GPT-2 `config.json` (+ `generation_config.json`) the runtime needs. */
export interface Gpt2Config {
  /** `model_type`, e.g. `gpt2`. */
  modelType: string;
  /** Rows of the embedding table: every token id must be below it. */
  vocabSize: number;
  /** Context window in tokens (`n_positions`). */
  contextLength: number;
  /** Decoder blocks (`n_layer`): one key/value cache pair each. */
  numLayers: number;
  /** Attention heads per block (`n_head`). */
  numHeads: number;
  /** Width of the hidden state (`n_embd`); `hiddenSize / numHeads` is the head size. */
  hiddenSize: number;
  /** Tokens that end generation (`eos_token_id`, one or several). */
  eosTokenIds: number[];
  /** `bos_token_id`, when the model declares one. */
  bosTokenId: number | undefined;
  /** Defaults from `generation_config.json` in HF names (`max_new_tokens`, `top_k` …), as published by the model. */
  generationDefaults: Record<string, unknown>;
}

export type Json = Record<string, unknown>;

export function parseJsonFile(file: string, bytes: Uint8Array): Json {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw new ModelFormatError('MODEL_CORRUPT', file, `${file} is not valid JSON (${(error as Error).message}); the file is corrupt or the server returned an error page.`, { cause: error });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ModelFormatError('MODEL_CORRUPT', file, `${file} must contain a JSON object.`);
  }
  return value as Json;
}

function positiveInt(config: Json, keys: string[], fallback?: number): number {
  for (const key of keys) {
    const value = config[key];
    if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
  }
  if (fallback !== undefined) return fallback;
  throw new ModelFormatError('MODEL_UNSUPPORTED', 'config.json', `config.json lacks ${keys.join(' / ')}; is this a GPT-2 model?`);
}

function tokenIds(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.filter((v): v is number => typeof v === 'number');
  return [];
}

export function parseGpt2Config(config: Json, generation: Json = {}): Gpt2Config {
  const modelType = typeof config.model_type === 'string' ? config.model_type : 'unknown';
  if (modelType !== 'gpt2') {
    throw new ModelFormatError('MODEL_UNSUPPORTED', 'config.json', `config.json says model_type "${modelType}"; Cowrite runs GPT-2-architecture models (model_type "gpt2").`);
  }
  const eos = tokenIds(generation.eos_token_id ?? config.eos_token_id);
  const bos = tokenIds(generation.bos_token_id ?? config.bos_token_id)[0];
  return {
    modelType,
    vocabSize: positiveInt(config, ['vocab_size']),
    contextLength: positiveInt(config, ['n_positions', 'n_ctx', 'max_position_embeddings'], 1024),
    numLayers: positiveInt(config, ['n_layer', 'num_hidden_layers']),
    numHeads: positiveInt(config, ['n_head', 'num_attention_heads']),
    hiddenSize: positiveInt(config, ['n_embd', 'hidden_size']),
    eosTokenIds: eos,
    bosTokenId: bos,
    generationDefaults: generation,
  };
}
