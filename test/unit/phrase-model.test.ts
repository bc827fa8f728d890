/**
 * The shipped review phrase model (packages/core/models/review-phrases-en.cwpm, committed: no
 * ../shared needed). Language-knowledge checks fail for a model without it (random or empty
 * counts); interface checks hold it to the same contract as GPT-2.
 */
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { CowriteError, REVIEW_PHRASES_EN_URL, writeIdeaRefinement, writeMarketingCopy, writeProductDescription, writeReviewContinuation, writeSharePost, writeUserStory, isAbortError, loadPhraseModel, planReviewContinuation, streamGhostText, streamReviewContinuation } from '@cowrite/core';
import type { GenerationChunk, PhraseModel, TextGenerator } from '@cowrite/core';

let model: PhraseModel;

beforeAll(async () => {
  model = await loadPhraseModel();
});

/** Review sentences written for this test. */
const SENTENCES = [
  'The battery life is great and it charges quickly.',
  'I love this dress, it fits perfectly and the color is beautiful.',
  'The sound quality is good for the price.',
  'Would not recommend this product to anyone.',
  'It arrived on time and works as expected.',
  'Very comfortable to wear all day.',
];

/** The same words in a fixed scrambled order (reversed, then every other word first). */
function shuffled(sentence: string): string {
  const words = sentence.replace(/[.,]/g, '').split(' ').reverse();
  return [...words.filter((_, i) => i % 2 === 0), ...words.filter((_, i) => i % 2 === 1)].join(' ') + '.';
}

