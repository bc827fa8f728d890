import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { FormControlElement } from '@cowrite/elements';
import { mount, recordEvents } from './helpers.ts';

/** How one form-associated element is driven by the shared contract below. */
export interface FormControlCase<E extends FormControlElement = FormControlElement> {
  tag: string;
  /** Extra attributes on the element (besides `name`, `value`, `required`, `disabled`). */
  attrs?: string;
  /** Gives the element what it needs before use (engine, product facts…). */
  setup?: (element: E) => void | Promise<void>;
  /** Gives the element a value through its real UI (clicks and keys); returns the value it now has. */
  fill: (element: E) => Promise<string>;
  /** Types one character into the element's own text field (for the `input` event check), and focuses it first. */
  typeOne?: (element: E) => Promise<void>;
  /** The FormData entries the element submits for `value` under `name`. */
  entries: (name: string, value: string) => [string, string][];
  /** A value set through the public `value` property. */
  validValue: string;
  /** What makes a `required` element valid besides a value (e.g. a second field). */
  completeRequired?: (element: E) => void;
  /** The state string the element gives the browser for `value` (what `formStateRestoreCallback` gets back). */
  stateFor: (value: string) => string;
  /** The message the element shows the shopper, or null when none is visible. */
  shownMessage?: (element: E) => string | null;
}

const userInvalid = (element: Element) => element.matches(':state(user-invalid)');
const formEntries = (form: HTMLFormElement) => [...new FormData(form)].map(([key, value]) => [key, String(value)]);

/**
 * The contract every form-associated Cowrite element keeps, like a native `<input>`:
 * FormData, reset, disabled (own and fieldset), required + `:user-invalid`, state restore and native events.
 */
