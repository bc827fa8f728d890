export type { GeneratorProfile, Prompt, TextGenerator, TextTokenizer } from './text-generator.ts';
export type { GenerationOptions, GenerationChunk, GenerationResult, FinishReason, ContextFit } from './generation.ts';
export { detectLang } from './language.ts';
export type { Lang } from './language.ts';
