/**
 * The promises every `TextGenerator` makes, written once and run over every engine: the
 * in-process GPT-2 model and the scripted test double in Node, the Worker engine in Chromium,
 * and any engine added later. Tests are phrased against the engine's own greedy output, so
 * they hold for a random-weight model as well as for a script.
 */
import { describe, expect, it } from 'vitest';
import type { GenerationChunk, GenerationOptions, TextGenerator } from '@cowrite/core';

export interface EngineUnderTest {
  engine: TextGenerator;
  dispose?: () => void | Promise<void>;
}

/** Prompt the contract uses; the factory's engine should produce at least 8 tokens of text for it. */
export const CONTRACT_PROMPT = 'The fabric is soft and the fit';

async function collect(engine: TextGenerator, options: GenerationOptions): Promise<GenerationChunk[]> {
  const chunks: GenerationChunk[] = [];
  for await (const chunk of engine.stream(CONTRACT_PROMPT, options)) chunks.push(chunk);
  return chunks;
}

/** A promise an engine is known not to keep yet: its test runs as `it.fails`, so it turns red once the gap is closed. */
export type KnownGap = 'logprobs';

export function describeEngineContract(name: string, create: () => Promise<EngineUnderTest>, knownGaps: readonly KnownGap[] = []): void {
  describe(`TextGenerator contract: ${name}`, () => {
    async function withEngine(body: (engine: TextGenerator) => Promise<void>): Promise<void> {
      const { engine, dispose } = await create();
      try {
        await body(engine);
      } finally {
        await dispose?.();
      }
    }

    it('streams exactly what generate returns, never half a character', () =>
      withEngine(async (engine) => {
        const options = { maxNewTokens: 12 };
        const result = await engine.generate(CONTRACT_PROMPT, options);
        const chunks = await collect(engine, options);
        expect(result.tokenIds.length).toBeGreaterThan(0);
        expect(chunks.map((c) => c.text).join('')).toBe(result.text);
        expect(chunks.flatMap((c) => c.tokenIds)).toEqual(result.tokenIds);
        for (const chunk of chunks) expect(chunk.text.endsWith('\ufffd')).toBe(false);
        expect(result.promptTokens).toBe(engine.tokenizer.encode(CONTRACT_PROMPT).length);
      }));

    it('honours maxNewTokens and says so', () =>
      withEngine(async (engine) => {
        const result = await engine.generate(CONTRACT_PROMPT, { maxNewTokens: 3 });
        expect(result.tokenIds.length).toBeLessThanOrEqual(3);
        if (result.tokenIds.length === 3) expect(result.finishReason).toBe('length');
      }));

    it('stops at the earliest stop string and leaves it out', () =>
      withEngine(async (engine) => {
        const free = await engine.generate(CONTRACT_PROMPT, { maxNewTokens: 12 });
        // A stop string taken from the middle of the engine's own output.
        const trimmed = free.text.trim();
        const stop = trimmed.slice(Math.floor(trimmed.length / 2), Math.floor(trimmed.length / 2) + 2);
        expect(stop.length).toBe(2);
        const result = await engine.generate(CONTRACT_PROMPT, { maxNewTokens: 12, stop: ['\u0000never', stop] });
        expect(result.finishReason).toBe('stop');
        expect(result.stopString).toBe(stop);
        expect(result.text).toBe(free.text.slice(0, free.text.indexOf(stop)));
        const streamed = (await collect(engine, { maxNewTokens: 12, stop: [stop] })).map((c) => c.text).join('');
        expect(streamed).toBe(result.text);
      }));

    it('rejects with AbortError when aborted before or during a stream', () =>
      withEngine(async (engine) => {
        await expect(engine.generate(CONTRACT_PROMPT, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
        const controller = new AbortController();
        let seen = 0;
        await expect(
          (async () => {
            for await (const _chunk of engine.stream(CONTRACT_PROMPT, { maxNewTokens: 12, signal: controller.signal })) {
              seen += 1;
              controller.abort();
            }
          })(),
        ).rejects.toMatchObject({ name: 'AbortError' });
        expect(seen).toBe(1);
        // The engine is still usable after an abort.
        expect((await engine.generate(CONTRACT_PROMPT, { maxNewTokens: 2 })).tokenIds.length).toBeGreaterThan(0);
      }));

    (knownGaps.includes('logprobs') ? it.fails : it)('reports one log-probability per token only when asked', () =>
      withEngine(async (engine) => {
        const plain = await engine.generate(CONTRACT_PROMPT, { maxNewTokens: 4 });
        expect(plain.logprobs).toBeUndefined();
        const result = await engine.generate(CONTRACT_PROMPT, { maxNewTokens: 4, logprobs: true });
        expect(result.logprobs).toHaveLength(result.tokenIds.length);
        for (const logprob of result.logprobs ?? []) {
          expect(Number.isFinite(logprob)).toBe(true);
          expect(logprob).toBeLessThanOrEqual(0);
        }
        const chunks = await collect(engine, { maxNewTokens: 4, logprobs: true });
        expect(chunks.flatMap((c) => c.logprobs ?? [])).toEqual(result.logprobs);
      }));

    it('has a tokenizer that round-trips text in its languages, and a context window', () =>
      withEngine(async (engine) => {
        // An engine that declares its languages (the phrase model: English) owes the round trip in those only.
        const languages = engine.profile?.languages ?? ['en', 'zh'];
        const samples = [
          { lang: 'en', text: 'The fit is great, 10/10!' },
          { lang: 'zh', text: '质量很好，物流很快 👍' },
        ].filter((sample) => languages.includes(sample.lang));
        expect(samples.length).toBeGreaterThan(0);
        for (const { text } of samples) {
          expect(engine.tokenizer.decode(engine.tokenizer.encode(text))).toBe(text);
        }
        expect(Number.isInteger(engine.contextLength)).toBe(true);
        expect(engine.contextLength).toBeGreaterThan(0);
      }));
  });
}
