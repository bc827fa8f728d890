/**
 * "Help me write" on the offline phrase model: the chosen topics, the product and the rating reach it
 * as the first words of each sentence (packages/core/src/prompting/tasks/review-starter.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPhraseModel, streamReviewContinuation, writeReviewContinuation } from '@cowrite/core';
import type { PhraseModel, TextTokenizer } from '@cowrite/core';
import { ScriptedEngine } from '@cowrite/core/testing';
import { reviewStarter } from '../../packages/core/src/prompting/tasks/review-starter.ts';
import { gpt2Tokenizer } from './gpt2-test-tokenizer.ts';

const jacket = 'Ridgeline Insulated Jacket';
const start = (draft: string, topics: string[], rating?: number, product: string | undefined = jacket) => reviewStarter({ draft, topics, product, rating });

describe('reviewStarter', () => {
  it('opens on the first chosen topic, with the product\'s noun', () => {
    expect(start('', ['quality', 'fit'])).toBe('The quality of this jacket is');
    expect(start('', ['comfort'], undefined, 'Trail Hoodie')).toBe('This hoodie is very comfortable and');
    // A plural would break the opener's grammar ("this shoes is").
    expect(start('', ['comfort'], undefined, 'Trail Runner 2 Shoes')).toBe('This product is very comfortable and');
    expect(start('', ['fit'], undefined, 'Wool Dress')).toBe('The fit is');
    expect(start('', ['quality'], undefined, 'Wool Dress')).toBe('The quality of this dress is');
    expect(start('', ['quality'], undefined, 'X-200')).toBe('The quality of this product is');
  });

  it('leans the way the rating does', () => {
    expect(start('', ['fit'], 5)).toBe('The fit is');
    expect(start('', ['fit'], 3)).toBe('The fit is okay, but');
    expect(start('', ['fit'], 1)).toBe('The fit is not');
    expect(start('', [], 2)).toBe('I am disappointed with this jacket, it');
  });

  it('moves on to the next topic the draft does not cover yet, then closes', () => {
    expect(start('The fit is true to size.', ['fit', 'value'])).toBe('For the price, this jacket is');
    expect(start('True to size. Great price!', ['fit', 'value'], 1)).toBe('Overall, I would not');
  });

  it("names a page's own topic as its chip does", () => {
    expect(start('', ['battery'])).toBe('The battery is');
    expect(start('', ['Battery'], 2)).toBe('The battery is not');
  });

  it('starts nothing in the middle of a sentence: the draft goes on as it is', () => {
    expect(start('The hood is', ['fit'])).toBeUndefined();
  });
});

describe('"help me write" on the phrase model', () => {
  let phrases: PhraseModel;
  let tokenizer: TextTokenizer;
  beforeAll(async () => {
    phrases = await loadPhraseModel();
    tokenizer = await gpt2Tokenizer();
  });

  it('writes a sentence on the chosen topic about the product, streamed deltas adding up to the result', async () => {
    let streamed = '';
    let insertText = '';
    const input = { draft: '', mode: 'compose' as const, topics: ['quality'], product: jacket };
    for await (const event of streamReviewContinuation(phrases, input, { generation: { seed: 4 } })) {
      if (event.type === 'delta') streamed += event.text;
      else insertText = event.result.insertText;
    }
    expect(insertText.startsWith('The quality of this jacket is ')).toBe(true);
    expect(insertText.length).toBeGreaterThan('The quality of this jacket is '.length + 2);
    expect(streamed).toBe(insertText);
  });

  it('after a finished sentence, starts the next one with a space', async () => {
    const result = await writeReviewContinuation(phrases, { draft: 'The fit is true to size.', mode: 'compose', topics: ['fit', 'shipping'], rating: 5 }, { generation: { seed: 2 } });
    expect(result.insertText.startsWith(' Shipping was fast and ')).toBe(true);
  });

  it('leaves GPT-2 (which reads the topics in its prompt) without a starter', async () => {
    const engine = new ScriptedEngine({ tokenizer, fallback: ' It fits well and arrived early.' });
    const result = await writeReviewContinuation(engine, { draft: '', mode: 'compose', topics: ['quality'], product: jacket });
    expect(result.insertText).toBe('It fits well and arrived early.');
  });
});

describe('the review cache and line-start words', () => {
  it('never glues a line-start word ("Shipping") to the word before it mid-sentence', async () => {
    const phrases = await loadPhraseModel();
    for (let seed = 1; seed <= 40; seed++) {
      const { text } = await phrases.generate('Shipping was slow and', { doSample: true, temperature: 1, maxNewTokens: 24, seed });
      expect(text, `seed ${seed}`).not.toMatch(/\S(Shipping)/);
    }
  });
});
