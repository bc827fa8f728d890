/**
 * How close a rewritten or quantized GPT-2 file stays to its fp32 original, measured through
 * the real onnxruntime-web (WASM): both sessions read the same prompt, then follow the fp32
 * model's greedy tokens step by step with the KV cache (teacher forcing), and every step's
 * last-position logits are compared. Only the last row is compared, because that is all
 * Cowrite reads and all a last-position-logits graph returns.
 */
import * as ort from 'onnxruntime-web';

export interface Closeness {
  steps: number;
  /** Largest |logit − fp32 logit| over all compared rows. */
  maxLogitError: number;
  /** Largest error relative to the fp32 row's logit range (max − min). */
  maxRelativeError: number;
  /** Share of steps whose argmax equals fp32's. */
  greedyAgreement: number;
  /** Mean absolute error of the logits. */
  meanLogitError: number;
}

export type SessionConfig = Record<string, string>;

export async function createSession(model: string | Uint8Array, config: SessionConfig = {}): Promise<ort.InferenceSession> {
  ort.env.logLevel = 'error';
  const options: ort.InferenceSession.SessionOptions = { executionProviders: ['wasm'], graphOptimizationLevel: 'all', extra: { session: config } };
  return typeof model === 'string' ? ort.InferenceSession.create(model, options) : ort.InferenceSession.create(model, options);
}

/** One greedy-decoding driver over any hub-layout decoder session: returns each step's last logits row. */
export class StepRunner {
  readonly session: ort.InferenceSession;
  readonly #past: string[];
  #cache: ort.Tensor[];
  #length = 0;

  constructor(session: ort.InferenceSession, heads: number, headDim: number) {
    this.session = session;
    this.#past = session.inputNames.filter((name) => name.startsWith('past_key_values.'));
    this.#cache = this.#past.map(() => new ort.Tensor('float32', new Float32Array(0), [1, heads, 0, headDim]));
  }

  async step(ids: readonly number[]): Promise<Float32Array> {
    const total = this.#length + ids.length;
    const row = (values: ArrayLike<number>) => new ort.Tensor('int64', BigInt64Array.from(Array.from(values), BigInt), [1, values.length]);
    const feeds: Record<string, ort.Tensor> = {
      input_ids: row(ids),
      attention_mask: row(new Array<number>(total).fill(1)),
    };
    if (this.session.inputNames.includes('position_ids')) feeds.position_ids = row(ids.map((_, i) => this.#length + i));
    if (this.session.inputNames.includes('use_cache_branch')) feeds.use_cache_branch = new ort.Tensor('bool', [this.#length > 0], [1]);
    this.#past.forEach((name, i) => (feeds[name] = this.#cache[i]));
    const out = await this.session.run(feeds);
    this.#cache = this.#past.map((name) => out[name.replace('past_key_values.', 'present.')]);
    this.#length = total;
    const [, seq, vocab] = out.logits.dims;
    return (out.logits.data as Float32Array).slice((seq - 1) * vocab, seq * vocab);
  }
}

export function argmax(values: Float32Array): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

/** Compares `candidate` against `reference` over each prompt plus `newTokens` teacher-forced greedy steps. */
export async function measureCloseness(
  reference: ort.InferenceSession,
  candidate: ort.InferenceSession,
  shape: { heads: number; headDim: number },
  prompts: readonly (readonly number[])[],
  newTokens: number,
): Promise<Closeness> {
  let steps = 0;
  let agree = 0;
  let maxError = 0;
  let maxRelative = 0;
  let errorSum = 0;
  let errorCount = 0;
  for (const prompt of prompts) {
    const ref = new StepRunner(reference, shape.heads, shape.headDim);
    const cand = new StepRunner(candidate, shape.heads, shape.headDim);
    let ids: readonly number[] = prompt;
    for (let t = 0; t <= newTokens; t++) {
      const [a, b] = [await ref.step(ids), await cand.step(ids)];
      let min = Infinity;
      let max = -Infinity;
      let rowError = 0;
      for (let i = 0; i < a.length; i++) {
        min = Math.min(min, a[i]);
        max = Math.max(max, a[i]);
        const error = Math.abs(a[i] - b[i]);
        rowError = Math.max(rowError, error);
        errorSum += error;
      }
      errorCount += a.length;
      maxError = Math.max(maxError, rowError);
      maxRelative = Math.max(maxRelative, rowError / (max - min || 1));
      const next = argmax(a);
      if (argmax(b) === next) agree++;
      steps++;
      ids = [next];
    }
  }
  return { steps, maxLogitError: maxError, maxRelativeError: maxRelative, greedyAgreement: agree / steps, meanLogitError: errorSum / errorCount };
}
