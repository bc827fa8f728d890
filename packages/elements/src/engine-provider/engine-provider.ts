import { LitElement, html } from 'lit';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import { getSharedEngine } from '@cowrite/core';
import type { ModelDtype, ModelSource, TextGenerator } from '@cowrite/core';
import { EngineSource, pageEngineSource } from '../base/engine-source.ts';
import type { EngineLoader, EngineSourceHost } from '../base/engine-source.ts';

/**
 * Declares the engine once for every Cowrite element inside it (and, with `global`, for the
 * whole page). Give it a ready `engine`, a model (`src` URL or `hub` repository) that core's
 * page-wide shared engine loads — in a module Worker by default, fetched and compiled once
 * however many providers name it — or your own `loader`. Elements with their own `engine`
 * property ignore it.
 *
 * ```html
 * <cw-engine-provider hub="Xenova/gpt2" dtype="q8" global>
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
  /** Lit reactive properties: the model settings, `global`, `engine` and `loader`. */
  static override properties: PropertyDeclarations = {
    src: {},
    hub: {},
    revision: {},
    dtype: {},
    mode: {},
    backend: {},
    global: { type: Boolean },
    engine: { attribute: false },
    loader: { attribute: false },
  };

  /** URL of a model folder in the hub layout (self-hosted, CDN, or a same-origin path). */
  declare src: string | undefined;
  /** A Hugging Face hub repository, e.g. `Xenova/gpt2` (used when `src` is not set). */
  declare hub: string | undefined;
  /** Hub branch, tag or commit. Default `main`. */
  declare revision: string | undefined;
  /**
   * `worker` (default: decoding never blocks the page) or `in-process` (on the page's own thread), the names
   * core's `getSharedEngine` uses. `in-page` is the earlier name of `in-process`, still accepted.
   */
  declare mode: 'worker' | 'in-process' | 'in-page' | undefined;
  /** `wasm` (default), `webgpu` or `auto`. */
  declare backend: 'wasm' | 'webgpu' | 'auto' | undefined;
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

  /** Lit hook: (re)loads the engine when a model setting, `engine`, `loader` or `global` changed. */
  protected override updated(changed: PropertyValues<this>): void {
    if (!['engine', 'src', 'hub', 'revision', 'dtype', 'mode', 'backend', 'loader', 'global'].some((key) => changed.has(key as keyof CwEngineProvider))) return;
    const source = this.engineSource;
    if (this.engine) source.setEngine(this.engine);
    else if (this.loader) void source.load(this.loader);
    else if (this.src || this.hub) {
      const model: ModelSource = this.src ? new URL(this.src, document.baseURI).href : { hub: this.hub as string, revision: this.revision };
      const { dtype, backend } = this;
      const mode = this.mode === 'in-process' || this.mode === 'in-page' ? 'in-process' : 'worker';
      void source.load(({ onProgress }) =>
        getSharedEngine({
          source: model,
          dtype,
          backend,
          mode,
          onProgress: (progress) => onProgress({ loaded: progress.loaded, total: progress.total, file: progress.file }),
        }),
      );
    }
  }

  /** Renders a slot: the provider adds no markup of its own. */
  protected override render(): TemplateResult {
    return html`<slot></slot>`;
  }
}
