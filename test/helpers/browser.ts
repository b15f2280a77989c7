/**
 * Headless Chromium from Debian (/usr/bin/chromium) driven by playwright-core, with the built
 * sidebar loaded and google.script.run wired to the add-on bundle running in this process
 * against the fake spreadsheet: the same path a click in Google Sheets takes, minus Google.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/listing/chromium';
import type { BundleContext } from './bundle';

export { launchChromium };
export const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');
const SIDEBAR_URL = 'https://sidebar.invalid/';

/** One Chromium for a test file: launched before its tests, closed after. */
export function chromiumForFile(): { readonly browser: Browser } {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());
  return {
    get browser() {
      return browser!;
    },
  };
}

/**
 * Opens the sidebar HTML in a page whose google.script.run calls the bundle's top-level
 * functions. Arguments and results cross as JSON, as they do between Sheets and a sidebar.
 */
export async function openSidebar(browser: Browser, html: string, addOn: BundleContext, language = 'en-US'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 300, height: 1100 }, locale: language });
  await page.exposeFunction('__runOnServer', (name: string, argsJson: string) => {
    try {
      const fn = addOn[name];
      if (typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
      return JSON.stringify({ value: fn(...JSON.parse(argsJson)) ?? null });
    } catch (error) {
      return JSON.stringify({ error: (error as Error).message });
    }
  });
  await page.addInitScript(() => {
    type Handler = ((value: unknown) => void) | undefined;
    const runner = (onSuccess: Handler, onFailure: Handler): unknown =>
      new Proxy(
        {},
        {
          get(_target, property: string) {
            if (property === 'withSuccessHandler') return (handler: Handler) => runner(handler, onFailure);
            if (property === 'withFailureHandler') return (handler: Handler) => runner(onSuccess, handler);
            return (...args: unknown[]) => {
              const call = (window as unknown as { __runOnServer(n: string, a: string): Promise<string> }).__runOnServer;
              // A little delay, as a real round trip has, so progress indicators get a chance to show.
              setTimeout(() => {
                void call(property, JSON.stringify(args)).then((text) => {
                  const result = JSON.parse(text);
                  if ('error' in result) onFailure?.(new Error(result.error));
                  else onSuccess?.(result.value);
                });
              }, 50);
            };
          },
        },
      );
    (window as unknown as { google: unknown }).google = { script: { run: runner(undefined, undefined) } };
  });
  // Served from a routed address (nothing leaves the machine): init scripts and exposed
  // functions apply to pages that are navigated to, not to setContent.
  await page.route(SIDEBAR_URL, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  await page.goto(SIDEBAR_URL, { waitUntil: 'load' });
  return page;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, name);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
