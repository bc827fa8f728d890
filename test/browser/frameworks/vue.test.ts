/**
 * Vue 3: render functions (no compiler needed) and in-DOM-style templates compiled at
 * runtime with `compilerOptions.isCustomElement`. Vue sets `engine` as a property, maps
 * `onCwSuggestionAccept` to the `cw-suggestion-accept` event, and `v-model` works through
 * the element's `value` property and native `input` event.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createApp as createRuntimeApp, h, markRaw, ref } from 'vue';
import type { App } from 'vue';
import { createApp as createCompilingApp } from 'vue/dist/vue.esm-bundler.js';
import '@cowrite/elements/define';
import type { CwReviewComposer } from '@cowrite/elements';
import { DRAFT, SUGGESTION, composerTextarea, reviewEngine, until } from './shared.ts';

let app: App | undefined;

afterEach(() => {
  app?.unmount();
  app = undefined;
  document.body.replaceChildren();
});

function host(): HTMLElement {
  const container = document.createElement('div');
  document.body.append(container);
  return container;
}

describe('Vue 3', () => {
  it('render function: engine property, input and cw-suggestion-accept handlers, FormData on submit', async () => {
    const container = host();
    const engine = reviewEngine();
    const draft = ref('');
    const accepted = ref<string[]>([]);
    const posted: FormData[] = [];
    app = createRuntimeApp({
      setup: () => () =>
        h(
          'form',
          {
            onSubmit: (event: SubmitEvent) => {
              event.preventDefault();
              posted.push(new FormData(event.target as HTMLFormElement));
            },
          },
          [
            h('cw-review-composer', {
              name: 'review',
              debounce: 0,
              noAutosave: true,
              engine,
              onInput: (event: Event) => (draft.value = (event.currentTarget as CwReviewComposer).value),
              onCwSuggestionAccept: (event: CustomEvent<{ text: string }>) => accepted.value.push(event.detail.text),
            }),
            h('output', { id: 'draft' }, draft.value),
            h('button', { type: 'submit' }, 'Post review'),
          ],
        ),
    });
    app.mount(container);
    const composer = await until(() => container.querySelector<CwReviewComposer>('cw-review-composer'));
    expect(composer.engine).toBe(engine);
    await composer.updateComplete;
    await userEvent.click(composerTextarea(composer));
    await userEvent.keyboard(DRAFT);
    await expect.poll(() => container.querySelector('#draft')?.textContent).toBe(DRAFT);
    await expect.poll(() => composer.suggestion).toBe(SUGGESTION);
    await userEvent.keyboard('{Tab}');
    expect(accepted.value).toEqual([SUGGESTION]);
    await expect.poll(() => draft.value).toBe(DRAFT + SUGGESTION);
    await userEvent.click(container.querySelector('button')!);
    expect(posted).toHaveLength(1);
    expect(posted[0].get('review')).toBe(DRAFT + SUGGESTION);
  });

  it('runtime-compiled template with isCustomElement: v-model, @cw-suggestion-accept, :engine, form reset', async () => {
    const container = host();
    const engine = reviewEngine();
    const posted: FormData[] = [];
    const vm = createCompilingApp({
      template: `
        <form @submit.prevent="post">
          <cw-review-composer name="review" debounce="0" no-autosave :engine="engine" v-model="draft"
            @cw-suggestion-accept="accepted.push($event.detail.text)"></cw-review-composer>
          <p id="state">{{ draft }}|{{ accepted.join(',') }}</p>
          <button type="submit">Post review</button>
          <button type="reset">Start over</button>
        </form>`,
      // markRaw: Vue's reactive proxy would hide the engine's private fields from its own methods.
      data: () => ({ draft: '', accepted: [] as string[], engine: markRaw(engine) }),
      methods: {
        post(event: SubmitEvent) {
          posted.push(new FormData(event.target as HTMLFormElement));
        },
      },
    });
    vm.config.compilerOptions.isCustomElement = (tag: string) => tag.startsWith('cw-');
    app = vm;
    vm.mount(container);
    const composer = await until(() => container.querySelector<CwReviewComposer>('cw-review-composer'));
    expect(composer.engine).toBe(engine);
    await composer.updateComplete;
    await userEvent.click(composerTextarea(composer));
    await userEvent.keyboard(DRAFT);
    await expect.poll(() => composer.suggestion).toBe(SUGGESTION);
    await userEvent.keyboard('{Tab}');
    await expect.poll(() => container.querySelector('#state')?.textContent).toBe(`${DRAFT + SUGGESTION}|${SUGGESTION}`);
    await userEvent.click(container.querySelector('button[type=submit]')!);
    expect(posted.map((data) => data.get('review'))).toEqual([DRAFT + SUGGESTION]);
    await userEvent.click(container.querySelector('button[type=reset]')!);
    expect(composer.value).toBe('');
  });
});
