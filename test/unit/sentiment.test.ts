import { describe, expect, it } from 'vitest';
import { analyzeSentiment, type AspectName, type SentimentResult } from '@cowrite/core';

const label = (text: string, lang?: 'en' | 'zh'): SentimentResult['label'] => analyzeSentiment(text, lang ? { lang } : undefined).label;
const score = (text: string): number => analyzeSentiment(text).score;

describe('analyzeSentiment: result shape', () => {
  it('returns label, score in -1..1, confidence in 0..1, sentences, aspects', () => {
    const result = analyzeSentiment('Great headphones. The cable broke after a week though.');
    expect(['positive', 'negative', 'neutral']).toContain(result.label);
    expect(result.score).toBeGreaterThanOrEqual(-1);
    expect(result.score).toBeLessThanOrEqual(1);
    expect(result.confidence).toBeGreaterThan(0);
    expect(result.confidence).toBeLessThanOrEqual(1);
    expect(result.sentences.map((s) => s.text)).toEqual(['Great headphones.', 'The cable broke after a week though.']);
    expect(result.sentences.every((sentence) => sentence.end > sentence.start)).toBe(true);
  });

  it('detects the language per text and honours an explicit lang', () => {
    expect(analyzeSentiment('质量很好').lang).toBe('zh');
    expect(analyzeSentiment('Quality is great').lang).toBe('en');
    expect(analyzeSentiment('质量很好', { lang: 'en' }).label).toBe('neutral');
  });
});

describe('analyzeSentiment: phenomena (positive and negative cases)', () => {
  it.each([
    ['plain polarity en', 'I love this jacket, excellent quality.', 'positive'],
    ['plain polarity en', 'Terrible blender, total junk.', 'negative'],
    ['plain polarity zh', '非常满意，质量很好。', 'positive'],
    ['plain polarity zh', '质量太差了，很失望。', 'negative'],
    ['negation flips a positive', 'It is not good.', 'negative'],
    ['negation of a negative', 'Not bad at all, honestly.', 'positive'],
    ['negation with scope', 'It never worked properly.', 'negative'],
    ['negation zh', '不好用。', 'negative'],
    ['negation of a negative zh', '没有问题，用着挺顺。', 'positive'],
    ['contrast: the clause after "but" wins', 'Looks nice but it broke on day two.', 'negative'],
    ['contrast: the clause after "but" wins', 'A bit pricey but the quality is excellent.', 'positive'],
    ['contrast zh 但是', '外观好看，但是质量很差。', 'negative'],
    ['contrast zh 不过', '价格有点贵，不过质量非常好。', 'positive'],
    ['contrast across sentences', 'The color is pretty. But it fell apart in a week.', 'negative'],
    ['emoji only', '😍😍😍', 'positive'],
    ['emoji only', '😡👎', 'negative'],
    ['emoticon', 'Arrived today :)', 'positive'],
    ['emoticon', 'Arrived today :(', 'negative'],
    ['comparative against the old product', 'My old kettle was better.', 'negative'],
    ['comparative for this product', 'Better than my old kettle.', 'positive'],
    ['comparative zh', '以前那个更好用。', 'negative'],
    ['comparative zh', '比以前那个好多了。', 'positive'],
    ['e-commerce phrase', 'Fits true to size.', 'positive'],
    ['e-commerce phrase', 'Stopped working after a week.', 'negative'],
    ['e-commerce phrase', 'Worth every penny.', 'positive'],
    ['e-commerce phrase', 'Arrived broken, returned it.', 'negative'],
    ['e-commerce phrase zh', '物流很快，物超所值。', 'positive'],
    ['e-commerce phrase zh', '用了三天就坏了，已经退货。', 'negative'],
    ['neutral statement', 'The mug holds 12 ounces.', 'neutral'],
    ['neutral statement zh', '今天收到了，还没用。', 'neutral'],
  ])('%s: %s', (_phenomenon, text, expected) => {
    expect(label(text)).toBe(expected);
  });

  it('intensifiers strengthen and diminishers weaken, in both languages', () => {
    expect(score('It is very good.')).toBeGreaterThan(score('It is good.'));
    expect(score('It is good.')).toBeGreaterThan(score('It is slightly good.'));
    expect(score('It is extremely bad.')).toBeLessThan(score('It is bad.'));
    expect(score('非常好')).toBeGreaterThan(score('好'));
    expect(score('有点差')).toBeGreaterThan(score('差'));
    expect(score('有点差')).toBeLessThan(0);
  });

  it('exclamation marks and ALL CAPS add emphasis without changing polarity', () => {
    expect(score('I love it!!!')).toBeGreaterThan(score('I love it.'));
    expect(score('I LOVE it.')).toBeGreaterThan(score('I love it.'));
    expect(score('This is AWFUL.')).toBeLessThan(score('This is awful.'));
  });

  it('matches multi-word phrases before their single words', () => {
    // "cheap" alone is mild blame; "worth every penny" is strong praise of the price.
    const result = analyzeSentiment('Worth every penny.');
    expect(result.cues.map((cue) => cue.text)).toEqual(['Worth every penny']);
    expect(analyzeSentiment('The fabric feels cheap.').cues.map((cue) => cue.text)).toEqual(['feels cheap']);
  });

  it('does not read sentiment characters inside unrelated Chinese words', () => {
    // 好 in 好像 and 小 in 小时 are not opinions.
    expect(analyzeSentiment('好像是昨天到的，等了两个小时。').cues).toEqual([]);
  });
});

