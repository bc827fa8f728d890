export type { GeneratorProfile, Prompt, TextGenerator, TextTokenizer } from './text-generator.ts';
export type { GenerationOptions, GenerationChunk, GenerationResult, FinishReason, ContextFit } from './generation.ts';
