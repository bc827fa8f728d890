import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '@cowrite/elements/review-composer/define';
import type { CwReviewComposer } from '@cowrite/elements';
import { ScriptedEngine } from '@cowrite/elements/testing';
import type { GenerationChunk, GenerationOptions, Prompt } from '@cowrite/core';
import { cleanup, mount, shadow } from './helpers.ts';

/** Streams five pieces of its first reply (one sentence and a word) and then fails (a model lost mid-draft); later calls answer in full. */
class FailsMidStream extends ScriptedEngine {
  #streams = 0;

  override async *stream(prompt: Prompt, options?: GenerationOptions): AsyncIterable<GenerationChunk> {
    const first = this.#streams++ === 0;
    let pieces = 0;
    for await (const chunk of super.stream(prompt, options)) {
      yield chunk;
      if (first && ++pieces === 5) {
        await new Promise((resolve) => setTimeout(resolve, 400));
        throw new Error('The model stopped answering.');
      }
    }
  }
}

const ghost = (element: CwReviewComposer) => shadow(element, '[part=ghost]').textContent?.trim() ?? '';

afterEach(cleanup);

describe('<cw-review-composer> "help me write" suggestion events', () => {
  it('reports the next draft shown after a partly accepted draft failed mid-stream', async () => {
    const engine = new FailsMidStream({
      script: [{ when: () => true, reply: [' Warm and light. It packs small and folds into its own pocket.', ' Warm and light.'] }],
      tokenDelayMs: 60,
    });
    const container = mount('<cw-review-composer debounce="0"></cw-review-composer>');
    const element = container.querySelector('cw-review-composer') as CwReviewComposer;
    element.engine = engine;
    await element.updateComplete;
    const shows: string[] = [];
    element.addEventListener('cw-suggestion-show', (event) => shows.push((event as CustomEvent<{ suggestion: string }>).detail.suggestion.trim()));

    await userEvent.click(shadow(element, '[part=help-button]'));
    // Drafts come a guarded sentence at a time.
    await expect.poll(() => ghost(element), { timeout: 5000 }).toBe('Warm and light.');
    // Focus without a click: a click in the field moves the caret, which dismisses the suggestion.
    shadow<HTMLTextAreaElement>(element, 'textarea').focus();
    // The shopper takes the first word while the rest still streams in; then the model fails.
    await userEvent.keyboard('{Control>}{ArrowRight}{/Control}');
    expect(element.value.trim()).toBe('Warm');
    await expect.poll(() => ghost(element), { timeout: 5000 }).toBe('');
    expect(shows).toHaveLength(1);

    await userEvent.click(shadow(element, '[part=help-button]'));
    await expect.poll(() => ghost(element), { timeout: 5000 }).not.toBe('');
    await expect.poll(() => shows.length, { timeout: 5000 }).toBe(2);
    expect(element.value.trim()).toBe('Warm');
  });
});
