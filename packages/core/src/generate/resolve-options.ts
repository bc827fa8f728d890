import { InvalidArgumentError, ModelFormatError } from '../errors/cowrite-error.ts';
import type { ContextFit, GenerationOptions } from '../contracts/generation.ts';
import { randomSeed } from './random.ts';

/** Options after validation and defaults: what the generation loop runs with. */
export interface ResolvedGeneration {
  maxNewTokens: number;
  minNewTokens: number;
  doSample: boolean;
  temperature: number;
  topK: number;
  topP: number;
  repetitionPenalty: number;
  noRepeatNgramSize: number;
  stop: readonly string[];
  eosTokenIds: readonly number[];
  seed: number;
  signal: AbortSignal | undefined;
  logprobs: boolean;
  tokenHealing: boolean;
}

export interface ModelLimits {
  vocabSize: number;
  contextLength: number;
  eosTokenIds: readonly number[];
  /** `generation_config.json`, in HF snake_case names. */
  generationDefaults: Record<string, unknown>;
}

function fail(argument: string, message: string): never {
  throw new InvalidArgumentError('INVALID_OPTION', argument, message);
}

/**
 * A value and where it came from: the caller's option, or the model's
 * generation_config.json. A bad default must blame the file, not an option the caller never passed.
 */
interface Picked {
  value: unknown;
  label: string;
  fromConfig: boolean;
}

function pick(options: GenerationOptions, defaults: Record<string, unknown>, name: keyof GenerationOptions, hfKey: string, fallback: number | boolean): Picked {
  const own = options[name];
  if (own !== undefined) return { value: own, label: name, fromConfig: false };
  const published = defaults[hfKey];
  // HF writes `null` for "unset"; anything else is the model's own default.
  if (published !== undefined && published !== null) return { value: published, label: hfKey, fromConfig: true };
  return { value: fallback, label: name, fromConfig: false };
}

function invalid(picked: Picked, argument: string, rule: string): never {
  if (picked.fromConfig) {
    throw new ModelFormatError(
      'MODEL_CORRUPT',
      'generation_config.json',
      `The model's generation_config.json sets ${picked.label} to ${JSON.stringify(picked.value)}, but ${picked.label} ${rule}. Fix the file, or pass ${argument} to override it.`,
    );
  }
  fail(argument, `${argument} ${rule}; got ${String(picked.value)}.`);
}

function integer(argument: string, picked: Picked, min: number): number {
  const { value } = picked;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) invalid(picked, argument, `must be an integer ≥ ${min}`);
  return value;
}

function positive(argument: string, picked: Picked, allowZero = false): number {
  const { value } = picked;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (value === 0 && !allowZero)) {
    invalid(picked, argument, allowZero ? 'must be a finite number ≥ 0' : 'must be a finite number > 0');
  }
  return value;
}

/** `generate(prompt, null)` and friends: a typed error instead of a TypeError deep inside. */
export function assertOptionsObject(options: unknown): asserts options is GenerationOptions {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    const got = options === null ? 'null' : Array.isArray(options) ? 'an array' : typeof options;
    fail('options', `Generation options must be an object (or left out); got ${got}.`);
  }
}

/**
 * Validates options and fills defaults the way HF does: explicit option, else the
 * model's generation_config.json, else HF's `GenerationConfig` default
 * (top_k 50, top_p 1, temperature 1; max_new_tokens 20).
 */
export function resolveGeneration(options: GenerationOptions, limits: ModelLimits): ResolvedGeneration {
  assertOptionsObject(options);
  const d = limits.generationDefaults;
  const maxNewTokens = integer('maxNewTokens', pick(options, d, 'maxNewTokens', 'max_new_tokens', 20), 1);
  const minNewTokens = integer('minNewTokens', pick(options, d, 'minNewTokens', 'min_new_tokens', 0), 0);
  const doSamplePicked = pick(options, d, 'doSample', 'do_sample', false);
  if (typeof doSamplePicked.value !== 'boolean') invalid(doSamplePicked, 'doSample', 'must be a boolean');
  const doSample = doSamplePicked.value;
  // Greedy decoding ignores temperature, so 0 ("no randomness") is fine there, as in HF; sampling needs > 0.
  const temperaturePicked = pick(options, d, 'temperature', 'temperature', 1);
  const temperature = positive('temperature', temperaturePicked, true);
  if (temperature === 0 && doSample) {
    invalid(temperaturePicked, 'temperature', 'must be > 0 when doSample is true (for greedy decoding set doSample: false)');
  }
  const topK = integer('topK', pick(options, d, 'topK', 'top_k', 50), 0);
  const topPPicked = pick(options, d, 'topP', 'top_p', 1);
  const topP = positive('topP', topPPicked);
  if (topP > 1) invalid(topPPicked, 'topP', 'must be in (0, 1]');
  const repetitionPenalty = positive('repetitionPenalty', pick(options, d, 'repetitionPenalty', 'repetition_penalty', 1));
  const noRepeatNgramSize = integer('noRepeatNgramSize', pick(options, d, 'noRepeatNgramSize', 'no_repeat_ngram_size', 0), 0);

  const stop = options.stop ?? [];
  if (!Array.isArray(stop) || stop.some((s) => typeof s !== 'string' || s.length === 0)) fail('stop', 'stop must be an array of non-empty strings.');

  const eosOption = options.eosTokenId;
  const eosTokenIds = eosOption === undefined ? limits.eosTokenIds : typeof eosOption === 'number' ? [eosOption] : [...eosOption];
  for (const id of eosTokenIds) {
    if (!Number.isInteger(id) || id < 0 || id >= limits.vocabSize) fail('eosTokenId', `eosTokenId ${String(id)} is outside the vocabulary (0…${limits.vocabSize - 1}).`);
  }
  const seed = options.seed === undefined ? randomSeed() : options.seed;
  if (!Number.isFinite(seed)) fail('seed', 'seed must be a finite number.');
  if (options.signal !== undefined && !(options.signal instanceof AbortSignal)) fail('signal', 'signal must be an AbortSignal.');
  if (options.logprobs !== undefined && typeof options.logprobs !== 'boolean') fail('logprobs', 'logprobs must be a boolean.');
  if (options.tokenHealing !== undefined && typeof options.tokenHealing !== 'boolean') fail('tokenHealing', 'tokenHealing must be a boolean.');

  return {
    maxNewTokens,
    minNewTokens,
    doSample,
    temperature,
    topK,
    topP,
    repetitionPenalty,
    noRepeatNgramSize,
    stop,
    eosTokenIds,
    seed: seed >>> 0,
    signal: options.signal,
    logprobs: options.logprobs === true,
    tokenHealing: options.tokenHealing === true,
  };
}

/**
 * Fits prompt + new tokens into the context window. Policy (documented in the README):
 * `maxNewTokens` is clamped to `contextLength - 1`, then the prompt keeps its most
 * recent `contextLength - maxNewTokens` tokens. Both changes are reported.
 */
export function fitContext(promptIds: readonly number[], maxNewTokens: number, contextLength: number): { ids: readonly number[]; fit: ContextFit } {
  const clamped = Math.min(maxNewTokens, contextLength - 1);
  const room = contextLength - clamped;
  const dropped = Math.max(0, promptIds.length - room);
  const fit: ContextFit = { promptTokensDropped: dropped, maxNewTokens: clamped };
  if (clamped !== maxNewTokens) fit.maxNewTokensRequested = maxNewTokens;
  return { ids: dropped > 0 ? promptIds.slice(dropped) : promptIds, fit };
}
