import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import '@cowrite/elements/review-composer/define';
import { CwReviewComposer, setTextServices } from '@cowrite/elements';
import { ScriptedEngine } from '@cowrite/elements/testing';
import { cleanup, expectNoAxeViolations, mount, recordEvents, shadow } from './helpers.ts';

const script = [
  { when: 'The fabric is', reply: ' soft and warm. It washes well.' },
  { when: 'The fabric is soft and warm.', reply: ' Runs a little small.' },
];

async function composer(attributes = '', engine = new ScriptedEngine({ script })) {
  const container = mount(`<form><cw-review-composer name="review" debounce="0" ${attributes}></cw-review-composer></form>`);
  const element = container.querySelector('cw-review-composer') as CwReviewComposer;
  element.engine = engine;
  await element.updateComplete;
  const textarea = shadow<HTMLTextAreaElement>(element, 'textarea');
  const form = container.querySelector('form') as HTMLFormElement;
  return { element, textarea, form, engine };
}

const ghost = (element: CwReviewComposer) => shadow(element, '[part=ghost]').textContent;
const liveRegion = (element: CwReviewComposer) => shadow(element, '[role=status]').textContent?.trim();

afterEach(() => {
  cleanup();
  setTextServices({ guardText: undefined, analyzeSentiment: undefined, suggestRating: undefined });
});

