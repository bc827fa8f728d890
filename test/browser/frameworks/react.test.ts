/**
 * React 19 renders the elements natively: object properties (`engine`) are set as
 * properties, `on<event-name>` props become listeners for custom events, synthetic
 * `onInput` sees the composed native event, and a form action receives the element's
 * value through FormData.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createElement as h, useState } from 'react';
import type { FormEvent } from 'react';
import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import '@cowrite/elements/define';
import type { CwReviewComposer } from '@cowrite/elements';
import type { TextGenerator } from '@cowrite/core';
import { DRAFT, SUGGESTION, composerTextarea, reviewEngine, until } from './shared.ts';

interface ReviewFormProps {
  engine: TextGenerator;
  onPost: (data: FormData) => void;
}

function ReviewForm({ engine, onPost }: ReviewFormProps) {
  const [draft, setDraft] = useState('');
  const [accepted, setAccepted] = useState<string[]>([]);
  return h(
    'form',
    { action: onPost },
    h('cw-review-composer', {
      name: 'review',
      debounce: 0,
      noAutosave: true,
      engine,
      onInput: (event: FormEvent<CwReviewComposer>) => setDraft(event.currentTarget.value),
      'oncw-suggestion-accept': (event: CustomEvent<{ text: string }>) => setAccepted((list) => [...list, event.detail.text]),
    }),
    h('output', { id: 'draft' }, draft),
    h('output', { id: 'accepted' }, accepted.join('|')),
    h('button', { type: 'submit' }, 'Post review'),
  );
}

let root: Root | undefined;

afterEach(() => {
  root?.unmount();
  root = undefined;
  document.body.replaceChildren();
});

describe('React 19', () => {
  it('passes the engine as a property, gets input and cw-suggestion-accept events, and the form action receives the value', async () => {
    const container = document.createElement('div');
    document.body.append(container);
    const posted: FormData[] = [];
    const engine = reviewEngine();
    root = createRoot(container);
    root.render(h(ReviewForm, { engine, onPost: (data) => posted.push(data) }));
    const composer = await until(() => container.querySelector<CwReviewComposer>('cw-review-composer'));
    expect(composer.engine).toBe(engine);
    expect(composer.debounce).toBe(0);
    await composer.updateComplete;
    await userEvent.click(composerTextarea(composer));
    await userEvent.keyboard(DRAFT);
    await expect.poll(() => container.querySelector('#draft')?.textContent).toBe(DRAFT);
    await expect.poll(() => composer.suggestion).toBe(SUGGESTION);
    await userEvent.keyboard('{Tab}');
    await expect.poll(() => container.querySelector('#accepted')?.textContent).toBe(SUGGESTION);
    // Accepting inserts text like typing does, so React's onInput saw it too.
    await expect.poll(() => container.querySelector('#draft')?.textContent).toBe(DRAFT + SUGGESTION);
    await userEvent.click(container.querySelector('button')!);
    await expect.poll(() => posted.length).toBe(1);
    expect(posted[0].get('review')).toBe(DRAFT + SUGGESTION);
    // React resets the form after its action: the element takes part in form reset.
    await expect.poll(() => composer.value).toBe('');
  });

  it('a guard finding holds the submit back before React\'s action runs', async () => {
    const container = document.createElement('div');
    document.body.append(container);
    const posted: FormData[] = [];
    root = createRoot(container);
    root.render(h(ReviewForm, { engine: reviewEngine(), onPost: (data) => posted.push(data) }));
    const composer = await until(() => container.querySelector<CwReviewComposer>('cw-review-composer'));
    const guarded: Event[] = [];
    composer.addEventListener('cw-guard', (event) => guarded.push(event));
    await composer.updateComplete;
    await userEvent.click(composerTextarea(composer));
    await userEvent.keyboard('Call me on 555-123-4567 or write to jo@example.com about it');
    await userEvent.click(container.querySelector('button')!);
    await expect.poll(() => guarded.length).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(posted).toEqual([]);
  });
});
