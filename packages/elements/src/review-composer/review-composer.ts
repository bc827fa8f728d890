import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import type { GuardOrigin, TextGenerator } from '@cowrite/core';
import { FormControlElement } from '../base/form-control.ts';
import { sharedStyles } from '../base/shared.styles.ts';
import type { GuardReport, RatingSuggestion, SentimentReading } from '../services/text-services.ts';
import type { MetricRecipe } from '../metrics/metrics-controller.ts';
import { AnalysisController } from './analysis-controller.ts';
import type { ComposerHost } from './composer-host.ts';
import { DraftController } from './draft-controller.ts';
import { GhostTextController } from './ghost-text-controller.ts';
import { HelpMeWriteController } from './help-me-write-controller.ts';
import { QuickModelController } from './quick-model-controller.ts';
import { RatingController } from './rating-controller.ts';
import { reviewComposerStyles } from './review-composer.styles.ts';
import { reviewComposerMetrics } from './review-composer.metrics.ts';
import { renderComposer } from './review-composer.template.ts';
import type { SuggestFunction, SuggestionShowDetail } from './review-composer.types.ts';
import { SubmitGuardController } from './submit-guard-controller.ts';
import { DEFAULT_TOPICS, TopicsController, topicListConverter } from './topics-controller.ts';


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
 * @fires {InputEvent} input - The draft or rating changed (native, bubbles, composed).
 * @fires {Event} change - The draft changed and the editor lost focus, or the rating changed.
 * @fires {CustomEvent} cw-suggestion-show - A suggestion is shown: once, when complete (or first, if accepted or dismissed while still streaming). `detail: { suggestion, source }`.
 * @fires {CustomEvent} cw-suggestion-accept - A suggestion (or one word of it) was accepted. `detail: { text, partial }`.
 * @fires {CustomEvent} cw-suggestion-dismiss - A suggestion went away unaccepted. `detail: { suggestion, reason }`.
 * @fires {CustomEvent} cw-guard - The guard held back a submit and shows its findings. `detail: { report }`.
 * @fires {CustomEvent} cw-draft-restore - An autosaved draft was restored. `detail: { text, rating }`.
 * @fires {CustomEvent} cw-suggestion-error - The engine failed while suggesting (no ghost text is shown). `detail: { error }`.
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
 * @csspart findings - The list of findings inside the guard panel.
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
  /** Focus on the host moves into the textarea. */
  static override shadowRootOptions: ShadowRootInit = { mode: 'open', delegatesFocus: true };
  /** The element's styles (shared tokens plus its own). */
  static override styles = [sharedStyles, reviewComposerStyles];
  /** How this element's `cw-metric` events are derived from its own events. */
  static override metricRecipe: MetricRecipe = reviewComposerMetrics;

  /** Lit reactive properties: the form-control ones plus the composer's attributes and internal state. */
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
    quickEngine: { attribute: false },
    quickModel: { attribute: 'quick-model' },
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
  /** Textarea placeholder; default: the localized "What did you like or dislike?". */
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
  /** With `rating-required`, the form is invalid until the shopper picks a star. */
  declare ratingRequired: boolean;
  /** Hides the star rating (and leaves it out of the form data). */
  declare noRating: boolean;
  /** Topic keys offered as chips (strings `topic_<key>` label them). */
  declare topics: string[];
  /** Topic keys the shopper selected; given to the model as context and autosaved with the draft. */
  declare selectedTopics: string[];
  /** Hides the topic chips. */
  declare noTopics: boolean;
  /** Turns off the per-`product-id` draft autosave. */
  declare noAutosave: boolean;
  /** Idle time after a keystroke before asking the model, in ms (default 25: see test/bench/ghost-latency-124m.md). */
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
  /** A fast model for the first words (the phrase model): they show at once, and the engine (GPT-2) extends them. */
  declare quickEngine: TextGenerator | undefined;
  /** `phrase` (the built-in review phrase model) or a phrase-model URL, loaded as `quickEngine` (see quick-model-controller.ts). */
  declare quickModel: string | undefined;
  /** The suggestion shown as ghost text, '' when none. */
  declare suggestion: string;
  /** Where the shown suggestion came from: `continuation` (ghost text while typing) or `help` ("Help me write"). */
  declare protected suggestionSource: SuggestionShowDetail['source'];
  /** Text for the screen-reader live region. */
  declare protected announcement: string;
  /** Sentiment of the draft for the footer hint; undefined for drafts under 20 characters. */
  declare protected sentiment: SentimentReading | undefined;
  /** Star rating suggested from the draft while no star is chosen; set only when its confidence is at least 0.5. */
  declare protected ratingSuggestion: RatingSuggestion | undefined;
  /** The guard's findings shown before submit; undefined when there are none. */
  declare protected guardReport: GuardReport | undefined;
  /** True while "Help me write" is generating. */
  declare protected helping: boolean;
  /** True once the shopper hid the topic chips. */
  declare protected topicsHidden: boolean;
  /** True after an autosaved draft was restored (shows a notice). */
  declare protected restored: boolean;
  /** Why the last suggestion failed ('' when it did not); shown as an alert. */
  declare protected suggestionError: string;

  // The controllers are parts of this element, so they see its protected state too (see composer-host.ts).
  readonly #host = this as unknown as ComposerHost;
  readonly #ghost = new GhostTextController(this.#host, (next) => this.#applyEdit(next));
  readonly #help = new HelpMeWriteController(this.#host, this.#ghost);
  readonly #guard = new SubmitGuardController(this.#host, () => this.internals.form);
  readonly #analysis = new AnalysisController(this.#host);
  readonly #drafts = new DraftController(this.#host, {
    clearForSwitch: () => {
      this.value = '';
      this.#clearAround();
    },
    restored: () => this.#analysis.schedule(),
  });
  readonly #rating = new RatingController(this.#host, { saved: () => this.#drafts.save() });
  readonly #topics = new TopicsController(this.#host, { saved: () => this.#drafts.save(), helpMeWrite: () => this.helpMeWrite() });
  #changedSinceCommit = false;

  constructor() {
    super();
    this.rows = 4;
    this.rating = 0;
    this.ratingName = 'rating';
    this.ratingRequired = false;
    this.noRating = false;
    this.topics = [...DEFAULT_TOPICS];
    this.selectedTopics = [];
    this.noTopics = false;
    this.noAutosave = false;
    this.debounce = 25;
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
    new QuickModelController(this.#host);
  }

  private get textarea(): HTMLTextAreaElement | null {
    return this.renderRoot.querySelector('textarea');
  }

  /** Form-associated callback: lets the submit guard watch the owning form's submit. */
  formAssociatedCallback(form: HTMLFormElement | null): void {
    this.#guard.bindForm(form);
  }

  /** Lit hook: restores the autosaved draft for `product-id` after the first render. */
  protected override firstUpdated(): void {
    this.#drafts.restore();
  }

  /** Lit hook: switches the autosaved draft when `product-id` changed, and drops ghost text that no longer fits a value set from outside. */
  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('productId') && this.hasUpdated) this.#drafts.switchProduct(changed.get('productId'));
    if (changed.has('value') && changed.get('value') !== undefined && !this.#ghost.accepting && this.suggestion) {
      // Set from outside (reset, restore, script): the ghost text no longer fits.
      const textarea = this.textarea;
      if (!textarea || textarea.value !== this.value) this.#ghost.dismiss('replaced');
    }
  }

  // ----- public API -----

  /** Accepts the whole suggestion (or its next word). Returns false when there is none. */
  acceptSuggestion(partial = false): boolean {
    return this.#ghost.accept(partial);
  }

  /** Hides the suggestion without accepting it. */
  dismissSuggestion(): void {
    this.#ghost.dismiss('escape');
  }

  /** Streams a draft from the chosen topics into the ghost text; Tab accepts it. */
  async helpMeWrite(): Promise<void> {
    await this.#help.run();
  }

  /** Runs the guard now and shows its findings; returns them. */
  runGuard(): GuardReport | undefined {
    return this.#guard.run();
  }

  /** Forgets the autosaved draft (call after the review was stored). */
  clearSavedDraft(): void {
    this.#drafts.clear();
  }

  // ----- form integration -----

  /** Submits the review under `name` and the rating under `rating-name` (when one was chosen); null when neither applies. */
  protected override formValue(): FormData | null {
    const data = new FormData();
    if (this.name) data.append(this.name, this.value);
    if (!this.noRating && this.ratingName && this.rating > 0) data.append(this.ratingName, String(this.rating));
    return [...data.keys()].length ? data : null;
  }

  /** What the browser keeps for state restore: the text and rating as JSON. */
  protected override formState(): string {
    return JSON.stringify({ value: this.value, rating: this.rating });
  }

  /** Restores the draft text and rating the browser saved for back/forward navigation or autofill. */
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

  /** On form reset: clears the rating, topics, guard findings, suggestion and the autosaved draft. */
  protected override resetValue(): void {
    super.resetValue();
    this.#clearAround();
    this.#guard.reset();
    this.clearSavedDraft();
  }

  /** With `rating-required`, a missing rating is invalid. */
  protected override extraValidity(): { flags: ValidityStateFlags; message: string } | undefined {
    if (this.ratingRequired && !this.noRating && this.rating === 0) {
      return { flags: { valueMissing: true }, message: this.text.ratingMissing };
    }
    return undefined;
  }

  /** Where focus goes on an error: the first star when only the rating is missing, else the textarea. */
  protected override validationTarget(): HTMLElement | undefined {
    if (this.ratingRequired && this.rating === 0 && this.value.trim() !== '') {
      return this.renderRoot.querySelector<HTMLInputElement>('input[type=radio]') ?? undefined;
    }
    return this.textarea ?? undefined;
  }

  // ----- editing -----

  /** Clears everything that belongs to a draft except the text (a reset, or a switch to another product). */
  #clearAround(): void {
    this.rating = 0;
    this.selectedTopics = [];
    this.guardReport = undefined;
    this.ratingSuggestion = undefined;
    this.sentiment = undefined;
    this.restored = false;
    this.#ghost.cancel();
    this.#ghost.dismiss('replaced');
  }

  #applyEdit(next: string): void {
    this.value = next;
    this.markEdited();
    this.#changedSinceCommit = true;
    this.restored = false;
    if (this.guardReport) this.guardReport = undefined;
    this.#drafts.save();
    this.#analysis.schedule();
  }

  #onInput(event: InputEvent): void {
    const previous = this.value;
    this.#applyEdit((event.target as HTMLTextAreaElement).value);
    this.#ghost.onInput(event, previous);
  }

  #onBlur(): void {
    this.#ghost.onBlur();
    if (this.#changedSinceCommit) {
      this.#changedSinceCommit = false;
      this.dispatchEvent(new Event('change', { bubbles: true }));
    }
  }

  // ----- rendering -----

  /** Renders the editor (label, rating, topics, textarea with ghost text, footer and guard panel). */
  protected override render(): TemplateResult {
    return renderComposer(this.#host, {
      ghost: this.#ghost,
      rating: this.#rating,
      topics: this.#topics,
      analysis: this.#analysis,
      guard: this.#guard,
      onInput: (event) => this.#onInput(event),
      onBlur: () => this.#onBlur(),
    });
  }
}
