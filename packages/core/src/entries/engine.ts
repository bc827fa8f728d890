/**
 * `@cowrite/core/engine`: text generation. The contracts (engine, tokenizer, generation options, language),
 * the error model, model loading/stores/caches, the GPT-2 tokenizer, the engines (in-process, Worker, remote,
 * shared) and the review phrase model. Importing it pulls onnxruntime-web (lazily, at model load).
 */
export * from '../contracts/index.ts';
export * from '../errors/index.ts';
export * from '../model/index.ts';
export * from '../tokenizer/index.ts';
export * from '../engine/index.ts';
export * from '../phrase/index.ts';
