import type { CowriteStrings } from './strings.ts';

/**
 * The engine cannot write this kind of text: core's `ENGINE_UNSUITED` (the offline phrase model
 * asked for a share post, copy or an idea rewrite). Not a failure to report as one: the elements
 * say what the feature needs instead. Read by code, not `instanceof`, so a rehydrated error from a
 * Worker or another copy of core counts too.
 */
export function isUnsuitedEngine(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ENGINE_UNSUITED';
}

/** What to tell the shopper when generating failed: what the feature needs, else the error's own message. */
export function engineErrorMessage(error: unknown, text: Pick<CowriteStrings, 'needsNeuralModel'>): string {
  if (isUnsuitedEngine(error)) return text.needsNeuralModel;
  return error instanceof Error ? error.message : String(error);
}
