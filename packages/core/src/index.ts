/**
 * @cowrite/core — on-device GPT-2 generation, feedback sentiment and prompting.
 * Each folder has its own barrel (exporting only that folder); this file only re-exports them,
 * bottom layer first.
 */
export * from './contracts/index.ts';
export * from './errors/index.ts';
export * from './model/index.ts';
export * from './tokenizer/index.ts';
export * from './engine/index.ts';
export * from './phrase/index.ts';
export * from './sentiment/index.ts';
export * from './prompting/index.ts';
