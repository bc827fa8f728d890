/** A request answered in Node by the global setup and again in Chromium: both must agree. */
export const CROSS_RUNTIME_PROMPT = 'This is a new product, it is';
export const CROSS_RUNTIME_OPTIONS = { maxNewTokens: 8, repetitionPenalty: 1.3, noRepeatNgramSize: 2 } as const;
