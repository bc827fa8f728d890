/**
 * Long text must not stall the page (issue 13, item 6): the prompt budget and the model
 * tokenize only the end of a long draft that can fit, whatever the draft's length, and the
 * draft clean-up runs in linear time. Bounds are counted in characters handed to the
 * tokenizer (deterministic), not in milliseconds; tools/bench/long-text-bench.ts measures time.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel, planReviewContinuation, type TextTokenizer } from '@cowrite/core';
import { trimTrailingSpaces } from '../../packages/core/src/prompting/tasks/review-continuation.ts';
import { FIXTURE_MODELS_DIR, ensureFixtures } from '../../tools/gpt2/make-fixtures.ts';
import { ScriptedEngine } from '@cowrite/core/testing';
import { gpt2Tokenizer } from './gpt2-test-tokenizer.ts';

let tokenizer: TextTokenizer;
// Replies with the same text to every prompt, tokenized with real GPT-2.
const scripted = (reply: string): ScriptedEngine => new ScriptedEngine({ tokenizer, fallback: reply });
beforeAll(async () => {
  tokenizer = await gpt2Tokenizer();
});

const SENTENCES = [
  'The jacket kept me dry on a long walk in the rain, and the hood stays put in the wind.',
  'Sizing runs a little large, so I would order one size down next time.',
  '质量很好，物流很快，包装也很结实。',
  'After three weeks of daily use the zip still runs smoothly.',
];
function draftOf(length: number): string {
  let text = '';
  for (let i = 0; text.length < length; i++) text += `${SENTENCES[i % SENTENCES.length]} `;
  return `${text.slice(0, length)}The hood is`;
}

/** A tokenizer that counts the characters it is asked to tokenize. */
function counting(inner: TextTokenizer): TextTokenizer & { chars: number } {
  const wrapped = {
    chars: 0,
    encode: (text: string) => ((wrapped.chars += text.length), inner.encode(text)),
    decode: (ids: readonly number[]) => inner.decode(ids),
  };
  return wrapped;
}

describe('the prompt budget on long drafts', () => {
  it('tokenizes a bounded amount of text per keystroke, however long the draft', () => {
    const charsFor = (length: number) => {
      const tk = counting(tokenizer);
      const plan = planReviewContinuation(new ScriptedEngine({ tokenizer: tk }), { draft: draftOf(length), rating: 4 });
      expect(plan.prompt.endsWith('The hood is')).toBe(true);
      expect(tokenizer.encode(plan.prompt).length + plan.budget.maxNewTokens).toBeLessThanOrEqual(1024);
      return tk.chars;
    };
    const at60k = charsFor(60_000);
    const at600k = charsFor(600_000);
    // A 1024-token window holds ~5,000 characters of this text: a few passes over that, not over the draft.
    expect(at60k).toBeLessThan(30_000);
    expect(at600k).toBeLessThan(30_000);
  });

  it('keeps what a whole-text budget keeps: the kept draft is the end of the draft, and the cut is reported', () => {
    const draft = draftOf(60_000);
    const plan = planReviewContinuation(scripted(''), { draft, rating: 4 });
    const cut = plan.budget.truncatedFields[0];
    expect(cut.originalChars).toBe(draft.length);
    const kept = draft.slice(draft.length - cut.keptChars);
    expect(cut.removedText + kept).toBe(draft);
    expect(plan.prompt.endsWith(kept)).toBe(true);
    // Tight: nearly the whole window is used.
    expect(plan.budget.promptTokens).toBeGreaterThan(1024 - plan.budget.maxNewTokens - 24);
  });
});

describe('a model given a huge prompt', () => {
  it('tokenizes only the end that fits, and keeps exactly the tokens a whole-text tokenization keeps', async () => {
    await ensureFixtures();
    const model = await loadModel({ source: join(FIXTURE_MODELS_DIR, 'tiny-gpt2') });
    const prompt = draftOf(200_000);
    const whole = model.tokenizer.encode(prompt);
    let chars = 0;
    const encode = model.tokenizer.encode.bind(model.tokenizer);
    model.tokenizer.encode = (text: string) => ((chars += text.length), encode(text));
    const fromText = await model.generate(prompt, { maxNewTokens: 4 });
    expect(chars).toBeLessThan(20_000);
    // The same tokens as the whole text's last 1020: greedy output from those ids matches.
    const fromIds = await model.generate(whole.slice(whole.length - 1020), { maxNewTokens: 4 });
    expect(fromText.tokenIds).toEqual(fromIds.tokenIds);
    expect(fromText.promptTokens).toBe(1020);
    expect(fromText.context.promptTokensDroppedEstimated).toBe(true);
    expect(Math.abs(fromText.context.promptTokensDropped - (whole.length - 1020)) / whole.length).toBeLessThan(0.02);
    await model.dispose();
  });
});

describe('trailing-space trim', () => {
  it('drops trailing spaces and tabs only', () => {
    expect(trimTrailingSpaces('Great fit \t ')).toBe('Great fit');
    expect(trimTrailingSpaces('Great fit\n')).toBe('Great fit\n');
    expect(trimTrailingSpaces('   ')).toBe('');
    expect(trimTrailingSpaces('ok')).toBe('ok');
  });

  it('runs in linear time on its own trigger characters (a quadratic regex would not finish)', () => {
    const draft = `${' '.repeat(200_000)}x`;
    const plan = planReviewContinuation(scripted(''), { draft, rating: 4 });
    expect(plan.prompt.endsWith('x')).toBe(true);
    expect(trimTrailingSpaces(`${' \t'.repeat(100_000)}x${' '.repeat(10)}`)).toHaveLength(200_001);
  });
});
