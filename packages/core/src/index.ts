/**
 * @cowrite/core — on-device GPT-2 generation, feedback sentiment and prompting.
 * The root entry is the union of the subpath entries (`@cowrite/core/engine`, `/sentiment`, `/prompting`);
 * import a subpath to keep a bundle to one area.
 */
export * from './entries/engine.ts';
export * from './entries/sentiment.ts';
export * from './entries/prompting.ts';
