import { afterEach, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '@cowrite/elements/review-composer/define';
import '@cowrite/elements/idea-form/define';
import '@cowrite/elements/share-post/define';
import '@cowrite/elements/suggested-copy/define';
import type { CwIdeaForm, CwReviewComposer, CwSharePost, CwSuggestedCopy } from '@cowrite/elements';
import { ScriptedEngine } from '@cowrite/elements/testing';
import { describeFormControl } from './form-control-contract.ts';
import { cleanup, shadow } from './helpers.ts';

afterEach(cleanup);

/** Every element that extends FormControlElement runs the same contract (see form-control-contract.ts). */

const visibleText = (element: Element, selector: string): string | null => {
  const node = element.shadowRoot?.querySelector<HTMLElement>(selector);
  return node && !node.hidden ? (node.textContent ?? '') : null;
};

async function typeInto(element: Element, selector: string, text: string): Promise<void> {
  await userEvent.click(shadow(element, selector));
  await userEvent.keyboard(text);
}

describeFormControl<CwReviewComposer>({
  tag: 'cw-review-composer',
  attrs: 'no-autosave',
  setup: (element) => {
    element.engine = new ScriptedEngine();
  },
  fill: async (element) => {
    await typeInto(element, 'textarea', 'Warm and soft.');
    return 'Warm and soft.';
  },
  typeOne: (element) => typeInto(element, 'textarea', '!'),
  entries: (name, value) => [[name, value]],
  validValue: 'Kept my ears warm on the bike.',
  stateFor: (value) => JSON.stringify({ value, rating: 0 }),
  shownMessage: (element) => visibleText(element, '[part=validation]'),
});

describeFormControl<CwIdeaForm>({
  tag: 'cw-idea-form',
  setup: (element) => {
    element.engine = new ScriptedEngine();
  },
  fill: async (element) => {
    await typeInto(element, '[part=title-input]', 'Wide boots');
    return 'Wide boots';
  },
  typeOne: (element) => typeInto(element, '[part=title-input]', '!'),
  entries: (name, title) => [
    [`${name}-title`, title],
    [`${name}-description`, ''],
    [`${name}-category`, ''],
  ],
  validValue: 'Refill pouches for the hand soap',
  // A required idea needs a description as well as a title.
  completeRequired: (element) => {
    element.description = 'Less plastic.';
  },
  stateFor: (title) => JSON.stringify({ title, description: '', category: '' }),
});

const POST = ' My new winter favourite: the Cloud Knit Beanie.';

describeFormControl<CwSharePost>({
  tag: 'cw-share-post',
  attrs: 'product="Cloud Knit Beanie" url="https://shop.example/beanie"',
  setup: (element) => {
    element.engine = new ScriptedEngine({ fallback: POST, tokenDelayMs: 1 });
    element.review = 'Warm and soft, and it kept my ears warm on the bike.';
  },
  fill: async (element) => {
    await userEvent.click(shadow(element, '[part~=write-button]'));
    await expect.poll(() => element.value).toBe(POST.trim());
    return element.value;
  },
  typeOne: (element) => typeInto(element, '[part~=editor]', '!'),
  entries: (name, value) => [[name, value]],
  validValue: 'Warm ears on the bike.',
  stateFor: (value) => value,
});

const REPLIES = [' A light wool jacket for cold mornings.', ' Soft merino, made to layer.'];

describeFormControl<CwSuggestedCopy>({
  tag: 'cw-suggested-copy',
  attrs: 'count="2"',
  setup: (element) => {
    element.engine = new ScriptedEngine({ script: [{ when: () => true, reply: REPLIES }], tokenDelayMs: 1 });
    element.product = { name: 'Alpine Jacket', materials: ['merino wool'] };
  },
  fill: async (element) => {
    await userEvent.click(shadow(element, '[part=generate-button]'));
    await expect.poll(() => element.candidates.map((candidate) => candidate.status)).toEqual(['done', 'done']);
    await element.updateComplete;
    // The first button of a candidate accepts it.
    await userEvent.click(shadow(element, '[part=candidate] button'));
    return element.value;
  },
  typeOne: async (element) => {
    // "Edit" is the candidate's second button; it opens the text in place.
    await userEvent.click(element.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=candidate] button')[1]);
    await element.updateComplete;
    await typeInto(element, 'textarea[part=candidate-text]', '!');
  },
  entries: (name, value) => [[name, value]],
  validValue: 'Walk further in soft merino.',
  stateFor: (value) => value,
});

// Known limit (base/validation-reports.ts): a report is seen through the submit click or Enter that asked for it, or
// through the focus it moves to the first invalid field; a script's form.reportValidity() while that field already has
// focus shows neither, so the error waits until the shopper leaves the field or submits.
it.fails('a script calling form.reportValidity() while the invalid field has focus marks it :user-invalid', async () => {
  const form = document.createElement('form');
  form.innerHTML = '<cw-review-composer name="review" required no-autosave></cw-review-composer>';
  document.body.append(form);
  const element = form.querySelector('cw-review-composer') as CwReviewComposer;
  element.engine = new ScriptedEngine();
  await element.updateComplete;
  await typeInto(element, 'textarea', 'x');
  await userEvent.keyboard('{Backspace}');
  await element.updateComplete;
  expect(form.reportValidity()).toBe(false);
  await element.updateComplete;
  expect(element.matches(':state(user-invalid)')).toBe(true);
});
