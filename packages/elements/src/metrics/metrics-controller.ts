import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { experimentOf, metricsOptedOut, variantFor } from './experiment.ts';
import type { CwMetric, MetricBase, MetricElement, MetricFields } from './metric-types.ts';

/** What a recipe gets: the element, `emit`, a clock and listeners that are removed on disconnect. */
export interface MetricContext {
  /** The element whose metrics are derived. */
  readonly host: HTMLElement;
  /** Fires one `cw-metric` on the element; the fields every metric has are added. */
  emit(fields: MetricFields): void;
  /** Milliseconds, monotonic. */
  now(): number;
  /** Adds an event listener that is removed when the element disconnects. */
  listen<E extends Event = Event>(target: EventTarget, type: string, listener: (event: E) => void, options?: AddEventListenerOptions): void;
}

/** Derives metrics for one element from its events and state; returns what to run after each update, if anything. */
export type MetricRecipe = (context: MetricContext) => { hostUpdated?(): void } | void;

/**
 * An element class that co-writes declares how its metrics are derived (`static metricRecipe`), in its own
 * folder: the metrics layer never imports the elements. Elements without co-writing declare none.
 */
interface MetricHostClass {
  metricRecipe?: MetricRecipe;
}

const ELEMENTS = new Set<MetricElement>(['review-composer', 'suggested-copy', 'share-post', 'idea-form', 'feedback-summary', 'model-status', 'engine-provider']);

/**
 * Emits `cw-metric` events for an element, derived from the events it already fires,
 * so the element itself only adds the controller. Nothing is emitted under `no-metrics`.
 */
export class MetricsController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  #connectedAt = 0;
  #cleanup: (() => void)[] = [];
  #updated: (() => void) | undefined;

  readonly #language: () => string;

  /** `language` gives the element's effective language (its own or inherited `lang`). */
  constructor(host: ReactiveControllerHost & HTMLElement, language: () => string) {
    this.#host = host;
    this.#language = language;
    host.addController(this);
  }

  /** Lit controller hook: starts the element's metric recipe. */
  hostConnected(): void {
    this.#connectedAt = performance.now();
    const recipe = (this.#host.constructor as MetricHostClass).metricRecipe;
    if (!recipe) return;
    const context: MetricContext = {
      host: this.#host,
      emit: (fields) => this.emit(fields),
      now: () => performance.now(),
      listen: (target, type, listener, options) => {
        target.addEventListener(type, listener as EventListener, options);
        this.#cleanup.push(() => target.removeEventListener(type, listener as EventListener, options));
      },
    };
    this.#updated = recipe(context)?.hostUpdated;
  }

  /** Lit controller hook: removes the recipe's listeners. */
  hostDisconnected(): void {
    for (const undo of this.#cleanup.splice(0)) undo();
    this.#updated = undefined;
  }

  /** Lit controller hook: runs the recipe's `hostUpdated`, if it has one. */
  hostUpdated(): void {
    this.#updated?.();
  }

  /** Fires one `cw-metric` on the element (bubbles, composed). */
  emit(fields: MetricFields): void {
    const host = this.#host;
    if (metricsOptedOut(host)) return;
    const tag = host.localName.replace(/^cw-/, '') as MetricElement;
    const lang = this.#language().toLowerCase();
    const base: MetricBase = {
      v: 1,
      element: ELEMENTS.has(tag) ? tag : 'review-composer',
      variant: variantFor(experimentOf(host)),
      lang: lang.startsWith('zh') ? 'zh' : lang.startsWith('en') ? 'en' : 'other',
      at: Math.round(performance.now() - this.#connectedAt),
    };
    const detail = { ...base, ...fields } as CwMetric;
    host.dispatchEvent(new CustomEvent<CwMetric>('cw-metric', { bubbles: true, composed: true, detail }));
  }
}
