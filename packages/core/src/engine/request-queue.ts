import { abortError } from '../errors/cowrite-error.ts';

/**
 * One model session runs one sequence at a time. Requests wait in FIFO order;
 * a request whose signal aborts while waiting leaves the queue at once.
 */
export class RequestQueue {
  #tail: Promise<void> = Promise.resolve();

  async acquire(signal?: AbortSignal): Promise<() => void> {
    let release!: () => void;
    const turn = this.#tail;
    const mine = new Promise<void>((resolve) => (release = resolve));
    this.#tail = turn.then(() => mine);
    if (!signal) {
      await turn;
      return release;
    }
    if (signal.aborted) {
      release();
      throw abortError(signal);
    }
    let onAbort!: () => void;
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => reject(abortError(signal));
      signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
      await Promise.race([turn, aborted]);
      return release;
    } catch (error) {
      // Our slot still exists in the chain: pass it straight on.
      release();
      throw error;
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }
}
