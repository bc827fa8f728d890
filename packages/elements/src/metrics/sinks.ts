import { InvalidArgumentError } from '@cowrite/core';
import { experimentBucket } from './experiment.ts';
import type { CwMetric } from './metric-types.ts';

/** Where metrics go: a callback, or anything with `push` (Google Tag Manager's `dataLayer`, an array, a queue). */
export type MetricSink = ((metric: CwMetric) => void) | { push(entry: Record<string, unknown>): unknown };

/** Options for `collectMetrics`. */
export interface CollectMetricsOptions {
  /** Share of sessions whose metrics are sent, 0 … 1. Default 1. */
  sampleRate?: number;
  /** With a visitor id the sampling decision is stable for that visitor; without, it is made once per call. */
  visitorId?: string;
  /** Where to listen; `cw-metric` bubbles out of shadow roots, so the document sees every element. Default `document`. */
  target?: EventTarget;
  /** The `event` key pushed to a `push` sink. Default `'cw_metric'` (Tag Manager triggers on it). */
  pushEventName?: string;
}

/**
 * Sends every `cw-metric` on the page to a sink, e.g. `collectMetrics(window.dataLayer ??= [])`
 * or `collectMetrics((metric) => analytics.track(metric.name, metric))`. Returns a function that stops it.
 */
export function collectMetrics(sink: MetricSink, options: CollectMetricsOptions = {}): () => void {
  const rate = options.sampleRate ?? 1;
  if (!(rate >= 0 && rate <= 1)) throw new InvalidArgumentError('INVALID_OPTION', 'sampleRate', `sampleRate must be between 0 and 1, got ${rate}.`);
  const sampled = options.visitorId ? experimentBucket('cw-metrics-sample', options.visitorId) < rate : Math.random() < rate;
  const target = options.target ?? document;
  if (!sampled) return () => {};
  const eventName = options.pushEventName ?? 'cw_metric';
  const deliver = typeof sink === 'function' ? sink : (metric: CwMetric) => void sink.push({ event: eventName, ...metric });
  const listener = (event: Event): void => deliver((event as CustomEvent<CwMetric>).detail);
  target.addEventListener('cw-metric', listener);
  return () => target.removeEventListener('cw-metric', listener);
}
