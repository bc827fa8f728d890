import type { PropertyDeclarations, PropertyValues } from 'lit';
import { CowriteElement } from './cowrite-element.ts';
import { format } from './strings.ts';
import { trackSubmitIntent, whenValidationReported } from './validation-reports.ts';

/**
 * A form-associated element: its value goes into `FormData`, it validates `required`,
 * `minlength` and `maxlength` with localized messages, and it follows form reset,
 * `<fieldset disabled>` and the browser's state restore (back/forward, autofill).
 * Subclasses decide what the value is (`formValue()`) and where focus goes on errors
 * (`validationTarget()`).
 *
 * Custom states for styling: `:state(invalid)`, `:state(user-invalid)` (with `:user-invalid`
 * semantics: after the shopper edited and left the field, or tried to submit — never while
 * typing a first draft), `:state(disabled)`, `:state(empty)`.
 */
export class FormControlElement extends CowriteElement {
  /** Makes the element form-associated (it takes part in forms like a native control). */
  static formAssociated = true;

  /** Lit reactive properties of every form control (name, value, validation attributes, internal state). */
  static override properties: PropertyDeclarations = {
    ...CowriteElement.properties,
    name: { reflect: true },
    value: { attribute: false },
    defaultValue: { attribute: 'value' },
    required: { type: Boolean, reflect: true },
    disabled: { type: Boolean, reflect: true },
    minLength: { type: Number, attribute: 'minlength' },
    maxLength: { type: Number, attribute: 'maxlength' },
    formDisabled: { state: true },
    userTouched: { state: true },
    submitAttempted: { state: true },
  };

  /** Name under which the value is submitted. */
  declare name: string;
  /** The current value. */
  declare value: string;
  /** The value the form resets to (the `value` attribute). */
  declare defaultValue: string;
  /** With `required`, an empty (or whitespace-only) value is invalid. */
  declare required: boolean;
  /** Disables the control; a disabled control is left out of the form data. */
  declare disabled: boolean;
  /** Fewest characters (code points) a non-empty value may have (the `minlength` attribute). */
  declare minLength: number | undefined;
  /** Most characters (code points) the value may have (the `maxlength` attribute). */
  declare maxLength: number | undefined;
  /** Disabled by an ancestor `<fieldset disabled>`. */
  declare protected formDisabled: boolean;
  /** The shopper edited and then left the field, or tried to submit: only then are errors shown. */
  declare protected userTouched: boolean;
  /** A submit (or `reportValidity()`) was tried since the last reset. */
  declare protected submitAttempted: boolean;

  /** The element's `ElementInternals`: form value, validity and custom states. */
  protected readonly internals: ElementInternals;
  #customError = '';
  #valueEdited = false;
  #editedSinceLeft = false;
  #checkingQuietly = false;