describe('analyzeSentiment: aspects with evidence spans in the original text', () => {
  const cases: Array<[string, AspectName, 'positive' | 'negative', string]> = [
    ['Shipping was fast and the box was intact.', 'shipping', 'positive', 'Shipping was fast'],
    ['Great shoes. They fit true to size!', 'size', 'positive', 'fit true to size'],
    ['The price is way too high for what you get.', 'price', 'negative', 'price is way too high'],
    ['Customer service was rude.', 'customer-service', 'negative', 'Customer service was rude'],
    ['Packaging was crushed when it came.', 'packaging', 'negative', 'Packaging was crushed'],
    ['It stopped working after a week.', 'durability', 'negative', 'stopped working after a week'],
    ['Really easy to use, even for my dad.', 'ease-of-use', 'positive', 'easy to use'],
    ['The quality is excellent.', 'quality', 'positive', 'quality is excellent'],
    ['物流很快，包装完好。', 'shipping', 'positive', '物流很快'],
    ['衣服偏小，建议买大一码。', 'size', 'negative', '偏小'],
    ['客服态度很差。', 'customer-service', 'negative', '客服态度很差'],
    ['性价比很高。', 'price', 'positive', '性价比很高'],
  ];
  it.each(cases)('%s → %s', (text, aspect, expected, evidence) => {
    const found = analyzeSentiment(text).aspects.find((item) => item.aspect === aspect);
    expect(found, JSON.stringify(analyzeSentiment(text).aspects)).toBeDefined();
    expect(found?.label).toBe(expected);
    expect(found?.evidence.text).toBe(evidence);
    expect(text.slice(found?.evidence.start, found?.evidence.end)).toBe(evidence);
  });

  it('keeps offsets into the original string through HTML, emoji and surrogate pairs', () => {
    const text = '<p>😀😀 <b>Shipping</b> was <i>fast</i>!</p>';
    const shipping = analyzeSentiment(text).aspects.find((item) => item.aspect === 'shipping');
    expect(shipping).toBeDefined();
    const slice = text.slice(shipping?.evidence.start, shipping?.evidence.end);
    expect(slice.startsWith('Shipping')).toBe(true);
    expect(slice.endsWith('fast')).toBe(true);
  });

  it('separates two aspects with opposite opinions in one sentence', () => {
    const aspects = analyzeSentiment('Great price, terrible quality.').aspects;
    expect(aspects.map((item) => [item.aspect, item.label])).toEqual([
      ['price', 'positive'],
      ['quality', 'negative'],
    ]);
  });
});
