/**
 * The decoding loop with a scripted session and the real GPT-2 tokenizer:
 * UTF-8-safe streaming, stop strings, end of sequence, min new tokens, abort.
 */
import { describe, expect, it } from 'vitest';
import { Gpt2Tokenizer } from '../../packages/core/src/tokenizer/gpt2-tokenizer.ts';
import { generationLoop } from '../../packages/core/src/generate/generation-loop.ts';
import { resolveGeneration, fitContext } from '../../packages/core/src/generate/resolve-options.ts';
import type { GenerationChunk, GenerationOptions, GenerationResult } from '../../packages/core/src/contracts/generation.ts';
import { buildGpt2TokenizerFiles } from '../../tools/gpt2/tokenizer-files.ts';
import { scriptedSession } from '../support/scripted-session.ts';

const files = await buildGpt2TokenizerFiles();
const tokenizer = new Gpt2Tokenizer(JSON.parse(files['tokenizer.json']), JSON.parse(files['tokenizer_config.json']));
const VOCAB = 50257;
const EOS = 50256;

async function run(script: number[], options: GenerationOptions): Promise<{ chunks: GenerationChunk[]; result: GenerationResult; steps: number }> {
  const session = scriptedSession(script, VOCAB);
  const settings = resolveGeneration(options, { vocabSize: VOCAB, contextLength: 1024, eosTokenIds: [EOS], generationDefaults: {} });
  const loop = generationLoop(session, tokenizer, { promptIds: [464], context: { promptTokensDropped: 0, maxNewTokens: settings.maxNewTokens }, settings, vocabSize: VOCAB });
  const chunks: GenerationChunk[] = [];
  for (;;) {
    const step = await loop.next();
    if (step.done) return { chunks, result: step.value, steps: session.steps };
    chunks.push(step.value);
  }
}

describe('streaming text', () => {
  for (const text of ['质量很好，物流很快！', 'Love it 👍🏽😀 would buy again', 'こんにちは、サイズはぴったり', 'naïve café — ok']) {
    it(`never emits half a UTF-8 character: ${text}`, async () => {
      const ids = tokenizer.encode(text);
      const { chunks, result } = await run(ids, { maxNewTokens: ids.length });
      for (const chunk of chunks) expect(chunk.text).not.toContain('\uFFFD');
      expect(chunks.map((c) => c.text).join('')).toBe(text);
      expect(result.text).toBe(text);
      expect(chunks.flatMap((c) => c.tokenIds)).toEqual(ids);
      expect(chunks.at(-1)?.finishReason).toBe('length');
    });
  }

  it('multi-token characters really are split across tokens (the test above is meaningful)', () => {
    const pieces = tokenizer.encode('👍🏽').map((id) => tokenizer.decode([id]));
    expect(pieces.some((p) => p.includes('\uFFFD'))).toBe(true);
  });
});

describe('stopping', () => {
  it('stops at end of sequence, keeps the eos id (as HF) and not its text', async () => {
    const ids = [...tokenizer.encode(' Great fit.'), EOS, ...tokenizer.encode(' never')];
    const { result } = await run(ids, { maxNewTokens: 20 });
    expect(result.finishReason).toBe('eos');
    expect(result.tokenIds.at(-1)).toBe(EOS);
    expect(result.text).toBe(' Great fit.');
  });

  it('minNewTokens forbids eos until reached', async () => {
    const ids = [EOS, ...tokenizer.encode(' and more text here')];
    const { result } = await run(ids, { maxNewTokens: 3, minNewTokens: 3 });
    expect(result.tokenIds).not.toContain(EOS);
    expect(result.tokenIds).toHaveLength(3);
  });

  it('a stop string ends generation, is cut from the text, and is never streamed in part', async () => {
    const ids = tokenizer.encode(' Fits well.\n\nReview 2: awful');
    const { chunks, result } = await run(ids, { maxNewTokens: 50, stop: ['\n\nReview'] });
    expect(result.finishReason).toBe('stop');
    expect(result.stopString).toBe('\n\nReview');
    expect(result.text).toBe(' Fits well.');
    expect(chunks.map((c) => c.text).join('')).toBe(' Fits well.');
    expect(chunks.some((c) => c.text.includes('\n'))).toBe(false);
  });

  it('held-back text that is not a stop string is released', async () => {
    const ids = tokenizer.encode(' a\n\nb');
    const { result, chunks } = await run(ids, { maxNewTokens: ids.length, stop: ['\n\nReview'] });
    expect(result.text).toBe(' a\n\nb');
    expect(chunks.map((c) => c.text).join('')).toBe(' a\n\nb');
    expect(result.finishReason).toBe('length');
  });

  it('the earliest of several stop strings wins', async () => {
    const ids = tokenizer.encode(' one. two! three');
    const { result } = await run(ids, { maxNewTokens: 20, stop: ['!', '.'] });
    expect(result.text).toBe(' one');
    expect(result.stopString).toBe('.');
  });
});

