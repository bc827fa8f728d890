import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import type { ViteDevServer } from 'vite';
import { chromium } from 'playwright';
import type { Browser } from 'playwright';
import { ensureFixtures } from '../../tools/gpt2/make-fixtures.ts';
import { chromiumLaunchOptions } from '../../tools/chromium.ts';

const storefrontRoot = fileURLToPath(new URL('../../apps/storefront/', import.meta.url));

/** Debian's Chromium: the tests never download a browser. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions);
}

/** Starts the storefront exactly as `pnpm run demo` does (its own vite.config.ts), on a free port. */
export async function startStorefront(): Promise<{ url: string; server: ViteDevServer }> {
  await ensureFixtures();
  const server = await createServer({
    root: storefrontRoot,
    configFile: `${storefrontRoot}vite.config.ts`,
    server: { port: 0, strictPort: false, host: '127.0.0.1' },
    logLevel: 'warn',
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('The storefront dev server did not report a URL');
  return { url, server };
}
