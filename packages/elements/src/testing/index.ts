/** Test and story helpers: the deterministic engine (the same one as `@cowrite/core/testing`). Not part of the production entry. */
export { ScriptedEngine, PieceTokenizer } from '@cowrite/core/testing';
export type { ScriptedEngineOptions, ScriptRule, ScriptedCall, PromptMatcher } from '@cowrite/core/testing';
