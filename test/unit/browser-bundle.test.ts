import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildForBrowser } from '../support/browser-build.ts';

/**
 * A storefront's bundler (Vite here, as Storybook and the demo use) must not pull Node's `fs`/`path`
 * into the browser bundle: core's local-directory store is swapped for a stub by the `browser` condition.
 */
describe('browser bundles of @cowrite/core and @cowrite/elements', () => {
  it('contain no node:fs / node:path and trigger no "externalized for browser compatibility" warning', async () => {
    const warnings: string[] = [];
    const entry = fileURLToPath(new URL('../support/browser-bundle-entry.ts', import.meta.url));
    const code = await buildForBrowser(entry, { external: (id) => /onnxruntime-web/.test(id), onWarning: (message) => void warnings.push(message) });
    expect(code.length).toBeGreaterThan(10_000);
    // No static or literal dynamic import of a Node module, and no stub standing in for one.
    expect(code).not.toMatch(/(from\s*|import\s*\(\s*)["']node:/);
    expect(code).not.toContain('__vite-browser-external');
    expect(warnings.filter((message) => /externalized for browser compatibility/.test(message))).toEqual([]);
  }, 120_000);
});
