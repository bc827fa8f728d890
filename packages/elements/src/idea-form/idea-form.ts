import { html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { FormControlElement } from '../base/form-control.ts';
import { guardFindingsStyles, renderGuardFindings } from '../base/guard-findings.ts';
import { fieldStyles, sharedStyles } from '../base/shared.styles.ts';
import type { CowriteStrings } from '../base/strings.ts';
import { refineIdeaDraft } from '../services/tasks.ts';
import type { Idea } from '../services/tasks.ts';
import { getTextServices } from '../services/text-services.ts';
import type { GuardFinding } from '../services/text-services.ts';
import { ideaFormStyles } from './idea-form.styles.ts';
import { SimilarIdeasController } from './similar-ideas-controller.ts';
import type { SimilarIdeasHost } from './similar-ideas-controller.ts';
import type { ExistingIdea } from './similar-ideas.ts';
import { ideaFormMetrics } from './idea-form.metrics.ts';
import type { MetricRecipe } from '../metrics/metrics-controller.ts';
import { engineErrorMessage } from '../base/engine-errors.ts';

/** Fetches ideas similar to a title (a server search); return [] when none. */
export type FindSimilarIdeas = (title: string, signal: AbortSignal) => Promise<readonly ExistingIdea[]>;

/** One option of the category select. */
export interface IdeaCategory {
  /** The value submitted as `category`. */
  value: string;
  /** The text shown in the select. */
  label: string;
}

/** `detail` of `cw-idea-submit`. */
export interface IdeaSubmitDetail {
  /** The idea's title, trimmed. */
  title: string;
  /** The idea's description, trimmed. */
  description: string;
  /** The chosen category's value, '' when none. */
  category: string;
}

/** The rewrite the form shows next to the shopper's version. */
export interface IdeaRefinementSuggestion {
  /** The suggested title. */
  title: string;
  /** The suggested description (problem and proposal). */
  description: string;
  /** What the guard found in the suggested title and description. */
  findings: readonly GuardFinding[];
}

/**
 * A shopper proposes a product idea: title, description and category. While the title is
 * typed, similar ideas already posted are shown (from `ideas`, or a `findSimilar` search)
 * so duplicates get votes instead. "Refine with AI" puts a suggested rewrite next to the
 * shopper's version; the shopper picks what to keep, field by field.
 *
 * Inside a `<form>` it submits `title`, `description` and `category` (prefixed with
 * `name-` when `name` is set); on its own it only fires `cw-idea-submit`.
 *
 * @tagname cw-idea-form
 * @summary Idea submission with duplicate detection and an AI rewrite to compare.
 *
 * @fires {CustomEvent} cw-idea-submit - The shopper submitted a valid idea (cancelable). `detail: { title, description, category }`.
 * @fires {CustomEvent} cw-similar-ideas - Similar ideas were found for the title. `detail: { ideas }`.
 * @fires input - A field changed.
 * @fires {Event} change - A field was committed.
 *
 * @csspart base - The wrapper.
 * @csspart title-input - The title input.
 * @csspart description-input - The description textarea.
 * @csspart category-select - The category select.
 * @csspart similar - The similar ideas box.
 * @csspart refine-button - The "Refine with AI" button.
 * @csspart comparison - Original and suggested versions side by side.
 * @csspart submit-button - The submit button.
 *
 * @cssprop --cw-color-accent - Similar-ideas rule and the suggested version's border.
 */
export class CwIdeaForm extends FormControlElement {
  /** The element's styles (shared tokens plus its own). */
  static override styles = [sharedStyles, fieldStyles, guardFindingsStyles, ideaFormStyles];
  /** How this element's `cw-metric` events are derived from its own events. */
  static override metricRecipe: MetricRecipe = ideaFormMetrics;

  /** Lit reactive properties: the form-control ones plus the idea fields and internal state. */
  static override properties: PropertyDeclarations = {
    ...FormControlElement.properties,
    description: {},
    category: {},
    categories: { attribute: false },
    ideas: { attribute: false },
    findSimilar: { attribute: false },
    similarIdeas: { state: true },
    refinement: { state: true },
    refining: { state: true },
    refineError: { state: true },
    announcement: { state: true },
    leftFields: { state: true },
  };

  /** The description (the title is `value`). */
  declare description: string;
  /** The chosen category's value, '' when none. */
  declare category: string;
  /** Options of the category select (a string is both value and label); no select when empty. */
  declare categories: readonly (string | IdeaCategory)[];
  /** Ideas already posted, searched locally while the title is typed. */
  declare ideas: readonly ExistingIdea[];
  /** A remote search instead of (or in addition to) `ideas`. */
  declare findSimilar: FindSimilarIdeas | undefined;
  /** Ideas similar to the current title. */
  declare similarIdeas: readonly ExistingIdea[];
  /** The suggested rewrite on screen; undefined before "Refine with AI" or after a reset. */
  declare protected refinement: IdeaRefinementSuggestion | undefined;
  /** True while the model writes the rewrite. */
  declare protected refining: boolean;
  /** Why the last rewrite failed ('' when it did not); shown as an alert. */
  declare protected refineError: string;
  /** Text for the screen-reader live region. */
  declare protected announcement: string;
  /** Fields the shopper edited and left: each shows its error only from then on (`:user-invalid`). */
  declare protected leftFields: ReadonlySet<'title' | 'description'>;

  // The controller is part of this element, so it sees its protected state too.
  readonly #similar = new SimilarIdeasController(this as unknown as SimilarIdeasHost);
  #refineRun: AbortController | undefined;
  readonly #editedFields = new Set<'title' | 'description'>();

  constructor() {
    super();
    this.description = '';
    this.category = '';
    this.categories = [];
    this.ideas = [];
    this.similarIdeas = [];
    this.refining = false;
    this.refineError = '';
    this.announcement = '';
    this.leftFields = new Set();
    this.required = true;
  }

  /** Cancels a rewrite in progress. */
  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#refineRun?.abort();
  }

  /** Lit hook: searches similar ideas again when `ideas` changed. */
  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('ideas') && this.value) this.#similar.schedule();
  }

  // ----- form -----

  #field(key: string): string {
    return this.name ? `${this.name}-${key}` : key;
  }

  /** Submits the fields `title`, `description` and `category` (prefixed `name-` when `name` is set). */
  protected override formValue(): FormData {
    const data = new FormData();
    data.append(this.#field('title'), this.value);
    data.append(this.#field('description'), this.description);
    data.append(this.#field('category'), this.category);
    return data;
  }

  /** What the browser keeps for state restore: the three fields as JSON. */
  protected override formState(): string {
    return JSON.stringify({ title: this.value, description: this.description, category: this.category });
  }

  /** Restores the title, description and category the browser saved. */
  override formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state !== 'string') return;
    try {
      const parsed = JSON.parse(state) as Partial<{ title: string; description: string; category: string }>;
      this.value = parsed.title ?? '';
      this.description = parsed.description ?? '';
      this.category = parsed.category ?? '';
    } catch {
      // Not our state: keep the fields as they are.
    }
  }

  /** Clears the description, category, similar ideas and the rewrite on form reset. */
  protected override resetValue(): void {
    super.resetValue();
    this.description = '';
    this.category = '';
    this.similarIdeas = [];
    this.refinement = undefined;
    this.leftFields = new Set();
    this.#editedFields.clear();
  }

  /** With `required` (the default), an empty description is invalid too. */
  protected override extraValidity(): { flags: ValidityStateFlags; message: string } | undefined {
    if (this.required && !this.description.trim()) return { flags: { valueMissing: true }, message: this.text.valueMissing };
    return undefined;
  }

  /** The field that receives focus on an error: the title while it is empty, else the description. */
  protected override validationTarget(): HTMLElement | undefined {
    const selector = this.value.trim() ? 'textarea' : 'input';
    return this.renderRoot.querySelector<HTMLElement>(selector) ?? undefined;
  }

  /** Validates, fires `cw-idea-submit`, then submits the surrounding form (if any). */
  submit(): boolean {
    this.commitFormValue();
    if (!this.reportValidity()) return false;
    const detail: IdeaSubmitDetail = { title: this.value.trim(), description: this.description.trim(), category: this.category };
    const proceed = this.dispatchEvent(new CustomEvent('cw-idea-submit', { bubbles: true, composed: true, cancelable: true, detail }));
    if (!proceed) return false;
    this.announcement = this.text.ideaSubmitted;
    this.form?.requestSubmit();
    return true;
  }

  // ----- refinement -----

  /** Asks the model for a clearer title and description, shown next to the original. */
  async refine(): Promise<void> {
    const engine = this.activeEngine;
    if (!engine) return;
    this.#refineRun?.abort();
    const run = new AbortController();
    this.#refineRun = run;
    this.refining = true;
    this.refineError = '';
    try {
      const idea: Idea = { title: this.value, description: this.description, category: this.category || undefined };
      const suggestion = await refineIdeaDraft(engine, idea, run.signal);
      if (run.signal.aborted) return;
      const guard = getTextServices().guardText;
      const combined = `${suggestion.title}\n${suggestion.description}`;
      this.refinement = {
        title: suggestion.title,
        description: suggestion.description,
        findings: guard ? guard(combined, { lang: this.coreLanguage }).findings : [],
      };
      this.announcement = this.text.refinementReady;
    } catch (error) {
      if (!run.signal.aborted) this.refineError = engineErrorMessage(error, this.text);
    } finally {
      if (this.#refineRun === run) this.refining = false;
    }
  }

  #useSuggested(field: 'title' | 'description'): void {
    if (!this.refinement) return;
    if (field === 'title') {
      this.value = this.refinement.title;
      this.#similar.schedule();
    } else this.description = this.refinement.description;
    this.markEdited();
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  // ----- rendering -----

  #onTitleInput(event: Event): void {
    this.value = (event.target as HTMLInputElement).value;
    this.#editedFields.add('title');
    this.markEdited();
    this.#similar.schedule();
  }

  #onFieldBlur(field: 'title' | 'description'): void {
    if (this.#editedFields.has(field) && !this.leftFields.has(field)) this.leftFields = new Set([...this.leftFields, field]);
  }

  #showsError(field: 'title' | 'description'): boolean {
    return this.submitAttempted || this.leftFields.has(field);
  }

  #onDescriptionInput(event: Event): void {
    this.description = (event.target as HTMLTextAreaElement).value;
    this.#editedFields.add('description');
    this.markEdited();
  }

  /** Renders the title, description and category fields, similar ideas, the rewrite and the buttons. */
  protected override render(): TemplateResult {
    const t = this.text;
    const disabled = this.isDisabled;
    const invalid = !this.validity.valid;
    return html`
      <div part="base" class="base">
        <div class="field">
          <label for="title">${t.ideaTitle}</label>
          <input
            id="title"
            part="title-input"
            .value=${live(this.value)}
            ?disabled=${disabled}
            ?required=${this.required}
            minlength=${this.minLength ?? nothing}
            maxlength=${this.maxLength ?? nothing}
            aria-invalid=${invalid && this.#showsError('title') && !this.value.trim() ? 'true' : 'false'}
            aria-describedby=${this.similarIdeas.length ? 'similar' : nothing}
            autocomplete="off"
            @input=${this.#onTitleInput}
            @blur=${() => this.#onFieldBlur('title')}
            @change=${() => this.dispatchEvent(new Event('change', { bubbles: true }))}
          />
        </div>
        ${this.#similar.render()}
        <div class="field">
          <label for="description">${t.ideaDescription}</label>
          <textarea
            id="description"
            part="description-input"
            .value=${live(this.description)}
            ?disabled=${disabled}
            ?required=${this.required}
            aria-invalid=${invalid && this.#showsError('description') && !!this.value.trim() && !this.description.trim() ? 'true' : 'false'}
            @input=${this.#onDescriptionInput}
            @blur=${() => this.#onFieldBlur('description')}
            @change=${() => this.dispatchEvent(new Event('change', { bubbles: true }))}
          ></textarea>
        </div>
        ${this.categories.length
          ? html`<div class="field">
              <label for="category">${t.ideaCategory}</label>
              <select
                id="category"
                part="category-select"
                ?disabled=${disabled}
                @change=${(event: Event) => {
                  this.category = (event.target as HTMLSelectElement).value;
                  this.dispatchEvent(new Event('change', { bubbles: true }));
                }}
              >
                <option value="" ?selected=${!this.category}>${t.ideaCategoryNone}</option>
                ${this.categories.map((entry) => {
                  const option = typeof entry === 'string' ? { value: entry, label: entry } : entry;
                  return html`<option value=${option.value} ?selected=${option.value === this.category}>${option.label}</option>`;
                })}
              </select>
            </div>`
          : nothing}
        ${this.refinement ? this.#renderComparison(t, this.refinement) : nothing}
        ${this.refineError ? html`<p class="error" role="alert">${this.refineError}</p>` : nothing}
        <div class="actions">
          <button
            type="button"
            part="refine-button"
            ?disabled=${disabled || this.refining || !this.activeEngine || !this.value.trim()}
            @click=${() => void this.refine()}
          >
            ${this.refining ? t.refining : t.refine}
          </button>
          <button type="button" part="submit-button" class="primary" ?disabled=${disabled} @click=${() => this.submit()}>${t.submitIdea}</button>
        </div>
        <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
      </div>
    `;
  }

  #renderComparison(t: CowriteStrings, refinement: IdeaRefinementSuggestion): TemplateResult {
    return html`<div part="comparison" class="compare">
      <section class="version" aria-labelledby="original-heading">
        <h3 id="original-heading">${t.original}</h3>
        <p class="title">${this.value}</p>
        <p>${this.description}</p>
        <div class="actions">
          <button type="button" @click=${() => (this.refinement = undefined)}>${t.keepOriginal}</button>
        </div>
      </section>
      <section class="version suggested" aria-labelledby="suggested-heading">
        <h3 id="suggested-heading">${t.suggested}</h3>
        <p class="title">${refinement.title}</p>
        <p>${refinement.description}</p>
        ${renderGuardFindings(t, `${refinement.title}\n${refinement.description}`, refinement.findings)}
        <div class="actions">
          <button type="button" ?disabled=${refinement.title === this.value} @click=${() => this.#useSuggested('title')}>
            ${t.useSuggestedTitle}
          </button>
          <button type="button" ?disabled=${refinement.description === this.description} @click=${() => this.#useSuggested('description')}>
            ${t.useSuggestedDescription}
          </button>
        </div>
      </section>
    </div>`;
  }
}
