/**
 * What every runner page exposes as `window.benchRunner`, so the driver (../run.ts) times all
 * runners the same way. Times are measured in the page with performance.now().
 */
export interface LoadRequest {
  /** Model folder on the page's origin, e.g. "/models/gpt2-124m/". */
  modelPath: string;
  /** Model id under /models/ (transformers.js resolves it against env.localModelPath). */
  modelId: string;
  dtype: 'fp32' | 'q8';
  threads: number;
}

export interface GenerateRequest {
  text: string;
  /** The same prompt as token ids (the bare loop has no tokenizer). */
  ids: number[];
  newTokens: number;
}

export interface GenerateTiming {
  /** ms from the call to each new token, in order. */
  tokenTimes: number[];
}

export interface BenchRunner {
  load(request: LoadRequest): Promise<{ loadMs: number; threads: number }>;
  generate(request: GenerateRequest): Promise<GenerateTiming>;
}

declare global {
  interface Window {
    benchRunner?: BenchRunner;
  }
}