describe('<cw-review-composer> ghost text', () => {
  it('shows a suggestion after typing, announces it, and keeps it out of the value', async () => {
    const { element, textarea, form } = await composer();
    const shown = recordEvents<{ suggestion: string }>(element, 'cw-suggestion-show');
    await userEvent.click(textarea);
    await userEvent.keyboard('The fabric is');
    await expect.poll(() => ghost(element)).toBe(' soft and warm.');
    expect(shown).toEqual([{ suggestion: ' soft and warm.', source: 'continuation' }]);
    expect(liveRegion(element)).toBe('Suggestion: soft and warm. (Tab to accept, Escape to dismiss)');
    expect(element.value).toBe('The fabric is');
    expect(new FormData(form).get('review')).toBe('The fabric is');
  });

  it('Tab accepts the whole suggestion into the value; Ctrl+Z undoes it', async () => {
    const { element, textarea, form } = await composer();
    const accepted = recordEvents(element, 'cw-suggestion-accept');
    await userEvent.click(textarea);
    await userEvent.keyboard('The fabric is');
    await expect.poll(() => ghost(element)).toBe(' soft and warm.');
    await userEvent.keyboard('{Tab}');
    expect(element.value).toBe('The fabric is soft and warm.');
    expect(textarea.value).toBe('The fabric is soft and warm.');
    expect(accepted).toEqual([{ text: ' soft and warm.', partial: false }]);
    expect(element.shadowRoot?.activeElement).toBe(textarea);
    expect(new FormData(form).get('review')).toBe('The fabric is soft and warm.');
    // No new suggestion appears by itself: the next one waits for the shopper to type on.
    expect(ghost(element)).toBe('');
    await userEvent.keyboard('{Control>}z{/Control}');
    await expect.poll(() => element.value).toBe('The fabric is');
  });

  it('Esc dismisses, and Tab then moves focus as usual', async () => {
    const { element, textarea } = await composer();
    const dismissed = recordEvents(element, 'cw-suggestion-dismiss');
    await userEvent.click(textarea);
    await userEvent.keyboard('The fabric is');
    await expect.poll(() => ghost(element)).toBe(' soft and warm.');
    await userEvent.keyboard('{Escape}');
    expect(ghost(element)).toBe('');
    expect(dismissed).toEqual([{ suggestion: ' soft and warm.', reason: 'escape' }]);
    await userEvent.keyboard('{Tab}');
    expect(element.value).toBe('The fabric is');
    expect(element.shadowRoot?.activeElement).not.toBe(textarea);
  });

  it('Ctrl+→ accepts one word at a time and keeps the rest', async () => {
    const { element, textarea } = await composer();
    await userEvent.click(textarea);
    await userEvent.keyboard('The fabric is');
    await expect.poll(() => ghost(element)).toBe(' soft and warm.');
    await userEvent.keyboard('{Control>}{ArrowRight}{/Control}');
    expect(element.value).toBe('The fabric is soft');
    expect(ghost(element)).toBe(' and warm.');
    await userEvent.keyboard('{Control>}{ArrowRight}{/Control}');
    expect(element.value).toBe('The fabric is soft and');
    expect(ghost(element)).toBe(' warm.');
  });

  it('typing the suggested characters keeps the rest; typing something else dismisses it', async () => {
    const { element, textarea } = await composer();
    await userEvent.click(textarea);
    await userEvent.keyboard('The fabric is');
    await expect.poll(() => ghost(element)).toBe(' soft and warm.');
    await userEvent.keyboard(' so');
    expect(ghost(element)).toBe('ft and warm.');
    const dismissed = recordEvents(element, 'cw-suggestion-dismiss');
    await userEvent.keyboard('x');
    expect(ghost(element)).toBe('');
    expect(dismissed).toEqual([{ suggestion: 'ft and warm.', reason: 'typing' }]);
  });

  it('cancels the request in flight on every keystroke', async () => {
    const engine = new ScriptedEngine({ script, fallback: ' and some more words', tokenDelayMs: 40 });
    const { element, textarea } = await composer('', engine);
    await userEvent.click(textarea);
    await userEvent.keyboard('The fabric');
    await new Promise((resolve) => setTimeout(resolve, 30));
    await userEvent.keyboard(' is');
    await expect.poll(() => ghost(element), { timeout: 3000 }).toBe(' soft and warm.');
    expect(engine.abortedCalls.length).toBeGreaterThan(0);
    expect(engine.calls.filter((call) => call.outcome === 'done').map((call) => call.prompt.endsWith('The fabric is'))).toEqual([true]);
    expect(engine.calls.every((call) => call.options.signal instanceof AbortSignal)).toBe(true);
  });

  it('stays quiet for short drafts and unconfident or empty answers', async () => {
    const engine = new ScriptedEngine({ fallback: '' });
    const { element, textarea } = await composer('min-chars="5"', engine);
    await userEvent.click(textarea);
    await userEvent.keyboard('Nice');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(engine.calls).toHaveLength(0);
    await userEvent.keyboard(' fit');
    await expect.poll(() => engine.calls.length).toBeGreaterThan(0);
    expect(ghost(element)).toBe('');
    element.suggest = async () => ({ text: ' really nice', confidence: 0.1 });
    await userEvent.keyboard('!');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(ghost(element)).toBe('');
  });

  it('accepts a suggestion from a custom suggest function, given the draft and a signal', async () => {
    const { element, textarea } = await composer();
    const seen: string[] = [];
    element.suggest = async (context, signal) => {
      seen.push(`${context.draft}|${signal.aborted}`);
      return ' from my server';
    };
    await userEvent.click(textarea);
    await userEvent.keyboard('Great jacket');
    await expect.poll(() => ghost(element)).toBe(' from my server');
    expect(seen.at(-1)).toBe('Great jacket|false');
  });
});

