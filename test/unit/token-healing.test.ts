/**
 * Token healing with the real GPT-2 tokenizer: which tokens come off the prompt, which may come next,
 * and the decoding loop with a session that would rather say something else.
 */
import { describe, expect, it } from 'vitest';
import { Gpt2Tokenizer } from '../../packages/core/src/tokenizer/gpt2-tokenizer.ts';
import { generationLoop } from '../../packages/core/src/generate/generation-loop.ts';
import { resolveGeneration } from '../../packages/core/src/generate/resolve-options.ts';
import { HealingConstraint, PrefixStripper, healPrompt, textsOf } from '../../packages/core/src/generate/token-healing.ts';
import type { GenerationOptions, GenerationResult } from '../../packages/core/src/contracts/generation.ts';
import type { DecodingSession } from '../../packages/core/src/contracts/decoding-session.ts';
import { planReviewContinuation } from '../../packages/core/src/prompting/tasks/review-continuation.ts';
import { ScriptedEngine } from '../../packages/core/src/testing/scripted-engine.ts';
import { buildGpt2TokenizerFiles } from '../../tools/gpt2/tokenizer-files.ts';

const files = await buildGpt2TokenizerFiles();
const tokenizer = new Gpt2Tokenizer(JSON.parse(files['tokenizer.json']), JSON.parse(files['tokenizer_config.json']));
const VOCAB = 50257;
const texts = textsOf(tokenizer, VOCAB);
const id = (text: string): number => {
  const ids = tokenizer.encode(text);
  expect(ids).toHaveLength(1);
  return ids[0];
};

describe('which tokens are healed', () => {
  it('takes the whole unfinished word off the prompt, back to the token that starts it', () => {
    const ids = tokenizer.encode('The fabric is so comf'); // … " so", " com", "f"
    const healed = healPrompt(ids, texts);
    expect(healed?.prefix).toBe(' comf');
    expect(tokenizer.decode([...(healed?.promptIds ?? [])])).toBe('The fabric is so');
  });

  it('heals nothing after a space or a mark, nor a prompt that is one word', () => {
    expect(healPrompt(tokenizer.encode('The fabric is so soft.'), texts)).toBeUndefined();
    expect(healPrompt(tokenizer.encode('Love it!'), texts)).toBeUndefined();
    expect(healPrompt(tokenizer.encode('Comf'), texts)).toBeUndefined();
  });

  it('lets only tokens through that spell the word on, until it is spelled out', () => {
    const constraint = new HealingConstraint(' comf', texts);
    const scores = new Float32Array(VOCAB);
    constraint.mask(scores);
    const allowed = [...scores.keys()].filter((k) => scores[k] > Number.NEGATIVE_INFINITY).map((k) => texts[k]);
    expect(allowed).toContain(' comfortable');
    expect(allowed).toContain(' com');
    expect(allowed).not.toContain(' fabric');
    expect(allowed.every((t) => t.startsWith(' comf') || ' comf'.startsWith(t))).toBe(true);
    constraint.accept(id(' com'));
    expect(constraint.active).toBe(true);
    constraint.accept(id('fy'));
    expect(constraint.active).toBe(false);
  });

  it('takes the healed text off the output, also when it comes in pieces', () => {
    const stripper = new PrefixStripper(' comf');
    expect([' com', 'fortable', ' and'].map((d) => stripper.strip(d))).toEqual(['', 'ortable', ' and']);
  });
});

/** A session that favours " fabric" everywhere, and " comfortable" a little less; it records the prompt it got. */
function session(seen: number[][]): DecodingSession {
  const logits = (): Float32Array => {
    const scores = new Float32Array(VOCAB).fill(-5);
    scores[id(' fabric')] = 5;
    scores[id(' comfortable')] = 3;
    scores[id(' and')] = 4;
    return scores;
  };
  return {
    start: async (ids: readonly number[]) => (seen.push([...ids]), logits()),
    advance: async () => logits(),
    finish: () => undefined,
  } as unknown as DecodingSession;
}

