import { ScriptedEngine } from '@cowrite/elements/testing';

/** A deterministic engine: the framework tests are about events and forms, not the model. */
export function reviewEngine(): ScriptedEngine {
  return new ScriptedEngine({ script: [{ when: 'The fabric is', reply: ' soft and warm.' }] });
}

export const DRAFT = 'The fabric is';
export const SUGGESTION = ' soft and warm.';

/** Waits until `read()` returns a truthy value (Lit and the frameworks render asynchronously). */
export async function until<T>(read: () => T | null | undefined, timeoutMs = 5_000): Promise<T> {
  const start = performance.now();
  for (;;) {
    const value = read();
    if (value) return value;
    if (performance.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The composer's native textarea (inside its shadow root). */
export function composerTextarea(composer: Element): HTMLTextAreaElement {
  const textarea = composer.shadowRoot?.querySelector('textarea');
  if (!textarea) throw new Error('composer not rendered');
  return textarea;
}
