/**
 * Growth measurement shared by the linear-time test, `pnpm bench:fuzz` and `pnpm eval:guard`:
 * each entry point on each adversarial input at two lengths, fastest of a few runs, and the growth ratio.
 * Linear code grows ≈ 10× from 10,000 to 100,000 characters; quadratic code ≈ 100×.
 */
import type { FuzzInput } from './fuzz-inputs.ts';
import { fuzzInputs } from './fuzz-inputs.ts';

export interface EntryPoint {
  name: string;
  run: (text: string) => unknown;
}

export interface GrowthRow {
  entry: string;
  input: string;
  smallMs: number;
  largeMs: number;
  /** largeMs / max(smallMs, floorMs): noise on tiny timings cannot fake growth. */
  ratio: number;
}

// The fastest of a few runs: on a shared machine interference only ever adds time (a descheduled
// process, another job's burst), so the minimum is the least noisy estimate of the work itself.
const fastest = (xs: number[]): number => Math.min(...xs);

/**
 * Milliseconds of CPU this process spent (user + system), not wall time: on a machine shared by many jobs a long run
 * is descheduled more often than a short one, which inflates wall-time ratios several-fold. Wall time elsewhere.
 */
const cpuNow = (): number => {
  if (typeof process !== 'undefined' && typeof process.cpuUsage === 'function') {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  }
  return performance.now();
};

function timeOf(run: (text: string) => unknown, text: string, repeats: number): number {
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = cpuNow();
    run(text);
    times.push(cpuNow() - t0);
  }
  return fastest(times);
}

export interface GrowthOptions {
  small?: number;
  large?: number;
  repeats?: number;
  floorMs?: number;
  /** Only these inputs (by name prefix); default all. */
  filter?: (input: FuzzInput) => boolean;
}

export function measureGrowth(entries: readonly EntryPoint[], options: GrowthOptions = {}): GrowthRow[] {
  const small = options.small ?? 10_000;
  const large = options.large ?? 100_000;
  const repeats = options.repeats ?? 3;
  const floorMs = options.floorMs ?? 0.5;
  const smallInputs = fuzzInputs(small);
  const largeInputs = fuzzInputs(large);
  const rows: GrowthRow[] = [];
  for (const entry of entries) {
    // One warm-up so the first input does not pay for compilation.
    entry.run(smallInputs[0]!.text);
    for (let i = 0; i < smallInputs.length; i++) {
      const s = smallInputs[i]!;
      if (options.filter && !options.filter(s)) continue;
      let smallMs = timeOf(entry.run, s.text, repeats);
      let largeMs = timeOf(entry.run, largeInputs[i]!.text, repeats);
      let ratio = largeMs / Math.max(smallMs, floorMs);
      if (ratio > 20) {
        // A second look before calling it growth: the machine is shared and noisy.
        smallMs = Math.min(smallMs, timeOf(entry.run, s.text, repeats + 4));
        largeMs = Math.min(largeMs, timeOf(entry.run, largeInputs[i]!.text, repeats + 4));
        ratio = largeMs / Math.max(smallMs, floorMs);
      }
      rows.push({ entry: entry.name, input: s.name, smallMs, largeMs, ratio });
    }
  }
  return rows;
}

export function worstTable(rows: readonly GrowthRow[], limit = 15): string {
  const byEntry = new Map<string, GrowthRow[]>();
  for (const r of rows) byEntry.set(r.entry, [...(byEntry.get(r.entry) ?? []), r]);
  const lines = [
    '| entry point | inputs | worst 100k ms (input) | worst growth 10k→100k (input) |',
    '|---|---:|---|---|',
  ];
  for (const [entry, rs] of byEntry) {
    const slow = rs.reduce((a, b) => (b.largeMs > a.largeMs ? b : a));
    const grow = rs.reduce((a, b) => (b.ratio > a.ratio ? b : a));
    lines.push(`| ${entry} | ${rs.length} | ${slow.largeMs.toFixed(1)} (${slow.input}) | ${grow.ratio.toFixed(1)}× (${grow.input}) |`);
  }
  lines.push('', '| slowest runs | input | 10k ms | 100k ms | growth |', '|---|---|---:|---:|---:|');
  for (const r of [...rows].sort((a, b) => b.largeMs - a.largeMs).slice(0, limit)) {
    lines.push(`| ${r.entry} | ${r.input.replace(/\|/g, '\\|')} | ${r.smallMs.toFixed(2)} | ${r.largeMs.toFixed(1)} | ${r.ratio.toFixed(1)}× |`);
  }
  return lines.join('\n');
}
