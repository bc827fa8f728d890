/** Test and story helpers: the deterministic engine. Not part of the production entry. */
export { ScriptedEngine } from './scripted-engine.ts';
export type { ScriptedEngineOptions, ScriptRule, ScriptedCall, PromptMatcher } from './scripted-engine.ts';
export { PieceTokenizer } from './piece-tokenizer.ts';
export type { ContextFit, FinishReason, GenerationChunk, GenerationOptions, GenerationResult, GeneratorProfile, Prompt, TextGenerator, TextTokenizer } from '../contracts/index.ts';
