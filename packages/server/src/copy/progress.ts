/**
 * Progress on a terminal: a bar with count, rate and ETA, redrawn in place at most
 * every 100 ms; on a pipe or log file, one plain line every `logEveryMs`.
 */
export interface ProgressSink {
  /** True on a terminal: the bar is redrawn in place; otherwise plain lines are logged. */
  isTTY?: boolean;
  /** Writes a piece of text as given, e.g. `process.stderr.write`. */
  write(text: string): unknown;
}

export class ProgressBar {
  readonly #out: ProgressSink;
  readonly #total: number | undefined;
  readonly #started = performance.now();
  readonly #logEveryMs: number;
  #lastDraw = 0;
  #done = 0;

  constructor(out: ProgressSink, total: number | undefined, logEveryMs = 10_000) {
    this.#out = out;
    this.#total = total;
    this.#logEveryMs = logEveryMs;
  }

  /** Rows finished per second since the start. */
  get rate(): number {
    const seconds = (performance.now() - this.#started) / 1000;
    return seconds > 0 ? this.#done / seconds : 0;
  }

  tick(done: number): void {
    this.#done = done;
    const now = performance.now();
    if (now - this.#lastDraw < (this.#out.isTTY ? 100 : this.#logEveryMs)) return;
    this.#lastDraw = now;
    this.#out.write(this.#out.isTTY ? `\r${this.line()}\u001b[K` : `${this.line()}\n`);
  }

  finish(): void {
    if (this.#out.isTTY) this.#out.write(`\r${this.line()}\u001b[K\n`);
  }

  line(): string {
    const rate = this.rate;
    const total = this.#total;
    if (total === undefined || total === 0) return `${this.#done} rows  ${rate.toFixed(2)} rows/s`;
    const fraction = Math.min(1, this.#done / total);
    const width = 24;
    const filled = Math.round(fraction * width);
    const eta = rate > 0 ? formatDuration((total - this.#done) / rate) : '?';
    return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${this.#done}/${total} ${(fraction * 100).toFixed(1)}%  ${rate.toFixed(2)} rows/s  ETA ${eta}`;
  }
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