  constructor() {
    super();
    this.internals = this.attachInternals();
    trackSubmitIntent();
    this.name = '';
    this.value = '';
    this.defaultValue = '';
    this.required = false;
    this.disabled = false;
    this.formDisabled = false;
    this.userTouched = false;
    this.submitAttempted = false;
    // `invalid` fires on silent checks too (`form.checkValidity()`); only a submit attempt or
    // `reportValidity()` may show errors, as for native `:user-invalid`.
    this.addEventListener('invalid', () => {
      if (this.#checkingQuietly) return;
      whenValidationReported(this, () => this.#markReported());
    });
    // Leaving the field commits an edit, as for native `:user-invalid`.
    this.addEventListener('focusout', (event) => {
      // Focus moving between the element's own parts (stars → text) is not leaving it.
      if (event.relatedTarget === this) return;
      if (this.#editedSinceLeft) this.userTouched = true;
      this.#editedSinceLeft = false;
    });
  }

  /** The form the element belongs to, or null. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }
  /** The element's validity, as on native controls. */
  get validity(): ValidityState {
    return this.internals.validity;
  }
  /** The message of the current validation error, '' when valid. */
  get validationMessage(): string {
    return this.internals.validationMessage;
  }
  /** True when the element takes part in constraint validation. */
  get willValidate(): boolean {
    return this.internals.willValidate;
  }
  /** Disabled by its own attribute or by a disabled fieldset. */
  get isDisabled(): boolean {
    return this.disabled || this.formDisabled;
  }
  /** Checks validity without showing errors; fires `invalid` when it fails. */
  checkValidity(): boolean {
    this.#checkingQuietly = true;
    try {
      return this.internals.checkValidity();
    } finally {
      this.#checkingQuietly = false;
    }
  }
  /** Checks validity and shows the error (as a submit attempt does). */
  reportValidity(): boolean {
    this.#markReported();
    return this.internals.reportValidity();
  }

  #markReported(): void {
    this.userTouched = true;
    this.submitAttempted = true;
  }
  /** Like `setCustomValidity` on native inputs; an empty message clears it. */
  setCustomValidity(message: string): void {
    this.#customError = message;
    this.updateValidity();
  }

  /** Call from subclasses when the shopper edits the value (errors show once the field is left). */
  protected markEdited(): void {
    this.#valueEdited = true;
    this.#editedSinceLeft = true;
  }

  /** Lit hook: applies the `value` attribute until the shopper edits, and refreshes validity before render. */
  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // A value a script sets sticks, as on <input> (its dirty flag): even one set before the first render,
    // which the `value` attribute's first application below would otherwise wipe out.
    if (changed.has('value') && (this.hasUpdated || this.value !== '') && this.value !== (this.defaultValue ?? '')) this.#valueEdited = true;
    // The `value` attribute is the default; it drives the value until the shopper (or a script) sets one.
    if (changed.has('defaultValue') && !this.#valueEdited) this.value = this.defaultValue ?? '';
    // Render reads `validity`: bring it up to date first, or error text lags one keystroke behind.
    this.updateValidity();
  }

  /** Lit hook: hands the value to the form and updates the `:state()` custom states. */
  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.commitFormValue();
    this.setState('disabled', this.isDisabled);
    this.setState('empty', this.value === '');
    this.setState('user-invalid', this.userTouched && !this.internals.validity.valid);
  }

  /** Hands value and validity to the form now (not at the next render), e.g. right after a reset. */
  protected commitFormValue(): void {
    this.internals.setFormValue(this.formValue(), this.formState());
    this.updateValidity();
  }

  /** What goes into FormData; subclasses may submit several entries. */
  protected formValue(): string | FormData | null {
    return this.name ? this.value : null;
  }

  /** What the browser keeps for state restore; `formStateRestoreCallback` gets it back. */
  protected formState(): string {
    return this.value;
  }

  /** The inner control that receives focus when the browser reports an error. */
  protected validationTarget(): HTMLElement | undefined {
    return undefined;
  }

  /** Subclasses add their own checks (return a message, or '' when valid). */
  protected extraValidity(): { flags: ValidityStateFlags; message: string } | undefined {
    return undefined;
  }

  /** Recomputes validity: required, minlength, maxlength, the custom error, then the subclass's `extraValidity()`. */
  protected updateValidity(): void {
    const length = [...this.value].length;
    const t = this.text;
    const extra = this.extraValidity();
    let flags: ValidityStateFlags = {};
    let message = '';
    if (this.required && this.value.trim() === '') {
      flags = { valueMissing: true };
      message = t.valueMissing;
    } else if (this.value !== '' && this.minLength !== undefined && length < this.minLength) {
      flags = { tooShort: true };
      message = format(t.tooShort, { min: this.minLength, n: length });
    } else if (this.maxLength !== undefined && length > this.maxLength) {
      flags = { tooLong: true };
      message = format(t.tooLong, { max: this.maxLength, n: length });
    } else if (this.#customError) {
      flags = { customError: true };
      message = this.#customError;
    } else if (extra) {
      ({ flags, message } = extra);
    }
    const target = this.validationTarget();
    if (message) this.internals.setValidity(flags, message, target);
    else this.internals.setValidity({});
    this.setState('invalid', message !== '');
  }

  /** Form-associated callback: restores the default value and clears shown errors on form reset. */
  formResetCallback(): void {
    this.#valueEdited = false;
    this.#editedSinceLeft = false;
    this.userTouched = false;
    this.submitAttempted = false;
    this.resetValue();
    this.commitFormValue();
  }

  /** Restores the initial state on form reset; subclasses reset their extra state too. */
  protected resetValue(): void {
    this.value = this.defaultValue ?? '';
  }

  /** Form-associated callback: follows an ancestor `<fieldset disabled>`. */
  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  /** Form-associated callback: restores the value the browser saved (back/forward, autofill). */
  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state === 'string') this.value = state;
  }

  /** Custom states (`:state(name)`); older engines without CustomStateSet skip them. */
  protected setState(name: string, on: boolean): void {
    const states = this.internals.states as CustomStateSet | undefined;
    if (!states) return;
    try {
      if (on) states.add(name);
      else states.delete(name);
    } catch {
      // Engines that only accept the legacy `--name` syntax: styling hook unavailable.
    }
  }
}
