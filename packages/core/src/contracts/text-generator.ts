import type { GenerationChunk, GenerationOptions, GenerationResult } from './generation.ts';

/** A prompt is text, or token ids when the caller tokenized it already. */
export type Prompt = string | readonly number[];

/** The tokenizer as the rest of Cowrite sees it. */
export interface TextTokenizer {
  /** Text to token ids. */
  encode(text: string): number[];
  /** Token ids back to text. */
  decode(ids: readonly number[]): string;
  /**
   * Every token's text by id, as `decode([id])` gives it (optional: a fast path for token healing,
   * which otherwise decodes the vocabulary one token at a time).
   */
  tokenTexts?(): readonly string[];
}

/**
 * What a generator says about itself, so a widget can decide what to offer: a phrase model writes
 * only its languages and knows its calibrated ghost-text threshold. GPT-2 engines leave it out.
 */
export interface GeneratorProfile {
  /** 'phrase': a shipped n-gram phrase model; 'gpt2': a neural model. */
  kind: 'phrase' | 'gpt2';
  /** The model's name, for logs and diagnostics (a phrase model's comes from its file header). */
  name: string;
  /** BCP 47 primary subtags the model can write; absent = any. */
  languages?: readonly string[];
  /**
   * The generator completes an unfinished last word itself ("comf" → "ortable") and reads a trailing
   * space as "the last word is finished", so prompts keep their trailing whitespace.
   */
  completesWords?: boolean;
  /** Ghost text at or above this confidence is worth showing (calibrated on the co-writing benchmark). */
  minConfidence?: number;
  /**
   * The same for ghost text that starts a new word (the draft ends with a space): guessing the next
   * word is harder than completing one, so it has its own calibration. Absent = `minConfidence`.
   */
  minConfidenceNextWord?: number;
  /**
   * Ghost text grows by another word only while the whole suggestion stays at least this likely
   * (the product of its tokens' probabilities); absent = it grows to the end of the sentence.
   */
  minExtensionConfidence?: number;
}

/**
 * What every consumer (prompting tasks, web components, tests) talks to.
 * The in-process model, the Worker client and scripted test engines all implement it.
 */
export interface TextGenerator {
  /** Generates a completion of `prompt` and resolves with the whole result. */
  generate(prompt: Prompt, options?: GenerationOptions): Promise<GenerationResult>;
  /** Generates a completion of `prompt` as it is produced, one chunk of new text at a time. */
  stream(prompt: Prompt, options?: GenerationOptions): AsyncIterable<GenerationChunk>;
  /** The tokenizer the generator counts tokens with (prompt budgets use it). */
  readonly tokenizer: TextTokenizer;
  /** Model context window in tokens (GPT-2: 1024). */
  readonly contextLength: number;
  /** Languages and calibrated thresholds, when the generator knows them. */
  readonly profile?: GeneratorProfile;
}
