import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SEED_004_MONTHS, seed004Rows } from '../fixtures/seed004';
import { chromiumForFile, openSidebar } from '../helpers/browser';
import { DIST } from '../helpers/bundle';
import { wizardWorld } from '../helpers/wizardSetup';

const chromium = chromiumForFile();

test('the sidebar builds the adjusted churn by the method chosen, and offers daily churn with values only', async () => {
  const world = wizardWorld(seed004Rows());
  const page = await openSidebar(chromium.browser, readFileSync(path.join(DIST, 'Sidebar.html'), 'utf8'), world.addOn);
  await page.waitForFunction(() => document.querySelector('#table-info')?.textContent?.includes('1000'));

  expect(await page.inputValue('#method')).toBe('start');
  expect(await page.locator('#method option').allTextContents()).toEqual([
    'Customers at start',
    'Average of customers at start and at end',
    'Customers at start + new customers',
    "Each day's customers: daily churn (values only)",
  ]);
  expect(await page.textContent('label:has(#method) > span')).toBe('Adjusted churn divides by');
  // Live formulas are the default, and no formula gives the daily churn.
  expect(await page.isDisabled('#method option[value="daily"]')).toBe(true);

  await page.selectOption('#method', 'average');
  await page.click('#build');
  await page.waitForSelector('#summary:not([hidden])');
  const average = world.table('Churn by month');
  expect(average[0][8]).toBe('Adjusted churn (average)');
  expect(world.apps.formulas('Churn by month')[1][8]).toBe('=IF(B2>0,(E2+F2)/((B2+G2)/2),"")');
  for (const { month, S, L, Ln, E } of SEED_004_MONTHS) {
    expect(average.find((r) => r[0] === `${month}-01`)![8]).toBeCloseTo((L + Ln) / ((S + E) / 2), 12);
  }

  await page.check('input[name="output"][value="values"]');
  expect(await page.isDisabled('#method option[value="daily"]')).toBe(false);
  await page.selectOption('#method', 'daily');
  await page.click('#build');
  await page.waitForFunction(() => document.querySelector('#summary p')?.textContent?.includes('Churn by month (2)'));
  const daily = world.table('Churn by month (2)');
  expect(daily[0][8]).toBe('Daily churn');
  expect((daily.find((r) => r[0] === '2024-01-01')![8] as number).toFixed(4)).toBe('0.0319');

  // Back to live formulas: daily churn is no longer offered, and the default method returns.
  await page.check('input[name="output"][value="formulas"]');
  expect(await page.inputValue('#method')).toBe('start');
  expect(await page.isDisabled('#method option[value="daily"]')).toBe(true);
  await page.close();
});
