import type { Lang } from '../contracts/language.ts';

export { detectLang } from '../contracts/language.ts';

/**
 * A prompt template's language; the same as `Lang`.
 * @deprecated Use {@link Lang}: the one language type shared by prompting and sentiment.
 */
export type PromptLang = Lang;
