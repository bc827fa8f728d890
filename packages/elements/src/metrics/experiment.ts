import { InvalidArgumentError } from '@cowrite/core';
import type { ExperimentVariant } from './metric-types.ts';

/** A holdout experiment: a share of visitors writes without suggestions, so their results can be compared. */
export interface ExperimentSettings {
  /** The experiment's name; a new name reshuffles who is in control. */
  name: string;
  /** Share of visitors in the control group (no suggestions), 0 … 1. */
  controlShare: number;
  /** A stable, pseudonymous id the page supplies (its analytics id); without one no experiment runs. */
  visitorId: string;
}

let pageSettings: ExperimentSettings | undefined;

/** Sets the experiment for every element on the page (attributes on an element or an ancestor take precedence). */
export function setExperiment(settings: ExperimentSettings | undefined): void {
  if (settings && !(settings.controlShare >= 0 && settings.controlShare <= 1)) {
    throw new InvalidArgumentError('INVALID_OPTION', 'controlShare', `controlShare must be between 0 and 1, got ${settings.controlShare}.`);
  }
  pageSettings = settings;
}

/**
 * FNV-1a over the text, then MurmurHash3's 32-bit finalizer: stable across page loads (not secret).
 * Plain FNV-1a spreads ids that differ only at the end ("visitor-1", "visitor-2") poorly in its high bits
 * (10,000 such ids put 8.8 % under a 10 % share); the finalizer mixes every bit into every other.
 */
function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** Where a visitor falls in [0, 1) for an experiment: the same visitor always lands on the same spot. */
export function experimentBucket(name: string, visitorId: string): number {
  return hash32(`${name}\u0000${visitorId}`) / 2 ** 32;
}

/** The experiment arm of a visitor: `none` without an experiment name and visitor id, else `control` for the `controlShare` of visitors (a stable hash), `treatment` for the rest. */
export function variantFor(settings: ExperimentSettings | undefined): ExperimentVariant {
  if (!settings || !settings.name || !settings.visitorId) return 'none';
  return experimentBucket(settings.name, settings.visitorId) < settings.controlShare ? 'control' : 'treatment';
}

/** The closest element (crossing shadow roots) that carries `attribute`. */
function closestWith(element: Element, attribute: string): Element | undefined {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute(attribute)) return node;
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return undefined;
}

/**
 * The experiment an element takes part in: `experiment`, `control-share` and `visitor-id`
 * attributes on the element or an ancestor (e.g. `<cw-engine-provider>` or `<body>`), else `setExperiment`.
 */
export function experimentOf(element: Element): ExperimentSettings | undefined {
  const holder = closestWith(element, 'experiment');
  if (!holder) return pageSettings;
  const share = Number(holder.getAttribute('control-share') ?? '0');
  return {
    name: holder.getAttribute('experiment') ?? '',
    controlShare: Number.isFinite(share) ? Math.min(1, Math.max(0, share)) : 0,
    visitorId: closestWith(element, 'visitor-id')?.getAttribute('visitor-id') ?? pageSettings?.visitorId ?? '',
  };
}

/** True when suggestions are off for this element (it is in the control group). */
export function suggestionsWithheld(element: Element): boolean {
  return variantFor(experimentOf(element)) === 'control';
}

/** True when the element or an ancestor has `no-metrics`. */
export function metricsOptedOut(element: Element): boolean {
  return closestWith(element, 'no-metrics') !== undefined;
}
