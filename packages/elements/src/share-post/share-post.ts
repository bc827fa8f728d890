import { html, nothing } from 'lit';
import type { PropertyDeclarations, TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { FormControlElement } from '../base/form-control.ts';
import { guardFindingsStyles, renderGuardFindings } from '../base/guard-findings.ts';
import { fieldStyles, sharedStyles } from '../base/shared.styles.ts';
import { format } from '../base/strings.ts';
import { streamSharePostText } from '../services/tasks.ts';
import { getTextServices } from '../services/text-services.ts';
import type { GuardFinding } from '../services/text-services.ts';
import { DEFAULT_SHARE_NETWORKS, resolveNetworks } from './share-networks.ts';
import type { ShareNetwork } from './share-networks.ts';
import { sharePostStyles } from './share-post.styles.ts';
import { sharePostMetrics } from './share-post.metrics.ts';
import type { MetricRecipe } from '../metrics/metrics-controller.ts';
import { engineErrorMessage, isUnsuitedEngine } from '../base/engine-errors.ts';

/** Where a post went: the browser's share sheet, the clipboard, or a network's share link (its id). */
export type ShareChannel = 'native' | 'copy' | (string & {});

/** `detail` of `cw-share-post-create`. */
export interface SharePostCreateDetail {
  /** The post that was written (now the editor's text and the form value). */
  text: string;
}

/** `detail` of `cw-share`. */
export interface ShareDetail {
  /** Where the post goes. */
  channel: ShareChannel;
  /** The post's text. */
  text: string;
  /** The `url` property, or '' when unset. */
  url: string;
}

/** Where `cw-share-post` is: `idle` (nothing written yet), `writing`, `draft` (a post to edit and share) or `error` (writing failed with no earlier post). */
export type SharePostState = 'idle' | 'writing' | 'draft' | 'error';

const networkListConverter = {
  fromAttribute: (value: string | null): string[] => (value ?? '').split(/[\s,]+/).filter(Boolean),
  toAttribute: (value: readonly (string | ShareNetwork)[]): string => value.map((each) => (typeof each === 'string' ? each : each.id)).join(' '),
};

/**
 * Turns the shopper's own review into a short share post, co-written by the model from
 * their words and the product's facts. The shopper edits it, sees what the guard found,
 * and shares it themselves: the Web Share sheet where the browser has one, the clipboard,
 * or a network's share link. Nothing leaves the page before a click. The post is the form value.
 *
 * @tagname cw-share-post
 * @summary A share post written from the shopper's review; edit, check, then share by a click.
 *
 * @fires cw-share-post-create - A post was written. `detail: { text }`.
 * @fires cw-share - The shopper chose a channel (cancelable: `preventDefault()` stops the share). `detail: { channel, text, url }`.
 * @fires input - The shopper edited the post.
 * @fires change - The post changed (written or edited, on blur).
 *
 * @csspart base - The wrapper.
 * @csspart write-button - Writes (or rewrites) the post.
 * @csspart editor - The post's textarea.
 * @csspart findings - Guard findings for the post.
 * @csspart actions - Share sheet and copy buttons.
 * @csspart networks - The list of network links.
 * @csspart network - One network link.
 *
 * @cssprop --cw-color-accent - Primary buttons and links.
 * @cssprop --cw-color-warning - Guard findings.
 */
export class CwSharePost extends FormControlElement {
  /** The element's styles (shared tokens plus its own). */
  static override styles = [sharedStyles, fieldStyles, guardFindingsStyles, sharePostStyles];
  /** How this element's `cw-metric` events are derived from its own events. */
  static override metricRecipe: MetricRecipe = sharePostMetrics;

  /** Lit reactive properties: the form-control ones plus the post settings and internal state. */
  static override properties: PropertyDeclarations = {
    ...FormControlElement.properties,
    review: {},
    product: {},
    facts: { attribute: false },
    url: {},
    networks: { converter: networkListConverter },
    length: { reflect: true },
    seed: { type: Number },
    state: { reflect: true },
    findings: { attribute: false },
    announcement: { state: true },
    error: { state: true },
    webShare: { state: true },
  };

  /** The shopper's review the post is written from. */
  declare review: string;
  /** Product name. */
  declare product: string | undefined;
  /** Product facts the post may use (features, size, material). */
  declare facts: string | readonly string[] | undefined;
  /** The page the post links to (a product page); none when unset. */
  declare url: string | undefined;
  /** Network ids (`x facebook whatsapp linkedin telegram reddit email weibo qzone douban`) or your own `ShareNetwork`s; default by language. */
  declare networks: readonly (string | ShareNetwork)[] | undefined;
  /** `short` (a chat message) or `medium` (a social post). */
  declare length: 'short' | 'medium';
  /** Sampling seed; each rewrite moves it on. */
  declare seed: number;
  /** Where the element is: nothing written yet, writing, a draft to edit, or an error. */
  declare state: SharePostState;
  /** What the guard found in the current post. */
  declare findings: readonly GuardFinding[];
  /** Text for the screen-reader live region. */
  declare protected announcement: string;
  /** Why writing failed ('' when it did not); shown and announced. */
  declare protected error: string;
  /** The browser has a share sheet (Web Share API). */
  declare protected webShare: boolean;

  #run: AbortController | undefined;
  #attempt = 0;

  constructor() {
    super();
    this.review = '';
    this.length = 'medium';
    this.seed = 1;
    this.state = 'idle';
    this.findings = [];
    this.announcement = '';
    this.error = '';
    this.webShare = false;
  }

  /** Checks whether the browser has a share sheet. */
  override connectedCallback(): void {
    super.connectedCallback();
    this.webShare = typeof navigator.share === 'function';
  }

  /** Cancels writing in progress. */
  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#run?.abort();
  }

  /** On form reset: cancels writing and goes back to the default post (or `idle` without one). */
  protected override resetValue(): void {
    super.resetValue();
    this.#run?.abort();
    this.state = this.value ? 'draft' : 'idle';
    this.findings = [];
  }

  /** Where focus goes on an error: the post's textarea, else the write button. */
  protected override validationTarget(): HTMLElement | undefined {
    return this.renderRoot.querySelector<HTMLElement>('textarea') ?? this.renderRoot.querySelector<HTMLElement>('[part~=write-button]') ?? undefined;
  }

  /** Writes a post from `review` (cancels one in progress). The previous post is replaced only once the new one is complete. */
  async write(): Promise<void> {
    const engine = this.activeEngine;
    if (!engine || !this.review.trim()) return;
    this.#run?.abort();
    const run = new AbortController();
    this.#run = run;
    const previous = this.value;
    this.state = 'writing';
    this.error = '';
    this.announcement = this.text.sharePostWriting;
    let text = '';
    try {
      const request = { review: this.review, product: this.product, facts: this.facts, length: this.length, seed: this.seed + this.#attempt * 101 };
      this.#attempt += 1;
      for await (const piece of streamSharePostText(engine, request, run.signal)) text += piece;
      if (run.signal.aborted) return;
      text = text.trim();
      if (!text) throw new Error(this.text.sharePostEmpty);
      this.value = text;
      this.markEdited();
      this.#check();
      this.state = 'draft';
      this.announcement = this.text.sharePostReady;
      this.dispatchEvent(new CustomEvent<SharePostCreateDetail>('cw-share-post-create', { bubbles: true, composed: true, detail: { text } }));
      this.dispatchEvent(new Event('change', { bubbles: true }));
    } catch (error) {
      if (run.signal.aborted) return;
      // Nothing the shopper had is lost: a failed rewrite keeps the earlier post.
      this.value = previous;
      this.state = previous ? 'draft' : 'error';
      const message = engineErrorMessage(error, this.text);
      this.error = isUnsuitedEngine(error) || message === this.text.sharePostEmpty ? message : format(this.text.sharePostError, { message });
      this.announcement = this.error;
    } finally {
      if (this.#run === run) this.#run = undefined;
    }
  }

  /** Shares through the browser's share sheet; resolves false when unavailable, cancelled or prevented. */
  async shareNative(): Promise<boolean> {
    if (typeof navigator.share !== 'function' || !this.#announceShare('native')) return false;
    const data: ShareData = this.url ? { text: this.value, url: this.url } : { text: this.value };
    try {
      await navigator.share(data);
      this.announcement = this.text.shareDone;
      return true;
    } catch {
      // AbortError: the shopper closed the sheet; anything else: the browser refused. Either way nothing was shared.
      return false;
    }
  }

  /** Copies the post (and the link) to the clipboard. */
  async copy(): Promise<boolean> {
    if (!this.#announceShare('copy')) return false;
    try {
      await navigator.clipboard.writeText(this.url ? `${this.value} ${this.url}` : this.value);
      this.announcement = this.text.copied;
      return true;
    } catch {
      this.announcement = this.text.copyFailed;
      return false;
    }
  }

  /** The networks offered: the `networks` list, else the defaults for the element's language. */
  get shareNetworks(): ShareNetwork[] {
    return resolveNetworks(this.networks?.length ? this.networks : DEFAULT_SHARE_NETWORKS[this.coreLanguage]);
  }

  /** Fires `cw-share`; false when the page prevented it. */
  #announceShare(channel: ShareChannel): boolean {
    if (!this.value.trim()) return false;
    const detail: ShareDetail = { channel, text: this.value, url: this.url ?? '' };
    return this.dispatchEvent(new CustomEvent<ShareDetail>('cw-share', { bubbles: true, composed: true, cancelable: true, detail }));
  }

  #check(): void {
    const guard = getTextServices().guardText;
    this.findings = guard && this.value ? guard(this.value, { lang: this.coreLanguage }).findings : [];
  }

  #onEdit(event: Event): void {
    this.value = (event.target as HTMLTextAreaElement).value;
    this.markEdited();
    this.#check();
    // No re-dispatch: the textarea's native `input` is composed and already reaches listeners on the host.
  }

  #onNetworkClick(event: MouseEvent, network: ShareNetwork): void {
    if (!this.#announceShare(network.id)) event.preventDefault();
    else this.announcement = this.text.shareDone;
  }

  /** Renders the write button, the post editor with its findings, and the share actions. */
  protected override render(): TemplateResult {
    const t = this.text;
    const engine = this.activeEngine;
    const hasReview = this.review.trim().length > 0;
    const writing = this.state === 'writing';
    const hasPost = this.value.trim().length > 0;
    const payload = { text: this.value, url: this.url ?? '' };
    return html`
      <div part="base" class="base">
        ${hasReview ? nothing : html`<p class="muted">${t.sharePostNoReview}</p>`}
        <div class="row">
          <button
            type="button"
            part="write-button"
            class=${hasPost ? '' : 'primary'}
            ?disabled=${this.isDisabled || writing || !hasReview || !engine}
            @click=${() => void this.write()}
          >
            ${writing ? t.sharePostWriting : hasPost ? t.sharePostRewrite : t.sharePostWrite}
          </button>
        </div>
        ${this.error ? html`<p class="error">${this.error}</p>` : nothing}
        ${hasPost || this.state === 'draft'
          ? html`<label class="field"
                ><span class="label">${t.sharePostLabel}</span>
                <textarea
                  part="editor"
                  rows="4"
                  aria-busy=${writing ? 'true' : 'false'}
                  .value=${live(this.value)}
                  ?disabled=${this.isDisabled}
                  @input=${(event: Event) => this.#onEdit(event)}
                  @change=${() => this.dispatchEvent(new Event('change', { bubbles: true }))}
                ></textarea
              ></label>
              ${renderGuardFindings(t, this.value, this.findings)}
              <p class="muted small">${t.sharePostPrivacy}</p>
              <div part="actions" class="row">
                ${this.webShare
                  ? html`<button type="button" class="primary" ?disabled=${!hasPost || writing} @click=${() => void this.shareNative()}>${t.shareNative}</button>`
                  : nothing}
                <button type="button" ?disabled=${!hasPost || writing} @click=${() => void this.copy()}>${t.copy}</button>
              </div>
              ${this.#renderNetworks(payload, hasPost && !writing)}`
          : nothing}
        <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
      </div>
    `;
  }

  #renderNetworks(payload: { text: string; url: string }, enabled: boolean): TemplateResult | typeof nothing {
    const networks = this.shareNetworks;
    // No links for an empty or unfinished post: a share link carries the text as it is now.
    if (!networks.length || !enabled) return nothing;
    const t = this.text;
    return html`<nav class="networks-wrap" aria-label=${t.shareOn}>
      <span class="label" aria-hidden="true">${t.shareOn}</span>
      <ul part="networks" class="networks">
        ${networks.map(
          (network) => html`<li>
            <a
              part="network"
              data-network=${network.id}
              href=${network.href(payload)}
              target="_blank"
              rel="noopener noreferrer"
              aria-label=${format(t.shareOnNetwork, { network: network.label })}
              @click=${(event: MouseEvent) => this.#onNetworkClick(event, network)}
              >${network.label}</a
            >
          </li>`,
        )}
      </ul>
    </nav>`;
  }
}
