/**
 * @cowrite/core — on-device GPT-2 generation, feedback sentiment and prompting.
 * Each area has its own barrel; this file only re-exports them.
 */
export * from './engine/index.ts';
export * from './phrase/index.ts';
export * from './sentiment/index.ts';
export * from './prompting/index.ts';
