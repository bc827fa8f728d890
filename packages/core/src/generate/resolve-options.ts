import { InvalidArgumentError } from '../errors/cowrite-error.ts';
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

function integer(name: string, value: unknown, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) fail(name, `${name} must be an integer ≥ ${min}; got ${String(value)}.`);
  return value;
}

function positive(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) fail(name, `${name} must be a finite number > 0; got ${String(value)}.`);
  return value;
}

function numberDefault(defaults: Record<string, unknown>, key: string, fallback: number): number {
  const value = defaults[key];
  return typeof value === 'number' ? value : fallback;
}

/**
 * Validates options and fills defaults the way HF does: explicit option, else the
 * model's generation_config.json, else HF's `GenerationConfig` default
 * (top_k 50, top_p 1, temperature 1; max_new_tokens 20).
 */
export function resolveGeneration(options: GenerationOptions, limits: ModelLimits): ResolvedGeneration {
  const d = limits.generationDefaults;
  const maxNewTokens = integer('maxNewTokens', options.maxNewTokens ?? numberDefault(d, 'max_new_tokens', 20), 1);
  const minNewTokens = integer('minNewTokens', options.minNewTokens ?? numberDefault(d, 'min_new_tokens', 0), 0);
  const doSample = options.doSample ?? d.do_sample === true;
  if (typeof doSample !== 'boolean') fail('doSample', 'doSample must be a boolean.');
  const temperature = positive('temperature', options.temperature ?? numberDefault(d, 'temperature', 1));
  const topK = integer('topK', options.topK ?? numberDefault(d, 'top_k', 50), 0);
  const topP = positive('topP', options.topP ?? numberDefault(d, 'top_p', 1));
  if (topP > 1) fail('topP', `topP must be in (0, 1]; got ${topP}.`);
  const repetitionPenalty = positive('repetitionPenalty', options.repetitionPenalty ?? numberDefault(d, 'repetition_penalty', 1));
  const noRepeatNgramSize = integer('noRepeatNgramSize', options.noRepeatNgramSize ?? numberDefault(d, 'no_repeat_ngram_size', 0), 0);

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
