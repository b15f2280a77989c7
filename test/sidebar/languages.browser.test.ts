import { readFileSync } from 'node:fs';
import path from 'node:path';
import { catalogue, type Language } from '../../src/i18n';
import { en } from '../../src/i18n/en';
import { seed004Rows } from '../fixtures/seed004';
import { chromiumForFile, openSidebar, screenshot } from '../helpers/browser';
import { DIST } from '../helpers/bundle';
import { customerSheet, wizardWorld } from '../helpers/wizardSetup';

/** English words of the sidebar's own texts (four letters or more), to find any left untranslated. */
const ENGLISH_WORDS = new Set(
  Object.entries(en)
    .filter(([key]) => /^(ui|wizard|row|sheet|table|template|menu|help)\./.test(key))
    .flatMap(([, text]) => text.replace(/\{\w+\}/g, ' ').match(/[A-Za-z]{4,}/g) ?? [])
    .map((word) => word.toLowerCase()),
);
// Function names, and the one product name the sidebar shows (Google's BigQuery is not translated).
const FUNCTION_NAMES = /\b(?:[A-Z][A-Z_]+|BigQuery)\b/g;

/** Words the language's own catalogue uses (Latvian "periods" and "formulas" are Latvian too). */
const ownWords = (language: Language) =>
  new Set(Object.values(catalogue(language)).flatMap((text) => text.match(/[A-Za-z]{4,}/g) ?? []).map((word) => word.toLowerCase()));

const chromium = chromiumForFile();

describe.each([
  ['el', 'Πελάτες', ['Κωδικός πελάτη', 'Ημερομηνία έναρξης', 'Ημερομηνία λήξης']],
  ['lv', 'Klienti', ['Klienta ID', 'Sākuma datums', 'Beigu datums']],
])('the sidebar in %s', (language, sheetName, headers) => {
  test('shows no English besides function names, and builds the sheet in the same language', async () => {
    const grid = customerSheet(seed004Rows());
    grid[0] = headers;
    const world = wizardWorld([], { sheets: { [sheetName]: grid }, activeSheet: sheetName, userLocale: `${language}_XX`, locale: language === 'el' ? 'el_GR' : 'lv_LV' });
    world.apps.htmlFiles.Sidebar = readFileSync(path.join(DIST, 'Sidebar.html'), 'utf8');
    world.addOn.showWizard();
    const served = world.apps.ui.sidebars[0].html;
    expect(served).toContain(`data-language="${language}"`);

    const page = await openSidebar(chromium.browser, served, world.addOn, language === 'el' ? 'el-GR' : 'lv-LV');
    await page.waitForFunction(() => document.querySelector('#table-info')?.textContent?.includes('1000'));
    await page.fill('#profit', '30000');
    await page.click('#build');
    await page.waitForSelector('#summary:not([hidden])');
    // The language switch lists every language by its own name: not counted as page text.
    const text = await page.evaluate(() => {
      const languageSwitch = document.querySelector<HTMLElement>('label.language')!;
      languageSwitch.style.display = 'none';
      const shown = document.body.innerText;
      languageSwitch.style.display = '';
      return shown;
    });
    const own = ownWords(language as Language);
    const isEnglish = (word: string) => ENGLISH_WORDS.has(word.toLowerCase()) && !own.has(word.toLowerCase());
    const english = (text.replace(FUNCTION_NAMES, ' ').match(/[A-Za-z]{4,}/g) ?? []).filter(isEnglish);
    expect(english).toEqual([]);
    if (language === 'el') expect(text.replace(FUNCTION_NAMES, ' ').match(/[A-Za-z]{2,}/g) ?? []).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
    await screenshot(page, `sidebar-${language}.png`);

    // The sheet it built speaks the same language.
    const built = world.apps.sheetNames().find((name) => name !== sheetName)!;
    const header = world.apps.values(built)[0].slice(0, 11).join(' ');
    expect((header.match(/[A-Za-z]{4,}/g) ?? []).filter(isEnglish)).toEqual([]);
    await page.close();
  });
});

test('the language switch changes the sidebar at once and is remembered', async () => {
  const world = wizardWorld(seed004Rows().slice(0, 30));
  world.apps.htmlFiles.Sidebar = readFileSync(path.join(DIST, 'Sidebar.html'), 'utf8');
  world.addOn.showWizard();
  const page = await openSidebar(chromium.browser, world.apps.ui.sidebars[0].html, world.addOn);
  await page.waitForFunction(() => document.querySelector('#table-info')?.textContent?.includes('30'));
  const before = await page.textContent('#build');
  await page.selectOption('#language', 'pl');
  await page.waitForFunction((english) => document.querySelector('#build')?.textContent !== english, before);
  expect(await page.textContent('#build')).not.toBe(before);
  // The switch saves the choice through the server; wait for that round trip.
  for (let tries = 0; tries < 200 && ![...world.apps.userProperties.values()].includes('pl'); tries++) await page.waitForTimeout(100);
  expect([...world.apps.userProperties.values()]).toContain('pl');
  world.addOn.showWizard();
  expect(world.apps.ui.sidebars[1].html).toContain('data-language="pl"');
  await page.close();
});
