/** The text entry points the fuzz checks run: guard (both origins, with facts), sentiment, summaries, clean-up. */
import { OutputCleaner, analyzeSentiment, guardText, summarizeFeedback } from '../../packages/core/src/index.ts';
import type { EntryPoint } from './fuzz-timing.ts';

const FACTS = { materials: '60% cotton, 40% polyester', dimensions: '30 x 20 cm', warranty: '2-year warranty', origin: 'Portugal' };

/** Reviews of at most 500 characters, as a summary gets them. */
const asReviews = (text: string): string[] => {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += 500) out.push(text.slice(i, i + 500));
  return out;
};

export const CORE_ENTRY_POINTS: readonly EntryPoint[] = [
  { name: 'guardText (generated)', run: (t) => guardText(t) },
  { name: 'guardText (shopper)', run: (t) => guardText(t, { origin: 'shopper', policy: 'redact' }) },
  { name: 'guardText (facts)', run: (t) => guardText(t, { facts: FACTS }) },
  { name: 'analyzeSentiment', run: (t) => analyzeSentiment(t) },
  { name: 'summarizeFeedback', run: (t) => summarizeFeedback(asReviews(t)) },
  {
    name: 'OutputCleaner',
    run: (t) => {
      const c = new OutputCleaner({ mode: 'sentences', stop: ['\n\n'], avoid: [], keepLeadingSpace: false });
      c.push(t);
      return c.finish('eos');
    },
  },
];