async function generate(prompt: string, options: GenerationOptions): Promise<{ result: GenerationResult; prompt: number[] }> {
  const seen: number[][] = [];
  const settings = resolveGeneration(options, { vocabSize: VOCAB, contextLength: 1024, eosTokenIds: [50256], generationDefaults: {} });
  const loop = generationLoop(session(seen), tokenizer, { promptIds: tokenizer.encode(prompt), context: { promptTokensDropped: 0, maxNewTokens: settings.maxNewTokens }, settings, vocabSize: VOCAB });
  for (;;) {
    const step = await loop.next();
    if (step.done) return { result: step.value, prompt: seen[0] };
  }
}

describe('the decoding loop with tokenHealing', () => {
  it('completes the word the prompt ends in, and returns only the new letters', async () => {
    const { result, prompt } = await generate('The fabric is so comf', { maxNewTokens: 2, tokenHealing: true, logprobs: true });
    expect(tokenizer.decode(prompt)).toBe('The fabric is so');
    expect(result.tokenIds[0]).toBe(id(' comfortable'));
    expect(result.text).toBe('ortable fabric');
    // Its probability is the model's own over the whole vocabulary, not its share of the few tokens that fit
    // (that share is > 0.99 here): e^3 / (e^5 + e^4 + e^3 + 50,254 e^-5).
    const expected = Math.exp(3) / (Math.exp(5) + Math.exp(4) + Math.exp(3) + (VOCAB - 3) * Math.exp(-5));
    expect(Math.exp(result.logprobs![0])).toBeCloseTo(expected, 4);
    expect(result.promptTokens).toBe(tokenizer.encode('The fabric is so comf').length);
  });

  it('without it, the model continues the odd split', async () => {
    const { result, prompt } = await generate('The fabric is so comf', { maxNewTokens: 2, logprobs: true });
    expect(tokenizer.decode(prompt)).toBe('The fabric is so comf');
    expect(result.text).toBe(' fabric fabric');
  });

  it('changes nothing when the prompt ends in a mark', async () => {
    const healed = await generate('So soft.', { maxNewTokens: 2, tokenHealing: true });
    const plain = await generate('So soft.', { maxNewTokens: 2 });
    expect(healed.result.text).toBe(plain.result.text);
    expect(healed.prompt).toEqual(plain.prompt);
  });

  it('rejects a tokenHealing that is not a boolean', () => {
    expect(() => resolveGeneration({ tokenHealing: 'yes' as unknown as boolean }, { vocabSize: VOCAB, contextLength: 1024, eosTokenIds: [50256], generationDefaults: {} })).toThrow(/tokenHealing must be a boolean/);
  });
});

describe('ghost text asks for healing only inside a word', () => {
  const engine = new ScriptedEngine({ tokenizer });
  const healing = (draft: string) => planReviewContinuation(engine, { draft }).generation.tokenHealing === true;

  it('heals "so comf", not "so comfy " (the shopper wants the next word) nor "so comfy."', () => {
    expect(healing('The fabric is so comf')).toBe(true);
    expect(healing('The fabric is so comfy ')).toBe(false);
    expect(healing('The fabric is so comfy.')).toBe(false);
  });

  it('leaves a generator that completes words itself (the phrase model) alone', () => {
    const completes = new ScriptedEngine({ tokenizer });
    Object.defineProperty(completes, 'profile', { value: { kind: 'phrase', name: 'test', completesWords: true } });
    expect(planReviewContinuation(completes, { draft: 'The fabric is so comf' }).generation.tokenHealing).toBeUndefined();
  });
});

describe("the GPT-2 tokenizer's token table", () => {
  it('gives every token the text decode([id]) gives it', () => {
    const table = tokenizer.tokenTexts();
    expect(table).toHaveLength(VOCAB);
    let differing = 0;
    for (let k = 0; k < VOCAB; k++) if (table[k] !== tokenizer.decode([k])) differing++;
    expect(differing).toBe(0);
  });
});
