/**
 * Watches streamed text for `stop` strings. Text that might be the start of a stop
 * string is held back, so a stream never shows part of a stop string it later cuts.
 */
export class StopMatcher {
  readonly #stops: readonly string[];
  #held = '';
  /** The stop string found, once found. */
  matched: string | undefined;

  constructor(stops: readonly string[]) {
    this.#stops = stops;
  }

  /** Adds text; returns what is safe to show now. After a match, returns the text before it. */
  push(text: string): string {
    if (this.matched !== undefined) return '';
    if (this.#stops.length === 0) return text;
    const buffer = this.#held + text;
    let cut = -1;
    for (const stop of this.#stops) {
      const at = buffer.indexOf(stop);
      if (at !== -1 && (cut === -1 || at < cut)) {
        cut = at;
        this.matched = stop;
      }
    }
    if (cut !== -1) {
      this.#held = '';
      return buffer.slice(0, cut);
    }
    const keep = this.#partialSuffix(buffer);
    this.#held = buffer.slice(buffer.length - keep);
    return buffer.slice(0, buffer.length - keep);
  }

  /** Releases held text at the end of generation (it turned out not to be a stop string). */
  flush(): string {
    const held = this.#held;
    this.#held = '';
    return held;
  }

  /** Length of the longest suffix of `buffer` that is a proper prefix of some stop string. */
  #partialSuffix(buffer: string): number {
    let best = 0;
    for (const stop of this.#stops) {
      for (let k = Math.min(stop.length - 1, buffer.length); k > best; k--) {
        if (buffer.endsWith(stop.slice(0, k))) {
          best = k;
          break;
        }
      }
    }
    return best;
  }
}
