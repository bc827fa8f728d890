/**
 * Phrase models for languages written without spaces (Chinese): each character is a word piece, so
 * the model is a character n-gram. Built here from sentences written for this test with the same
 * steps as `pnpm build:phrase-model --lang zh` (word pieces → counts → Kneser–Ney → packed file).
 */
import { describe, expect, it } from 'vitest';
import { loadPhraseModel, streamGhostText } from '@cowrite/core';
import type { PhraseModel } from '@cowrite/core';
import { BOUNDARY_ID } from '../../packages/core/src/phrase/packed-format.ts';
import { splitWordPieces } from '../../packages/core/src/phrase/word-pieces.ts';
import { kneserNey } from '../../tools/phrase/estimate.ts';
import { NgramCounts } from '../../tools/phrase/ngram-counts.ts';
import { packModel } from '../../tools/phrase/pack-model.ts';
import { acceptedLength, emptyTotals, replayReview } from '../../tools/bench/cowriting/replay.ts';

const REVIEWS = [
  '物流很快，包装也很好。',
  '物流很快，第二天就到了。',
  '物流很快，衣服质量不错。',
  '质量不错，穿着很暖和。',
  '质量不错，颜色也好看。',
  '穿着很暖和，冬天也不冷。',
  '尺码合适，穿着很舒服。',
  '客服态度很好，回复很及时。',
  '颜色好看，和图片一样。',
  '性价比很高，推荐购买。',
];

async function buildModel(reviews: readonly string[]): Promise<PhraseModel> {
  const vocab = ['\n', ''];
  const ids = new Map<string, number>();
  const lines = reviews.map((review) =>
    splitWordPieces(review).map((piece) => {
      let id = ids.get(piece);
      if (id === undefined) {
        id = vocab.length;
        ids.set(piece, id);
        vocab.push(piece);
      }
      return id;
    }),
  );
  const counts = new NgramCounts(4, vocab.length);
  for (const line of lines) counts.addLine(Int32Array.from([BOUNDARY_ID, ...line, BOUNDARY_ID]));
  counts.linkSuffixes();
  const estimate = kneserNey(counts, [1, 1, 1]);
  const { bytes } = packModel(counts, estimate, vocab, {
    format: 'cowrite-phrase-model',
    name: 'test-phrases-zh',
    languages: ['zh'],
    order: 4,
    ghost: { minConfidence: 0.2, minExtensionConfidence: 0.01, calibration: 'test' },
    card: { smoothing: 'Kneser–Ney', trainingSources: ['written for this test'], heldOutSources: [], licences: 'ours', tokens: 0, reviews: reviews.length },
  });
  return loadPhraseModel({ bytes });
}

async function ghost(model: PhraseModel, draft: string): Promise<{ insertText: string; confidence?: number }> {
  const updates = streamGhostText(model, { draft });
  for (;;) {
    const step = await updates.next();
    if (step.done) return step.value;
  }
}

describe('word pieces of text written without spaces', () => {
  it('makes each Chinese character a piece, keeps Latin words whole and punctuation apart', () => {
    expect(splitWordPieces('物流很快，iPhone很好！')).toEqual(['物', '流', '很', '快', '，', 'iPhone', '很', '好', '！']);
    expect(splitWordPieces('很好 good')).toEqual(['很', '好', ' good']);
  });

  it('leaves English pieces as they were', () => {
    expect(splitWordPieces("It's great, isn't it?")).toEqual(['It\'s', ' great', ',', " isn't", ' it', '?']);
  });
});

describe('a Chinese phrase model', () => {
  it('declares Chinese and continues a draft with the characters its reviews wrote next', async () => {
    const model = await buildModel(REVIEWS);
    expect(model.profile.languages).toEqual(['zh']);
    const result = await ghost(model, '这家店的物流');
    expect(result.insertText.startsWith('很快')).toBe(true);
  });

  it('treats a typed character as finished: the suggestion never repeats or completes it', async () => {
    const model = await buildModel(REVIEWS);
    const result = await ghost(model, '这件衣服质量');
    expect(result.insertText.startsWith('不错')).toBe(true);
  });

  it("judges a suggestion by its first character's probability, as English by its first word", async () => {
    const model = await buildModel(REVIEWS);
    const draft = '这家店的物流';
    const shown = await ghost(model, draft);
    const { text, logprobs = [] } = await model.generate(draft, { maxNewTokens: 2, doSample: false, logprobs: true });
    expect(shown.insertText.startsWith(text)).toBe(true);
    const [first = 0, second = 0] = logprobs;
    // The review's word cache nudges the ghost path's numbers a little; a two-character score would be 9× smaller.
    expect(shown.confidence).toBeCloseTo(Math.exp(first), 1);
    expect(shown.confidence ?? 0).toBeGreaterThan(3 * Math.exp(first + second));
  });

  it('scores a written review above the same characters shuffled', async () => {
    const model = await buildModel(REVIEWS);
    const review = '物流很快，质量不错。';
    const shuffled = '快不，物。质很错量流';
    expect(model.score(review).logProb).toBeGreaterThan(model.score(shuffled).logProb);
  });
});

describe('the co-writing replay in Chinese', () => {
  it('accepts whole characters: a suggestion that matches the first ones is taken up to where it differs', () => {
    expect(acceptedLength('很快，包装', '很快，第二天', 0)).toBe('很快，'.length);
    expect(acceptedLength('不错', '不好', 0)).toBe('不'.length);
  });

  it('looks after each word the input method commits, not after every character', async () => {
    const looks: string[] = [];
    await replayReview('物流很快，质量不错', async (draft) => {
      looks.push(draft);
      return undefined;
    }, () => true, emptyTotals());
    expect(looks.length).toBeGreaterThan(1);
    expect(looks.length).toBeLessThan('物流很快，质量不错'.length - 1);
    expect(looks).toContain('物流');
  });
});
