/**
 * Cowrite on a page with the README's strict Content-Security-Policy and Trusted Types
 * (issue 13, item 3): the model loads in the Worker (through the `cowrite` policy), ghost
 * text appears, and the feedback summary draws its bars (CSS custom properties set through
 * the CSSOM, not blocked inline styles) — with no CSP violation. Variants of the policy that
 * lack one thing show the fallback (no `cowrite` policy → the engine runs in the page) and
 * the typed error (no 'wasm-unsafe-eval' → CSP_BLOCKED, not MODEL_CORRUPT).
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';
import type { Browser, Page } from 'playwright';
import { ensureFixtures } from '../../tools/gpt2/make-fixtures.ts';
import { launchChromium } from './storefront-server.ts';

const configFile = fileURLToPath(new URL('./strict-csp/vite.config.ts', import.meta.url));

describe('a page with a strict CSP and Trusted Types', () => {
  let server: ViteDevServer;
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    await ensureFixtures();
    server = await createServer({ configFile, server: { port: 0, strictPort: false, host: '127.0.0.1' }, logLevel: 'warn' });
    await server.listen();
    url = server.resolvedUrls?.local[0] ?? '';
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(variant: string): Promise<{ page: Page; errors: string[] }> {
    await fetch(`${url}__csp/${variant}`);
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content.Security.Policy|Trusted Type/i.test(message.text())) errors.push(message.text());
    });
    await page.goto(url);
    expect(await page.evaluate(() => document.querySelector('meta[http-equiv]'))).toBeNull();
    return { page, errors };
  }

  it('loads the model in the Worker, shows ghost text and draws the summary bars, with no violation', async () => {
    const { page, errors } = await open('strict');
    await page.locator('cw-model-status [part~=label]').getByText('ready').waitFor({ timeout: 60_000 });
    const textarea = page.locator('cw-review-composer textarea');
    await textarea.click();
    await textarea.pressSequentially('The jacket is warm and the', { delay: 20 });
    const ghost = page.locator('cw-review-composer [part~=ghost]');
    await expect.poll(async () => (await ghost.textContent())?.trim() ?? '', { timeout: 30_000 }).not.toBe('');

    const summary = page.locator('cw-feedback-summary');
    await summary.getByText('Based on 5 reviews').waitFor({ timeout: 30_000 });
    const widths = await summary.locator('[part~=distribution] .bar > span').evaluateAll((spans) => spans.map((s) => s.getBoundingClientRect().width));
    expect(widths.length).toBe(3);
    expect(widths.some((w) => w > 0)).toBe(true);
    expect(widths.reduce((a, b) => a + b, 0)).toBeGreaterThan(50);

    // The engine ran in a Worker: the page never compiled the model.
    expect(await page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.includes('worker-entry')))).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? [])).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('without the cowrite Trusted Types policy, falls back to the engine in the page and still suggests', async () => {
    const { page } = await open('no-cowrite-policy');
    await page.locator('cw-model-status [part~=label]').getByText('ready').waitFor({ timeout: 60_000 });
    const textarea = page.locator('cw-review-composer textarea');
    await textarea.click();
    await textarea.pressSequentially('The jacket is warm and the', { delay: 20 });
    const ghost = page.locator('cw-review-composer [part~=ghost]');
    await expect.poll(async () => (await ghost.textContent())?.trim() ?? '', { timeout: 30_000 }).not.toBe('');
    await page.close();
  });

  it("with worker-src 'none', the Worker's refusal is CSP_BLOCKED and the engine runs in the page instead", async () => {
    const { page } = await open('no-worker');
    await page.locator('cw-model-status [part~=label]').getByText('ready').waitFor({ timeout: 60_000 });
    const code = await page.evaluate(() => (window as unknown as { tryWorkerEngine: () => Promise<string | undefined> }).tryWorkerEngine());
    expect(code).toBe('CSP_BLOCKED');
    await page.close();
  });

  it("without 'wasm-unsafe-eval', reports CSP_BLOCKED and names the directive, not a corrupt model", async () => {
    const { page } = await open('no-wasm');
    // The status says it once and short; the reason, naming the directive, is in its details.
    const label = page.locator('cw-model-status [part~=label]');
    await expect.poll(async () => (await label.textContent())?.trim() ?? '', { timeout: 60_000 }).toBe('The writing assistant could not load.');
    expect(await page.locator('cw-model-status [part=error-details] p').textContent()).toContain('wasm-unsafe-eval');
    const code = await page.evaluate(() => (window as unknown as { tryLoadModel: () => Promise<string | undefined> }).tryLoadModel());
    expect(code).toBe('CSP_BLOCKED');
    await page.close();
  });
});
