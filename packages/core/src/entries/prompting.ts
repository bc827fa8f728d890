/**
 * `@cowrite/core/prompting`: prompt templates and budgets, the copy tasks (plan / write / stream), output
 * cleanup, the output guard and the rating suggestion. Tasks take any `TextGenerator`, so this entry does not
 * load a model itself; pair it with `@cowrite/core/engine` (or a test double from `@cowrite/core/testing`).
 */
export { detectLang, type Lang } from '../contracts/language.ts';
export type { ContextFit, GenerationOptions, GenerationChunk, GenerationResult, FinishReason, GeneratorProfile, Prompt, TextGenerator, TextTokenizer } from '../contracts/index.ts';
export type { SentimentLabel } from '../sentiment/index.ts';
export { CowriteError, isAbortError, type CowriteErrorCode } from '../errors/index.ts';
export * from '../prompting/index.ts';
