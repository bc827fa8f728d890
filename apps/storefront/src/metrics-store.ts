import type { CwMetric } from '@cowrite/elements';

/** One metric as the demo stored it: when it arrived (the page's clock) and the metric itself. */
export interface StoredMetric {
  t: number;
  m: CwMetric;
}

const KEY = 'cowrite-demo:metrics';
/** About 300 KB of localStorage: enough for a demo's history, small enough never to hit the quota. */
const LIMIT = 2000;

/**
 * The demo's own event log, in localStorage so the dashboard (another page of the same origin)
 * can read it. A real merchant sends `cw-metric` to their analytics instead (`collectMetrics`).
 */
export function readMetrics(storage: Storage = localStorage): StoredMetric[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? (parsed as StoredMetric[]) : [];
  } catch {
    return [];
  }
}

export function addMetric(metric: CwMetric, storage: Storage = localStorage, now = Date.now()): void {
  const all = readMetrics(storage);
  all.push({ t: now, m: metric });
  try {
    storage.setItem(KEY, JSON.stringify(all.slice(-LIMIT)));
  } catch {
    // Storage full or blocked (private mode): the dashboard simply shows less.
  }
}

export function clearMetrics(storage: Storage = localStorage): void {
  storage.removeItem(KEY);
}
