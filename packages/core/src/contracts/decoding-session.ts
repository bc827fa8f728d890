/**
 * What the generation loop needs from a model: logits for the next token.
 * The ONNX implementation reuses cached keys/values; tests can script logits.
 */
export interface DecodingSession {
  /** Feeds the prompt and returns the logits for the first new token. */
  start(promptIds: readonly number[], signal?: AbortSignal): Promise<Float32Array>;
  /** Feeds one chosen token and returns the logits for the next one. */
  advance(tokenId: number): Promise<Float32Array>;
  /** Ends the sequence. `complete` is false when it was cancelled or failed. */
  finish(complete: boolean): void;
}
