/**
 * Screenshots of the demo storefront as shoppers see it: light and dark, English and Chinese,
 * desktop and a 390 px phone, with the hub out of reach (as on an offline machine).
 *   node tools/demo/screenshots.ts [out-dir]     (default: demo-screenshots/)
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { launchChromium, startStorefront } from '../../test/e2e/storefront-server.ts';

interface Shot {
  name: string;
  width: number;
  height: number;
  colorScheme: 'light' | 'dark';
  locale: string;
  query?: string;
  fullPage?: boolean;
  /** Runs in the page before the screenshot. */
  prepare?: string;
}

const shots: Shot[] = [
  { name: 'light-desktop', width: 1280, height: 900, colorScheme: 'light', locale: 'en-US', fullPage: true },
  { name: 'dark-desktop', width: 1280, height: 900, colorScheme: 'dark', locale: 'en-US', fullPage: true },
  { name: 'dark-reviews', width: 1280, height: 900, colorScheme: 'dark', locale: 'en-US', prepare: "document.querySelector('#reviews').scrollIntoView()" },
  { name: 'zh-desktop', width: 1280, height: 900, colorScheme: 'light', locale: 'zh-CN', fullPage: true },
  { name: 'zh-top', width: 1280, height: 900, colorScheme: 'light', locale: 'zh-CN' },
  { name: 'zh-reviews', width: 1280, height: 900, colorScheme: 'light', locale: 'zh-CN', prepare: "document.querySelector('#reviews').scrollIntoView()" },
  { name: 'phone-390-offline', width: 390, height: 844, colorScheme: 'light', locale: 'en-US' },
  { name: 'phone-390-dark', width: 390, height: 844, colorScheme: 'dark', locale: 'en-US' },
  { name: 'phone-390-dark-review-form', width: 390, height: 844, colorScheme: 'dark', locale: 'en-US', prepare: "document.querySelector('#review-form').scrollIntoView()" },
  { name: 'phone-390-zh-summary', width: 390, height: 844, colorScheme: 'light', locale: 'zh-CN', prepare: "document.querySelector('#reviews').scrollIntoView()" },
  { name: 'local-model-notice', width: 1280, height: 700, colorScheme: 'light', locale: 'en-US', query: '?model=local' },
  {
    name: 'local-model-merchant-description',
    width: 1280,
    height: 900,
    colorScheme: 'light',
    locale: 'en-US',
    query: '?model=local',
    prepare: `(async () => {
      document.querySelector('#merchant-view').click();
      const copy = document.querySelector('cw-suggested-copy');
      copy.shadowRoot.querySelector('[part~=generate-button]').click();
      for (let i = 0; i < 600 && !/GPT-2/.test(copy.shadowRoot.textContent); i++) await new Promise((r) => setTimeout(r, 100));
      document.querySelector('#merchant-panel').scrollIntoView();
    })()`,
  },
];

const outDir = resolve(process.argv[2] ?? 'demo-screenshots');
await mkdir(outDir, { recursive: true });
const { url, server } = await startStorefront();
const browser = await launchChromium();
try {
  for (const shot of shots) {
    const context = await browser.newContext({ viewport: { width: shot.width, height: shot.height }, colorScheme: shot.colorScheme, locale: shot.locale });
    const page = await context.newPage();
    await page.goto(url + (shot.query ?? ''));
    // Wait until the model either failed (hub unreachable) or is ready.
    await page.waitForFunction(() => /ready|could not|无法|失败|就绪/.test(document.querySelector('cw-model-status')?.shadowRoot?.textContent ?? ''), undefined, { timeout: 90_000 });
    if (shot.prepare) await page.evaluate(shot.prepare);
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${outDir}/${shot.name}.png`, fullPage: shot.fullPage ?? false });
    console.log(`${outDir}/${shot.name}.png`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