export function describeFormControl<E extends FormControlElement>(c: FormControlCase<E>): void {
  async function setupForm(attributes = '', wrap = (markup: string) => markup) {
    const container = mount(`<form>${wrap(`<${c.tag} name="field" ${c.attrs ?? ''} ${attributes}></${c.tag}>`)}<button>Send</button></form>`);
    const element = container.querySelector(c.tag) as E;
    await c.setup?.(element);
    await element.updateComplete;
    return { element, form: container.querySelector('form') as HTMLFormElement };
  }

  describe(`<${c.tag}> form-control contract`, () => {
    it('is form-associated and knows its form', async () => {
      const { element, form } = await setupForm();
      expect((element.constructor as typeof FormControlElement).formAssociated).toBe(true);
      expect(element.form).toBe(form);
      expect(element.willValidate).toBe(true);
    });

    it('submits name and value after the shopper gives it a value through its UI', async () => {
      const { element, form } = await setupForm();
      const value = await c.fill(element);
      await element.updateComplete;
      expect(value).not.toBe('');
      expect(element.value).toBe(value);
      expect(formEntries(form)).toEqual(c.entries('field', value));
    });

    it('submits a value set through the `value` property', async () => {
      const { element, form } = await setupForm();
      element.value = c.validValue;
      await element.updateComplete;
      expect(formEntries(form)).toEqual(c.entries('field', c.validValue));
    });

    it('keeps a value a script sets before the first render, and the `value` attribute no longer overrides it (the dirty flag)', async () => {
      // As frameworks and Storybook do: create, set properties, then connect.
      const element = document.createElement(c.tag) as E;
      element.setAttribute('value', 'Default text');
      element.value = c.validValue;
      const container = mount('<form></form>');
      container.querySelector('form')!.append(element);
      await c.setup?.(element);
      await element.updateComplete;
      expect(element.value).toBe(c.validValue);
      element.setAttribute('value', 'Another default');
      await element.updateComplete;
      expect(element.value).toBe(c.validValue);
    });

    it('form.reset() restores the `value` attribute and clears the shown validity state', async () => {
      const { element, form } = await setupForm('value="Default text" required');
      expect(element.value).toBe('Default text');
      await c.fill(element);
      element.value = '';
      await element.updateComplete;
      // The shopper, still in the field, clicks Send: the submit is blocked and the error shows.
      const submits = recordEvents(form, 'submit');
      await userEvent.click(form.querySelector('button')!);
      await element.updateComplete;
      expect(submits).toHaveLength(0);
      expect(userInvalid(element)).toBe(true);
      form.reset();
      await element.updateComplete;
      expect(element.value).toBe('Default text');
      expect(userInvalid(element)).toBe(false);
      expect(c.shownMessage?.(element) ?? null).toBeNull();
      expect(formEntries(form)).toEqual(c.entries('field', 'Default text'));
    });

    it('the `disabled` attribute disables it and leaves it out of FormData', async () => {
      const { element, form } = await setupForm('disabled');
      element.value = c.validValue;
      await element.updateComplete;
      expect(element.matches(':disabled')).toBe(true);
      expect(element.matches(':state(disabled)')).toBe(true);
      expect(formEntries(form)).toEqual([]);
      element.disabled = false;
      await element.updateComplete;
      expect(element.matches(':state(disabled)')).toBe(false);
      expect(formEntries(form)).toEqual(c.entries('field', c.validValue));
    });

    it('a disabled <fieldset> disables it and leaves it out of FormData', async () => {
      const { element, form } = await setupForm('', (markup) => `<fieldset disabled>${markup}</fieldset>`);
      element.value = c.validValue;
      await element.updateComplete;
      expect(element.matches(':disabled')).toBe(true);
      expect(element.isDisabled).toBe(true);
      expect(element.matches(':state(disabled)')).toBe(true);
      expect(formEntries(form)).toEqual([]);
      form.querySelector('fieldset')!.disabled = false;
      await element.updateComplete;
      expect(element.isDisabled).toBe(false);
      expect(formEntries(form)).toEqual(c.entries('field', c.validValue));
    });

    it('`required` blocks the form while empty; the message shows only after reportValidity (:user-invalid)', async () => {
      const { element, form } = await setupForm('required');
      // `:invalid` reads validity without firing `invalid` (checkValidity() has its own check below).
      expect(form.matches(':invalid')).toBe(true);
      expect(element.validity.valueMissing).toBe(true);
      expect(element.validationMessage).not.toBe('');
      expect(userInvalid(element)).toBe(false);
      expect(c.shownMessage?.(element) ?? null).toBeNull();
      expect(form.reportValidity()).toBe(false);
      await element.updateComplete;
      expect(userInvalid(element)).toBe(true);
      if (c.shownMessage) expect(c.shownMessage(element)).toBe(element.validationMessage);
      element.value = c.validValue;
      c.completeRequired?.(element);
      await element.updateComplete;
      expect(form.checkValidity()).toBe(true);
      expect(userInvalid(element)).toBe(false);
    });

    it('a submit attempt while empty and `required` is blocked and marks it :user-invalid', async () => {
      const { element, form } = await setupForm('required');
      const submits = recordEvents(form, 'submit');
      form.requestSubmit();
      await element.updateComplete;
      expect(submits).toHaveLength(0);
      expect(userInvalid(element)).toBe(true);
      if (c.shownMessage) expect(c.shownMessage(element)).toBe(element.validationMessage);
    });

    // `checkValidity()` fires `invalid` too; native inputs stay quiet on it (only a report or a submit attempt shows errors).
    it('form.checkValidity() alone stays silent (no :user-invalid, no message), as for native inputs', async () => {
      const { element, form } = await setupForm('required');
      expect(form.checkValidity()).toBe(false);
      await element.updateComplete;
      expect(userInvalid(element)).toBe(false);
      expect(c.shownMessage?.(element) ?? null).toBeNull();
    });

    it('element.checkValidity() is silent too, and a later form.reportValidity() still shows the error', async () => {
      const { element, form } = await setupForm('required');
      expect(element.checkValidity()).toBe(false);
      await element.updateComplete;
      expect(userInvalid(element)).toBe(false);
      expect(form.reportValidity()).toBe(false);
      await element.updateComplete;
      expect(userInvalid(element)).toBe(true);
    });

    it('formStateRestoreCallback restores a value the browser kept', async () => {
      const { element, form } = await setupForm();
      element.formStateRestoreCallback(c.stateFor(c.validValue));
      await element.updateComplete;
      expect(element.value).toBe(c.validValue);
      expect(formEntries(form)).toEqual(c.entries('field', c.validValue));
    });

    if (c.typeOne) {
      const typeOne = c.typeOne;
      it('fires one native `input` per keystroke and `change` when the edited field is left', async () => {
        const { element } = await setupForm();
        await c.fill(element);
        await element.updateComplete;
        const inputs = recordEvents(element, 'input');
        const changes = recordEvents(element, 'change');
        await typeOne(element);
        await element.updateComplete;
        expect(inputs).toHaveLength(1);
        expect(changes).toHaveLength(0);
        await userEvent.click(document.body);
        await element.updateComplete;
        expect(changes).toHaveLength(1);
      });
    }
  });
}
