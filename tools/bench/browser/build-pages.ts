/**
 * Builds one minimal page per runner with Vite (production, minified), each into its own folder,
 * so each page's JavaScript is exactly what that runner ships.
 */
import { join } from 'node:path';
import { build, defaultClientConditions } from 'vite';

export async function buildRunnerPage(pagesDir: string, outDir: string, runner: string): Promise<void> {
  await build({
    root: pagesDir,
    configFile: false,
    base: './',
    logLevel: 'warn',
    resolve: { conditions: ['source', ...defaultClientConditions] },
    worker: { format: 'es' },
    build: {
      outDir: join(outDir, runner),
      emptyOutDir: true,
      target: 'es2022',
      rollupOptions: { input: join(pagesDir, `${runner}.html`) },
    },
  });
}
