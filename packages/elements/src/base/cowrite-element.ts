import { LitElement } from 'lit';
import type { PropertyDeclarations } from 'lit';
import type { TextGenerator } from '@cowrite/core';
import { suggestionsWithheld } from '../metrics/experiment.ts';
import { MetricsController } from '../metrics/metrics-controller.ts';
import type { MetricRecipe } from '../metrics/metrics-controller.ts';
import { findEngineSource } from './engine-source.ts';
import { watchPageLanguage } from './page-language.ts';
import type { EngineSource } from './engine-source.ts';
import { languageOf, resolveStrings } from './strings.ts';
import type { CowriteStrings } from './strings.ts';

/**
 * What every Cowrite element shares: strings in the element's language, the engine it
 * talks to (its own `engine`, else the closest `<cw-engine-provider>`, else the page's),
 * and a light/dark `theme` hook.
 */
export class CowriteElement extends LitElement {
  /** Elements that co-write set how their `cw-metric` events are derived (see metrics/metrics-controller.ts). */
  static metricRecipe: MetricRecipe | undefined;

  /** Lit reactive properties every Cowrite element has: `engine`, `strings`, `theme`. */
  static override properties: PropertyDeclarations = {
    engine: { attribute: false },
    strings: { attribute: false },
    theme: { reflect: true },
  };

  /** Overrides the page's engine for this element. */
  declare engine: TextGenerator | undefined;
  /** Per-element string overrides (any subset). */
  declare strings: Partial<CowriteStrings> | undefined;
  /** `light`, `dark`, or unset to follow the page's `color-scheme` (light unless the page opts into dark). */
  declare theme: 'light' | 'dark' | undefined;

  #watched: EngineSource | undefined;
  #unwatchLanguage: (() => void) | undefined;
  readonly #onEngineChange = (): void => this.requestUpdate();
  /** `cw-metric` events derived from the element's own events (none under `no-metrics`). */
  protected readonly metrics = new MetricsController(this, () => languageOf(this));

  /** Starts following the engine source and the page's `lang`, to re-render when either changes. */
  override connectedCallback(): void {
    super.connectedCallback();
    // Re-render when the shared engine becomes ready (or fails), so buttons that need it enable themselves.
    this.#watched = findEngineSource(this);
    this.#watched.addEventListener('change', this.#onEngineChange);
    // `<html lang>` changed (a language menu): render in the new language.
    this.#unwatchLanguage = watchPageLanguage(this.#onEngineChange);
  }

  /** Stops following the engine source and the page's `lang`. */
  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#watched?.removeEventListener('change', this.#onEngineChange);
    this.#watched = undefined;
    this.#unwatchLanguage?.();
    this.#unwatchLanguage = undefined;
  }

  /** The engine in use right now, or undefined when none is ready. */
  get activeEngine(): TextGenerator | undefined {
    return this.engine ?? findEngineSource(this).engine;
  }

  /** True in an experiment's control group: the element offers no suggestions (see `experiment`). */
  get suggestionsWithheld(): boolean {
    return suggestionsWithheld(this);
  }

  /** Strings for this element's language with the overrides applied. */
  protected get text(): CowriteStrings {
    return resolveStrings(this.language, this.strings);
  }

  /** The element's language code (closest `lang`). */
  protected get language(): string {
    return languageOf(this);
  }

  /** Core's sentiment and guard functions take `'en' | 'zh'`. */
  protected get coreLanguage(): 'en' | 'zh' {
    return this.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
  }
}
