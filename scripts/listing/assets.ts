/**
 * The Marketplace listing's icons and banner, rendered from the SVG sources in assets/ by
 * headless Chromium at the exact pixel sizes the store asks for.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';

export interface Asset {
  source: string;
  file: string;
  width: number;
  height: number;
}

export const ASSETS: readonly Asset[] = [
  { source: 'assets/icon.svg', file: 'icon-32.png', width: 32, height: 32 },
  { source: 'assets/icon.svg', file: 'icon-128.png', width: 128, height: 128 },
  { source: 'assets/banner.svg', file: 'banner-220x140.png', width: 220, height: 140 },
];

/** Renders every asset into outDir and returns the files written. */
export async function renderAssets(browser: Browser, root: string, outDir: string): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  for (const asset of ASSETS) {
    const svg = readFileSync(path.join(root, asset.source)).toString('base64');
    // deviceScaleFactor 1: one CSS pixel is one image pixel, so the PNG has exactly the asked size.
    const page = await browser.newPage({ viewport: { width: asset.width, height: asset.height }, deviceScaleFactor: 1 });
    await page.setContent(
      `<!doctype html><html><body style="margin:0;background:transparent">` +
        `<img src="data:image/svg+xml;base64,${svg}" width="${asset.width}" height="${asset.height}" style="display:block"></body></html>`,
    );
    await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
    const file = path.join(outDir, asset.file);
    // The icon's rounded corners stay transparent.
    await page.screenshot({ path: file, omitBackground: true });
    await page.close();
    written.push(file);
  }
  return written;
}
