/**
 * The playground at size: a 20,000-row customer file loaded through the page and built with the
 * sidebar's defaults (live formulas). The churn sheet shows the engine's numbers (CHURN_TABLE of
 * the same rows, typed in a cell), the customer table reaches HyperFormula only when a formula
 * typed in a cell reads it, and the grid draws only the rows in view.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { playgroundInChromium } from '../helpers/playground';

const ROWS = 20_000;
const started = playgroundInChromium();

/** Customers over three years, about 60 % of them ended, ids C0 to C19999. */
function customersCsv(count: number): string {
  let seed = 7;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const iso = (day: number) => new Date(Date.UTC(2022, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
  const lines = ['Customer ID,Signup date,Cancel date,MRR'];
  for (let i = 0; i < count; i++) {
    const start = Math.floor(random() * 1095);
    const end = random() < 0.6 ? iso(start + 1 + Math.floor(random() * 400)) : '';
    lines.push(`C${i},${iso(start)},${end},${[19, 49, 99][i % 3]}`);
  }
  return lines.join('\n') + '\n';
}

interface RowsView { from: number; display: string[][]; formulas: string[][]; rowCount: number }
const rowsOf = (page: Page, name: string, from: number, count: number): Promise<RowsView> =>
  page.evaluate(([n, f, c]) => fetch(`/api/sheet?name=${encodeURIComponent(n)}&from=${f}&count=${c}`).then((r) => r.json()), [name, from, count] as const);

async function type(page: Page, a1: string, input: string) {
  await page.locator(`#grid td[data-a1="${a1}"]`).click();
  await page.fill('#formula', input);
  await page.press('#formula', 'Enter');
}

test('20,000 customers: the built churn sheet shows the engine\'s numbers, the grid draws only the rows in view', async () => {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'churn-')), 'subscribers.csv');
  writeFileSync(file, customersCsv(ROWS));
  const page = await started.browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(started.playground.url);
  await page.waitForSelector('#grid td');
  await page.setInputFiles('#file', file);
  await page.locator('#tabs button.active', { hasText: 'subscribers' }).waitFor();

  // The grid holds a screenful of rows, not 20,001; the last customer is there once scrolled to.
  expect(await page.locator('#grid tr').count()).toBeLessThan(120);
  await page.locator('#grid-wrap').evaluate((wrap) => { wrap.scrollTop = wrap.scrollHeight; });
  await page.locator('#grid td', { hasText: /^C19999$/ }).waitFor();
  expect(await page.locator('#grid td[data-a1="A20001"]').textContent()).toBe('C19999');
  expect(await page.locator('#grid td[data-a1="A20002"]').textContent()).toBe('');
  expect(await page.locator('#grid tr').count()).toBeLessThan(120);
  // A cell far down still shows its content in the formula bar.
  await page.locator('#grid td[data-a1="B20001"]').click();
  expect(await page.locator('#cell-name').textContent()).toBe('B20001');
  expect(await page.inputValue('#formula')).toMatch(/^\d{4}-\d\d-\d\d$/);

  // The sidebar's Build, as it comes (live formulas).
  const sidebar = page.frameLocator('#sidebar');
  await sidebar.locator('#table-info').filter({ hasText: '20000' }).waitFor();
  await sidebar.locator('#build').click();
  await sidebar.locator('#summary:not([hidden])').waitFor();
  await page.locator('#tabs button.active', { hasText: 'Churn by month' }).waitFor();
  // The numbers came from the add-on, not from HyperFormula: the customer table is not in the engine.
  expect(started.playground.host.apps.engineFor('subscribers')).toBeNull();

  const churn = await rowsOf(page, 'Churn by month', 0, 500);
  expect(churn.formulas.flat().filter((f) => /^=COUNTIFS\(/.test(f)).length).toBeGreaterThan(100);
  const periodRows = churn.display.filter((row) => /^[A-Z][a-z]{2} \d{4}$/.test(row[0]));
  expect(periodRows.length).toBeGreaterThan(30);

  // CHURN_TABLE of the same rows, typed in a cell of the customer table: now HyperFormula reads it.
  await page.locator('#tabs button', { hasText: 'subscribers' }).click();
  await page.locator('#tabs button.active', { hasText: 'subscribers' }).waitFor();
  await page.locator('#grid-wrap').evaluate((wrap) => { wrap.scrollTop = 0; });
  await type(page, 'G1', `=CHURN_TABLE(B2:B${ROWS + 1}, C2:C${ROWS + 1})`);
  await page.locator('#grid td[data-a1="G1"]', { hasText: 'Period start' }).waitFor();
  // The churn sheet groups thousands ("7,735"); the spilled table shows plain numbers.
  const plain = (texts: string[]) => texts.map((text) => text.replace(/,/g, ''));
  const table = (await rowsOf(page, 'subscribers', 1, periodRows.length)).display.map((row) => plain(row.slice(7, 13)));
  expect(table).toEqual(periodRows.map((row) => plain(row.slice(1, 7))));

  // A formula typed in a cell that reads the churn sheet sees its numbers (column C: new customers).
  const firstPeriod = churn.display.indexOf(periodRows[0]) + 1;
  const lastPeriod = churn.display.indexOf(periodRows[periodRows.length - 1]) + 1;
  await type(page, 'O1', `=SUM('Churn by month'!C${firstPeriod}:C${lastPeriod})`);
  const expected = periodRows.reduce((sum, row) => sum + Number(row[2].replace(/,/g, '')), 0);
  expect(expected).toBeGreaterThan(1000);
  await page.locator('#grid td[data-a1="O1"]', { hasText: /\d/ }).waitFor();
  expect(Number((await page.locator('#grid td[data-a1="O1"]').textContent())!.replace(/,/g, ''))).toBe(expected);
  // And one that reads the customer table.
  await type(page, 'O2', '=COUNTIFS(C2:C20001, "<>")');
  await page.locator('#grid td[data-a1="O2"]', { hasText: /\d/ }).waitFor();
  const ended = started.playground.host.apps.values('subscribers').slice(1).filter((row) => row[2] !== '').length;
  expect(Number(await page.locator('#grid td[data-a1="O2"]').textContent())).toBe(ended);
  await page.close();
}, 120_000);
