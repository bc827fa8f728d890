/**
 * Browser-test commands that run on the Playwright side: the browser's own
 * request log (page and Workers), to prove a page talks only to its model source,
 * and the OS colour scheme.
 */
import type { BrowserCommand } from 'vitest/node';
import type { Request } from 'playwright';
import '@vitest/browser-playwright';

const logs = new Map<string, string[]>();
const listeners = new Map<string, (request: Request) => void>();

export const startRequestLog: BrowserCommand<[]> = ({ context, sessionId }) => {
  const urls: string[] = [];
  logs.set(sessionId, urls);
  const listener = (request: Request) => urls.push(request.url());
  listeners.set(sessionId, listener);
  context.on('request', listener);
};

export const takeRequestLog: BrowserCommand<[], string[]> = ({ context, sessionId }) => {
  const listener = listeners.get(sessionId);
  if (listener) context.off('request', listener);
  listeners.delete(sessionId);
  const urls = logs.get(sessionId) ?? [];
  logs.delete(sessionId);
  return urls;
};

/** Emulates the OS colour scheme (`prefers-color-scheme`) for the test page; null restores the default. */
export const emulateColorScheme: BrowserCommand<['light' | 'dark' | null]> = async ({ page }, colorScheme) => {
  await page.emulateMedia({ colorScheme });
};

const failures = new Map<string, string[]>();
const failureListeners = new Map<string, (request: Request) => void>();

/** Requests the browser itself reports as failed (the red lines of the network panel): aborted, refused, cancelled. */
export const startFailedRequestLog: BrowserCommand<[]> = ({ context, sessionId }) => {
  const failed: string[] = [];
  failures.set(sessionId, failed);
  const listener = (request: Request) => failed.push(`${request.method()} ${request.url()} ${request.failure()?.errorText ?? ''}`.trim());
  failureListeners.set(sessionId, listener);
  context.on('requestfailed', listener);
};

export const takeFailedRequestLog: BrowserCommand<[], string[]> = ({ context, sessionId }) => {
  const listener = failureListeners.get(sessionId);
  if (listener) context.off('requestfailed', listener);
  failureListeners.delete(sessionId);
  const failed = failures.get(sessionId) ?? [];
  failures.delete(sessionId);
  return failed;
};

declare module 'vitest/browser' {
  interface BrowserCommands {
    emulateColorScheme: (scheme: 'light' | 'dark' | null) => Promise<void>;
    startRequestLog: () => Promise<void>;
    takeRequestLog: () => Promise<string[]>;
    startFailedRequestLog: () => Promise<void>;
    takeFailedRequestLog: () => Promise<string[]>;
  }
}
