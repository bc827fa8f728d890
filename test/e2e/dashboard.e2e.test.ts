import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright';
import type { ViteDevServer } from 'vite';
import { launchChromium, startStorefront } from './storefront-server.ts';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe-core's violations on the page (ids and targets). */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const results = await axe.run(document);
    return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  });
}

/** Where to keep screenshots for a human to look at (set by hand; CI keeps none). */
const screenshotDir = process.env.COWRITE_SCREENSHOT_DIR;

/**
 * The merchant's view: two shoppers write reviews, one in the treatment arm of a holdout experiment
 * (ghost text on), one in control (no suggestions); the dashboard draws what their cw-metric events say.
 */
describe('merchant dashboard', () => {
  let server: ViteDevServer;
  let browser: Browser;
  let context: BrowserContext;
  let base: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const started = await startStorefront();
    server = started.server;
    base = started.url;
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(path: string): Promise<Page> {
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(new URL(path, base).href);
    return page;
  }

  async function postReview(page: Page, text: string, acceptGhost: boolean): Promise<void> {
    const textarea = page.locator('cw-review-composer textarea');
    await textarea.click();
    await textarea.pressSequentially(text, { delay: 10 });
    if (acceptGhost) {
      // The test model has random weights and samples: some drafts get nothing usable back. Type on, as a shopper would.
      const ghost = page.locator('cw-review-composer [part~=ghost]');
      const shown = async (): Promise<boolean> => ((await ghost.textContent())?.trim() ?? '') !== '';
      for (const more of ['', ' and', ' the', ' hood', ' is']) {
        if (more) await textarea.pressSequentially(more, { delay: 10 });
        const deadline = Date.now() + 8000;
        while (!(await shown()) && Date.now() < deadline) await page.waitForTimeout(100);
        if (await shown()) break;
      }
      expect(await shown()).toBe(true);
      const before = await textarea.inputValue();
      await page.keyboard.press('Tab');
      // Tab accepted the ghost text (it did not move focus away).
      expect((await textarea.inputValue()).length).toBeGreaterThan(before.length);
    }
    // The storefront requires a rating (rating-required): without one the form never submits.
    await page.locator('cw-review-composer [part~=rating]').getByRole('radio').nth(3).check();
    await page.getByRole('button', { name: 'Post review' }).click();
    const postAnyway = page.locator('cw-review-composer [part~=guard] button').last();
    if (await postAnyway.isVisible()) await postAnyway.click();
    await page.locator('#review-status').getByText('Your review is live').waitFor();
  }

  it('collects the demo’s own events from a treatment and a control visitor', async () => {
    const treatment = await open('/?model=local&experiment=demo&control=0&visitor=v-treatment');
    await treatment.locator('cw-model-status [part~=label]').getByText('ready').waitFor({ timeout: 60_000 });
    await postReview(treatment, 'Warm jacket, and the sleeves fit me well', true);
    // The posted review is now the share post's source.
    await expect.poll(() => treatment.locator('cw-share-post [part~=write-button]').isEnabled()).toBe(true);
    await treatment.close();

    const control = await open('/?model=local&experiment=demo&control=1&visitor=v-control');
    await control.locator('cw-model-status [part~=label]').getByText('ready').waitFor({ timeout: 60_000 });
    expect(await control.locator('cw-review-composer [part~=help-button]').isHidden()).toBe(true);
    await postReview(control, 'Good hood, the zip is a bit stiff though.', false);
    expect((await control.locator('cw-review-composer [part~=ghost]').textContent())?.trim() ?? '').toBe('');
    await control.close();
    expect(pageErrors).toEqual([]);
  });

  it('draws acceptance, keystrokes saved, completion by arm and guard findings, in en and zh, light and dark', async () => {
    const page = await open('/dashboard.html?lang=en&theme=light');
    const tiles = page.locator('#tiles .tile');
    await tiles.first().waitFor();
    expect(await tiles.count()).toBe(4);
    expect(await tiles.nth(0).locator('.tile-value').textContent()).toMatch(/^\d+%$/);
    expect(Number(await tiles.nth(1).locator('.tile-value').textContent())).toBeGreaterThan(0);
    expect(await tiles.nth(2).locator('.tile-value').textContent()).toBe('2');
    const completion = page.getByRole('img', { name: /Completion with and without suggestions/ });
    expect(await completion.getAttribute('aria-label')).toContain('With suggestions: 100% · 1/1');
    expect(await completion.getAttribute('aria-label')).toContain('Without (control): 100% · 1/1');
    expect(await page.getByRole('img', { name: /Acceptance rate per time step/ }).locator('circle').count()).toBeGreaterThan(0);
    expect(await page.getByRole('img', { name: /Guard findings by category/ }).locator('rect').count()).toBe(5);
    if (screenshotDir) await page.screenshot({ path: `${screenshotDir}/i17-dashboard-en-light.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: '中文' }).click();
    await page.getByLabel('深色主题').check();
    expect(await page.locator('h1').textContent()).toBe('共创数据看板');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe('rgb(18, 22, 20)');
    expect(page.url()).toContain('lang=zh');
    expect(await page.getByRole('img', { name: /有无写作建议的完成率/ }).getAttribute('aria-label')).toContain('无建议（对照组）: 100% · 1/1');
    if (screenshotDir) await page.screenshot({ path: `${screenshotDir}/i17-dashboard-zh-dark.png`, fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
