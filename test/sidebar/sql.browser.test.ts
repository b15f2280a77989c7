import { readFileSync } from 'node:fs';
import path from 'node:path';
import { seed004Rows } from '../fixtures/seed004';
import { chromiumForFile, openSidebar, screenshot } from '../helpers/browser';
import { DIST } from '../helpers/bundle';
import { customerSheet, wizardWorld } from '../helpers/wizardSetup';

// The sidebar's BigQuery section, in the built dist/Sidebar.html in Chromium: the statement names
// the columns mapped in the wizard, quoted, and a hostile header stays text.
const EVIL = '<img src=x onerror=alert(1)>`; DROP TABLE t; --';

const chromium = chromiumForFile();

test('"Table too big for a sheet, or already in BigQuery?" shows the BigQuery SQL of the mapped columns, quoted, and copies it', async () => {
  const evil = [['Customer ID', 'Signup date', EVIL], ['a', '2024-01-05', '2024-02-01']];
  const world = wizardWorld(seed004Rows(), { sheets: { Customers: customerSheet(seed004Rows()), Evil: evil } });
  const html = readFileSync(path.join(DIST, 'Sidebar.html'), 'utf8');
  const page = await openSidebar(chromium.browser, html, world.addOn);
  await page.waitForFunction(() => document.querySelector('#table-info')?.textContent?.includes('1000'));

  expect(await page.textContent('#sql-section summary')).toBe('Table too big for a sheet, or already in BigQuery?');
  expect(await page.isVisible('#sql-text')).toBe(false); // collapsed until opened
  await page.click('#sql-section summary');
  await page.fill('#sql-table', 'my-project.sales.customers');
  const sql = await page.inputValue('#sql-text');
  expect(sql).toContain('FROM `my-project`.`sales`.`customers`');
  for (const column of ['`Signup date`', '`Cancel date`', '`Customer ID`']) expect(sql).toContain(column);
  expect(sql).toMatch(/^WITH\n/);
  expect(await page.textContent('#step-sql')).toContain('Connect to BigQuery');

  // The period chosen in the options reaches the statement (ISO weeks from Monday).
  await page.selectOption('#period', 'week');
  expect(await page.inputValue('#sql-text')).toContain('700003');

  // A name that is not project.dataset.table gets a hint instead of SQL.
  await page.fill('#sql-table', 'sales..customers');
  expect(await page.inputValue('#sql-text')).toBe('');
  expect(await page.textContent('#sql-note')).toBe('Write the table as project.dataset.table.');
  await page.fill('#sql-table', 'p.d.t');

  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.click('#sql-copy');
  // The copy is asynchronous (the Clipboard API): the note appears once the text is on the clipboard.
  await page.waitForFunction(() => document.querySelector('#sql-copied')?.textContent !== '', undefined, { timeout: 10_000 });
  expect(await page.textContent('#sql-copied')).toBe('Copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await page.inputValue('#sql-text'));
  await screenshot(page, 'sidebar-bigquery-sql.png');

  // A hostile header mapped as the end date: quoted in the SQL, never markup in the page.
  await page.selectOption('#sheet', 'Evil');
  await page.waitForFunction(() => (document.querySelector('#sql-text') as HTMLTextAreaElement).value.includes('Signup date'));
  await page.selectOption('#column-end', '2');
  await page.waitForFunction(() => (document.querySelector('#sql-text') as HTMLTextAreaElement).value.includes('DROP'));
  const hostile = await page.inputValue('#sql-text');
  expect(hostile).toContain('`<img src=x onerror=alert(1)>\\`; DROP TABLE t; --`');
  expect(await page.locator('#step-sql img').count()).toBe(0);
});
