/**
 * How many requests may be in flight at once (generating, or waiting in the model's
 * FIFO queue). Beyond that the server answers 429 with Retry-After at once instead
 * of letting a queue grow without bound.
 */
export class Admission {
  readonly limit: number;
  #inFlight = 0;

  constructor(limit: number) {
    this.limit = limit;
  }

  get inFlight(): number {
    return this.#inFlight;
  }

  /** A release function, or undefined when the server is full. */
  tryEnter(): (() => void) | undefined {
    if (this.#inFlight >= this.limit) return undefined;
    this.#inFlight++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#inFlight--;
    };
  }
}
