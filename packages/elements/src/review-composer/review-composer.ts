import { html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { detectLang } from '@cowrite/core';
import type { GuardOrigin, TextGenerator } from '@cowrite/core';
import { cssProps } from '../base/css-props.ts';
import { FormControlElement } from '../base/form-control.ts';
import { sharedStyles } from '../base/shared.styles.ts';
import { format } from '../base/strings.ts';
import type { CowriteStrings } from '../base/strings.ts';
import { streamDraftContinuation, streamReviewDraft, trimSuggestion } from '../services/tasks.ts';
import type { Continuation, ReviewContext } from '../services/tasks.ts';
import { getTextServices } from '../services/text-services.ts';
import type { GuardReport, RatingSuggestion, SentimentReading } from '../services/text-services.ts';
import { readDraft, removeDraft, writeDraft } from './draft-storage.ts';
import { ghostIsShowing } from './ghost-visibility.ts';
import { REVIEW_MAX_LENGTH } from './limits.ts';
import { afterPress, trackPresses } from './after-press.ts';
import { ghostGate, worthShowing, writesLanguage } from './ghost-gate.ts';
import { reviewComposerStyles } from './review-composer.styles.ts';
import { reviewComposerMetrics } from './review-composer.metrics.ts';
import type { MetricRecipe } from '../metrics/metrics-controller.ts';

/** Custom suggestion source: replaces the engine call (e.g. a server endpoint). */
export type SuggestFunction = (
  context: ReviewContext,
  signal: AbortSignal,
  engine: TextGenerator | undefined,
) => Promise<Continuation | string>;

export type SuggestionDismissReason = 'escape' | 'typing' | 'caret' | 'blur' | 'replaced';

export interface SuggestionShowDetail {
  suggestion: string;
  source: 'continuation' | 'help';
}
export interface SuggestionAcceptDetail {
  text: string;
  partial: boolean;
}
export interface SuggestionDismissDetail {
  suggestion: string;
  reason: SuggestionDismissReason;
}
export interface GuardDetail {
  report: GuardReport;
}

const defaultTopics = ['fit', 'quality', 'shipping', 'value', 'comfort'];

/** Splits off the next word (with its leading spaces) of a suggestion. */
function nextWord(suggestion: string): string {
  return suggestion.match(/^\s*[^\s]+/u)?.[0] ?? suggestion;
}

const topicListConverter = {
  fromAttribute: (value: string | null): string[] => (value ?? '').split(/[\s,]+/).filter(Boolean),
  toAttribute: (value: readonly string[]): string => value.join(' '),
};

/**
 * A review editor that co-writes with the shopper: the model offers a continuation as grey
 * ghost text after the caret. Native text editing, IME and undo keep working because the
 * shopper types in a real `<textarea>`; the ghost text is drawn by a mirror layer behind it
 * and is never part of the value until accepted.
 *
 * Keys: **Tab** accepts the suggestion on screen (the Tab after that moves focus), **Esc** dismisses it, **Ctrl/⌘ + →** (← in RTL)
 * accepts one word; typing dismisses it unless the typed characters match it.
 *
 * The draft (and rating, topics) autosaves per `product-id` and comes back after a reload.
 * Call `clearSavedDraft()` once the review was stored; a failed submit keeps it.
 *
 * @tagname cw-review-composer
 * @summary Review editor with inline AI suggestions, star rating, topics and a pre-submit guard.
 *
 * @fires input - The draft or rating changed (native, bubbles, composed).
 * @fires change - The draft changed and the editor lost focus, or the rating changed.
 * @fires cw-suggestion-show - A suggestion is shown. `detail: { suggestion, source }`.
 * @fires cw-suggestion-accept - A suggestion (or one word of it) was accepted. `detail: { text, partial }`.
 * @fires cw-suggestion-dismiss - A suggestion went away unaccepted. `detail: { suggestion, reason }`.
 * @fires cw-guard - The guard held back a submit and shows its findings. `detail: { report }`.
 * @fires cw-draft-restore - An autosaved draft was restored. `detail: { text, rating }`.
 * @fires cw-suggestion-error - The engine failed while suggesting (no ghost text is shown). `detail: { error }`.
 *
 * @slot label - The editor's label (defaults to the `label` attribute or "Your review").
 *
 * @csspart base - The wrapper of everything.
 * @csspart label - The label above the editor.
 * @csspart rating - The star rating fieldset.
 * @csspart rating-suggestion - "Your review sounds like 4 stars" with its button.
 * @csspart topics - The topic chip bar.
 * @csspart topic - One topic chip (a toggle button).
 * @csspart help-button - The "Help me write" button.
 * @csspart field - The editor's frame.
 * @csspart textarea - The native textarea.
 * @csspart ghost - The ghost text of a suggestion.
 * @csspart suggestion-bar - Key hints and the accept button, shown with a suggestion.
 * @csspart footer - Sentiment hint and character count.
 * @csspart sentiment - The sentiment hint.
 * @csspart count - The character count.
 * @csspart guard - The guard's findings before submit.
 * @csspart validation - Why the review cannot be posted yet, shown once the shopper left the field or tried to submit.
 *
 * @cssprop --cw-color-text - Text color.
 * @cssprop --cw-color-muted - Secondary text color.
 * @cssprop --cw-color-surface - Editor background.
 * @cssprop --cw-color-subtle - Chip and panel background.
 * @cssprop --cw-color-border - Border color.
 * @cssprop --cw-color-accent - Accent (focus ring, selected chips, primary buttons).
 * @cssprop --cw-color-on-accent - Text on the accent color.
 * @cssprop --cw-color-ghost - Ghost text color.
 * @cssprop --cw-color-star - Selected star color.
 * @cssprop --cw-color-positive - Positive sentiment color.
 * @cssprop --cw-color-negative - Negative sentiment and error color.
 * @cssprop --cw-color-warning - Guard panel border.
 * @cssprop --cw-radius - Corner radius.
 * @cssprop --cw-space - Base spacing.
 * @cssprop --cw-font-family - Font family.
 * @cssprop --cw-font-size - Base font size.
 * @cssprop --cw-star-size - Size of a rating star.
 * @cssprop --cw-focus-ring - Focus outline.
 */
export class CwReviewComposer extends FormControlElement {
  static override shadowRootOptions: ShadowRootInit = { mode: 'open', delegatesFocus: true };
  static override styles = [sharedStyles, reviewComposerStyles];
  /** How this element's `cw-metric` events are derived from its own events. */
  static override metricRecipe: MetricRecipe = reviewComposerMetrics;

  static override properties: PropertyDeclarations = {
    ...FormControlElement.properties,
    label: {},
    placeholder: {},
    rows: { type: Number },
    productId: { attribute: 'product-id' },
    product: {},
    rating: { type: Number, reflect: true },
    ratingName: { attribute: 'rating-name' },
    ratingRequired: { type: Boolean, attribute: 'rating-required' },
    noRating: { type: Boolean, attribute: 'no-rating' },
    topics: { converter: topicListConverter },
    selectedTopics: { attribute: false },
    noTopics: { type: Boolean, attribute: 'no-topics' },
    noAutosave: { type: Boolean, attribute: 'no-autosave' },
    debounce: { type: Number },
    minChars: { type: Number, attribute: 'min-chars' },
    minSuggestionLength: { type: Number, attribute: 'min-suggestion-length' },
    minConfidence: { type: Number, attribute: 'min-confidence' },
    guardBlocking: { converter: topicListConverter, attribute: 'guard-blocking' },
    guardOrigin: { attribute: 'guard-origin' },
    suggest: { attribute: false },
    suggestion: { state: true },
    suggestionSource: { state: true },
    announcement: { state: true },
    sentiment: { state: true },
    ratingSuggestion: { state: true },
    guardReport: { state: true },
    helping: { state: true },
    topicsHidden: { state: true },
    restored: { state: true },
    suggestionError: { state: true },
  };

  /** Label text when the `label` slot is empty. */
  declare label: string | undefined;
  declare placeholder: string | undefined;
  /** Minimum visible lines. */
  declare rows: number;
  /** Key of the autosaved draft; without it nothing is saved. */
  declare productId: string | undefined;
  /** Product name, given to the model as context. */
  declare product: string | undefined;
  /** Stars chosen by the shopper, 0 when none. */
  declare rating: number;
  /** Form field name of the rating. Default `rating`. */
  declare ratingName: string;
  declare ratingRequired: boolean;
  declare noRating: boolean;
  /** Topic keys offered as chips (strings `topic_<key>` label them). */
  declare topics: string[];
  declare selectedTopics: string[];
  declare noTopics: boolean;
  declare noAutosave: boolean;
  /** Idle time after a keystroke before asking the model, in ms. */
  declare debounce: number;
  /** The draft must have at least this many characters before suggestions appear. */
  declare minChars: number;
  /** Shorter suggestions are not worth showing. */
  declare minSuggestionLength: number;
  /**
   * Suggestions whose confidence (when the source reports one) is below this are dropped. Core's ghost
   * task reports the probability of the suggestion's first word. Unset: the threshold calibrated for
   * the model and stored with it (the shipped phrase model's), else 0.2. Use 0 for test models with
   * random weights, whose tokens are all improbable.
   */
  declare minConfidence: number | undefined;
  /** Guard categories that cannot be posted anyway (e.g. `profanity pii`). */
  declare guardBlocking: string[];
  /** Whose words the guard checks: 'shopper' (default; opinions and self-descriptions pass) or 'generated'. */
  declare guardOrigin: GuardOrigin;
  /** Replaces the engine as the suggestion source. */
  declare suggest: SuggestFunction | undefined;
  /** The suggestion shown as ghost text, '' when none. */
  declare suggestion: string;
  declare protected suggestionSource: SuggestionShowDetail['source'];
  declare protected announcement: string;
  declare protected sentiment: SentimentReading | undefined;
  declare protected ratingSuggestion: RatingSuggestion | undefined;
  declare protected guardReport: GuardReport | undefined;
  declare protected helping: boolean;
  declare protected topicsHidden: boolean;
  declare protected restored: boolean;
  declare protected suggestionError: string;

  #request: AbortController | undefined;
  #suggestTimer: ReturnType<typeof setTimeout> | undefined;
  #analyzeTimer: ReturnType<typeof setTimeout> | undefined;
  #accepting = false;
  #composing = false;
  #changedSinceCommit = false;
  #acknowledgedText: string | undefined;
  #boundForm: HTMLFormElement | null = null;
  #onFormSubmit = (event: SubmitEvent): void => this.#guardSubmit(event);

  constructor() {
    super();
    this.rows = 4;
    this.rating = 0;
    this.ratingName = 'rating';
    this.ratingRequired = false;
    this.noRating = false;
    this.topics = [...defaultTopics];
    this.selectedTopics = [];
    this.noTopics = false;
    this.noAutosave = false;
    this.debounce = 50;
    this.minChars = 8;
    this.minSuggestionLength = 2;
    this.guardBlocking = [];
    this.guardOrigin = 'shopper';
    this.suggestion = '';
    this.suggestionSource = 'continuation';
    this.announcement = '';
    this.helping = false;
    this.topicsHidden = false;
    this.restored = false;
    this.suggestionError = '';
  }

  private get textarea(): HTMLTextAreaElement | null {
    return this.renderRoot.querySelector('textarea');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    trackPresses();
    this.#bindForm(this.internals.form);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#cancelRequest();
    clearTimeout(this.#suggestTimer);
    clearTimeout(this.#analyzeTimer);
    this.#bindForm(null);
  }

  formAssociatedCallback(form: HTMLFormElement | null): void {
    this.#bindForm(form);
  }

  protected override firstUpdated(): void {
    this.#restoreDraft();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('productId') && this.hasUpdated) this.#switchProduct(changed.get('productId'));
    if (changed.has('value') && changed.get('value') !== undefined && !this.#accepting && this.suggestion) {
      // Set from outside (reset, restore, script): the ghost text no longer fits.
      const textarea = this.textarea;
      if (!textarea || textarea.value !== this.value) this.#dismiss('replaced');
    }
  }

  // ----- public API -----

  /** Accepts the whole suggestion (or its next word). Returns false when there is none. */
  acceptSuggestion(partial = false): boolean {
    const textarea = this.textarea;
    if (!this.suggestion || !textarea) return false;
    const text = partial ? nextWord(this.suggestion) : this.suggestion;
    const rest = this.suggestion.slice(text.length);
    this.#accepting = true;
    textarea.focus();
    textarea.setSelectionRange(textarea.value.length, textarea.value.length);
    const before = textarea.value;
    // execCommand keeps the browser's undo stack (Ctrl+Z undoes an accept); setRangeText does not.
    const inserted = document.execCommand('insertText', false, text);
    if (!inserted || textarea.value === before) {
      textarea.setRangeText(text, textarea.value.length, textarea.value.length, 'end');
      this.#applyEdit(textarea.value);
      this.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: text }));
    }
    this.#accepting = false;
    this.suggestion = rest.trim() ? rest : '';
    this.#announce(this.text.suggestionAccepted);
    this.dispatchEvent(
      new CustomEvent<SuggestionAcceptDetail>('cw-suggestion-accept', { bubbles: true, composed: true, detail: { text, partial } }),
    );
    // No new suggestion until the shopper types again: the next Tab leaves the field, and typing on brings the next one.
    return true;
  }

  /** Hides the suggestion without accepting it. */
  dismissSuggestion(): void {
    this.#dismiss('escape');
  }

  /** Streams a draft from the chosen topics into the ghost text; Tab accepts it. */
  async helpMeWrite(): Promise<void> {
    const engine = this.activeEngine;
    if (!engine || this.helping || this.suggestionsWithheld) return;
    this.#cancelRequest();
    this.#dismiss('replaced');
    const controller = new AbortController();
    this.#request = controller;
    const draft = this.value;
    this.helping = true;
    this.suggestionError = '';
    let generated = '';
    try {
      for await (const piece of streamReviewDraft(engine, this.#context(), controller.signal)) {
        if (this.value !== draft) return;
        generated += piece;
        this.suggestion = /\s$/.test(draft) || draft === '' ? generated.trimStart() : generated;
      }
      this.suggestion = this.suggestion.trimEnd();
      if (this.suggestion) this.#shown('help');
      const textarea = this.textarea;
      textarea?.focus();
      textarea?.setSelectionRange(textarea.value.length, textarea.value.length);
    } catch (error) {
      if (!controller.signal.aborted) this.suggestionError = error instanceof Error ? error.message : String(error);
      this.suggestion = '';
    } finally {
      if (this.#request === controller) this.#request = undefined;
      this.helping = false;
    }
  }

  /** Runs the guard now and shows its findings; returns them. */
  runGuard(): GuardReport | undefined {
    const guard = getTextServices().guardText;
    if (!guard || !this.value.trim()) {
      this.guardReport = undefined;
      return undefined;
    }
    const report = guard(this.value, { lang: this.coreLanguage, origin: this.guardOrigin });
    this.guardReport = report.findings.length ? report : undefined;
    return report;
  }

  /** Forgets the autosaved draft (call after the review was stored). */
  clearSavedDraft(): void {
    const id = this.#draftId();
    if (id) removeDraft(id);
  }

  // ----- form integration -----

  protected override formValue(): FormData | null {
    const data = new FormData();
    if (this.name) data.append(this.name, this.value);
    if (!this.noRating && this.ratingName && this.rating > 0) data.append(this.ratingName, String(this.rating));
    return [...data.keys()].length ? data : null;
  }

  protected override formState(): string {
    return JSON.stringify({ value: this.value, rating: this.rating });
  }

  override formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state !== 'string') return;
    try {
      const parsed = JSON.parse(state) as { value?: string; rating?: number };
      this.value = parsed.value ?? '';
      this.rating = parsed.rating ?? 0;
    } catch {
      this.value = state;
    }
  }

  protected override resetValue(): void {
    super.resetValue();
    this.rating = 0;
    this.selectedTopics = [];
    this.guardReport = undefined;
    this.ratingSuggestion = undefined;
    this.sentiment = undefined;
    this.restored = false;
    this.#acknowledgedText = undefined;
    this.#cancelRequest();
    this.#dismiss('replaced');
    this.clearSavedDraft();
  }

  protected override extraValidity(): { flags: ValidityStateFlags; message: string } | undefined {
    if (this.ratingRequired && !this.noRating && this.rating === 0) {
      return { flags: { valueMissing: true }, message: this.text.ratingMissing };
    }
    return undefined;
  }

  protected override validationTarget(): HTMLElement | undefined {
    if (this.ratingRequired && this.rating === 0 && this.value.trim() !== '') {
      return this.renderRoot.querySelector<HTMLInputElement>('input[type=radio]') ?? undefined;
    }
    return this.textarea ?? undefined;
  }

  #bindForm(form: HTMLFormElement | null): void {
    this.#boundForm?.removeEventListener('submit', this.#onFormSubmit, { capture: true });
    this.#boundForm = form;
    // Capture on the form runs before the page's own submit handlers.
    form?.addEventListener('submit', this.#onFormSubmit, { capture: true });
  }

  #guardSubmit(event: SubmitEvent): void {
    if (this.isDisabled || this.#acknowledgedText === this.value) return;
    const report = this.runGuard();
    if (!report?.findings.length) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    this.dispatchEvent(new CustomEvent<GuardDetail>('cw-guard', { bubbles: true, composed: true, detail: { report } }));
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.guard')?.focus());
  }

  #postAnyway(): void {
    this.#acknowledgedText = this.value;
    this.guardReport = undefined;
    this.form?.requestSubmit();
  }

  #editAfterGuard(): void {
    const finding = this.guardReport?.findings[0];
    const textarea = this.textarea;
    if (!textarea) return;
    textarea.focus();
    if (finding) textarea.setSelectionRange(finding.start, finding.end);
  }

  // ----- editing and suggestions -----

  #context(): ReviewContext {
    return { draft: this.value, product: this.product, rating: this.rating || undefined, topics: this.selectedTopics };
  }

  #applyEdit(next: string): void {
    this.value = next;
    this.markEdited();
    this.#changedSinceCommit = true;
    this.restored = false;
    if (this.guardReport) this.guardReport = undefined;
    this.#saveDraft();
    this.#scheduleAnalysis();
  }

  #caretAtEnd(): boolean {
    const textarea = this.textarea;
    return !!textarea && textarea.selectionStart === textarea.selectionEnd && textarea.selectionEnd === textarea.value.length;
  }

  #onInput(event: InputEvent): void {
    const textarea = event.target as HTMLTextAreaElement;
    const previous = this.value;
    this.#applyEdit(textarea.value);
    if (this.#accepting) return;
    if (this.#composing || event.isComposing) {
      this.#cancelRequest();
      this.#dismiss('typing');
      return;
    }
    // Typing the suggestion's own next characters keeps the rest (Smart Compose behaviour).
    const typed = textarea.value.startsWith(previous) ? textarea.value.slice(previous.length) : '';
    if (this.suggestion && typed && this.#caretAtEnd() && this.suggestion.startsWith(typed) && typed.length < this.suggestion.length) {
      this.suggestion = this.suggestion.slice(typed.length);
      return;
    }
    this.#dismiss('typing');
    this.#scheduleSuggestion();
  }

  #onKeyDown(event: KeyboardEvent): void {
    if (this.#composing || event.isComposing || !this.suggestion) return;
    const plain = !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey;
    const forward = this.matches(':dir(rtl)') ? 'ArrowLeft' : 'ArrowRight';
    if (event.key === 'Tab' && plain) {
      // Only what the shopper can see is accepted; otherwise Tab moves focus as everywhere else.
      if (!ghostIsShowing(this.renderRoot, this.suggestion) || !this.#caretAtEnd()) return;
      event.preventDefault();
      this.acceptSuggestion();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.#dismiss('escape');
    } else if (event.key === forward && (event.ctrlKey || event.metaKey) && !event.altKey && this.#caretAtEnd()) {
      event.preventDefault();
      this.acceptSuggestion(true);
    } else if (/^(Arrow|Home|End|Page)/.test(event.key)) {
      this.#dismiss('caret');
    }
  }

  #onBlur(): void {
    this.#cancelRequest();
    afterPress(() => {
      if (!this.matches(':focus-within')) this.#dismiss('blur');
    });
    if (this.#changedSinceCommit) {
      this.#changedSinceCommit = false;
      this.dispatchEvent(new Event('change', { bubbles: true }));
    }
  }

  #onCompositionStart(): void {
    this.#composing = true;
    this.#cancelRequest();
    this.#dismiss('typing');
  }

  #onCompositionEnd(): void {
    this.#composing = false;
    this.#scheduleSuggestion();
  }

  #cancelRequest(): void {
    clearTimeout(this.#suggestTimer);
    this.#request?.abort();
    this.#request = undefined;
    this.helping = false;
  }

  #scheduleSuggestion(): void {
    // Every keystroke cancels the request in flight: its answer would be for stale text.
    this.#cancelRequest();
    if (this.isDisabled || [...this.value.trim()].length < this.minChars) return;
    if ((!this.suggest && !this.activeEngine) || this.suggestionsWithheld) return;
    this.#suggestTimer = setTimeout(() => void this.#requestSuggestion(), this.debounce);
  }

  async #requestSuggestion(): Promise<void> {
    if (!this.#caretAtEnd() || this.#composing) return;
    const controller = new AbortController();
    this.#request = controller;
    const draft = this.value;
    // A model that writes only some languages (the phrase model: English) offers nothing for others.
    if (!this.suggest && !writesLanguage(this.activeEngine, detectLang(draft))) return;
    try {
      const engine = this.activeEngine;
      // Ghost text streams in: each guarded update that passes the gate shows at once; the final one is announced.
      const fresh = (): boolean => !controller.signal.aborted && this.value === draft && this.#caretAtEnd();
      let partialShown = false;
      const answer = this.suggest
        ? await this.suggest(this.#context(), controller.signal, engine)
        : engine
          ? await streamDraftContinuation(engine, this.#context(), controller.signal, (partial) => {
              if (!fresh() || !this.#confident(partial)) return;
              this.suggestion = partial.text;
              partialShown = true;
            })
          : undefined;
      if (!fresh() || answer === undefined) return;
      const continuation: Continuation = typeof answer === 'string' ? { text: trimSuggestion(draft, answer) } : answer;
      if (!this.#confident(continuation)) {
        if (partialShown) this.suggestion = '';
        return;
      }
      this.suggestion = continuation.text;
      this.#shown('continuation');
    } catch (error) {
      // Aborts are routine; a failing engine only means no ghost text.
      if (!controller.signal.aborted && !(error instanceof DOMException && error.name === 'AbortError')) {
        this.dispatchEvent(new CustomEvent('cw-suggestion-error', { bubbles: true, composed: true, detail: { error } }));
      }
    } finally {
      if (this.#request === controller) this.#request = undefined;
    }
  }

  #confident(continuation: Continuation): boolean {
    const gate = ghostGate(this.minConfidence, this.activeEngine, { minChars: this.minChars, minSuggestionLength: this.minSuggestionLength });
    return worthShowing(continuation, gate);
  }

  #shown(source: SuggestionShowDetail['source']): void {
    this.suggestionSource = source;
    this.#announce(format(this.text.suggestionAnnouncement, { text: this.suggestion.trim() }));
    this.dispatchEvent(
      new CustomEvent<SuggestionShowDetail>('cw-suggestion-show', {
        bubbles: true,
        composed: true,
        detail: { suggestion: this.suggestion, source },
      }),
    );
  }

  #dismiss(reason: SuggestionDismissReason): void {
    // The shopper said no or moved away: a suggestion still streaming in must not come back.
    if (reason === 'escape' || reason === 'caret') this.#cancelRequest();
    if (!this.suggestion) return;
    const suggestion = this.suggestion;
    this.suggestion = '';
    this.announcement = '';
    this.dispatchEvent(
      new CustomEvent<SuggestionDismissDetail>('cw-suggestion-dismiss', {
        bubbles: true,
        composed: true,
        detail: { suggestion, reason },
      }),
    );
  }

  #announce(message: string): void {
    this.announcement = message;
  }

  // ----- rating, topics, analysis -----

  #setRating(rating: number): void {
    if (rating === this.rating) return;
    this.rating = rating;
    this.markEdited();
    this.ratingSuggestion = undefined;
    this.#saveDraft();
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  #toggleTopic(topic: string): void {
    this.selectedTopics = this.selectedTopics.includes(topic)
      ? this.selectedTopics.filter((each) => each !== topic)
      : [...this.selectedTopics, topic];
    this.#saveDraft();
  }

  #scheduleAnalysis(): void {
    clearTimeout(this.#analyzeTimer);
    this.#analyzeTimer = setTimeout(() => this.#analyze(), Math.max(this.debounce, 200));
  }

  #analyze(): void {
    const services = getTextServices();
    const text = this.value.trim();
    const long = [...text].length >= 20;
    this.sentiment = long && services.analyzeSentiment ? services.analyzeSentiment(text, { lang: this.coreLanguage }) : undefined;
    const suggestion = long && this.rating === 0 && services.suggestRating ? services.suggestRating(text) : undefined;
    this.ratingSuggestion = suggestion && suggestion.confidence >= 0.5 && suggestion.rating >= 1 ? suggestion : undefined;
  }

  // ----- autosave -----

  #draftId(productId = this.productId): string | undefined {
    return productId && !this.noAutosave ? productId : undefined;
  }

  #saveDraft(productId = this.productId): void {
    const id = this.#draftId(productId);
    if (id) writeDraft(id, { text: this.value, rating: this.rating, topics: this.selectedTopics });
  }

  /**
   * `productId` changed on a live composer. From one product to another: the draft on screen is
   * the old product's, so it is saved there and the new product's draft (or an empty editor) comes
   * in. From none to a product (set after the first render): restore, unless the shopper already typed.
   */
  #switchProduct(previous: string | undefined): void {
    if (previous && this.#draftId(previous)) {
      this.#saveDraft(previous);
      this.#cancelRequest();
      this.#dismiss('replaced');
      this.value = '';
      this.rating = 0;
      this.selectedTopics = [];
      this.restored = false;
      this.guardReport = undefined;
      this.ratingSuggestion = undefined;
      this.sentiment = undefined;
    }
    this.#restoreDraft();
  }

  #restoreDraft(): void {
    const id = this.#draftId();
    if (!id || this.value) return;
    const saved = readDraft(id);
    if (!saved) return;
    this.value = saved.text;
    this.rating = saved.rating;
    this.selectedTopics = saved.topics;
    this.restored = true;
    this.#announce(this.text.draftRestored);
    this.#scheduleAnalysis();
    this.dispatchEvent(
      new CustomEvent('cw-draft-restore', { bubbles: true, composed: true, detail: { text: this.value, rating: this.rating } }),
    );
  }

  // ----- rendering -----

  protected override render(): TemplateResult {
    const t = this.text;
    const disabled = this.isDisabled;
    const length = [...this.value].length;
    return html`
      <div part="base" class="base">
        ${this.noRating ? nothing : this.#renderRating(t, disabled)}
        <label part="label" class="label" for="input" id="label"><slot name="label">${this.label ?? t.reviewLabel}</slot></label>
        ${this.noTopics || this.topicsHidden || !this.topics.length ? nothing : this.#renderTopics(t, disabled)}
        ${this.restored ? html`<p class="restored">${t.draftRestored}</p>` : nothing}
        <div part="field" class="field" ${cssProps({ '--_rows': String(this.rows) })}>
          <div class="mirror" aria-hidden="true">${this.value}<span part="ghost" class="ghost">${this.suggestion}</span>\u200b</div>
          <textarea
            id="input"
            part="textarea"
            rows=${this.rows}
            maxlength=${this.maxLength ?? REVIEW_MAX_LENGTH}
            .value=${live(this.value)}
            placeholder=${this.placeholder ?? t.reviewPlaceholder}
            ?disabled=${disabled}
            ?required=${this.required}
            aria-invalid=${this.userTouched && !this.validity.valid ? 'true' : 'false'}
            aria-describedby="count suggestion-hint validation"
            @input=${this.#onInput}
            @keydown=${this.#onKeyDown}
            @blur=${this.#onBlur}
            @pointerdown=${() => this.#dismiss('caret')}
            @compositionstart=${this.#onCompositionStart}
            @compositionend=${this.#onCompositionEnd}
          ></textarea>
        </div>
        <div part="suggestion-bar" class="suggestion-bar" id="suggestion-hint" ?hidden=${!this.suggestion}>
          <span>${t.suggestionKeysHint}</span>
          <button
            type="button"
            part="suggestion-accept"
            tabindex="-1"
            @pointerdown=${(event: PointerEvent) => event.preventDefault()}
            @click=${() => this.acceptSuggestion()}
          >
            ${t.acceptSuggestion}
          </button>
        </div>
        ${this.suggestionError ? html`<p class="error" role="alert">${this.suggestionError}</p>` : nothing}
        <p part="validation" class="error" id="validation" ?hidden=${!this.userTouched || this.validity.valid}>${this.userTouched ? this.validationMessage : ''}</p>
        <div part="footer" class="footer">
          ${this.sentiment ? this.#renderSentiment(t, this.sentiment) : nothing}
          <span part="count" id="count" class="count ${this.maxLength !== undefined && length > this.maxLength ? 'over' : ''}">
            ${this.maxLength !== undefined ? format(t.characterCountMax, { n: length, max: this.maxLength }) : format(t.characterCount, { n: length })}
          </span>
        </div>
        ${this.guardReport ? this.#renderGuard(t, this.guardReport) : nothing}
        <div class="sr-only" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
      </div>
    `;
  }

  #renderRating(t: CowriteStrings, disabled: boolean): TemplateResult {
    const suggestion = this.ratingSuggestion;
    return html`
      <fieldset part="rating" ?disabled=${disabled}>
        <legend>${t.ratingLabel}</legend>
        <div class="stars">
          ${[1, 2, 3, 4, 5].map(
            (stars) => html`
              <label class="star ${stars <= this.rating ? 'on' : ''}">
                <input
                  type="radio"
                  name="rating"
                  .value=${String(stars)}
                  .checked=${live(stars === this.rating)}
                  ?required=${this.ratingRequired}
                  aria-label=${format(stars === 1 ? t.ratingStar : t.ratingStars, { n: stars })}
                  @change=${() => this.#setRating(stars)}
                />
                <span aria-hidden="true">${stars <= this.rating ? '★' : '☆'}</span>
              </label>
            `,
          )}
        </div>
      </fieldset>
      ${suggestion
        ? html`<div part="rating-suggestion" class="rating-suggestion">
            <span>${format(t.ratingSuggestion, { n: suggestion.rating })}</span>
            <button type="button" @click=${() => this.#setRating(suggestion.rating)}>
              ${format(t.useSuggestedRating, { n: suggestion.rating })}
            </button>
          </div>`
        : nothing}
    `;
  }

  #renderTopics(t: CowriteStrings, disabled: boolean): TemplateResult {
    const labels = t as unknown as Record<string, string | undefined>;
    return html`
      <div part="topics" class="topics" role="group" aria-labelledby="topics-label">
        <span class="topics-label" id="topics-label">${t.topicsLabel}</span>
        ${this.topics.map(
          (topic) => html`<button
            type="button"
            part="topic"
            class="chip"
            aria-pressed=${this.selectedTopics.includes(topic) ? 'true' : 'false'}
            ?disabled=${disabled}
            @click=${() => this.#toggleTopic(topic)}
          >
            ${labels[`topic_${topic}`] ?? topic}
          </button>`,
        )}
        <button
          type="button"
          part="help-button"
          class="primary"
          ?hidden=${this.suggestionsWithheld}
          ?disabled=${disabled || this.helping || !this.activeEngine}
          @click=${() => void this.helpMeWrite()}
        >
          ${this.helping ? t.writing : t.helpMeWrite}
        </button>
        <button type="button" class="icon-button" aria-label=${t.hideTopics} title=${t.hideTopics} @click=${() => (this.topicsHidden = true)}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
    `;
  }

  #renderSentiment(t: CowriteStrings, sentiment: SentimentReading): TemplateResult {
    const label =
      sentiment.label === 'positive' ? t.sentimentPositive : sentiment.label === 'negative' ? t.sentimentNegative : t.sentimentNeutral;
    return html`<span part="sentiment" class="sentiment" data-label=${sentiment.label}>${label}</span>`;
  }

  #renderGuard(t: CowriteStrings, report: GuardReport): TemplateResult {
    const labels = t as unknown as Record<string, string | undefined>;
    const blocked = report.findings.some((finding) => this.guardBlocking.includes(finding.category));
    return html`
      <div part="guard" class="guard" role="alert" tabindex="-1">
        <h3>${t.guardHeading}</h3>
        <ul>
          ${report.findings.map(
            (finding) => html`<li>
              ${labels[`guard_${finding.category}`] ?? t.guard_other}:
              <q>${this.value.slice(finding.start, finding.end)}</q>
              ${finding.suggestion ? html`<br /><span>${format(t.guardSuggestion, { text: typeof finding.suggestion === 'string' ? finding.suggestion : finding.suggestion.message })}</span>` : nothing}
            </li>`,
          )}
        </ul>
        ${blocked ? html`<p>${t.guardBlocked}</p>` : nothing}
        <div class="actions">
          <button type="button" class="primary" @click=${this.#editAfterGuard}>${t.editText}</button>
          ${blocked ? nothing : html`<button type="button" @click=${this.#postAnyway}>${t.submitAnyway}</button>`}
        </div>
      </div>
    `;
  }
}
