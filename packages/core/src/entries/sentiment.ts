/**
 * `@cowrite/core/sentiment`: feedback sentiment and review summaries. Lexicon and learned models only:
 * importing it never pulls onnxruntime (test/unit/sentiment-entry-bundle.test.ts keeps it so).
 */
export { detectLang, type Lang } from '../contracts/language.ts';
export { CowriteError, isAbortError, type CowriteErrorCode } from '../errors/index.ts';
export * from '../sentiment/index.ts';
