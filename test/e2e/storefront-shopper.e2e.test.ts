import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright';
import type { ViteDevServer } from 'vite';
import { launchChromium, startStorefront } from './storefront-server.ts';

/**
 * What a shopper on another device meets: a dark OS, a Chinese browser, a 390 px phone, no
 * network for the hub — each in a fresh browser context, as a new visitor.
 */
describe('demo storefront for every shopper', () => {
  let server: ViteDevServer;
  let browser: Browser;
  let url: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const started = await startStorefront();
    server = started.server;
    url = started.url;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function visit(options: BrowserContextOptions = {}, query = ''): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(url + query);
    return page;
  }

  /** Relative luminance (0 black … 1 white) of an element's computed colour, inside shadow roots too. */
  const luminance = (page: Page, script: string) =>
    page.evaluate((code) => {
      const color = (0, eval)(code) as string;
      const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
      return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    }, script);
  const summaryText = "getComputedStyle(document.querySelector('cw-feedback-summary').shadowRoot.querySelector('.heading')).color";
  const cardBackground = "getComputedStyle(document.querySelector('.review-form')).backgroundColor";

  it('a dark OS gets a readable dark page (widgets included); the toggle switches page and widgets to light and back', async () => {
    const page = await visit({ colorScheme: 'dark' });
    await page.locator('cw-feedback-summary').getByText('Based on 34 reviews').waitFor();
    // Dark page, light text in the widgets: never near-white on white.
    expect(await luminance(page, cardBackground)).toBeLessThan(0.2);
    expect(await luminance(page, summaryText)).toBeGreaterThan(0.7);
    const toggle = page.locator('#theme-toggle');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await luminance(page, cardBackground)).toBeGreaterThan(0.9);
    expect(await luminance(page, summaryText)).toBeLessThan(0.3);
    // The choice holds on the next visit.
    await page.reload();
    await page.locator('cw-feedback-summary').getByText('Based on 34 reviews').waitFor();
    expect(await luminance(page, cardBackground)).toBeGreaterThan(0.9);
    await page.context().close();
  });

  it('a light OS gets a light page with dark text in every widget', async () => {
    const page = await visit({ colorScheme: 'light' });
    await page.locator('cw-feedback-summary').getByText('Based on 34 reviews').waitFor();
    expect(await luminance(page, cardBackground)).toBeGreaterThan(0.9);
    expect(await luminance(page, summaryText)).toBeLessThan(0.3);
    await page.context().close();
  });

  it('a Chinese browser gets the page and the widgets in Chinese; the switch changes both together', async () => {
    const page = await visit({ locale: 'zh-CN' });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await page.locator('h1').textContent()).toBe('山脊保暖夹克');
    const composerLabel = page.locator('cw-review-composer label[part=label]');
    await expect.poll(() => composerLabel.textContent()).toContain('您的评价');
    await page.locator('cw-feedback-summary').getByText('基于 34 条评价').waitFor();
    await page.locator('#language').selectOption('en');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.locator('h1').textContent()).toBe('Ridgeline Insulated Jacket');
    await expect.poll(() => composerLabel.textContent()).toContain('Your review');
    await page.locator('cw-feedback-summary').getByText('Based on 34 reviews').waitFor();
    expect(await page.locator('#show-all-reviews').textContent()).toBe('Show all 34 reviews');
    await page.context().close();
  });

  it('on a 390 px phone without the hub: the phrase model takes over, the failure is said once, and nothing is wider than the screen', async () => {
    const page = await visit({ viewport: { width: 390, height: 844 }, isMobile: true });
    await page.locator('#model-notice').waitFor({ state: 'visible', timeout: 60_000 });
    // The built-in phrase model took over: the status is ready, and only the notice tells of the hub (once, no CORS blame).
    await expect.poll(async () => (await page.locator('cw-model-status [part=label]').textContent())?.trim(), { timeout: 60_000 }).toBe('Writing assistant ready');
    const notice = (await page.locator('#model-notice').textContent()) ?? '';
    expect(notice).toContain('Hugging Face hub');
    expect(notice).toContain('phrase model');
    expect(notice).not.toContain('CORS');
    expect(await page.locator('cw-model-status [part=error-details]').count()).toBe(0);
    const dot = await page.locator('cw-model-status [part=indicator]').boundingBox();
    const label = await page.locator('cw-model-status [part=label]').boundingBox();
    expect(dot && label && Math.abs(dot.y + dot.height / 2 - (label.y + 11)) < 8).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.context().close();
  });

  it('a review without a rating is not published (and never as 5 stars): the shopper is asked for one', async () => {
    const page = await visit();
    const textarea = page.locator('cw-review-composer textarea');
    await textarea.fill('No stars from me, but the hood is roomy and warm.');
    await page.getByRole('button', { name: 'Post review' }).click();
    const postAnyway = page.locator('cw-review-composer [part~=guard] button').last();
    if (await postAnyway.isVisible()) await postAnyway.click();
    await expect.poll(() => page.locator('cw-review-composer [part=validation]').textContent()).toBe('Please choose a rating.');
    expect(await page.locator('#review-status').textContent()).toBe('');
    expect(await page.locator('#review-list').textContent()).not.toContain('No stars from me');
    expect(await page.locator('#average-text').textContent()).toContain('34');
    await page.context().close();
  });

  it('on the local test model the page says which features need GPT-2, offers it, and the merchant copy says so instead of "nothing usable"', async () => {
    const page = await visit({}, '?model=local');
    await page.locator('cw-model-status [part~=label]').getByText('ready').waitFor({ timeout: 60_000 });
    const note = page.locator('#local-model-note');
    expect(await note.textContent()).toContain('product descriptions and social posts need GPT-2');
    expect(await page.getByRole('button', { name: 'Load GPT-2' }).isVisible()).toBe(true);
    await page.getByLabel('Merchant view').check();
    const copy = page.locator('cw-suggested-copy');
    await copy.locator('[part~=generate-button]').click();
    await copy.getByText('Product descriptions and social posts need GPT-2').first().waitFor({ timeout: 60_000 });
    expect(await copy.getByText('The model wrote nothing usable').count()).toBe(0);
    // Offered: one click goes back to GPT-2 from the hub.
    await page.getByRole('button', { name: 'Load GPT-2' }).click();
    expect(page.url()).not.toContain('model=local');
    await expect.poll(() => page.locator('#model-source').textContent()).toContain('Hugging Face hub');
    await page.context().close();
  });

  it('with a self-hosted GPT-2, the built-in phrase model offers real review words next to it', async () => {
    // The test model stands in for a self-hosted GPT-2: random weights, so nothing it writes passes
    // the confidence gate and every word shown is the phrase model's.
    const page = await visit({}, '?model=/models/tiny-gpt2/');
    const composer = page.locator('cw-review-composer');
    await expect.poll(() => composer.evaluate((element) => (element as HTMLElement & { quickEngine?: unknown }).quickEngine !== undefined), { timeout: 30_000 }).toBe(true);
    await page.locator('cw-model-status [part~=label]').getByText('ready').waitFor({ timeout: 60_000 });
    await composer.evaluate((element) => {
      element.addEventListener('cw-suggestion-show', (event) => {
        (window as unknown as { lastShown?: string }).lastShown = (event as CustomEvent<{ suggestion: string }>).detail.suggestion;
      });
    });
    const textarea = page.locator('cw-review-composer textarea');
    await textarea.click();
    await textarea.pressSequentially('Warm and light, and so comf', { delay: 20 });
    const ghost = page.locator('cw-review-composer [part~=ghost]');
    await expect.poll(async () => {
      const text = (await ghost.textContent()) ?? '';
      const shown = await page.evaluate(() => (window as unknown as { lastShown?: string }).lastShown);
      // Typing through a suggestion keeps its rest on screen ("omfortable." → "ortable.") without a new show event.
      return text.trim() !== '' && shown !== undefined && shown.endsWith(text) ? text : '';
    }, { timeout: 30_000 }).not.toBe('');
    // The phrase model completes the word being typed, in English.
    expect((await ghost.textContent()) ?? '').toMatch(/^ortable(?:[ '][A-Za-z]+)*[.,!]?$/);
    await page.context().close();
  });

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
