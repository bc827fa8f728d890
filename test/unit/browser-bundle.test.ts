import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { build, defaultClientConditions } from 'vite';
import type { Rolldown } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * A storefront's bundler (Vite here, as Storybook and the demo use) must not pull Node's `fs`/`path`
 * into the browser bundle: core's local-directory store is swapped for a stub by the `browser` condition.
 */
describe('browser bundles of @cowrite/core and @cowrite/elements', () => {
  it('contain no node:fs / node:path and trigger no "externalized for browser compatibility" warning', async () => {
    const warnings: string[] = [];
    const entry = fileURLToPath(new URL('../support/browser-bundle-entry.ts', import.meta.url));
    const output = (await build({
      root,
      configFile: false,
      logLevel: 'silent',
      resolve: { conditions: ['source', ...defaultClientConditions] },
      build: {
        write: false,
        minify: false,
        lib: { entry, formats: ['es'], fileName: 'bundle' },
        rollupOptions: { external: [/onnxruntime-web/], onwarn: (warning) => void warnings.push(warning.message) },
      },
      customLogger: {
        info: () => {},
        warn: (message: string) => void warnings.push(message),
        warnOnce: (message: string) => void warnings.push(message),
        error: () => {},
        clearScreen: () => {},
        hasErrorLogged: () => false,
        hasWarned: false,
      },
    })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
    const chunks = (Array.isArray(output) ? output : [output]).flatMap((each) => each.output);
    const code = chunks.map((chunk) => ('code' in chunk ? chunk.code : '')).join('\n');
    expect(code.length).toBeGreaterThan(10_000);
    // No static or literal dynamic import of a Node module, and no stub standing in for one.
    expect(code).not.toMatch(/(from\s*|import\s*\(\s*)["']node:/);
    expect(code).not.toContain('__vite-browser-external');
    expect(warnings.filter((message) => /externalized for browser compatibility/.test(message))).toEqual([]);
  }, 120_000);
});
