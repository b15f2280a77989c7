/**
 * The Marketplace listing's screenshots (1280x800, the store's size), taken in headless Chromium
 * from the local playground: the real sidebar and the sheets the real add-on builds, in the
 * language the browser asks for, as Sheets follows the Google account's language.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { startPlayground } from '../../local/playground/server';

export const SCREEN_SIZE = { width: 1280, height: 800 } as const;

/** In the order they are taken: each screen starts from the page the one before it left. */
export const SCREENS = ['wizard', 'churn-sheet', 'template'] as const;
export type Screen = (typeof SCREENS)[number];

/** English and one of the add-on's other languages; browser locales, as Accept-Language sends them. */
export const LANGUAGES = { en: 'en-US', lv: 'lv-LV' } as const;
export type ListingLanguage = keyof typeof LANGUAGES;

export const screenshotFile = (language: string, screen: Screen) => `screenshot-${language}-${screen}.png`;

/**
 * Lays the playground's grid out as Sheets draws a sheet, for the picture only: columns as wide
 * as the cells that must fit in them, text running on over empty cells to its right, and the
 * charts floating over the grid just under the last filled row (the playground itself sizes
 * every column to its longest text and puts charts below all of its rows).
 */
async function drawLikeSheets(page: Page): Promise<void> {
  await page.evaluate(() => {
    const grid = document.getElementById('grid') as HTMLTableElement;
    const rows = Array.from(grid.rows);
    const context = document.createElement('canvas').getContext('2d')!;
    const measure = (cell: HTMLTableCellElement, text: string) => {
      context.font = getComputedStyle(cell).font;
      return context.measureText(text).width;
    };
    // Words (headers, labels) may wrap onto a second line, as the add-on's header row does in
    // Sheets; numbers and dates stay on one line.
    const wraps = (text: string) => /\s/.test(text.trim()) && !/\d/.test(text);
    const widths = Array.from(rows[0].cells, (cell) => Math.ceil(cell.getBoundingClientRect().width));
    for (let c = 1; c < widths.length; c++) {
      let width = 72;
      for (const row of rows.slice(1)) {
        const cell = row.cells[c];
        const text = cell.textContent ?? '';
        // A text with nothing to its right runs on over the empty cells, as in Sheets.
        if (!text || !row.cells[c + 1]?.textContent) continue;
        const needed = wraps(text) ? Math.max(...text.split(/\s+/).map((word) => measure(cell, word))) : measure(cell, text);
        width = Math.max(width, Math.ceil(needed) + 14);
      }
      widths[c] = width;
    }
    grid.style.tableLayout = 'fixed';
    grid.style.width = `${widths.reduce((sum, width) => sum + width, 0)}px`;
    Array.from(rows[0].cells).forEach((cell, c) => (cell.style.width = `${widths[c]}px`));
    for (const row of rows.slice(1)) {
      Array.from(row.cells).forEach((cell, c) => {
        const text = cell.textContent ?? '';
        cell.style.overflow = 'visible';
        if (c > 0 && wraps(text) && row.cells[c + 1]?.textContent) cell.style.whiteSpace = 'normal';
      });
    }

    const lastFilled = rows.reduce((last, row, r) => (Array.from(row.cells).slice(1).some((cell) => cell.textContent) ? r : last), 0);
    const drop = document.getElementById('drop')!;
    const charts = document.getElementById('charts')!;
    const below = rows[Math.min(lastFilled + 1, rows.length - 1)];
    drop.style.position = 'relative';
    Object.assign(charts.style, { position: 'absolute', top: `${below.offsetTop + 8}px`, left: `${widths[0] + 24}px` });
    for (const svg of Array.from(charts.querySelectorAll('svg'))) {
      Object.assign(svg.style, { background: '#fff', boxShadow: '0 1px 4px rgba(60, 64, 67, 0.3)', margin: '0' });
      // The legend in one row under the plot, where a long title (Latvian, Greek) cannot run into it.
      const [, ...legends] = Array.from(svg.querySelectorAll('text'));
      let x = 36;
      for (const legend of legends) {
        legend.setAttribute('x', String(x));
        legend.setAttribute('y', String(svg.height.baseVal.value - 10));
        x += legend.getComputedTextLength() + 20;
      }
    }
    // The top of the sheet, unless that would cut the chart off at the bottom.
    const wrap = document.getElementById('grid-wrap')!;
    wrap.scrollTop = Math.max(0, charts.offsetTop + charts.offsetHeight + 12 - wrap.clientHeight);
  });
}

