import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '@cowrite/elements/review-composer/define';
import '@cowrite/elements/idea-form/define';
import type { CwIdeaForm, CwReviewComposer } from '@cowrite/elements';
import { cleanup, mount, shadow } from './helpers.ts';

afterEach(cleanup);

const userInvalid = (element: Element) => element.matches(':state(user-invalid)');

/** Errors follow `:user-invalid`: nothing while a first draft is typed; shown once the field is left or a submit is tried. */
describe('validity is shown after the shopper leaves the field or submits', () => {
  it('<cw-review-composer>: no red border while typing a short draft; the border and a message once the field is left', async () => {
    const container = mount(`<form><cw-review-composer name="review" no-autosave minlength="20"></cw-review-composer><button>Post</button></form>`);
    const element = container.querySelector('cw-review-composer') as CwReviewComposer;
    await element.updateComplete;
    const textarea = shadow<HTMLTextAreaElement>(element, 'textarea');
    await userEvent.click(textarea);
    await userEvent.keyboard('Too short');
    await element.updateComplete;
    expect(element.validity.tooShort).toBe(true);
    expect(userInvalid(element)).toBe(false);
    expect(textarea.getAttribute('aria-invalid')).toBe('false');
    expect(shadow<HTMLElement>(element, '[part=validation]').hidden).toBe(true);
    // Picking a star moves focus inside the element: still not "left".
    await userEvent.click(element.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]')[2]);
    await element.updateComplete;
    expect(userInvalid(element)).toBe(false);
    await userEvent.click(container.querySelector('button')!.ownerDocument.body);
    await element.updateComplete;
    expect(userInvalid(element)).toBe(true);
    expect(textarea.getAttribute('aria-invalid')).toBe('true');
    const message = shadow<HTMLElement>(element, '[part=validation]');
    expect(message.hidden).toBe(false);
    expect(message.textContent).toBe('Please write at least 20 characters (you wrote 9).');
    // From then on it follows the text live, as :user-invalid does.
    await userEvent.click(textarea);
    await userEvent.keyboard(' — now long enough');
    await element.updateComplete;
    expect(userInvalid(element)).toBe(false);
    expect(shadow<HTMLElement>(element, '[part=validation]').hidden).toBe(true);
  });

  it('<cw-review-composer>: a submit shows the error without the field being left', async () => {
    const container = mount(`<form><cw-review-composer name="review" no-autosave required></cw-review-composer></form>`);
    const element = container.querySelector('cw-review-composer') as CwReviewComposer;
    await element.updateComplete;
    expect(userInvalid(element)).toBe(false);
    container.querySelector('form')!.requestSubmit();
    await element.updateComplete;
    expect(userInvalid(element)).toBe(true);
    expect(shadow<HTMLElement>(element, '[part=validation]').textContent).toBe('Please fill in this field.');
  });

  it('<cw-idea-form>: the description is not marked while the shopper moves on to it; only after leaving it or submitting', async () => {
    const container = mount('<cw-idea-form></cw-idea-form>');
    const element = container.querySelector('cw-idea-form') as CwIdeaForm;
    await element.updateComplete;
    const title = shadow<HTMLInputElement>(element, '[part=title-input]');
    const description = shadow<HTMLTextAreaElement>(element, '[part=description-input]');
    await userEvent.click(title);
    await userEvent.keyboard('Reflective trim');
    await userEvent.click(description);
    await element.updateComplete;
    expect(description.getAttribute('aria-invalid')).toBe('false');
    expect(title.getAttribute('aria-invalid')).toBe('false');
    element.submit();
    await element.updateComplete;
    expect(description.getAttribute('aria-invalid')).toBe('true');
  });
});
