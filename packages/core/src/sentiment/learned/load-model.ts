import type { Lang } from '../../contracts/language.ts';
import { SentimentInputError } from '../errors.ts';
import { base64ToBytes, decodeSentimentModel } from './model-codec.ts';
import { learnedModelFor, useSentimentModel } from './model-registry.ts';

/** Options of `loadSentimentModel`. */
export interface LoadSentimentModelOptions {
  /** Load one language only; by default every language is loaded. */
  lang?: Lang;
}

/**
 * Loads the learned polarity model(s) and makes every later synchronous `analyzeSentiment`
 * (and `summarizeFeedback`) call use them. The weights are separate chunks imported on demand
 * (about 100–200 kB gzipped per language), so the default bundle stays small and an English-only
 * page never fetches the Chinese weights. Calling it again is cheap: loaded languages are kept.
 * Resolves with the languages that are now loaded.
 */
export async function loadSentimentModel(options: LoadSentimentModelOptions = {}): Promise<Lang[]> {
  if (options === null || typeof options !== 'object') throw new SentimentInputError('INVALID_OPTION', 'loadSentimentModel expects an options object or nothing.');
  const { lang } = options;
  if (lang !== undefined && lang !== 'en' && lang !== 'zh') throw new SentimentInputError('INVALID_OPTION', `lang must be 'en', 'zh' or omitted, got ${String(lang)}.`);
  const langs: Lang[] = lang ? [lang] : ['en', 'zh'];
  await Promise.all(
    langs.map(async (each) => {
      if (learnedModelFor(each)) return;
      const { packedModel } = each === 'zh' ? await import('./weights/zh.ts') : await import('./weights/en.ts');
      useSentimentModel(decodeSentimentModel(base64ToBytes(packedModel)));
    }),
  );
  return langs;
}