describe('log-probabilities', () => {
  it('reports each token\'s log-probability under the distribution it was chosen from', async () => {
    const ids = tokenizer.encode(' Fits well');
    const { result, chunks } = await run(ids, { maxNewTokens: ids.length, logprobs: true });
    // The scripted logits put +5 on the chosen token and -5 on the other 50,256.
    const expected = 5 - Math.log(Math.exp(5) + (VOCAB - 1) * Math.exp(-5));
    expect(result.logprobs).toHaveLength(ids.length);
    for (const lp of result.logprobs ?? []) expect(lp).toBeCloseTo(expected, 4);
    expect(chunks.flatMap((c) => c.logprobs ?? [])).toEqual(result.logprobs);
    // Sampling at temperature 0.5 sharpens the same logits: log p = 10 - log(e^10 + 50,256 e^-10).
    const sampled = await run(ids, { maxNewTokens: ids.length, logprobs: true, doSample: true, temperature: 0.5, topK: 0, seed: 1 });
    const sharpened = 10 - Math.log(Math.exp(10) + (VOCAB - 1) * Math.exp(-10));
    expect(sampled.result.logprobs).toHaveLength(ids.length);
    for (const lp of sampled.result.logprobs ?? []) expect(lp).toBeCloseTo(sharpened, 4);
  });

  it('are absent unless asked for', async () => {
    const { result } = await run(tokenizer.encode(' ok'), { maxNewTokens: 1 });
    expect(result.logprobs).toBeUndefined();
  });
});

describe('abort', () => {
  it('rejects with AbortError within one decoding step', async () => {
    const controller = new AbortController();
    let stepsAtAbort = 0;
    const session = scriptedSession(tokenizer.encode(' a b c d e f g h i j k l m n o p'), VOCAB, (step) => {
      if (step === 3) {
        controller.abort();
        stepsAtAbort = step + 1;
      }
    });
    const settings = resolveGeneration({ maxNewTokens: 30, signal: controller.signal }, { vocabSize: VOCAB, contextLength: 1024, eosTokenIds: [EOS], generationDefaults: {} });
    const loop = generationLoop(session, tokenizer, { promptIds: [464], context: { promptTokensDropped: 0, maxNewTokens: 30 }, settings, vocabSize: VOCAB });
    const error = await (async () => {
      try {
        for (;;) if ((await loop.next()).done) return undefined;
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe('AbortError');
    expect(session.steps).toBe(stepsAtAbort);
  });
});

describe('options', () => {
  const limits = { vocabSize: VOCAB, contextLength: 1024, eosTokenIds: [EOS], generationDefaults: {} };
  it.each([
    [{ maxNewTokens: 0 }, 'maxNewTokens'],
    [{ maxNewTokens: 1.5 }, 'maxNewTokens'],
    [{ temperature: 0, doSample: true }, 'temperature'],
    [{ topP: 0 }, 'topP'],
    [{ topP: 1.5 }, 'topP'],
    [{ topK: -1 }, 'topK'],
    [{ repetitionPenalty: -1 }, 'repetitionPenalty'],
    [{ noRepeatNgramSize: 2.5 }, 'noRepeatNgramSize'],
    [{ stop: [''] }, 'stop'],
    [{ eosTokenId: 60000 }, 'eosTokenId'],
  ] as [GenerationOptions, string][])('rejects %o with a typed error naming %s', (options, argument) => {
    expect(() => resolveGeneration(options, limits)).toThrowError(expect.objectContaining({ code: 'INVALID_OPTION', argument }));
  });

  it('takes defaults from generation_config.json, then HF defaults', () => {
    const resolved = resolveGeneration({}, { ...limits, generationDefaults: { max_new_tokens: 33, top_p: 0.9 } });
    expect(resolved).toMatchObject({ maxNewTokens: 33, topP: 0.9, topK: 50, temperature: 1, doSample: false });
  });

  it('fits the context window: clamps maxNewTokens, keeps the most recent prompt tokens', () => {
    const prompt = Array.from({ length: 2000 }, (_, i) => i);
    const { ids, fit } = fitContext(prompt, 100, 1024);
    expect(ids).toHaveLength(924);
    expect(ids[ids.length - 1]).toBe(1999);
    expect(fit).toEqual({ promptTokensDropped: 1076, maxNewTokens: 100 });
    const clamped = fitContext([1, 2, 3], 5000, 1024);
    expect(clamped.fit).toEqual({ promptTokensDropped: 2, maxNewTokens: 1023, maxNewTokensRequested: 5000 });
    expect(clamped.ids).toEqual([3]);
  });
});