describe('<cw-review-composer> rating, topics, form', () => {
  it('submits draft and rating, and resets both', async () => {
    const { element, textarea, form } = await composer('rating-name="stars"');
    await userEvent.click(textarea);
    await userEvent.keyboard('Warm coat');
    const radios = element.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]');
    const changes = recordEvents(element, 'change');
    await userEvent.click(radios[2]);
    await userEvent.keyboard('{ArrowRight}');
    expect(element.rating).toBe(4);
    // The textarea commits its edit on blur, then each rating change.
    expect(changes.length).toBe(3);
    const data = new FormData(form);
    expect(data.get('review')).toBe('Warm coat');
    expect(data.get('stars')).toBe('4');
    form.reset();
    await element.updateComplete;
    expect(element.value).toBe('');
    expect(element.rating).toBe(0);
    expect(textarea.value).toBe('');
    expect([...new FormData(form).entries()]).toEqual([['review', '']]);
  });

  it('reports required, minlength, maxlength and a missing rating with messages', async () => {
    const { element, textarea, form } = await composer('required minlength="10" maxlength="20" rating-required');
    expect(element.validity.valueMissing).toBe(true);
    expect(element.validationMessage).toBe('Please fill in this field.');
    expect(form.checkValidity()).toBe(false);
    await userEvent.click(textarea);
    await userEvent.keyboard('Too short');
    await element.updateComplete;
    expect(element.validity.tooShort).toBe(true);
    expect(element.validationMessage).toBe('Please write at least 10 characters (you wrote 9).');
    await userEvent.keyboard(' but now way too long');
    await element.updateComplete;
    // A real maxlength: the textarea takes no characters past it, as a native one does.
    expect(textarea.maxLength).toBe(20);
    expect(element.value).toBe('Too short but now wa');
    expect(element.validity.tooLong).toBe(false);
    // A value set by script can still be too long, and says so.
    element.value = 'Set by a script, longer than twenty';
    await element.updateComplete;
    expect(element.validity.tooLong).toBe(true);
    element.value = 'Just the right size';
    await element.updateComplete;
    expect(element.validity.valueMissing).toBe(true);
    expect(element.validationMessage).toBe('Please choose a rating.');
    element.rating = 5;
    await element.updateComplete;
    expect(element.validity.valid).toBe(true);
    expect(form.checkValidity()).toBe(true);
  });

  it('has a native maxlength even when the page sets none, so a pasted document cannot slow every keystroke', async () => {
    const { textarea } = await composer();
    expect(textarea.maxLength).toBe(10_000);
  });

  it('follows a disabled fieldset', async () => {
    const container = mount('<form><fieldset disabled><cw-review-composer name="r"></cw-review-composer></fieldset></form>');
    const element = container.querySelector('cw-review-composer') as CwReviewComposer;
    await element.updateComplete;
    expect(shadow<HTMLTextAreaElement>(element, 'textarea').disabled).toBe(true);
    container.querySelector('fieldset')!.disabled = false;
    await element.updateComplete;
    expect(shadow<HTMLTextAreaElement>(element, 'textarea').disabled).toBe(false);
  });

  it('"help me write" streams a draft from the chosen topics as ghost text', async () => {
    const engine = new ScriptedEngine({
      script: [{ when: (prompt) => prompt.includes('fit, shipping') && prompt.includes('Alpine Jacket'), reply: ' It fits true to size and arrived in two days.' }],
      tokenDelayMs: 1,
    });
    const { element } = await composer('product="Alpine Jacket"', engine);
    const chips = element.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=topic]');
    await userEvent.click(chips[0]);
    await userEvent.click(chips[2]);
    expect(chips[0].getAttribute('aria-pressed')).toBe('true');
    await userEvent.click(shadow(element, '[part=help-button]'));
    await expect.poll(() => ghost(element)).toBe('It fits true to size and arrived in two days.');
    expect(engine.calls[0].prompt).toContain('Alpine Jacket');
    // The empty field's placeholder would draw under the suggestion: it gives way while one shows.
    const textarea = shadow<HTMLTextAreaElement>(element, 'textarea');
    expect(textarea.placeholder).toBe('');
    await userEvent.keyboard('{Tab}');
    expect(element.value).toBe('It fits true to size and arrived in two days.');
  });

  it('shows its placeholder again when a "help me write" suggestion is dismissed', async () => {
    const engine = new ScriptedEngine({ script: [{ when: () => true, reply: ' Warm and light.' }] });
    const { element, textarea } = await composer('', engine);
    expect(textarea.placeholder).toBe('What did you like or dislike?');
    await userEvent.click(shadow(element, '[part=help-button]'));
    await expect.poll(() => ghost(element)).toBe('Warm and light.');
    expect(textarea.placeholder).toBe('');
    await userEvent.click(textarea);
    await userEvent.keyboard('{Escape}');
    await expect.poll(() => textarea.placeholder).toBe('What did you like or dislike?');
    expect(element.value).toBe('');
  });

  it('topic chips can be dismissed', async () => {
    const { element } = await composer();
    await userEvent.click(shadow(element, '[part=topics] [aria-label="Hide topics"]'));
    expect(element.shadowRoot!.querySelector('[part=topics]')).toBeNull();
  });

  it('shows a sentiment hint and a suggested rating the shopper confirms', async () => {
    setTextServices({
      analyzeSentiment: (text) => ({ label: text.includes('love') ? 'positive' : 'neutral', score: 0.8, confidence: 0.9 }),
      suggestRating: (text) => ({ rating: text.includes('love') ? 5 : 3, confidence: 0.8 }),
    });
    const { element, textarea } = await composer('debounce="0"');
    await userEvent.click(textarea);
    await userEvent.keyboard('I love this jacket, so warm');
    await expect.poll(() => element.shadowRoot!.querySelector('[part=sentiment]')?.textContent).toBe('Sounds positive');
    expect(element.rating).toBe(0);
    const useIt = shadow<HTMLButtonElement>(element, '[part=rating-suggestion] button');
    expect(useIt.textContent?.trim()).toBe('Use 5 stars');
    await userEvent.click(useIt);
    expect(element.rating).toBe(5);
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('[part=rating-suggestion]')).toBeNull();
  });

  it('counts characters against maxlength', async () => {
    const { element, textarea } = await composer('maxlength="50"');
    await userEvent.click(textarea);
    await userEvent.keyboard('Cozy ');
    element.value += '👍';
    await element.updateComplete;
    expect(shadow(element, '[part=count]').textContent?.trim()).toBe('6 / 50');
  });
});

