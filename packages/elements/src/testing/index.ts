/** Test and story helpers: deterministic engines. Not part of the production entry. */
export { ScriptedEngine } from './scripted-engine.ts';
export type { ScriptedEngineOptions, ScriptRule, ScriptedCall, PromptMatcher } from './scripted-engine.ts';
