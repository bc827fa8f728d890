import type { DecodingSession } from '../../packages/core/src/contracts/decoding-session.ts';

/**
 * A DecodingSession that "predicts" a fixed token script: the logits put `script[i]`
 * on top at step i (then the last one forever). Counts model steps, for abort tests.
 */
export function scriptedSession(script: readonly number[], vocabSize: number, onStep?: (step: number) => void): DecodingSession & { steps: number } {
  let step = 0;
  const logitsFor = (i: number) => {
    const logits = new Float32Array(vocabSize).fill(-5);
    logits[script[Math.min(i, script.length - 1)]] = 5;
    return logits;
  };
  const session = {
    steps: 0,
    async start() {
      session.steps++;
      onStep?.(step);
      return logitsFor(step++);
    },
    async advance() {
      session.steps++;
      onStep?.(step);
      await Promise.resolve();
      return logitsFor(step++);
    },
    finish() {},
  };
  return session;
}