describe('<cw-review-composer> guard and autosave', () => {
  it('runs the guard before submit, explains the findings, and lets the shopper post anyway', async () => {
    setTextServices({
      guardText: (text) => {
        const start = text.indexOf('guaranteed');
        return { text, findings: start < 0 ? [] : [{ category: 'claim', start, end: start + 10, severity: 'medium', suggestion: 'say what you saw' }] };
      },
    });
    const { element, textarea, form } = await composer();
    const submits: string[] = [];
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      submits.push(String(new FormData(form).get('review')));
    });
    const guards = recordEvents(element, 'cw-guard');
    await userEvent.click(textarea);
    await userEvent.keyboard('Waterproof, guaranteed');
    form.requestSubmit();
    await element.updateComplete;
    expect(submits).toEqual([]);
    expect(guards).toHaveLength(1);
    const panel = shadow(element, '[part=guard]');
    expect(panel.textContent).toContain('An absolute or unverifiable claim');
    expect(panel.querySelector('q')?.textContent).toBe('guaranteed');
    expect(panel.textContent).toContain('Suggestion: say what you saw');
    await userEvent.click(shadow(element, '[part=guard] button:not(.primary)'));
    expect(submits).toEqual(['Waterproof, guaranteed']);
  });

  it('blocks categories listed in guard-blocking until the text is edited', async () => {
    setTextServices({
      guardText: (text) => ({ text, findings: text.includes('idiot') ? [{ category: 'profanity', start: 0, end: 5, severity: 'high' }] : [] }),
    });
    const { element, textarea, form } = await composer('guard-blocking="profanity"');
    let submitted = 0;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      submitted += 1;
    });
    await userEvent.click(textarea);
    await userEvent.keyboard('idiot design');
    form.requestSubmit();
    await element.updateComplete;
    expect(submitted).toBe(0);
    expect(shadow(element, '[part=guard]').textContent).toContain('Please edit the highlighted text before posting.');
    expect(element.shadowRoot!.querySelectorAll('[part=guard] button')).toHaveLength(1);
    element.value = 'odd design';
    await element.updateComplete;
    form.requestSubmit();
    expect(submitted).toBe(1);
  });

  it('autosaves per product and restores after a reload, announcing it', async () => {
    const first = await composer('product-id="sku-42"');
    await userEvent.click(first.textarea);
    await userEvent.keyboard('Half-written review');
    await userEvent.click(first.element.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]')[3]);
    document.body.replaceChildren(); // "reload": the element is gone, storage stays
    const restoredEvents: unknown[] = [];
    document.addEventListener('cw-draft-restore', (event) => restoredEvents.push((event as CustomEvent).detail), { once: true });
    const second = await composer('product-id="sku-42"');
    await second.element.updateComplete;
    expect(second.element.value).toBe('Half-written review');
    expect(second.element.rating).toBe(4);
    expect(second.textarea.value).toBe('Half-written review');
    expect(liveRegion(second.element)).toBe('Your unsent draft was restored.');
    expect(restoredEvents).toEqual([{ text: 'Half-written review', rating: 4 }]);
    expect(new FormData(second.form).get('review')).toBe('Half-written review');
    // Another product has its own draft.
    const other = await composer('product-id="sku-7"');
    expect(other.element.value).toBe('');
  });

  it('keeps the draft after a failed submit and forgets it on clearSavedDraft()', async () => {
    const { element, textarea, form } = await composer('product-id="sku-9"');
    form.addEventListener('submit', (event) => event.preventDefault()); // the server call "fails"
    await userEvent.click(textarea);
    await userEvent.keyboard('Keep me');
    form.requestSubmit();
    expect(JSON.parse(localStorage.getItem('cowrite:review-draft:sku-9') ?? '{}').text).toBe('Keep me');
    element.clearSavedDraft();
    expect(localStorage.getItem('cowrite:review-draft:sku-9')).toBeNull();
  });
});

