import { LitElement, html } from 'lit';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import { loadModel } from '@cowrite/core';
import type { ModelDtype, TextGenerator } from '@cowrite/core';
import { EngineSource, pageEngineSource } from '../base/engine-source.ts';
import type { EngineLoader, EngineSourceHost } from '../base/engine-source.ts';

/**
 * Declares the engine once for every Cowrite element inside it (and, with `global`, for the
 * whole page). Give it a ready `engine`, a model `src` to load with `loadModel`, or your own
 * `loader`. Elements with their own `engine` property ignore it.
 *
 * ```html
 * <cw-engine-provider src="/models/distilgpt2/" dtype="q8" global>
 *   <cw-model-status></cw-model-status>
 *   <cw-review-composer name="review"></cw-review-composer>
 * </cw-engine-provider>
 * ```
 *
 * @tagname cw-engine-provider
 * @summary Shares one engine with every widget inside (or on the page).
 *
 * @fires cw-engine-change - The engine or its loading state changed. `detail: { status }`.
 *
 * @slot - Elements that use the engine.
 */
export class CwEngineProvider extends LitElement implements EngineSourceHost {
  static override properties: PropertyDeclarations = {
    src: {},
    dtype: {},
    global: { type: Boolean },
    engine: { attribute: false },
    loader: { attribute: false },
  };

  /** Model directory (hub layout) to load with core's `loadModel`. */
  declare src: string | undefined;
  /** Weight precision for `src` (`fp32`, `q8`, …). */
  declare dtype: ModelDtype | undefined;
  /** Also serve elements outside the provider (the page default). */
  declare global: boolean;
  /** A ready engine; wins over `src` and `loader`. */
  declare engine: TextGenerator | undefined;
  /** Custom loading (a Worker-backed engine, another runtime). */
  declare loader: EngineLoader | undefined;

  #ownSource = new EngineSource();

  constructor() {
    super();
    this.global = false;
    this.#ownSource.addEventListener('change', () => {
      this.dispatchEvent(
        new CustomEvent('cw-engine-change', { bubbles: true, composed: true, detail: { status: this.#ownSource.status } }),
      );
    });
  }

  /** The source elements read; with `global` it is the page's own. */
  get engineSource(): EngineSource {
    return this.global ? pageEngineSource : this.#ownSource;
  }

  /** Loads again with the same settings (after an error). */
  retry(): Promise<void> {
    return this.engineSource.retry();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!['engine', 'src', 'dtype', 'loader', 'global'].some((key) => changed.has(key as keyof CwEngineProvider))) return;
    const source = this.engineSource;
    if (this.engine) source.setEngine(this.engine);
    else if (this.loader) void source.load(this.loader);
    else if (this.src) {
      const { src, dtype } = this;
      void source.load(({ signal, onProgress }) =>
        loadModel({
          source: new URL(src, document.baseURI).href,
          dtype,
          signal,
          onProgress: (progress) => onProgress({ loaded: progress.loaded, total: progress.fileTotal, file: progress.file }),
        }),
      );
    }
  }

  protected override render(): TemplateResult {
    return html`<slot></slot>`;
  }
}
