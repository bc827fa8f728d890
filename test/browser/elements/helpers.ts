import axe from 'axe-core';
import { expect } from 'vitest';
import type { TextGenerator } from '@cowrite/core';

/** Puts markup into a fresh container on the page and returns it. */
export function mount(markup: string): HTMLElement {
  const container = document.createElement('div');
  container.setHTMLUnsafe(markup);
  document.body.append(container);
  return container;
}

/**
 * Mounts `markup` and returns its first `selector` element, given `engine` when one is passed (also `undefined`:
 * no engine), after it rendered.
 */
export async function mountElement<T extends HTMLElement & { engine?: TextGenerator | undefined; updateComplete: Promise<boolean> }>(
  markup: string,
  selector: string,
  ...engine: [TextGenerator | undefined] | []
): Promise<T> {
  const element = mount(markup).querySelector(selector) as T;
  if (engine.length > 0) element.engine = engine[0];
  await element.updateComplete;
  return element;
}

export function cleanup(): void {
  document.body.replaceChildren();
  localStorage.clear();
}

/** Collects the `detail` of every event of one type on a target. */
export function recordEvents<T>(target: EventTarget, type: string): T[] {
  const details: T[] = [];
  target.addEventListener(type, (event) => details.push((event as CustomEvent<T>).detail));
  return details;
}

export function shadow<T extends Element>(host: Element, selector: string): T {
  const found = host.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`${selector} not found in <${host.localName}>`);
  return found;
}

/** axe-core on the element (shadow DOM included); returns the violations' ids and targets. */
export async function axeViolations(element: Element): Promise<string[]> {
  const results = await axe.run(element, { resultTypes: ['violations'] });
  return results.violations.map(
    (violation) => `${violation.id}: ${violation.nodes.map((node) => JSON.stringify(node.target)).join(', ')}`,
  );
}

export async function expectNoAxeViolations(element: Element): Promise<void> {
  expect(await axeViolations(element)).toEqual([]);
}
