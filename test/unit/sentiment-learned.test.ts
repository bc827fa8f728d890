import { afterEach, describe, expect, it } from 'vitest';
import { analyzeSentiment, loadSentimentModel, SentimentInputError, summarizeFeedback, unloadSentimentModels } from '@cowrite/core';
import { decodeSentimentModel, encodeSentimentModel } from '../../packages/core/src/sentiment/learned/model-codec.ts';
import { chineseFeatures, englishFeatures, FeatureBuffer } from '../../packages/core/src/sentiment/learned/feature-hash.ts';
import { positiveProbability, spanEvidence, startReview, type LinearSentimentModel } from '../../packages/core/src/sentiment/learned/linear-model.ts';
import { lastEnglishScan, scanEnglishWords, tokenizeEnglish } from '../../packages/core/src/sentiment/tokenize-en.ts';
import { englishPack } from '../../packages/core/src/sentiment/lexicon-en.ts';
import { chinesePack } from '../../packages/core/src/sentiment/lexicon-zh.ts';
import { createSentimentAnalyzer } from '../../packages/core/src/sentiment/analyze.ts';
import { SeenIds } from '../../packages/core/src/sentiment/learned/seen-ids.ts';

afterEach(() => unloadSentimentModels());

describe('learned sentiment model', () => {
  it('loads every language with no arguments, one with { lang }', async () => {
    expect(await loadSentimentModel({ lang: 'zh' })).toEqual(['zh']);
    expect(await loadSentimentModel()).toEqual(['en', 'zh']);
  });

  it('rejects an unknown language with the typed error', async () => {
    await expect(loadSentimentModel({ lang: 'fr' as 'en' })).rejects.toBeInstanceOf(SentimentInputError);
  });

  it('a Chinese-only analyser still gives the English model its n-grams (it scans the sentence itself)', async () => {
    const chineseOnly = createSentimentAnalyzer({ zh: chinesePack });
    const text = 'Stopped charging after two weeks and the seller never answered my emails.';
    await loadSentimentModel({ lang: 'en' });
    const both = analyzeSentiment(text, { lang: 'en' });
    const alone = chineseOnly(text, { lang: 'en' });
    expect(alone.label).toBe('negative');
    // Same n-grams either way; only the lexicon signals differ (the Chinese lexicon has no English words).
    expect(both.label).toBe('negative');
  });

  it('answers with the lexicon before loading and with the learned model after', async () => {
    // Shoppers state facts: the lexicon sees no opinion word here, the learned model does.
    const text = 'Took an hour to get our food';
    expect(analyzeSentiment(text).label).toBe('neutral');
    await loadSentimentModel({ lang: 'en' });
    expect(analyzeSentiment(text).label).toBe('negative');
    unloadSentimentModels();
    expect(analyzeSentiment(text).label).toBe('neutral');
  });

  // Written for this test: facts more than adjectives, as real shoppers write.
  it.each([
    ['The battery runs down quickly.', 'negative'],
    ['Took an hour to get our food', 'negative'],
    ['Stopped charging after two weeks and the seller never answered my emails.', 'negative'],
    ['It stopped holding a charge after a month.', 'negative'],
    ['The color faded after one wash.', 'negative'],
    ['Smells like chemicals and gave me a rash.', 'negative'],
    ['Returned it the next day.', 'negative'],
    ['Fits my laptop perfectly and the zipper feels solid.', 'positive'],
    ['Exactly what I needed, arrived early.', 'positive'],
    ['Bought a second one for my mother.', 'positive'],
    ['I use it every morning, no complaints.', 'positive'],
  ])('English: %s → %s', async (text, label) => {
    await loadSentimentModel({ lang: 'en' });
    const result = analyzeSentiment(text);
    expect(result.label).toBe(label);
    expect(result.confidence).toBeGreaterThanOrEqual(0);
    expect(result.confidence).toBeLessThanOrEqual(1);
  });

  // Written for this test: negation, both ways.
  it.each([
    ['It is not bad at all.', 'positive'],
    ['Never had a problem with it.', 'positive'],
    ['I would never buy this again.', 'negative'],
    ['Not worth the money.', 'negative'],
  ])('English negation: %s → %s', async (text, label) => {
    await loadSentimentModel({ lang: 'en' });
    expect(analyzeSentiment(text).label).toBe(label);
  });

  // Reviews end with their verdict: the same neutral facts (or a plot retold) take the label of the closing sentence.
  it.each([
    ['In the end I would not buy it again.', 'negative'],
    ['In the end I would buy it again.', 'positive'],
    ['Sadly it stopped working after a week.', 'negative'],
    ['It has worked every day since.', 'positive'],
  ])('English, the closing sentence decides: … %s → %s', async (closing, label) => {
    await loadSentimentModel({ lang: 'en' });
    const facts = 'I ordered this in March for my sister. It came in a brown box with a manual and two cables. We set it up on the kitchen counter next to the kettle.';
    expect(analyzeSentiment(`${facts} ${closing}`).label).toBe(label);
  });

  it('a retold plot does not decide a book review; its verdict does', async () => {
    await loadSentimentModel({ lang: 'en' });
    const plot = 'The story follows a young detective in Boston who loses her partner. Her search takes her to the old harbour.';
    expect(analyzeSentiment(`${plot} A beautifully written book, I could not put it down.`).label).toBe('positive');
    expect(analyzeSentiment(`${plot} A dull book, I gave up halfway.`).label).toBe('negative');
  });

  it.each([
    ['等了两个小时才送到，饭都凉了。', 'negative'],
    ['制冷效果很好，安装师傅也很专业。', 'positive'],
    ['用了三天就不制冷了，客服一直不回复。', 'negative'],
    ['送得很快，分量也足，下次还点这家。', 'positive'],
  ])('Chinese: %s → %s', async (text, label) => {
    await loadSentimentModel({ lang: 'zh' });
    const result = analyzeSentiment(text);
    expect(result.label).toBe(label);
    expect(result.lang).toBe('zh');
  });

  it('gives sentence labels from the model and aspects from context', async () => {
    await loadSentimentModel();
    const result = analyzeSentiment('The packaging was nice. Customer service never answered my email.');
    expect(result.sentences.map((sentence) => sentence.label)).toEqual(['positive', 'negative']);
    expect(result.aspects.map((aspect) => [aspect.aspect, aspect.label])).toEqual([
      ['packaging', 'positive'],
      ['customer-service', 'negative'],
    ]);
  });

  it('never throws on odd input and keeps empty text at confidence 0', async () => {
    await loadSentimentModel();
    for (const text of ['', '   ', '👍👍', 'https://example.com/a?b=c', '!!!???...', 'Great 质量很好 🙂', '\uD83D', 'a'.repeat(100_000), '好'.repeat(100_000)]) {
      const result = analyzeSentiment(text);
      expect(['positive', 'negative', 'neutral']).toContain(result.label);
      expect(result.confidence).toBeGreaterThanOrEqual(0);
      expect(result.confidence).toBeLessThanOrEqual(1);
    }
    expect(analyzeSentiment('')).toMatchObject({ label: 'neutral', confidence: 0 });
  });

  it('summarizeFeedback uses the model once loaded', async () => {
    const reviews = ['Took an hour to get our food', 'The battery runs down quickly.', 'Arrived in two days, works as it should.', 'Returned it the next day.', 'My kids use it every day.'];
    await loadSentimentModel({ lang: 'en' });
    const summary = summarizeFeedback(reviews);
    expect(summary.status).toBe('ok');
    if (summary.status === 'ok') expect(summary.distribution.negative).toBeGreaterThanOrEqual(3);
  });
});

