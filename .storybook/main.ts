import { defaultClientConditions } from 'vite';
import type { StorybookConfig } from '@storybook/web-components-vite';

/** Designers' Storybook: stories in stories/, controls and docs from the elements' custom-elements manifest. */
const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.stories.ts', '../stories/**/*.mdx'],
  addons: ['@storybook/addon-docs', '@storybook/addon-vitest'],
  // The generated test model (pnpm run fixtures) for the real-engine stories, at /models/tiny-gpt2/;
  // the static build copies it, so it works offline.
  staticDirs: [{ from: '../test/fixtures/models/tiny-gpt2', to: '/models/tiny-gpt2' }],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  viteFinal: (viteConfig) => ({
    ...viteConfig,
    // `source`: stories use the TypeScript sources of @cowrite/*; no package build needed.
    resolve: { ...viteConfig.resolve, conditions: ['source', ...defaultClientConditions] },
    // onnxruntime-web finds its .wasm next to its module; pre-bundling would move the module away from it.
    optimizeDeps: { ...viteConfig.optimizeDeps, exclude: [...(viteConfig.optimizeDeps?.exclude ?? []), 'onnxruntime-web'] },
    worker: { ...viteConfig.worker, format: 'es' },
  }),
};

export default config;
