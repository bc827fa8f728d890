/**
 * Names shared by the producer (`cowrite copy --queue`) and the workers. A result's
 * key is SKU + task + model + seed: a job that runs twice (a worker killed mid-job,
 * a retry) writes the same value under the same key, so every product is in the
 * results exactly once. BullMQ job ids may not contain ':', hence '|'.
 */
export const QUEUE_NAME = 'cowrite-copy';
export const RESULTS_KEY = 'cowrite:copy:results';
export const FAILURES_KEY = 'cowrite:copy:failures';
/** A list of result keys as workers finish them (written or failed for good): the producer pops it instead of polling every pending key. */
export const DONE_KEY = 'cowrite:copy:done';

export function resultKey(parts: { sku: string; task: string; model: string; seed: number }): string {
  return [parts.task, parts.model, parts.seed, encodeURIComponent(parts.sku)].join('|');
}
