import type { GenerationChunk, GenerationOptions, GenerationResult } from './generation.ts';

/** A prompt is text, or token ids when the caller tokenized it already. */
export type Prompt = string | readonly number[];

/** The tokenizer as the rest of Cowrite sees it. */
export interface TextTokenizer {
  encode(text: string): number[];
  decode(ids: readonly number[]): string;
}

/**
 * What every consumer (prompting tasks, web components, tests) talks to.
 * The in-process model, the Worker client and scripted test engines all implement it.
 */
export interface TextGenerator {
  generate(prompt: Prompt, options?: GenerationOptions): Promise<GenerationResult>;
  stream(prompt: Prompt, options?: GenerationOptions): AsyncIterable<GenerationChunk>;
  readonly tokenizer: TextTokenizer;
  /** Model context window in tokens (GPT-2: 1024). */
  readonly contextLength: number;
}
