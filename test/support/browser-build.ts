/**
 * Bundles an entry the way a storefront's Vite build would (library mode, browser conditions, our `source`
 * condition so no build is needed), in memory. Shared by the tests that check what a browser bundle contains.
 */
import { fileURLToPath } from 'node:url';
import { build, defaultClientConditions } from 'vite';
import type { Rolldown } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface BrowserBuildOptions {
  /** Module ids left out of the bundle (they stay imports). */
  external: (id: string) => boolean;
  /** Every warning Vite or Rolldown prints. */
  onWarning?: (message: string) => void;
}

export async function buildForBrowser(entry: string, options: BrowserBuildOptions): Promise<string> {
  const warn = (message: string): void => options.onWarning?.(message);
  const output = (await build({
    root,
    configFile: false,
    logLevel: 'silent',
    resolve: { conditions: ['source', ...defaultClientConditions] },
    build: {
      write: false,
      minify: false,
      lib: { entry, formats: ['es'], fileName: 'bundle' },
      rollupOptions: { external: options.external, onwarn: (warning) => warn(warning.message) },
    },
    customLogger: {
      info: () => {},
      warn,
      warnOnce: warn,
      error: () => {},
      clearScreen: () => {},
      hasErrorLogged: () => false,
      hasWarned: false,
    },
  })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((each) => each.output);
  return chunks.map((chunk) => ('code' in chunk ? chunk.code : '')).join('\n');
}