describe('<cw-review-composer> registration and accessibility', () => {
  it('a second definition of the tag is skipped with a warning', async () => {
    const { defineElement } = await import('@cowrite/elements');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    class Impostor extends HTMLElement {}
    defineElement('cw-review-composer', Impostor);
    expect(customElements.get('cw-review-composer')).toBe(CwReviewComposer);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('<cw-review-composer> is already defined'));
    warn.mockRestore();
  });

  it('renders user text as text, never as markup', async () => {
    const { element } = await composer();
    element.value = '<img src=x onerror="window.__pwned=1">';
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('img')).toBeNull();
    expect(shadow(element, '.mirror').textContent).toContain('<img src=x');
  });

  it('has no axe violations, with a suggestion, a guard panel, in Chinese and dark', async () => {
    setTextServices({
      guardText: (text) => ({ text, findings: [{ category: 'claim', start: 0, end: 3, severity: 'medium' }] }),
      suggestRating: () => ({ rating: 4, confidence: 0.9 }),
      analyzeSentiment: () => ({ label: 'positive', score: 0.5, confidence: 0.9 }),
    });
    const { element, textarea, form } = await composer('required maxlength="200"');
    await userEvent.click(textarea);
    await userEvent.keyboard('The fabric is');
    await expect.poll(() => ghost(element)).toBe(' soft and warm.');
    await expectNoAxeViolations(element);
    form.requestSubmit();
    await element.updateComplete;
    await expectNoAxeViolations(element);
    element.setAttribute('lang', 'zh-CN');
    element.theme = 'dark';
    element.requestUpdate();
    await element.updateComplete;
    expect(shadow(element, 'label[part=label]').textContent?.trim()).toBe('您的评价');
    await expectNoAxeViolations(element);
  });
});

describe('<cw-review-composer> suggestion events while ghost text streams', () => {
  it('a suggestion accepted before its last word arrives is reported shown first, once', async () => {
    const slow = new ScriptedEngine({ script: [{ when: 'The fabric is', reply: ' soft and warm and it keeps its shape after washing' }], tokenDelayMs: 120 });
    const { element, textarea } = await composer('', slow);
    const order: string[] = [];
    element.addEventListener('cw-suggestion-show', () => order.push('show'));
    element.addEventListener('cw-suggestion-accept', () => order.push('accept'));
    await userEvent.click(textarea);
    await userEvent.keyboard('The fabric is');
    // The first words are on screen while the rest still streams in.
    await expect.poll(() => ghost(element)?.trim().split(' ').length ?? 0, { timeout: 5000 }).toBeGreaterThanOrEqual(2);
    expect(order).toEqual([]);
    await userEvent.keyboard('{Tab}');
    expect(order).toEqual(['show', 'accept']);
    expect(element.value.startsWith('The fabric is soft')).toBe(true);
  });
});
