import { afterEach, describe, expect, it } from 'vitest';
import { analyzeSentiment, loadSentimentModel, unloadSentimentModels, type AspectName } from '@cowrite/core';

afterEach(() => unloadSentimentModels());

const aspectLabel = (text: string, aspect: AspectName): string | undefined => analyzeSentiment(text).aspects.find((item) => item.aspect === aspect)?.label;

describe('aspects that understand complaints', () => {
  const cases: Array<[string, AspectName, 'positive' | 'negative']> = [
    ['customer service never answered my email', 'customer-service', 'negative'],
    ['Poor quality for the price.', 'price', 'negative'],
    ['Great sound for the price.', 'price', 'positive'],
    ['No instructions in the box.', 'ease-of-use', 'negative'],
    ["The shoes didn't fit.", 'size', 'negative'],
    ['Emailed the seller twice and never heard back.', 'customer-service', 'negative'],
    ['It broke after two uses.', 'durability', 'negative'],
  ];

  it.each(cases)('lexicon: %s → %s %s', (text, aspect, label) => {
    expect(aspectLabel(text, aspect)).toBe(label);
  });

  it.each(cases)('learned: %s → %s %s', async (text, aspect, label) => {
    await loadSentimentModel({ lang: 'en' });
    expect(aspectLabel(text, aspect)).toBe(label);
  });

  it('an aspect word with no opinion word takes its sentence verdict once the model is loaded', async () => {
    const text = 'Delivery took three weeks and nobody told us why.';
    expect(aspectLabel(text, 'shipping')).toBeUndefined();
    await loadSentimentModel({ lang: 'en' });
    const shipping = analyzeSentiment(text).aspects.find((item) => item.aspect === 'shipping');
    expect(shipping?.label).toBe('negative');
    expect(shipping && text.slice(shipping.evidence.start, shipping.evidence.end)).toBe(shipping?.evidence.text);
    expect(shipping?.evidence.text.startsWith('Delivery')).toBe(true);
  });
});