describe('learned model plumbing', () => {
  it('round-trips the packed format and rejects a bad header', () => {
    const weights = new Int8Array(256).map((_, index) => (index % 7) - 3);
    const model = { lang: 'zh' as const, bits: 8, weights, scale: 0.5, bias: -0.25, lexiconWeights: Float32Array.of(2, -1, 0.5, 0.25, 0), slope: 1.5, intercept: 0.125, neutralBand: 0.0625, presence: true, openingWeight: 0.375 };
    const decoded = decodeSentimentModel(encodeSentimentModel(model));
    expect({ ...decoded, weights: [...decoded.weights] }).toEqual({ ...model, weights: [...weights] });
    expect(() => decodeSentimentModel(new Uint8Array(40))).toThrow(expect.objectContaining({ code: 'MODEL_CORRUPT' }));
  });

  it("a review verdict adds its first sentence's evidence times openingWeight; a sentence verdict does not", () => {
    const model: LinearSentimentModel = { lang: 'en', bits: 8, weights: new Int8Array(256), scale: 1, bias: 0, lexiconWeights: new Float32Array(5), slope: 1, intercept: 0, neutralBand: 0, presence: true, openingWeight: 0.5 };
    const signals = new Float64Array(5);
    const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
    // z = 2 / √4 = 1 for the review; the opening sentence adds 0.5 · 4 / √4 = 1.
    expect(positiveProbability(model, { sum: 2, count: 4 }, signals)).toBeCloseTo(sigmoid(1), 10);
    expect(positiveProbability(model, { sum: 2, count: 4 }, signals, { sum: 4, count: 4 })).toBeCloseTo(sigmoid(2), 10);
    expect(positiveProbability({ ...model, openingWeight: 0 }, { sum: 2, count: 4 }, signals, { sum: 4, count: 4 })).toBeCloseTo(sigmoid(1), 10);
  });

  it('SeenIds: each id once per scope, a new scope forgets, thousands of ids still exact', () => {
    const seen = new SeenIds();
    expect([seen.firstTime(5), seen.firstTime(5), seen.firstTime(6)]).toEqual([true, false, true]);
    seen.next();
    expect(seen.firstTime(5)).toBe(true);
    seen.next();
    const ids = Array.from({ length: 5000 }, (_, index) => (index * 7919) % 262144);
    expect(ids.map((id) => seen.firstTime(id)).every(Boolean)).toBe(true);
    expect(ids.some((id) => seen.firstTime(id))).toBe(false);
  });

  it('a presence model counts each feature once per review, every occurrence per sentence', () => {
    const weights = new Int8Array(1 << 10).fill(1);
    const model: LinearSentimentModel = { lang: 'en', bits: 10, weights, scale: 1, bias: 0, lexiconWeights: new Float32Array(5), slope: 1, intercept: 0, neutralBand: 0, presence: true, openingWeight: 0 };
    const text = 'works well works well';
    const evidence = (of: LinearSentimentModel): ReturnType<typeof spanEvidence> => spanEvidence(of, text, 0, text.length, scanEnglishWords(text, 0, text.length));
    startReview();
    const first = evidence(model);
    // 4 words + 3 bigrams; "works" and "well" repeat, and the bigram "works well" too.
    expect(first.sentence.count).toBe(7);
    expect(first.review.count).toBe(4);
    const again = evidence(model);
    expect(again.review.count).toBe(0);
    startReview();
    expect(evidence(model).review.count).toBe(4);
    expect(evidence({ ...model, presence: false }).review.count).toBe(7);
  });

  it('hashes words case-insensitively, folds digits and apostrophes, and marks negated words', () => {
    const ids = (text: string): number[] => {
      const buffer = new FeatureBuffer(4);
      englishFeatures(scanEnglishWords(text, 0, text.length), (1 << 18) - 1, buffer);
      return [...buffer.ids.slice(0, buffer.length)];
    };
    expect(ids('Great Fit')).toEqual(ids('great fit'));
    expect(ids('took 2 hours')).toEqual(ids('took 3 hours'));
    expect(ids("didn't work")).toEqual(ids('didnt work'));
    expect(ids('didn’t work')).toEqual(ids('didnt work'));
    expect(ids('did not work')).toHaveLength(3 + 2 + 1);
    expect(ids("it isn't bad")).toHaveLength(3 + 2 + 1);
    expect(ids('did, work')).toHaveLength(2);
    expect(ids('did 🙂 work')).toEqual(ids('did work'));
  });

  it('reads the same English n-grams from the lexicon tokenizer as from a scan without a lexicon', () => {
    // The runtime reuses the tokenizer's scan; the trainer and Chinese-only analysers scan without the lexicon.
    const texts = ["Didn't fit, NOT worth it :) but the 2nd one works well", 'never answered my email — no instructions; “great” quality?!', 'xDrive café 5 stars 👍'];
    for (const text of texts) {
      const fromScan = (): number[] => {
        const buffer = new FeatureBuffer(4);
        englishFeatures(lastEnglishScan(), (1 << 18) - 1, buffer);
        return [...buffer.ids.slice(0, buffer.length)];
      };
      tokenizeEnglish(text, 0, text.length, englishPack);
      const viaTokenizer = fromScan();
      scanEnglishWords(text, 0, text.length);
      expect(viaTokenizer.length).toBeGreaterThan(4);
      expect(fromScan()).toEqual(viaTokenizer);
    }
  });

  it('extracts Chinese character 1- to 3-grams without a segmenter', () => {
    const buffer = new FeatureBuffer(2);
    chineseFeatures('很好吃', 0, 3, (1 << 17) - 1, buffer);
    expect(buffer.length).toBe(3 + 2 + 1);
  });
});