describe('review phrase model: language knowledge', () => {
  it('declares English, a calibrated ghost threshold and word completion', () => {
    expect(model.profile.kind).toBe('phrase');
    expect(model.profile.languages).toEqual(['en']);
    expect(model.profile.completesWords).toBe(true);
    expect(model.profile.minConfidence).toBeGreaterThan(0);
    expect(model.profile.minConfidence).toBeLessThan(1);
    expect(model.header.card.heldOutSources.length).toBeGreaterThan(0);
  });

  it('continues "The battery life is" with an English word a shopper would write', async () => {
    const result = await model.generate('The battery life is', { maxNewTokens: 3 });
    const first = result.text.trim().split(/[\s.,!]+/)[0]?.toLowerCase();
    const plausible = ['good', 'great', 'excellent', 'amazing', 'awesome', 'very', 'not', 'ok', 'okay', 'decent', 'average', 'poor', 'bad', 'really', 'so', 'too', 'also', 'pretty', 'just', 'fine', 'long', 'short', 'superb', 'outstanding', 'fantastic', 'about', 'much', 'quite', 'extremely', 'nice', 'impressive', 'terrible', 'less', 'more', 'only', 'around', 'still', 'better', 'the', 'a', 'incredible', 'awful'];
    expect(plausible).toContain(first);
  });

  it('scores each written review sentence above the same words shuffled', () => {
    for (const sentence of SENTENCES) {
      const real = model.score(sentence);
      const scrambled = model.score(shuffled(sentence));
      expect(real.unknown).toBe(0);
      expect(real.logProb, sentence).toBeGreaterThan(scrambled.logProb + 5);
    }
  });

  it('completes an unfinished word instead of guessing the next one', async () => {
    const result = await model.generate('This jacket is so comf', { maxNewTokens: 2 });
    expect(`comf${result.text}`).toMatch(/^comfortabl/);
  });

  it('reads a trailing space as a finished word: the next piece is a word, spelt without a second space', async () => {
    const finished = await model.generate('The battery life is ', { maxNewTokens: 1 });
    expect(finished.text).toMatch(/^[a-z]+$/i);
  });

  it('after a space suggests a new word, never punctuation that would follow the last word', async () => {
    // Marks like "," are pieces without a leading space: after a typed space they cannot come next.
    for (const draft of ['They honestly ', 'It was double screened ', 'Works great ', 'Fits well ']) {
      const result = await writeReviewContinuation(model, { draft, mode: 'ghost' });
      expect(result.insertText, draft).toMatch(/^[\p{L}\p{N}]/u);
    }
  });

  it('starts a new sentence with a capital letter, and writes "I" for the pronoun', async () => {
    // The training mix has many all-lower-case reviews ("i love it"): the case folds spell them as most shoppers do.
    for (const draft of ['so comfortable. ', 'it works well. ', 'Love it! ']) {
      const result = await writeReviewContinuation(model, { draft, mode: 'ghost' });
      expect(result.insertText, draft).toMatch(/^\p{Lu}/u);
    }
    const free = await model.generate('so comfortable. I love it and', { maxNewTokens: 12 });
    expect(free.text).not.toMatch(/ i(?:'[a-z]+)? /);
  });

  it('declares a next-word threshold of its own (guessing a word is harder than completing one)', () => {
    expect(model.profile.minConfidenceNextWord).toBeGreaterThan(0);
    expect(model.profile.minConfidenceNextWord).toBeLessThan(1);
  });

  it('conditions on the current line after its field label, as in Cowrite templates', async () => {
    const inTemplate = await model.generate('Verified customer reviews\nReview: The sound quality', { maxNewTokens: 4 });
    const bare = await model.generate('The sound quality', { maxNewTokens: 4 });
    expect(inTemplate.text).toBe(bare.text);
  });

  it('gives ghost text with a confidence through the review-continuation task', async () => {
    const result = await writeReviewContinuation(model, { draft: 'I bought this for my daugh', mode: 'ghost' });
    expect(result.insertText.startsWith('ter')).toBe(true);
    expect(result.confidence).toBeGreaterThan(0.1);
  });
});

describe('"help me write" offline', () => {
  it('starts a review from an empty draft: the query keeps its "Review:" line and the model writes words', async () => {
    const input = { draft: '', topics: ['fit', 'quality'], mode: 'compose' as const };
    expect(planReviewContinuation(model, input).prompt.endsWith('\nReview:')).toBe(true);
    let text = '';
    for await (const event of streamReviewContinuation(model, input, { generation: { seed: 3 } })) if (event.type === 'delta') text += event.text;
    expect(text.split(/\s+/).filter((w) => /^[a-z']+[.,!]?$/i.test(w)).length).toBeGreaterThan(4);
  });
});

describe('streamGhostText (the composer\'s ghost-text path)', () => {
  it('grows word by word, every update whole words, and ends where writeReviewContinuation ends', async () => {
    const draft = 'I would highly ';
    const updates: string[] = [];
    const stream = streamGhostText(model, { draft });
    let final;
    for (;;) {
      const step = await stream.next();
      if (step.done) {
        final = step.value;
        break;
      }
      updates.push(step.value.insertText);
    }
    const plain = await writeReviewContinuation(model, { draft, mode: 'ghost' });
    expect(final.insertText).toBe(plain.insertText);
    expect(final.confidence).toBeCloseTo(plain.confidence ?? Number.NaN, 6);
    expect(updates.length).toBeGreaterThan(1);
    for (let i = 1; i < updates.length; i++) expect(updates[i]?.startsWith(updates[i - 1] as string)).toBe(true);
    // No update ends inside a word of the final text.
    for (const update of updates) expect(/[\p{L}\p{N}]/u.test(final.insertText[update.length] ?? ' ')).toBe(false);
  });
});

describe('ghost text length by confidence', () => {
  it('stops growing once the whole suggestion is less likely than the model says (minExtensionConfidence)', async () => {
    const limit = model.profile.minExtensionConfidence;
    expect(limit).toBeGreaterThan(0);
    const draft = 'The sound quality is ';
    const short = await writeReviewContinuation(model, { draft, mode: 'ghost' });
    const profile = model.profile as { minExtensionConfidence?: number };
    delete profile.minExtensionConfidence;
    try {
      const long = await writeReviewContinuation(model, { draft, mode: 'ghost' });
      // Without the rule the suggestion runs on; with it, it is a prefix of that run, as likely as the limit allows.
      expect(long.insertText.length).toBeGreaterThan(short.insertText.length);
      expect(long.insertText.startsWith(short.insertText)).toBe(true);
    } finally {
      profile.minExtensionConfidence = limit;
    }
    const joint = Math.exp((short.generation.logprobs ?? []).reduce((sum, lp) => sum + lp, 0));
    expect(joint).toBeGreaterThanOrEqual(limit as number);
  });
});

describe('review phrase model: the engine interface', () => {
  it('streams chunks whose text and ids add up to the result, with one log-probability per id', async () => {
    const chunks: GenerationChunk[] = [];
    const stream = model.stream('The sound quality is', { maxNewTokens: 6, logprobs: true });
    let result;
    for (;;) {
      const step = await stream.next();
      if (step.done) {
        result = step.value;
        break;
      }
      chunks.push(step.value);
    }
    expect(chunks.map((c) => c.text).join('')).toBe(result.text);
    expect(chunks.flatMap((c) => c.tokenIds)).toEqual(result.tokenIds);
    expect(result.logprobs).toHaveLength(result.tokenIds.length);
    for (const lp of result.logprobs ?? []) expect(lp).toBeLessThanOrEqual(0);
    expect(chunks.at(-1)?.finishReason).toBe(result.finishReason);
  });

  it('greedy decoding is deterministic and sampling repeats with a seed', async () => {
    const a = await model.generate('I would recommend', { maxNewTokens: 8 });
    const b = await model.generate('I would recommend', { maxNewTokens: 8 });
    expect(a.text).toBe(b.text);
    const s1 = await model.generate('Review:', { maxNewTokens: 20, doSample: true, seed: 42, temperature: 0.9 });
    const s2 = await model.generate('Review:', { maxNewTokens: 20, doSample: true, seed: 42, temperature: 0.9 });
    expect(s1.text).toBe(s2.text);
    expect(s1.text.trim().length).toBeGreaterThan(0);
  });

  it('stops at a stop string, leaving it out of the text', async () => {
    const free = await model.generate('This dress is', { maxNewTokens: 15 });
    const word = free.text.trim().split(' ')[1];
    expect(word).toBeTruthy();
    const stopped = await model.generate('This dress is', { maxNewTokens: 15, stop: [` ${word as string}`] });
    expect(stopped.finishReason).toBe('stop');
    expect(stopped.text).toBe(free.text.slice(0, free.text.indexOf(` ${word as string}`)));
  });

  it('rejects with AbortError when the signal aborts, before or during generation', async () => {
    const before = new AbortController();
    before.abort();
    await expect(model.generate('The fit is', { signal: before.signal })).rejects.toSatisfy(isAbortError);
    const during = new AbortController();
    const stream = model.stream('The fit is', { maxNewTokens: 20, signal: during.signal });
    await stream.next();
    during.abort();
    await expect((async () => {
      for await (const _ of stream) void _;
    })()).rejects.toSatisfy(isAbortError);
  });

  it('accepts token ids as a prompt and rejects ids outside the vocabulary', async () => {
    const ids = model.tokenizer.encode('The sound quality is');
    const fromIds = await model.generate(ids, { maxNewTokens: 4 });
    // A text prompt ending in a letter may be an unfinished word; the trailing space says it is not
    // (and is already typed, so the text prompt's continuation starts without one).
    const fromText = await model.generate('The sound quality is ', { maxNewTokens: 4 });
    expect(fromIds.text).toBe(` ${fromText.text}`);
    await expect(model.generate([10_000_000])).rejects.toBeInstanceOf(CowriteError);
  });

  it('loads from bytes, gzip-compressed or not, and refuses a file that is not a phrase model', async () => {
    const path = fileURLToPath(REVIEW_PHRASES_EN_URL);
    const gz = readFileSync(path);
    const again = await loadPhraseModel({ bytes: gz });
    expect(again.header.levelSizes).toEqual(model.header.levelSizes);
    await expect(loadPhraseModel({ bytes: gzipSync(Buffer.from('not a model at all')) })).rejects.toMatchObject({ code: 'MODEL_CORRUPT' });
  });
});

describe('tasks a phrase model cannot write', () => {
  it('rejects product copy, share posts, user stories and idea rewrites with ENGINE_UNSUITED, before generating', async () => {
    const calls: string[] = [];
    const watched: TextGenerator = {
      tokenizer: model.tokenizer,
      contextLength: model.contextLength,
      profile: model.profile,
      generate: (prompt, options) => {
        calls.push('generate');
        return model.generate(prompt, options);
      },
      stream: (prompt, options) => {
        calls.push('stream');
        return model.stream(prompt, options);
      },
    };
    const product = { name: 'Ridgeline Insulated Jacket', materials: 'recycled nylon' };
    const attempts = [
      () => writeProductDescription(watched, product),
      () => writeMarketingCopy(watched, { kind: 'headline', name: product.name }),
      () => writeSharePost(watched, { review: 'Warm and light, the hood stays up.' }),
      () => writeUserStory(watched, { review: 'The zip sticks when it is cold.', product: product.name }),
      () => writeIdeaRefinement(watched, { idea: 'A hood that packs into the collar' }),
    ];
    for (const attempt of attempts) {
      await expect(attempt()).rejects.toMatchObject({ name: 'PromptingError', code: 'ENGINE_UNSUITED' });
    }
    expect(calls).toEqual([]);
    // Reviews stay its job.
    await expect(writeReviewContinuation(watched, { draft: 'The battery life is ' })).resolves.toMatchObject({ task: 'reviewContinuation' });
  });
});
