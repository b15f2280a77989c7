/** The sidebar on a pasted Stripe export, in Chromium: it says what it recognised and builds values by the export's rules. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createFakeApps } from '../../local/appsScript/appsScript';
import { STRIPE_CSV, pastedCells } from '../fixtures/billingExports';
import { chromiumForFile, openSidebar } from '../helpers/browser';
import { DIST, loadBundle } from '../helpers/bundle';

const ZONE = 'America/Los_Angeles';

const chromium = chromiumForFile();

test('a Stripe export is recognised, its churn date can be chosen, and Build writes values', async () => {
  const apps = createFakeApps({ timeZone: ZONE, locale: 'en_US', sheets: { Export: pastedCells(STRIPE_CSV, ZONE) }, activeSheet: 'Export' });
  const addOn = loadBundle(apps.globals);
  const page = await openSidebar(chromium.browser, readFileSync(path.join(DIST, 'Sidebar.html'), 'utf8'), addOn);
  await page.waitForSelector('#export-box:not([hidden])');
  expect(await page.textContent('#export-title')).toMatch(/^Recognised: Stripe/);
  // The customer is the export's customer id, never the subscription id.
  const idColumn = Number(await page.inputValue('#column-id'));
  const header = (pastedCells(STRIPE_CSV, ZONE)[0] as string[])[idColumn];
  expect(header).toBe('Customer ID');
  expect(await page.locator('#export-churn-at option').allTextContents()).toEqual(['when the paid service ends', 'when the customer cancels']);

  await page.click('#build');
  await page.waitForSelector('#summary:not([hidden]), #error:not([hidden])');
  expect(await page.isHidden('#error')).toBe(true);
  expect(apps.sheetNames()).toContain('Churn by month');
  // Values by the export's rules: no COUNTIFS formula could apply them.
  expect(apps.formulas('Churn by month').flat().filter((f) => f !== '')).toEqual([]);
  await page.close();
});
