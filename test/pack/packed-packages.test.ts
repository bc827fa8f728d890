/**
 * Installs the packed @cowrite/core and @cowrite/elements tarballs into a fresh Vite
 * project in a temp folder (dependencies from the npm registry, as a storefront team
 * would), builds it, serves the build, and checks in Debian's Chromium that an element
 * works: it is defined, renders, takes typing, shows a scripted ghost suggestion and
 * accepts it with Tab, and the page's form carries the value.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright';
import { chromiumLaunchOptions } from '../../tools/chromium.ts';

const root = new URL('../..', import.meta.url).pathname;
let scratch: string;
let server: Server;
let browser: Browser;

// onnxruntime-node (core's optional dependency) ships its CPU binaries; its postinstall would only fetch CUDA files.
function run(cmd: string, args: string[], cwd: string): string {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_fund: 'false', npm_config_audit: 'false', ONNXRUNTIME_NODE_INSTALL: 'skip' } });
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'cowrite-pack-'));
  for (const pkg of ['core', 'elements']) {
    run('pnpm', ['run', 'build'], join(root, 'packages', pkg));
    run('pnpm', ['pack', '--pack-destination', scratch], join(root, 'packages', pkg));
  }
  const tarballs = (await readdir(scratch)).filter((f) => f.endsWith('.tgz'));
  const core = tarballs.find((f) => f.startsWith('cowrite-core-')) as string;
  const elements = tarballs.find((f) => f.startsWith('cowrite-elements-')) as string;
  const app = join(scratch, 'app');
  execFileSync('mkdir', ['-p', join(app, 'src')]);
  const rootPackage = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
  await writeFile(
    join(app, 'package.json'),
    JSON.stringify({
      name: 'scratch-storefront',
      private: true,
      type: 'module',
      dependencies: { '@cowrite/core': `file:../${core}`, '@cowrite/elements': `file:../${elements}` },
      overrides: { '@cowrite/core': `file:../${core}` },
      devDependencies: { vite: rootPackage.devDependencies.vite },
    }),
  );
  await writeFile(
    join(app, 'index.html'),
    `<!doctype html><html lang="en"><body><form id="f"><cw-review-composer name="review" no-rating no-topics debounce="0" min-chars="3"></cw-review-composer></form><script type="module" src="/src/main.ts"></script></body></html>`,
  );
  await writeFile(
    join(app, 'src/main.ts'),
    `import '@cowrite/elements/define';
import { ScriptedEngine } from '@cowrite/elements/testing';
import { analyzeSentiment } from '@cowrite/core/sentiment';
const composer = document.querySelector('cw-review-composer');
composer.engine = new ScriptedEngine({ fallback: ' and it keeps me warm.' });
window.sentiment = analyzeSentiment('Great jacket, fits true to size!').label;
`,
  );
  run('npm', ['install', '--no-audit', '--no-fund'], app);
  run('npx', ['vite', 'build'], app);
  const dist = join(app, 'dist');
  server = createServer(async (req, res) => {
    const path = normalize(join(dist, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
    const file = path.endsWith('/') ? join(path, 'index.html') : path;
    try {
      const body = await readFile(file);
      const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.mjs': 'text/javascript' };
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  browser = await chromium.launch(chromiumLaunchOptions);
});

afterAll(async () => {
  await browser?.close();
  server?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

it('the packed packages install, build with Vite and run in Chromium', async () => {
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.waitForFunction(() => customElements.get('cw-review-composer') !== undefined);
  expect(await page.evaluate(() => (window as unknown as { sentiment: string }).sentiment)).toBe('positive');
  const textarea = page.locator('cw-review-composer textarea');
  await textarea.click();
  await page.keyboard.type('The jacket is light');
  await page.waitForFunction(() => document.querySelector('cw-review-composer')?.shadowRoot?.textContent?.includes('keeps me warm'));
  await page.keyboard.press('Tab');
  const value = await page.evaluate(() => new FormData(document.querySelector('form') as HTMLFormElement).get('review'));
  expect(value).toBe('The jacket is light and it keeps me warm.');
  expect(errors).toEqual([]);
});
