import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { chromiumLaunchOptions } from '../tools/chromium.ts';

/**
 * Every story runs as a test (render + `play`) in Debian's Chromium.
 * Run with `vitest run --config .storybook/vitest.config.ts` (or as a project of the root config).
 */
export default defineConfig({
  plugins: [storybookTest({ configDir: fileURLToPath(new URL('.', import.meta.url)) })],
  optimizeDeps: { exclude: ['onnxruntime-web'], include: ['lit', 'fastest-levenshtein'] },
  test: {
    name: 'storybook',
    testTimeout: 60_000,
    browser: {
      enabled: true,
      headless: true,
      screenshotFailures: false,
      provider: playwright({
        launchOptions: chromiumLaunchOptions,
      }),
      instances: [{ browser: 'chromium' }],
    },
  },
});
