import { html, nothing } from 'lit';
import type { PropertyDeclarations, TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { FormControlElement } from '../base/form-control.ts';
import { guardFindingsStyles, renderGuardFindings } from '../base/guard-findings.ts';
import { fieldStyles, sharedStyles } from '../base/shared.styles.ts';
import { format, stringFor } from '../base/strings.ts';
import type { CowriteStrings } from '../base/strings.ts';
import { streamCopy } from '../services/tasks.ts';
import type { CopyKind, CopyLength, CopyTone, ProductAttributes } from '../services/tasks.ts';
import { getTextServices } from '../services/text-services.ts';
import type { GuardCallOptions, GuardFinding } from '../services/text-services.ts';
import { suggestedCopyStyles } from './suggested-copy.styles.ts';
import { suggestedCopyMetrics } from './suggested-copy.metrics.ts';
import type { MetricRecipe } from '../metrics/metrics-controller.ts';
import { engineErrorMessage, isUnsuitedEngine } from '../base/engine-errors.ts';

/** One suggested copy text of `cw-suggested-copy`. */
export interface CopyCandidate {
  /** The text so far (grows while `streaming`). */
  text: string;
  /** `streaming` while the model writes, `done` when finished, `error` when it failed (see `error`). */
  status: 'streaming' | 'done' | 'error';
  /** What the guard found in the text (checked as generated copy against the product facts). */
  findings: readonly GuardFinding[];
  /** Why the candidate failed; set only with status `error`. */
  error?: string;
}

/** `detail` of `cw-copy-accept`. */
export interface CopyAcceptDetail {
  /** The chosen candidate's text (also the form value now). */
  text: string;
  /** Index of the chosen candidate in `candidates`. */
  index: number;
  /** Which copy was chosen. */
  kind: CopyKind;
}

const kinds: readonly CopyKind[] = ['description', 'headline', 'social'];
const tones: readonly CopyTone[] = ['friendly', 'professional', 'playful', 'luxury'];
const lengths: readonly CopyLength[] = ['short', 'medium', 'long'];

/**
 * AI-suggested product copy for merchants: from product attributes (the `product`
 * property or a child `<script type="application/json">`), streams several candidates for
 * a description, headline or social post, with tone and length controls. Each candidate
 * can be chosen, edited in place, regenerated or copied; guard findings show under it.
 * The chosen text is the form value.
 *
 * @tagname cw-suggested-copy
 * @summary Streams copy candidates from product attributes; accept, edit, regenerate, copy.
 *
 * @fires cw-copy-accept - A candidate was chosen. `detail: { text, index, kind }`.
 * @fires change - The chosen text changed.
 * @fires input - The chosen candidate was edited.
 *
 * @slot - A `<script type="application/json">` with the product attributes.
 *
 * @csspart base - The wrapper.
 * @csspart controls - Kind, tone, length and the generate button.
 * @csspart generate-button - The generate button.
 * @csspart candidates - The candidate list.
 * @csspart candidate - One candidate card.
 * @csspart candidate-text - A candidate's text.
 * @csspart findings - Guard findings of a candidate.
 * @csspart actions - A candidate's buttons.
 *
 * @cssprop --cw-color-accent - Border of the chosen candidate.
 * @cssprop --cw-color-warning - Guard findings.
 */
export class CwSuggestedCopy extends FormControlElement {
  /** The element's styles (shared tokens plus its own). */
  static override styles = [sharedStyles, fieldStyles, guardFindingsStyles, suggestedCopyStyles];
  /** How this element's `cw-metric` events are derived from its own events. */
  static override metricRecipe: MetricRecipe = suggestedCopyMetrics;

  /** Lit reactive properties: the form-control ones plus the copy settings and internal state. */
  static override properties: PropertyDeclarations = {
    ...FormControlElement.properties,
    product: { attribute: false },
    kind: { reflect: true },
    tone: { reflect: true },
    length: { reflect: true },
    count: { type: Number },
    seed: { type: Number },
    candidates: { attribute: false },
    acceptedIndex: { state: true },
    editingIndex: { state: true },
    announcement: { state: true },
  };

  /** Product attributes (name, category, features, materials, audience …). */
  declare product: ProductAttributes | undefined;
  /** Which copy to write. Default `description`. */
  declare kind: CopyKind;
  /** Tone of the copy. Default `friendly`. */
  declare tone: CopyTone;
  /** Length of a description. Default `medium`. */
  declare length: CopyLength;
  /** Candidates per generation. Default 3. */
  declare count: number;
  /** Base sampling seed; candidate i uses seed + i (reproducible suggestions). */
  declare seed: number;
  /** The current candidates (read-only in practice). */
  declare candidates: CopyCandidate[];
  /** Index of the chosen candidate, -1 when none. */
  declare protected acceptedIndex: number;
  /** Index of the candidate being edited in place, -1 when none. */
  declare protected editingIndex: number;
  /** Text for the screen-reader live region. */
  declare protected announcement: string;

  #run: AbortController | undefined;
  #generation = 0;
  /** The last generation found the engine cannot write copy (the phrase model): its card offers no actions. */
  #unsuited = false;

  constructor() {
    super();
    this.kind = 'description';
    this.tone = 'friendly';
    this.length = 'medium';
    this.count = 3;
    this.seed = 1;
    this.candidates = [];
    this.acceptedIndex = -1;
    this.editingIndex = -1;
    this.announcement = '';
  }

  /** Reads the product from the child JSON script when `product` is unset. */
  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.product) this.#readProductScript();
  }

  /** Cancels a generation in progress. */
  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#run?.abort();
  }

  /** On form reset: no candidate is chosen or edited any more. */
  protected override resetValue(): void {
    super.resetValue();
    this.acceptedIndex = -1;
    this.editingIndex = -1;
  }

  #readProductScript(): void {
    const script = this.querySelector('script[type="application/json"]');
    if (!script?.textContent) return;
    try {
      const parsed: unknown = JSON.parse(script.textContent);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) this.product = parsed as ProductAttributes;
    } catch {
      console.warn('[cowrite] <cw-suggested-copy>: the product script is not valid JSON.');
    }
  }

  /** Generates `count` new candidates (cancels a generation in progress). */
  async generate(): Promise<void> {
    this.#run?.abort();
    const run = new AbortController();
    this.#run = run;
    this.#generation += 1;
    this.acceptedIndex = -1;
    this.editingIndex = -1;
    this.#unsuited = false;
    this.candidates = Array.from({ length: this.count }, () => ({ text: '', status: 'streaming' as const, findings: [] }));
    for (let index = 0; index < this.count && !run.signal.aborted; index += 1) {
      if ((await this.#fill(index, run.signal)) === 'unsuited') {
        // The engine cannot write copy at all: one card says what it needs, not three, and offers nothing to retry.
        this.#unsuited = true;
        this.candidates = this.candidates.slice(0, 1);
        break;
      }
    }
    if (!run.signal.aborted) this.announcement = format(this.text.candidatesReady, { n: this.candidates.filter((c) => c.text).length });
  }

  /** Replaces one candidate with a fresh one. */
  async regenerate(index: number): Promise<void> {
    if (index < 0 || index >= this.candidates.length) return;
    this.#generation += 1;
    if (this.acceptedIndex === index) this.acceptedIndex = -1;
    this.#replace(index, { text: '', status: 'streaming', findings: [] });
    await this.#fill(index, this.#run?.signal ?? new AbortController().signal);
  }

  /** Chooses a candidate: it becomes the value. */
  accept(index: number): void {
    const candidate = this.candidates[index];
    if (!candidate || candidate.status !== 'done') return;
    this.acceptedIndex = index;
    this.value = candidate.text;
    this.markEdited();
    this.dispatchEvent(
      new CustomEvent<CopyAcceptDetail>('cw-copy-accept', {
        bubbles: true,
        composed: true,
        detail: { text: candidate.text, index, kind: this.kind },
      }),
    );
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  async #fill(index: number, signal: AbortSignal): Promise<'unsuited' | undefined> {
    const engine = this.activeEngine;
    if (!engine || !this.product) {
      this.#replace(index, { text: '', status: 'error', findings: [], error: this.text.noProduct });
      return;
    }
    let text = '';
    try {
      const stream = streamCopy(
        engine,
        { product: this.product, kind: this.kind, tone: this.tone, length: this.length, seed: this.seed + index + this.#generation * 101 },
        signal,
      );
      for await (const piece of stream) {
        text += piece;
        this.#replace(index, { text: text.trimStart(), status: 'streaming', findings: [] });
      }
      const finished = text.trim();
      if (!finished) {
        // Core's clean-up can drop everything (no complete sentence): say so rather than show a blank card.
        this.#replace(index, { text: '', status: 'error', findings: [], error: this.text.copyEmpty });
        return;
      }
      const guard = getTextServices().guardText;
      const findings = guard ? guard(finished, this.#guardOptions()).findings : [];
      this.#replace(index, { text: finished, status: 'done', findings });
    } catch (error) {
      if (signal.aborted) return undefined;
      this.#replace(index, { text, status: 'error', findings: [], error: engineErrorMessage(error, this.text) });
      return isUnsuitedEngine(error) ? 'unsuited' : undefined;
    }
    return undefined;
  }

  /** Generated copy, checked against the product attributes it was written from. */
  #guardOptions(): GuardCallOptions {
    return this.product ? { lang: this.coreLanguage, origin: 'generated', facts: this.product } : { lang: this.coreLanguage, origin: 'generated' };
  }

  #replace(index: number, candidate: CopyCandidate): void {
    this.candidates = this.candidates.map((each, at) => (at === index ? candidate : each));
  }

  #edit(index: number, text: string): void {
    const candidate = this.candidates[index];
    const guard = getTextServices().guardText;
    this.#replace(index, { ...candidate, text, findings: guard ? guard(text, this.#guardOptions()).findings : [] });
    if (this.acceptedIndex === index) {
      this.value = text;
      this.markEdited();
    }
  }

  async #copy(index: number): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.candidates[index].text);
      this.announcement = this.text.copied;
    } catch {
      this.announcement = this.text.copyFailed;
    }
  }

  /** A report (submit attempt) takes the shopper to what fixes a missing choice: the first Accept, or Generate. */
  protected override validationTarget(): HTMLElement | undefined {
    const root = this.renderRoot as ShadowRoot | undefined;
    return root?.querySelector<HTMLElement>('[part=candidate] button:not([disabled])') ?? root?.querySelector<HTMLElement>('[part=generate-button]') ?? undefined;
  }

  /** Renders the kind, tone and length controls, the generate button and the candidates. */
  protected override render(): TemplateResult {
    const t = this.text;
    const busy = this.candidates.some((candidate) => candidate.status === 'streaming');
    const select = <T extends string>(label: string, value: T, options: readonly T[], prefix: string, set: (value: T) => void) =>
      html`<label
        >${label}
        <select .value=${live(value)} ?disabled=${this.isDisabled} @change=${(event: Event) => set((event.target as HTMLSelectElement).value as T)}>
          ${options.map((option) => html`<option value=${option} ?selected=${option === value}>${stringFor(t, `${prefix}${option}`) ?? option}</option>`)}
        </select></label
      >`;
    return html`
      <slot hidden></slot>
      <div part="base" class="base">
        <div part="controls" class="controls">
          ${select(t.copyKind, this.kind, kinds, 'copyKind_', (value) => (this.kind = value))}
          ${select(t.copyTone, this.tone, tones, 'tone_', (value) => (this.tone = value))}
          ${select(t.copyLength, this.length, lengths, 'length_', (value) => (this.length = value))}
          <button
            type="button"
            part="generate-button"
            class="primary"
            ?disabled=${this.isDisabled || busy || !this.product || !this.activeEngine}
            @click=${() => void this.generate()}
          >
            ${busy ? t.generating : t.generate}
          </button>
        </div>
        ${this.product ? nothing : html`<p class="muted">${t.noProduct}</p>`}
        <ol part="candidates" class="candidates" aria-busy=${busy ? 'true' : 'false'}>
          ${this.candidates.map((candidate, index) => this.#renderCandidate(t, candidate, index))}
        </ol>
        <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
      </div>
    `;
  }

  #renderCandidate(t: CowriteStrings, candidate: CopyCandidate, index: number): TemplateResult {
    const accepted = index === this.acceptedIndex;
    const editing = index === this.editingIndex;
    const title = format(t.candidateLabel, { n: index + 1 });
    return html`<li part="candidate" class="candidate ${accepted ? 'accepted' : ''}" aria-label=${title}>
      <p class="candidate-title" aria-hidden="true">${title}</p>
      ${editing
        ? html`<textarea
            part="candidate-text"
            aria-label=${title}
            .value=${live(candidate.text)}
            @input=${(event: Event) => this.#edit(index, (event.target as HTMLTextAreaElement).value)}
            @change=${() => {
              // Native `change` is not composed: re-fire it when the edit changed the chosen text.
              if (index === this.acceptedIndex) this.dispatchEvent(new Event('change', { bubbles: true }));
            }}
          ></textarea>`
        : html`<p part="candidate-text" class="text">${candidate.text}</p>`}
      ${candidate.error ? html`<p class="error">${candidate.error}</p>` : nothing}
      ${renderGuardFindings(t, candidate.text, candidate.findings)}
      ${this.#unsuited ? nothing : this.#renderActions(t, candidate, index)}
    </li>`;
  }

  /** Accept, Edit, Regenerate and Copy for one candidate. */
  #renderActions(t: CowriteStrings, candidate: CopyCandidate, index: number): TemplateResult {
    const accepted = index === this.acceptedIndex;
    const editing = index === this.editingIndex;
    const ready = candidate.status === 'done';
    return html`<div part="actions" class="actions">
        <button type="button" class=${accepted ? 'primary' : ''} aria-pressed=${accepted ? 'true' : 'false'} ?disabled=${!ready} @click=${() => this.accept(index)}>
          ${accepted ? t.accepted : t.accept}
        </button>
        <button type="button" ?disabled=${!ready} @click=${() => (this.editingIndex = editing ? -1 : index)}>${editing ? t.doneEditing : t.edit}</button>
        <button type="button" ?disabled=${candidate.status === 'streaming'} @click=${() => void this.regenerate(index)}>${t.regenerate}</button>
        <button type="button" ?disabled=${!ready} @click=${() => void this.#copy(index)}>${t.copy}</button>
      </div>`;
  }
}
