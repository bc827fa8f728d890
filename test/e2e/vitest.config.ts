import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests of the demo storefront: Node drives Debian's Chromium through Playwright
 * against the storefront's own Vite dev server, as a shopper would. Run with
 * `vitest run --config test/e2e/vitest.config.ts` (or as a project of the root config).
 */
export default defineConfig({
  test: {
    name: 'e2e',
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 90_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
