import { createSentimentAnalyzer } from './analyze.ts';
import { englishPack } from './lexicon-en.ts';
import { chinesePack } from './lexicon-zh.ts';
import type { AnalyzeSentimentOptions, SentimentResult } from './types.ts';

const analyzeBothLanguages = createSentimentAnalyzer({ en: englishPack, zh: chinesePack });

/**
 * Sentiment of one review, synchronously, with the English and Chinese lexicons built in.
 * Throws `SentimentInputError` for a non-string or an unknown `lang`; any string gets a result.
 */
export function analyzeSentiment(text: string, options?: AnalyzeSentimentOptions): SentimentResult {
  return analyzeBothLanguages(text, options);
}
