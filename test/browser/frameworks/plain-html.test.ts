/**
 * Plain HTML: a page written as markup (no framework), the engine declared once with a
 * global provider, the elements inside a native form with ordinary inputs.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '@cowrite/elements/define';
import { setDefaultEngine } from '@cowrite/elements';
import type { CwEngineProvider, CwIdeaForm, CwReviewComposer } from '@cowrite/elements';
import { DRAFT, SUGGESTION, composerTextarea, reviewEngine, until } from './shared.ts';

const page = `
  <cw-engine-provider id="engine" global></cw-engine-provider>
  <cw-model-status for="engine"></cw-model-status>
  <form id="review-form" action="/reviews" method="post">
    <input type="hidden" name="sku" value="sku-42">
    <cw-review-composer name="review" product="Alpine Jacket" debounce="0" no-autosave required minlength="10"></cw-review-composer>
    <cw-idea-form name="idea"></cw-idea-form>
    <button>Post review</button>
  </form>`;

afterEach(() => {
  document.body.replaceChildren();
  setDefaultEngine(undefined);
});

describe('plain HTML', () => {
  it('a page from markup: global provider, events on the element, FormData and native validation on submit', async () => {
    document.body.setHTMLUnsafe(page);
    const engine = reviewEngine();
    (document.getElementById('engine') as CwEngineProvider).engine = engine;
    const form = document.getElementById('review-form') as HTMLFormElement;
    const composer = form.querySelector('cw-review-composer') as CwReviewComposer;
    await composer.updateComplete;
    await until(() => composer.activeEngine);
    expect(composer.activeEngine).toBe(engine);
    const events: string[] = [];
    for (const type of ['input', 'change', 'cw-suggestion-show', 'cw-suggestion-accept']) {
      form.addEventListener(type, (event) => {
        if ((event.target as Element).localName === 'cw-review-composer') events.push(type);
      });
    }
    let submits = 0;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      submits += 1;
    });
    // Required and empty: the browser's own validation stops the submit.
    expect(form.checkValidity()).toBe(false);
    form.requestSubmit();
    expect(submits).toBe(0);

    await userEvent.click(composerTextarea(composer));
    await userEvent.keyboard(DRAFT);
    await expect.poll(() => composer.suggestion).toBe(SUGGESTION);
    await userEvent.keyboard('{Tab}');
    expect(events).toContain('input');
    expect(events).toContain('cw-suggestion-show');
    expect(events).toContain('cw-suggestion-accept');
    expect(composer.checkValidity()).toBe(true);

    const idea = form.querySelector('cw-idea-form') as CwIdeaForm;
    idea.value = 'Detachable hood';
    idea.description = 'A hood that rolls into the collar when it is not needed.';
    await idea.updateComplete;
    expect(form.checkValidity()).toBe(true);
    form.requestSubmit();
    expect(submits).toBe(1);
    const data = new FormData(form);
    expect(data.get('sku')).toBe('sku-42');
    expect(data.get('review')).toBe(DRAFT + SUGGESTION);
    expect(data.get('idea-title')).toBe('Detachable hood');
    expect(data.get('idea-description')).toBe(idea.description);
    form.reset();
    expect(composer.value).toBe('');
    expect(new FormData(form).get('review')).toBe('');
    // The status element follows the provider named by `for`.
    const status = document.querySelector('cw-model-status')!;
    await expect.poll(() => status.getAttribute('status')).toBe('ready');
  });
});
