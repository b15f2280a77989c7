import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { SEED_004_MONTHS, seed004Rows } from '../fixtures/seed004';
import { chromiumForFile, openSidebar, screenshot } from '../helpers/browser';
import { DIST } from '../helpers/bundle';
import { customerSheet, wizardWorld } from '../helpers/wizardSetup';

const EVIL_HEADER = '<img src=x onerror=alert(1)>';

const chromium = chromiumForFile();

describe('the sidebar wizard in Chromium, on the seed 004 customer table', () => {
  test('clicking through builds the churn sheet with the spec numbers', async () => {
    const evil = [[EVIL_HEADER, 'Start'], ['x', '2024-01-01']];
    const world = wizardWorld(seed004Rows(), { sheets: { Customers: customerSheet(seed004Rows()), Evil: evil } });
    const html = readFileSync(path.join(DIST, 'Sidebar.html'), 'utf8');
    const page = await openSidebar(chromium.browser, html, world.addOn);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });

    // Source and columns, found on their own.
    await page.waitForFunction(() => document.querySelector('#table-info')?.textContent?.includes('1000'));
    expect(await page.textContent('#table-info')).toBe('Header in row 1; customer rows below it: 1000.');
    expect(await page.inputValue('#sheet')).toBe('Customers');
    expect(await page.inputValue('#column-start')).toBe('1');
    expect(await page.inputValue('#column-end')).toBe('2');
    expect(await page.inputValue('#column-id')).toBe('0');
    expect(await page.locator('#preview tbody tr').count()).toBe(5);
    expect(await page.textContent('#preview tbody tr:first-child')).toContain('2023-01-01');
    expect(await page.textContent('#problems-title')).toBe('Every row can be read.');

    // Options, then build.
    await page.selectOption('#period', 'month');
    await page.fill('#profit', '30000');
    expect(await page.isChecked('input[name="output"][value="formulas"]')).toBe(true);
    await page.check('#cohorts');
    await page.click('#build');
    await page.waitForSelector('#summary:not([hidden])');
    expect(await page.locator('#summary p').allTextContents()).toEqual([
      'Done: "Churn by month" has 14 periods for 1000 customers.',
      'Cohort retention is on the sheet "Cohorts by month".',
    ]);
    await screenshot(page, 'sidebar-wizard-done.png');
    expect(statSync(path.join(__dirname, '../../test-artifacts/sidebar-wizard-done.png')).size).toBeGreaterThan(5000);

    const table = world.table('Churn by month');
    for (const month of SEED_004_MONTHS) {
      const row = table.find((r) => r[0] === `${month.month}-01`)!;
      expect(row.slice(1, 7)).toEqual([month.S, month.N, 0, month.L, month.Ln, month.E]);
      expect(row[10]).toBe((month.L + month.Ln) * 30000);
    }
    expect(world.apps.formulas('Churn by month')[1][1]).toMatch(/^=COUNTIFS\(/);
    // The cohort sheet: January 2024's 200 new customers, 98 % of them still customers at the end of January.
    const january = world.apps.values('Cohorts by month').find((r) => r[1] === 200)!;
    expect(january[2]).toBeCloseTo(0.98, 12);

    // A header from the sheet is shown as the characters it is and runs nothing.
    await page.selectOption('#sheet', 'Evil');
    await page.waitForFunction(() => document.querySelector('#table-info')?.textContent?.includes('customer rows below it: 1.'));
    const labels = await page.locator('#column-id option').allTextContents();
    expect(labels).toContain(EVIL_HEADER);
    expect(await page.locator('img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  test('a wrong choice shows the server\'s message, and the template button inserts a template', async () => {
    const world = wizardWorld(seed004Rows().slice(0, 40));
    const html = readFileSync(path.join(DIST, 'Sidebar.html'), 'utf8');
    const page = await openSidebar(chromium.browser, html, world.addOn);
    await page.waitForFunction(() => document.querySelector('#table-info')?.textContent?.includes('40'));
    await page.fill('#first-period', '2024-03-01');
    await page.fill('#last-period', '2024-01-01');
    await page.click('#build');
    await page.waitForSelector('#error:not([hidden])');
    expect(await page.textContent('#error')).toBe('The first period (2024-03-01) is after the last period (2024-01-01).');
    expect(world.apps.sheetNames()).toEqual(['Customers']);

    await page.check('#template-example');
    await page.click('#template');
    await page.waitForSelector('#summary:not([hidden])');
    expect(await page.textContent('#summary')).toContain('Inserted "Churn template"');
    expect(world.apps.cell('Churn template', 'J6').value).toBe(956);
    await page.close();
  });
});
