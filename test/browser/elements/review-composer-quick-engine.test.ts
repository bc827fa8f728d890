/**
 * Two models in the composer (issue 14): a quick model (the phrase model in the demo) shows its words at
 * once, and the engine (GPT-2) extends them when it is ready. Scripted engines stand in for both.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '@cowrite/elements/review-composer/define';
import type { CwReviewComposer } from '@cowrite/elements';
import { ScriptedEngine } from '@cowrite/core/testing';
import { cleanup, mount, recordEvents, shadow } from './helpers.ts';

async function composer(quick: ScriptedEngine, engine: ScriptedEngine | undefined) {
  const container = mount('<cw-review-composer debounce="0"></cw-review-composer>');
  const element = container.querySelector('cw-review-composer') as CwReviewComposer;
  element.quickEngine = quick;
  if (engine) element.engine = engine;
  await element.updateComplete;
  return { element, textarea: shadow<HTMLTextAreaElement>(element, 'textarea') };
}

const ghost = (element: CwReviewComposer) => shadow(element, '[part=ghost]').textContent;

afterEach(cleanup);

describe('<cw-review-composer> with a quick model and an engine', () => {
  it('shows the quick words at once, then the engine extends them from there', async () => {
    const quick = new ScriptedEngine({ script: [{ when: 'The fit is', reply: ' true to size' }] });
    // The engine is slow (a GPT-2 stand-in): 60 ms per token.
    const engine = new ScriptedEngine({ script: [{ when: 'The fit is true to size', reply: ' and the fabric is soft.' }], tokenDelayMs: 60 });
    const { element, textarea } = await composer(quick, engine);
    const shown = recordEvents<{ suggestion: string }>(element, 'cw-suggestion-show');
    await userEvent.click(textarea);
    await userEvent.keyboard('The fit is');
    // The quick words are on screen while the engine is still writing…
    await expect.poll(() => ghost(element)).toBe(' true to size');
    expect(shown).toEqual([]);
    // …and the engine's words follow them, announced once as one suggestion.
    await expect.poll(() => ghost(element)).toBe(' true to size and the fabric is soft.');
    expect(shown).toEqual([{ suggestion: ' true to size and the fabric is soft.', source: 'continuation' }]);
    // The engine continued the draft with the quick words in it.
    expect(engine.calls.at(-1)?.prompt.endsWith('The fit is true to size')).toBe(true);
    await userEvent.keyboard('{Tab}');
    expect(element.value).toBe('The fit is true to size and the fabric is soft.');
  });

  it('leaves the draft to the engine alone when the quick model is not confident', async () => {
    // e^-5 per token: far below the gate, so nothing of the quick model is shown.
    const quick = new ScriptedEngine({ script: [{ when: 'The fit is', reply: ' wrong guess' }], tokenLogprob: -5 });
    const engine = new ScriptedEngine({ script: [{ when: 'The fit is', reply: ' snug at the shoulders.' }] });
    const { element, textarea } = await composer(quick, engine);
    await userEvent.click(textarea);
    await userEvent.keyboard('The fit is');
    await expect.poll(() => ghost(element)).toBe(' snug at the shoulders.');
    expect(engine.calls.at(-1)?.prompt.endsWith('The fit is')).toBe(true);
  });

  it('offers the quick words while the engine is not there yet (GPT-2 still loading)', async () => {
    const quick = new ScriptedEngine({ script: [{ when: 'The fit is', reply: ' true to size.' }] });
    const { element, textarea } = await composer(quick, undefined);
    const shown = recordEvents<{ suggestion: string }>(element, 'cw-suggestion-show');
    await userEvent.click(textarea);
    await userEvent.keyboard('The fit is');
    await expect.poll(() => ghost(element)).toBe(' true to size.');
    expect(shown).toEqual([{ suggestion: ' true to size.', source: 'continuation' }]);
  });
});