async function sidebarFrame(page: Page): Promise<Frame> {
  const frame = await (await page.locator('#sidebar').elementHandle())?.contentFrame();
  if (!frame) throw new Error('the playground shows no sidebar');
  return frame;
}

const STEPS: Record<Screen, (page: Page) => Promise<void>> = {
  // The wizard open on the sample customer table, its columns found, a profit per customer typed.
  async wizard(page) {
    const sidebar = page.frameLocator('#sidebar');
    await sidebar.locator('#sheet option[value="Customers"]').waitFor({ state: 'attached' });
    await sidebar.locator('#table-info').filter({ hasText: /\d/ }).waitFor();
    await sidebar.locator('#profit').fill('30000');
    // Typing scrolled the sidebar down to the field: show it from its first step.
    await (await sidebarFrame(page)).evaluate(() => window.scrollTo(0, 0));
  },
  // Built: the churn sheet with its chart.
  async 'churn-sheet'(page) {
    const sidebar = page.frameLocator('#sidebar');
    await sidebar.locator('#build').click();
    await sidebar.locator('#summary:not([hidden])').waitFor();
    await page.locator('#charts svg polyline').first().waitFor();
    await page.locator('#tabs button.active').filter({ hasNotText: 'Customers' }).waitFor();
    await drawLikeSheets(page);
  },
  // The churn template with the example numbers, from the add-on's menu.
  async template(page) {
    const before = (await page.locator('#tabs button.active').textContent()) ?? '';
    await page.click('#menu-template');
    await page.locator('#tabs button.active').filter({ hasNotText: before }).waitFor();
    await page.locator('#charts svg polyline').first().waitFor();
    await drawLikeSheets(page);
    // The sidebar scrolled to its own button for the template, at its foot.
    await (await sidebarFrame(page)).evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  },
};

export interface ScreenshotOptions {
  languages?: readonly ListingLanguage[];
  /** The screens to save; the steps before the last of them run either way. */
  screens?: readonly Screen[];
  /** The playground's port: 0 (the default) takes any free one. */
  port?: number;
}

/** Takes the screenshots into outDir (dist/ must be built) and returns the files written. */
export async function takeScreenshots(browser: Browser, root: string, outDir: string, options: ScreenshotOptions = {}): Promise<string[]> {
  const languages = options.languages ?? (Object.keys(LANGUAGES) as ListingLanguage[]);
  const wanted = new Set(options.screens ?? SCREENS);
  const last = Math.max(...SCREENS.map((screen, i) => (wanted.has(screen) ? i : -1)));
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  for (const language of languages) {
    // A fresh playground per language: the sheets built in one do not show in the next.
    const playground = await startPlayground(root, options.port ?? 0);
    const context = await browser.newContext({ viewport: SCREEN_SIZE, deviceScaleFactor: 1, locale: LANGUAGES[language] });
    try {
      const page = await context.newPage();
      await page.goto(playground.url);
      await page.waitForSelector('#grid td');
      for (const screen of SCREENS.slice(0, last + 1)) {
        await STEPS[screen](page);
        if (!wanted.has(screen)) continue;
        const file = path.join(outDir, screenshotFile(language, screen));
        await page.screenshot({ path: file });
        written.push(file);
      }
    } finally {
      await context.close();
      await playground.close();
    }
  }
  return written;
}
