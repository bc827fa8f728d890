export type { Prompt, TextGenerator, TextTokenizer } from './types.ts';
export type { GenerationOptions, GenerationChunk, GenerationResult, FinishReason, ContextFit } from '../generate/options.ts';
