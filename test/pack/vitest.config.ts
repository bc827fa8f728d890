import { defineConfig } from 'vitest/config';

/**
 * The published artefacts, not the workspace: `pnpm pack` both packages, install the
 * tarballs into a scratch Vite project outside the repository, build it, open it in
 * Chromium. Run with `vitest run --config test/pack/vitest.config.ts`.
 */
export default defineConfig({
  test: {
    name: 'pack',
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/pack/**/*.test.ts'],
    environment: 'node',
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
