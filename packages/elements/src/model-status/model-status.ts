import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { PropertyDeclarations, TemplateResult } from 'lit';
import { CowriteElement } from '../base/cowrite-element.ts';
import { findEngineSource } from '../base/engine-source.ts';
import type { EngineSource, EngineStatus } from '../base/engine-source.ts';
import { sharedStyles } from '../base/shared.styles.ts';
import { format } from '../base/strings.ts';
import { modelStatusStyles } from './model-status.styles.ts';

/**
 * Shows the shared engine's state: download progress, the backend in use, and errors with
 * a retry button. An error reads as one short sentence; its technical reason (URLs, HTTP status)
 * sits in a collapsed "Details", so a page that explains the failure itself does not say it twice. Follows the provider named by `for`, else the closest
 * `<cw-engine-provider>`, else the page's default engine.
 *
 * @tagname cw-model-status
 * @summary Model download progress, backend and errors with retry.
 *
 * @fires cw-retry - The shopper asked to load the model again.
 *
 * @csspart base - The wrapper.
 * @csspart indicator - The colored status dot.
 * @csspart label - The status text.
 * @csspart progress - The download progress bar.
 * @csspart backend - The backend label.
 * @csspart retry-button - The retry button.
 * @csspart error-details - The technical reason of an error, collapsed (pages explain it in their own words).
 *
 * @cssprop --cw-progress-width - Width of the progress bar.
 * @cssprop --cw-color-positive - Dot color when ready.
 * @cssprop --cw-color-negative - Dot and text color on errors.
 * @cssprop --cw-color-accent - Dot and bar color while loading.
 */
export class CwModelStatus extends CowriteElement {
  /** The element's styles (shared tokens plus its own). */
  static override styles = [sharedStyles, modelStatusStyles];

  /** Lit reactive properties: `for`, `status` and a change counter. */
  static override properties: PropertyDeclarations = {
    ...CowriteElement.properties,
    for: {},
    status: { reflect: true },
    tick: { state: true },
  };

  /** Id of the `<cw-engine-provider>` to follow. */
  declare for: string | undefined;
  /** Mirrors the engine state (for styling with `[status=…]`). Read-only in practice. */
  declare status: EngineStatus;
  /** Counts engine source changes, so each one re-renders. */
  declare protected tick: number;

  #source: EngineSource | undefined;
  #onChange = (): void => {
    this.status = this.#source?.status ?? 'idle';
    this.tick += 1;
  };

  constructor() {
    super();
    this.status = 'idle';
    this.tick = 0;
  }

  /** Starts following its engine source: the provider named by `for`, else the closest one, else the page's. */
  override connectedCallback(): void {
    super.connectedCallback();
    queueMicrotask(() => this.#follow());
  }

  /** Stops following the engine source. */
  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#source?.removeEventListener('change', this.#onChange);
    this.#source = undefined;
  }

  /** Lit hook: follows another engine source when `for` now points elsewhere. */
  protected override willUpdate(): void {
    if (this.isConnected && this.#source && this.#sourceFor() !== this.#source) this.#follow();
  }

  #sourceFor(): EngineSource {
    const target = this.for ? (this.getRootNode() as Document | ShadowRoot).getElementById?.(this.for) : null;
    const hosted = (target as { engineSource?: EngineSource } | null)?.engineSource;
    return hosted ?? findEngineSource(this);
  }

  #follow(): void {
    if (!this.isConnected) return;
    this.#source?.removeEventListener('change', this.#onChange);
    this.#source = this.#sourceFor();
    this.#source.addEventListener('change', this.#onChange);
    this.#onChange();
  }

  #retry(): void {
    this.dispatchEvent(new CustomEvent('cw-retry', { bubbles: true, composed: true }));
    void this.#source?.retry();
  }

  /** Renders the engine's state: loading progress, ready with its backend, or the error with a retry button. */
  protected override render(): TemplateResult {
    const t = this.text;
    const source = this.#source;
    const progress = source?.progress;
    const percent = progress?.total ? Math.min(100, Math.round((progress.loaded / progress.total) * 100)) : undefined;
    const health = source?.health ?? 'ok';
    const label =
      this.status === 'ready'
        ? health === 'restarted'
          ? t.modelRestarted
          : t.modelReady
        : this.status === 'loading'
          ? health === 'restarting'
            ? t.modelRestarting
            : percent !== undefined
              ? format(t.modelLoadingProgress, { percent })
              : t.modelLoading
          : this.status === 'error'
            ? health === 'failed'
              ? t.modelStopped
              : t.modelFailed
            : t.modelIdle;
    const detail = this.status === 'error' ? source?.error?.message : undefined;
    return html`
      <div part="base" class="base">
        <span class="state">
          <span part="indicator" class="dot" aria-hidden="true"></span>
          <span part="label" class=${this.status === 'error' ? 'error' : ''} role="status">${label}</span>
        </span>
        ${this.status === 'loading' && health !== 'restarting'
          ? html`<progress part="progress" aria-label=${t.modelLoading} max="100" value=${ifDefined(percent)}></progress>`
          : nothing}
        ${this.status === 'ready' && source?.backend ? html`<span part="backend">${format(t.backend, { backend: source.backend })}</span>` : nothing}
        ${this.status === 'error' ? html`<button type="button" part="retry-button" @click=${this.#retry}>${t.retry}</button>` : nothing}
        ${detail
          ? html`<details part="error-details" class="details">
              <summary>${t.errorDetails}</summary>
              <p>${detail}</p>
            </details>`
          : nothing}
      </div>
    `;
  }
}
