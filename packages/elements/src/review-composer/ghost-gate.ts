import type { TextGenerator } from '@cowrite/core';
import type { Continuation } from '../services/tasks.ts';

/** When ghost text is worth asking for and worth showing; the co-writing benchmark replays the same rules. */
export interface GhostGate {
  /** The draft must have at least this many characters before suggestions appear. */
  minChars: number;
  /** Shorter suggestions are not worth showing. */
  minSuggestionLength: number;
  /** Suggestions whose confidence (when reported) is below this are dropped. */
  minConfidence: number;
}

/** Used when neither the page nor the model says (GPT-2 has no calibrated threshold yet). */
export const FALLBACK_MIN_CONFIDENCE = 0.2;

/**
 * The gate for an engine and draft: the page's `min-confidence` when set, else the threshold calibrated
 * for the model and stored with it — `profile.minConfidenceNextWord` when the draft ends between words
 * (the suggestion is a guess at the next word), `profile.minConfidence` otherwise — else the fallback.
 */
export function ghostGate(minConfidence: number | undefined, engine: TextGenerator | undefined, rest: Partial<Omit<GhostGate, 'minConfidence'>> = {}, draft = ''): GhostGate {
  const profile = engine?.profile;
  const calibrated = endsBetweenWords(draft) ? (profile?.minConfidenceNextWord ?? profile?.minConfidence) : profile?.minConfidence;
  return {
    minChars: rest.minChars ?? 8,
    minSuggestionLength: rest.minSuggestionLength ?? 2,
    minConfidence: minConfidence ?? calibrated ?? FALLBACK_MIN_CONFIDENCE,
  };
}

/** The draft ends with a space: a suggestion now starts a new word rather than completing one. */
export function endsBetweenWords(draft: string): boolean {
  return /\s$/u.test(draft);
}

export function worthShowing(continuation: Continuation, gate: GhostGate): boolean {
  const visible = continuation.text.trim();
  if ([...visible].length < gate.minSuggestionLength || !/[\p{L}\p{N}]/u.test(visible)) return false;
  return continuation.confidence === undefined || continuation.confidence >= gate.minConfidence;
}

/** A model that declares its languages writes only those: no ghost text for a draft in another. */
export function writesLanguage(engine: TextGenerator | undefined, lang: string): boolean {
  const languages = engine?.profile?.languages;
  return languages === undefined || languages.includes(lang);
}
