import { beforeAll, describe, expect, it } from 'vitest';
import { PromptingError, streamSharePost, writeSharePost } from '@cowrite/core';
import type { TextTokenizer } from '@cowrite/core';
import { ScriptedEngine } from '@cowrite/core/testing';
import { gpt2Tokenizer } from './gpt2-test-tokenizer.ts';

let tokenizer: TextTokenizer;
// Replies with the same text to every prompt, tokenized with real GPT-2.
const scripted = (reply: string): ScriptedEngine => new ScriptedEngine({ tokenizer, fallback: reply });
beforeAll(async () => {
  tokenizer = await gpt2Tokenizer();
});

const input = {
  review: 'Warm and soft.\nThe cuff folds up nicely and it kept my ears warm on the bike.',
  product: 'Cloud Knit Beanie',
  facts: ['double-layer knit', 'merino wool'],
};

describe('share post', () => {
  it("builds the prompt from the shopper's review and the product facts, on one line each", async () => {
    const engine = scripted(' My new winter favourite: the Cloud Knit Beanie. Soft merino that kept my ears warm on the bike.\n\nProduct: x');
    const r = await writeSharePost(engine, input);
    expect(r.task).toBe('sharePost');
    expect(r.lang).toBe('en');
    expect(r.prompt.endsWith('Product: Cloud Knit Beanie\nFacts: double-layer knit, merino wool\nMy review: Warm and soft. The cuff folds up nicely and it kept my ears warm on the bike.\nMy post:')).toBe(true);
    expect(r.text).toBe('My new winter favourite: the Cloud Knit Beanie. Soft merino that kept my ears warm on the bike.');
    expect(engine.calls[0].options).toMatchObject({ maxNewTokens: 70, doSample: true, stop: expect.arrayContaining(['\n\n', '\nMy review:']) });
  });

  it('redacts personal data and flags claims, with offsets into the post', async () => {
    const engine = scripted(' The best beanie ever made. Ask me at jo@mail.example for the code. Extra words');
    const r = await writeSharePost(engine, input, { generation: { maxNewTokens: 30 } });
    expect(r.text).toBe('The best beanie ever made. Ask me at [email] for the code.');
    expect(r.guard.findings.map((f) => f.category).sort()).toEqual(['claim', 'pii']);
    for (const f of r.guard.findings) expect(r.text.slice(f.start, f.end)).toBe(f.match);
  });

  it('streams deltas whose concatenation is the result; zh picks the zh template; short is shorter', async () => {
    const engine = scripted('冬天骑车也不冷。软软的羊毛帽子。');
    const deltas: string[] = [];
    let text = '';
    for await (const event of streamSharePost(engine, { review: '很暖和，骑车时耳朵不冷。', product: '云朵针织帽', length: 'short' })) {
      if (event.type === 'delta') deltas.push(event.text);
      else text = event.result.text;
    }
    expect(deltas.join('')).toBe(text);
    expect(text.length).toBeGreaterThan(0);
    expect(engine.calls[0].prompt).toContain('我的评价：很暖和，骑车时耳朵不冷。\n我的分享：');
    expect(engine.calls[0].options.maxNewTokens).toBe(40);
  });

  it('typed errors for bad input', async () => {
    const engine = scripted('');
    const bad: [unknown, string, string?][] = [
      [{}, 'MISSING_FIELD', 'review'],
      [{ review: '  ' }, 'MISSING_FIELD', 'review'],
      [{ review: 'ok', facts: [3] }, 'INVALID_INPUT', 'facts'],
      [{ review: 'ok', length: 'long' }, 'INVALID_INPUT', 'length'],
    ];
    for (const [value, code, field] of bad) {
      const call = writeSharePost(engine, value as never);
      await expect(call).rejects.toThrow(PromptingError);
      await expect(call).rejects.toMatchObject({ code, field });
    }
  });
});

describe('share post facts', () => {
  it('checks the post against the product facts it was given', async () => {
    const reply = ' Love my new jacket: 100% cashmere and so warm!\n';
    const review = 'Warm and light, great for the commute.';
    const checked = await writeSharePost(new ScriptedEngine({ tokenizer, fallback: reply }), { review, product: 'Alpine jacket', facts: ['70% wool', '30% nylon'] });
    const claims = checked.guard.findings.filter((f) => f.rule?.startsWith('claim.facts'));
    expect(claims.length).toBeGreaterThan(0);
    expect(claims.map((f) => checked.text.slice(f.start, f.end)).join(' ')).toMatch(/100%|cashmere/);
    // Without product data there is nothing to check against: the same post gets no facts finding.
    const unchecked = await writeSharePost(new ScriptedEngine({ tokenizer, fallback: reply }), { review });
    expect(unchecked.guard.findings.filter((f) => f.rule?.startsWith('claim.facts'))).toEqual([]);
  });
});
