/**
 * <cw-review-composer> on the shipped review phrase model, in Chromium: the model loads on the page
 * (no Worker), ghost text is real English, Tab takes it, and a draft in a language the model does not
 * write gets none. The elements whose text needs GPT-2 say so instead of showing review phrases.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '@cowrite/elements/define';
import type { CwIdeaForm, CwReviewComposer, CwSharePost, CwSuggestedCopy } from '@cowrite/elements';
import { loadPhraseModel } from '@cowrite/core';
import { ScriptedEngine } from '@cowrite/elements/testing';
import type { PhraseModel, TextGenerator } from '@cowrite/core';
import { cleanup, mount, mountElement, recordEvents, shadow } from './helpers.ts';

let model: PhraseModel;

beforeAll(async () => {
  model = await loadPhraseModel();
});

afterEach(() => cleanup());

const ghost = (element: CwReviewComposer) => shadow(element, '[part=ghost]').textContent ?? '';

/** A composer in a form, on the phrase model unless another engine (or none) is given, with the textarea focused. */
async function composer(attributes = '', engine: TextGenerator | undefined = model): Promise<CwReviewComposer> {
  const element = await mountElement<CwReviewComposer>(`<form><cw-review-composer ${attributes} name="review" debounce="0" no-autosave></cw-review-composer></form>`, 'cw-review-composer', engine);
  await userEvent.click(shadow<HTMLTextAreaElement>(element, 'textarea'));
  return element;
}

describe('<cw-review-composer> with the review phrase model', () => {
  it('shows English ghost text completing the word being typed, and Tab inserts it', async () => {
    const element = await composer();
    const shown = recordEvents<{ suggestion: string }>(element, 'cw-suggestion-show');
    await userEvent.keyboard('This jacket is so comf');
    await expect.poll(() => ghost(element), { timeout: 10_000 }).toMatch(/^ortabl/);
    // Typing through ghost text keeps its rest ("ghter." → "ter."), so the last show may be earlier. The show
    // fires when the suggestion is complete, which can be a moment after its first words are on screen.
    await expect.poll(() => shown.length).toBeGreaterThan(0);
    await userEvent.keyboard('{Tab}');
    expect(element.value.startsWith('This jacket is so comfortabl')).toBe(true);
  });

  it('uses the threshold stored with the model when the page sets none', async () => {
    const element = await composer();
    expect(element.minConfidence).toBeUndefined();
    expect(model.profile.minConfidence).toBeGreaterThan(0);
  });

  it('offers nothing for a draft in a language the model does not write', async () => {
    const element = await composer();
    const shown = recordEvents<{ suggestion: string }>(element, 'cw-suggestion-show');
    await userEvent.keyboard('这件衣服很暖和，质量也很好，');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(shown).toHaveLength(0);
    expect(ghost(element).trim()).toBe('');
  });
});

describe('tasks the phrase model cannot write', () => {
  const needsGpt2 = 'This needs GPT-2: the offline phrase model only suggests review phrases.';

  it('<cw-idea-form>: "Refine with AI" says it needs GPT-2 and keeps the idea as typed', async () => {
    const element = await mountElement<CwIdeaForm>('<form><cw-idea-form name="idea"></cw-idea-form></form>', 'cw-idea-form', model);
    await userEvent.click(shadow(element, '[part=title-input]'));
    await userEvent.keyboard('Hood that packs into the collar');
    await userEvent.click(shadow(element, '[part=refine-button]'));
    await expect.poll(() => element.shadowRoot!.querySelector('[role=alert]')?.textContent?.trim()).toBe(needsGpt2);
    expect(element.shadowRoot!.querySelector('[part=comparison]')).toBeNull();
    expect(element.value).toBe('Hood that packs into the collar');
  });

  it('<cw-share-post>: says it needs GPT-2 instead of writing a review phrase as the post', async () => {
    const container = mount('<cw-share-post></cw-share-post>');
    const element = container.querySelector('cw-share-post') as CwSharePost;
    element.engine = model;
    element.review = 'Warm and light, the hood stays up in the wind.';
    await element.updateComplete;
    await userEvent.click(shadow(element, '[part~=write-button]'));
    await expect.poll(() => element.shadowRoot!.querySelector('.error')?.textContent?.trim()).toBe(needsGpt2);
    expect(element.value).toBe('');
  });

  it('<cw-suggested-copy>: one card says it needs GPT-2, not three failures', async () => {
    const markup = `<cw-suggested-copy count="3">
      <script type="application/json">{"name": "Ridgeline Insulated Jacket", "materials": ["recycled nylon"]}</script>
    </cw-suggested-copy>`;
    const element = await mountElement<CwSuggestedCopy>(markup, 'cw-suggested-copy', model);
    await userEvent.click(shadow(element, '[part~=generate-button]'));
    await expect.poll(() => element.candidates.map((candidate) => candidate.error)).toEqual([needsGpt2]);
    // Regenerate, Accept, Edit and Copy would only repeat the same answer: the card offers none of them.
    expect(element.shadowRoot!.querySelectorAll('[part=candidate] button')).toHaveLength(0);
  });
});

describe('"help me write" and the page language', () => {
  it('on a Chinese page, the English phrase model says it writes English only and writes nothing', async () => {
    const element = await composer('lang="zh"');
    await userEvent.click(shadow(element, '[part=help-button]'));
    await expect.poll(() => element.shadowRoot!.querySelector('[role=alert]')?.textContent?.trim()).toBe('离线短语模型只会写英文。如需用其他语言写作，请加载 GPT-2。');
    expect(ghost(element)).toBe('');
  });

  it('on a Chinese page, GPT-2 gets the Chinese template for an empty draft', async () => {
    const engine = new ScriptedEngine({ fallback: '做工很好，穿着暖和。' });
    const element = await composer('lang="zh"', engine);
    await userEvent.click(shadow(element, '[part=help-button]'));
    await expect.poll(() => ghost(element)).toBe('做工很好，穿着暖和。');
    expect(engine.calls[0]?.prompt).toContain('评价：');
  });
});

describe('the quick-model attribute', () => {
  it('quick-model="phrase" loads the built-in phrase model as the quick engine: ghost text with no script', async () => {
    const element = await composer('quick-model="phrase"', undefined);
    await expect.poll(() => element.quickEngine?.profile?.kind, { timeout: 10_000 }).toBe('phrase');
    await userEvent.keyboard('This jacket is so comf');
    await expect.poll(() => ghost(element), { timeout: 10_000 }).toMatch(/^ortabl/);
    // Removing the attribute removes the model it loaded.
    element.removeAttribute('quick-model');
    await expect.poll(() => element.quickEngine).toBeUndefined();
  });

  it('leaves a quick engine the page set alone, and reports a model file it cannot load', async () => {
    const element = await composer('', undefined);
    element.quickEngine = model;
    const errors = recordEvents<{ error: unknown }>(element, 'cw-suggestion-error');
    element.setAttribute('quick-model', '/no/such/model.cwpm');
    await expect.poll(() => errors.length, { timeout: 10_000 }).toBe(1);
    expect((errors[0]?.error as { code?: string }).code).toBe('MODEL_NOT_FOUND');
    expect(element.quickEngine).toBe(model);
  });
});
