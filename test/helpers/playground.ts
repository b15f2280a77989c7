/** A started playground server and a Chromium for one test file: started before its tests, closed after. */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { startPlayground, type Playground } from '../../local/playground/server';
import { launchChromium } from './browser';

const ROOT = path.resolve(__dirname, '../..');

export function playgroundInChromium(): { readonly browser: Browser; readonly playground: Playground } {
  let browser: Browser | undefined;
  let playground: Playground | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    playground = await startPlayground(ROOT, 0);
  });
  afterAll(async () => {
    await browser?.close();
    await playground?.close();
  });
  return {
    get browser() {
      return browser!;
    },
    get playground() {
      return playground!;
    },
  };
}
