import { abortError } from '../errors/cowrite-error.ts';
import type { TextTokenizer } from '../contracts/text-generator.ts';
import type { DecodingSession } from '../contracts/decoding-session.ts';
import { IncrementalDecoder } from './incremental-decoder.ts';
import { NoRepeatNgram, RepetitionPenalty, applyMinNewTokens } from './logits-processors.ts';
import type { ContextFit, FinishReason, GenerationChunk, GenerationResult } from '../contracts/generation.ts';
import { createRandom } from './random.ts';
import type { ResolvedGeneration } from './resolve-options.ts';
import { argmax, logProbability, sample, warpedCandidates } from './sampler.ts';
import { StopMatcher } from './stop-matcher.ts';
import { HealingConstraint, PrefixStripper, healPrompt, textsOf } from './token-healing.ts';
import { yieldToEventLoop } from '../runtime/yield-to-event-loop.ts';

/**
 * Tokens between event-loop hops: at most this many milliseconds. A GPT-2 step takes longer, so it
 * still yields after every token; a phrase model makes a token in a fraction of a millisecond and
 * would otherwise spend most of a suggestion waiting for the next task.
 */
const YIELD_AFTER_MS = 4;

export interface GenerationInput {
  promptIds: readonly number[];
  context: ContextFit;
  settings: ResolvedGeneration;
  vocabSize: number;
}

/**
 * The decoding loop: logits → processors → (warpers → sampler | argmax) → token →
 * text. Yields a chunk per token and returns the full result. Cancellation is
 * checked before every model step, so an abort lands within one step.
 */
export async function* generationLoop(session: DecodingSession, tokenizer: TextTokenizer, input: GenerationInput): AsyncGenerator<GenerationChunk, GenerationResult> {
  const { settings, vocabSize } = input;
  const { signal } = settings;
  const texts = settings.tokenHealing ? textsOf(tokenizer, vocabSize) : undefined;
  const healed = texts ? healPrompt(input.promptIds, texts) : undefined;
  const promptIds = healed?.promptIds ?? input.promptIds;
  const healing = healed && texts ? new HealingConstraint(healed.prefix, texts) : undefined;
  const stripper = new PrefixStripper(healed?.prefix ?? '');
  const penalty = settings.repetitionPenalty !== 1 ? new RepetitionPenalty(settings.repetitionPenalty, vocabSize) : undefined;
  const ngrams = settings.noRepeatNgramSize > 0 ? new NoRepeatNgram(settings.noRepeatNgramSize) : undefined;
  for (const id of promptIds) {
    penalty?.push(id);
    ngrams?.push(id);
  }
  const random = createRandom(settings.seed);
  const eos = new Set(settings.eosTokenIds);
  const decoder = new IncrementalDecoder(tokenizer);
  const stops = new StopMatcher(settings.stop);
  const tokenIds: number[] = [];
  const logprobs: number[] | undefined = settings.logprobs ? [] : undefined;
  let text = '';
  let finishReason: FinishReason = 'length';
  let complete = false;
  let lastYield = performance.now();

  try {
    if (signal?.aborted) throw abortError(signal);
    let scores = await session.start(promptIds, signal);
    for (;;) {
      if (signal?.aborted) throw abortError(signal);
      penalty?.apply(scores);
      ngrams?.apply(scores);
      applyMinNewTokens(scores, tokenIds.length, settings.minNewTokens, settings.eosTokenIds);
      // The healed word's letters come back first. Its log-probability stays the model's own, over the whole
      // vocabulary: among the few tokens that fit, even a model that knows nothing looks sure.
      const unmasked = healing?.active && logprobs ? scores.slice() : undefined;
      if (healing?.active) healing.mask(scores);
      const candidates = settings.doSample ? warpedCandidates(scores, settings) : undefined;
      const id = settings.doSample ? sample(scores, candidates, settings.temperature, random) : argmax(scores);
      // Greedy picks from the processed scores at temperature 1, as HF's greedy search does.
      const logprob = !logprobs
        ? undefined
        : unmasked
          ? logProbability(unmasked, undefined, settings.doSample ? settings.temperature : 1, id)
          : logProbability(scores, candidates, settings.doSample ? settings.temperature : 1, id, settings.doSample ? undefined : scores[id]);
      if (logprob !== undefined) logprobs?.push(logprob);
      tokenIds.push(id);
      healing?.accept(id);
      penalty?.push(id);
      ngrams?.push(id);

      const isEos = eos.has(id);
      let delta = isEos ? decoder.flush() : decoder.push(id);
      const done = isEos || tokenIds.length >= settings.maxNewTokens;
      if (done && !isEos) delta += decoder.flush();
      delta = stripper.strip(delta);
      let visible = stops.push(delta);
      if (stops.matched !== undefined) finishReason = 'stop';
      else if (isEos) finishReason = 'eos';
      if (done && stops.matched === undefined) visible += stops.flush();
      text += visible;
      const finished = done || stops.matched !== undefined;
      const chunk: GenerationChunk = finished ? { text: visible, tokenIds: [id], finishReason } : { text: visible, tokenIds: [id] };
      if (logprob !== undefined) chunk.logprobs = [logprob];
      yield chunk;
      if (finished) break;
      if (performance.now() - lastYield >= YIELD_AFTER_MS) {
        await yieldToEventLoop();
        lastYield = performance.now();
      }
      if (signal?.aborted) throw abortError(signal);
      scores = await session.advance(id);
    }
    complete = true;
  } finally {
    session.finish(complete);
  }
  const result: GenerationResult = { tokenIds, text, finishReason, promptTokens: input.promptIds.length, context: input.context };
  if (finishReason === 'stop') result.stopString = stops.matched;
  if (logprobs) result.logprobs = logprobs;
  return result;
}
