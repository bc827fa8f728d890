import { ScriptedEngine } from '@cowrite/elements/testing';
import type { ScriptRule } from '@cowrite/elements/testing';
import { englishStrings } from '@cowrite/elements';
import type { EngineLoader } from '@cowrite/elements';
import { getSharedEngine } from '@cowrite/core';
import { expect, waitFor } from 'storybook/test';

/** How a story frames an element: theme, writing direction and language. */
export interface Frame {
  theme?: 'light' | 'dark';
  dir?: 'ltr' | 'rtl';
  lang?: string;
}

/**
 * Wraps an element in a frame and returns the frame. A pinned theme is shown the way a storefront
 * meets it: on a light page (the element paints its own surface), so a dark story proves the
 * element stays readable there, not only on a matching dark backdrop.
 */
export function framed(element: HTMLElement, frame: Frame = {}): HTMLElement {
  const wrapper = document.createElement('div');
  wrapper.className = 'story-frame';
  if (frame.dir) wrapper.dir = frame.dir;
  if (frame.lang) wrapper.lang = frame.lang;
  wrapper.style.colorScheme = 'light';
  wrapper.style.background = '#ffffff';
  if (frame.theme) {
    element.setAttribute('theme', frame.theme);
    element.style.padding = '1.5rem';
    element.style.borderRadius = '0.75rem';
  }
  wrapper.style.maxWidth = '44rem';
  wrapper.append(element);
  return wrapper;
}

/** Creates a tag with the story's args as properties (controls drive them live). */
export function createElement<T extends HTMLElement>(tag: string, args: Record<string, unknown>): T {
  const element = document.createElement(tag) as T;
  for (const [key, value] of Object.entries(args)) {
    if (value !== undefined) (element as unknown as Record<string, unknown>)[key] = value;
  }
  return element;
}

/** A deterministic engine: the same replies, token by token, on every run. */
export function scripted(options: { fallback?: string; script?: ScriptRule[]; tokenDelayMs?: number; failures?: number; failure?: Error } = {}): ScriptedEngine {
  return new ScriptedEngine({ backend: 'scripted · storybook', tokenDelayMs: 15, ...options });
}

/** A loader that reports part of a download and then waits forever: the "downloading" state. */
export function stalledDownload(loaded: number, total: number): EngineLoader {
  return ({ onProgress }) => {
    onProgress({ loaded, total, file: 'onnx/model_quantized.onnx' });
    return new Promise(() => {});
  };
}

/** A loader that fails like an unreachable host: the "error with retry" state. */
export function failingDownload(): EngineLoader {
  return () => Promise.reject(new Error('Could not fetch https://huggingface.co/Xenova/gpt2/resolve/main/config.json: Failed to fetch.'));
}

/** The real engine with the generated tiny test model (random weights), served by Storybook at /models/tiny-gpt2/. */
export const tinyModelLoader: EngineLoader = ({ onProgress }) =>
  getSharedEngine({
    source: new URL('models/tiny-gpt2/', document.baseURI).href,
    dtype: 'q8',
    onProgress: (progress) => onProgress({ loaded: progress.loaded, total: progress.total, file: progress.file }),
  });

/** Puts `child` inside a `<cw-engine-provider>` that loads with `loader`. */
export function withProvider(child: HTMLElement, loader: EngineLoader): HTMLElement {
  const provider = document.createElement('cw-engine-provider') as HTMLElement & { loader: EngineLoader };
  provider.loader = loader;
  provider.append(child);
  return provider;
}

/** The element's shadow root, for `play` functions. */
export function shadowOf(element: Element | null): ShadowRoot {
  if (!element?.shadowRoot) throw new Error('The element has no shadow root yet');
  return element.shadowRoot;
}

export const LONG_REVIEW =
  'I have worn this jacket nearly every day for three months, through a wet autumn and the first snow. '.repeat(12) +
  'Averylongwordwithoutanyspacesthatmustwrapinsteadofoverflowingthecontainerbecausedesignersaskforit.';

/** What the elements say when their text needs GPT-2 and the engine is the offline phrase model. */
export const NEEDS_GPT2 = englishStrings.needsNeuralModel;

/**
 * Waits until a story's element has the engine its `<cw-engine-provider>` loads, then asks it to render again:
 * the engine arrives through context, which does not re-render controls that depend on it.
 */
export async function engineProvided(element: HTMLElement & { activeEngine?: unknown; requestUpdate(): void }): Promise<void> {
  await waitFor(() => expect(element.activeEngine).toBeDefined(), { timeout: 30_000 });
  element.requestUpdate();
}
