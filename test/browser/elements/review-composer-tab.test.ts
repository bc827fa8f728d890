import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '@cowrite/elements/review-composer/define';
import type { CwReviewComposer } from '@cowrite/elements';
import { ScriptedEngine } from '@cowrite/elements/testing';
import { cleanup, mount, shadow } from './helpers.ts';

const script = [
  { when: 'The fabric is', reply: ' soft and warm.' },
  { when: 'The fabric is soft and warm.', reply: ' Runs a little small.' },
  { when: 'The fabric is soft and warm. It', reply: ' washes well.' },
];

async function composer() {
  const container = mount(`<form><cw-review-composer name="review" debounce="0" no-autosave></cw-review-composer><button type="button">Next</button></form>`);
  const element = container.querySelector('cw-review-composer') as CwReviewComposer;
  element.engine = new ScriptedEngine({ script });
  await element.updateComplete;
  return { element, textarea: shadow<HTMLTextAreaElement>(element, 'textarea'), next: container.querySelector('button')! };
}

const ghost = (element: CwReviewComposer) => shadow(element, '[part=ghost]').textContent;
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

afterEach(cleanup);

describe('<cw-review-composer> Tab', () => {
  it('accepts one visible suggestion; the Tab after an acceptance moves focus instead of writing more', async () => {
    const { element, textarea, next } = await composer();
    await userEvent.click(textarea);
    await userEvent.keyboard('The fabric is');
    await expect.poll(() => ghost(element)).toBe(' soft and warm.');
    await userEvent.keyboard('{Tab}');
    expect(element.value).toBe('The fabric is soft and warm.');
    // Give a chained suggestion every chance to appear: it must not.
    await settle();
    expect(ghost(element)).toBe('');
    await userEvent.keyboard('{Tab}');
    expect(element.value).toBe('The fabric is soft and warm.');
    expect(document.activeElement).toBe(next);
  });

  it('typing on after an acceptance brings the next suggestion, which Tab accepts', async () => {
    const { element, textarea } = await composer();
    await userEvent.click(textarea);
    await userEvent.keyboard('The fabric is');
    await expect.poll(() => ghost(element)).toBe(' soft and warm.');
    await userEvent.keyboard('{Tab}');
    await userEvent.keyboard(' It');
    await expect.poll(() => ghost(element)).toBe(' washes well.');
    await userEvent.keyboard('{Tab}');
    expect(element.value).toBe('The fabric is soft and warm. It washes well.');
  });

  it('a suggestion that is not on screen yet is not accepted by Tab', async () => {
    const { element, textarea } = await composer();
    await userEvent.click(textarea);
    await userEvent.keyboard('The fabric is');
    element.suggestion = ' not rendered yet';
    const tab = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, composed: true, cancelable: true });
    textarea.dispatchEvent(tab);
    expect(tab.defaultPrevented).toBe(false);
    expect(element.value).toBe('The fabric is');
  });
});
