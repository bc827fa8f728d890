import { defineConfig } from 'vitest/config';
import { defaultClientConditions, defaultServerConditions } from 'vite';
import { playwright } from '@vitest/browser-playwright';
import { emulateColorScheme, startFailedRequestLog, startRequestLog, takeFailedRequestLog, takeRequestLog } from './test/support/browser-commands.ts';
import { chromiumLaunchOptions } from './tools/chromium.ts';

// `source` makes `@cowrite/*` imports resolve to the TypeScript sources, so tests never need a build.
export default defineConfig({
  resolve: { conditions: ['source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['source', ...defaultServerConditions], externalConditions: ['source'] } },
  // onnxruntime-web finds its .wasm next to its module; pre-bundling would move the module away from it.
  // Framework tests' dependencies are pre-bundled up front: discovering them mid-run reloads the page.
  optimizeDeps: { exclude: ['onnxruntime-web'], include: ['react', 'react-dom/client', 'vue', 'vue/dist/vue.esm-bundler.js', 'lit', 'fastest-levenshtein', 'ajv/dist/2020.js', 'axe-core'] },
  test: {
    globalSetup: ['test/support/global-setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 60_000,
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({
              launchOptions: chromiumLaunchOptions,
            }),
            instances: [{ browser: 'chromium' }],
            commands: { emulateColorScheme, startRequestLog, takeRequestLog, startFailedRequestLog, takeFailedRequestLog },
          },
        },
      },
    ],
  },
});
