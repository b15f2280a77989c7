import type ExcelJS from 'exceljs';
import { HyperFormula } from 'hyperformula';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { catalogue, translate } from '../../src/i18n';
import { SEED_004_MONTHS } from '../fixtures/seed004';
import { screenshot } from '../helpers/browser';
import { HOSTILE_HEADER, formulaCells, hostileCsv } from '../helpers/hostileTable';
import { readWorkbook, sheetsForHyperFormula } from '../helpers/xlsx';
import { playgroundInChromium } from '../helpers/playground';

const started = playgroundInChromium();

test('the playground: wizard on the seed sample, numbers in the grid, a custom function typed in a cell, xlsx download', async () => {
  const page = await started.browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  await page.goto(started.playground.url);
  await page.waitForSelector('#grid td');
  expect(await page.locator('#tabs button').allTextContents()).toEqual(['Customers', 'Larger sample']);

  // The real sidebar, in its frame, with google.script.run served by dist/Code.js.
  const sidebar = page.frameLocator('#sidebar');
  await sidebar.locator('#table-info').filter({ hasText: '1000' }).waitFor();
  await sidebar.locator('#profit').fill('30000');
  await sidebar.locator('#build').click();
  await sidebar.locator('#summary:not([hidden])').waitFor();
  await page.locator('#tabs button.active', { hasText: 'Churn by month' }).waitFor();

  // The seed numbers, read from the grid as shown.
  const rowText = async (label: string) =>
    page.locator('#grid tr', { has: page.locator('td', { hasText: label }) }).first().locator('td').allTextContents();
  for (const [label, month] of [['Jan 2024', SEED_004_MONTHS[0]], ['Feb 2024', SEED_004_MONTHS[1]]] as const) {
    const cells = await rowText(label);
    expect(cells.slice(0, 7)).toEqual([label, String(month.S), String(month.N), '0', String(month.L), String(month.Ln), String(month.E)]);
  }
  expect((await rowText('Jan 2024'))[7]).toBe('3.00%');
  expect((await rowText('Jan 2024'))[8]).toBe('3.80%');
  expect((await rowText('Feb 2024'))[8]).toBe('3.67%');
  expect(await page.locator('#charts svg polyline').count()).toBe(2);

  // A custom function typed into a cell.
  await page.locator('#grid td[data-a1="B20"]').click();
  await page.fill('#formula', '=ADJUSTED_CHURN(500,15,200,4)');
  await page.press('#formula', 'Enter');
  await page.locator('#grid td[data-a1="B20"]', { hasText: '3.8%' }).waitFor();
  await screenshot(page, 'playground.png');

  // Download: the workbook with its live formulas.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download button')]);
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'churn-')), 'churn.xlsx');
  await download.saveAs(file);
  const workbook = await readWorkbook(file);
  expect((workbook.getWorksheet('Churn by month')!.getCell('B2').value as ExcelJS.CellFormulaValue).formula).toMatch(/^COUNTIFS\(/);
  // Recomputed from its formulas by another engine, the downloaded workbook gives the seed numbers.
  const hf = HyperFormula.buildFromSheets(sheetsForHyperFormula(workbook), { licenseKey: 'gpl-v3' });
  const computed = hf.getSheetValues(hf.getSheetId('Churn by month')!);
  for (const [r, month] of [[13, SEED_004_MONTHS[0]], [14, SEED_004_MONTHS[1]]] as const) {
    expect(computed[r].slice(1, 7)).toEqual([month.S, month.N, 0, month.L, month.Ln, month.E]);
    expect(computed[r][8]).toBeCloseTo((month.L + month.Ln) / month.S, 9);
  }
  hf.destroy();
  await page.close();
});

test('loading a CSV adds a sheet, and its row problems show in the wizard', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'churn-'));
  const csv = path.join(dir, 'my customers.csv');
  writeFileSync(csv, 'Customer ID;Start date;End date\nA;05.01.2024;\nB;soon;\nC;09.01.2024;01.02.2024\n');
  const page = await started.browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(started.playground.url);
  await page.waitForSelector('#grid td');
  await page.setInputFiles('#file', csv);
  await page.locator('#tabs button.active', { hasText: 'my customers' }).waitFor();
  const sidebar = page.frameLocator('#sidebar');
  await sidebar.locator('#table-info').filter({ hasText: ': 3.' }).waitFor();
  expect(await sidebar.locator('#problems li').allTextContents()).toEqual(['Row 3: the start date "soon" is not a date.']);
  await page.close();
});

test('a browser in Norwegian: the page and the sidebar speak Norwegian', async () => {
  const nb = catalogue('nb');
  const page = await started.browser.newPage({ locale: 'nb-NO', viewport: { width: 1400, height: 900 } });
  await page.goto(started.playground.url);
  await page.waitForSelector('#grid td');
  await page.locator('#menu-build', { hasText: nb['play.build'] }).waitFor();
  expect(await page.locator('#menu-build').textContent()).toBe(nb['play.build']);
  expect(await page.locator('#menu-template').textContent()).toBe(nb['play.template']);
  expect(await page.locator('#download button').textContent()).toBe(nb['play.download']);
  expect(await page.getAttribute('#formula', 'placeholder')).toBe(nb['play.formula']);
  expect(await page.title()).toBe(nb['play.title']);
  const sidebar = page.frameLocator('#sidebar');
  await sidebar.locator('#build', { hasText: nb['ui.build'] }).waitFor();
  expect(await sidebar.locator('#build').textContent()).toBe(nb['ui.build']);

  // The sheet the wizard builds speaks the same language as the sidebar.
  await sidebar.locator('#sheet option[value="Customers"]').waitFor({ state: 'attached' });
  await sidebar.locator('#sheet').selectOption('Customers');
  await sidebar.locator('#table-info').filter({ hasText: '1000' }).waitFor();
  await sidebar.locator('#build').click();
  await sidebar.locator('#summary:not([hidden])').waitFor();
  await page.locator('#tabs button.active', { hasText: nb['sheet.name.month'] }).waitFor();
  expect(await page.locator('#grid td[data-a1="H1"]').textContent()).toBe(nb['table.churnRate']);

  // A file the playground cannot read is refused in Norwegian, and nothing is added.
  const tabs = await page.locator('#tabs button').count();
  const notes = path.join(mkdtempSync(path.join(os.tmpdir(), 'churn-')), 'notes.txt');
  writeFileSync(notes, 'not a table');
  await page.setInputFiles('#file', notes);
  await page.locator('#message', { hasText: 'notes.txt' }).waitFor();
  expect(await page.locator('#message').textContent()).toBe(translate('nb', 'file.type', { file: 'notes.txt' }));
  expect(await page.locator('#tabs button').count()).toBe(tabs);
  await page.close();
});

test('a file named \'x\'.csv full of formula text loads as text, and "Download .xlsx" still works', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'churn-'));
  const csv = path.join(dir, "'x'.csv");
  writeFileSync(csv, hostileCsv(true));
  const page = await started.browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  await page.goto(started.playground.url);
  await page.waitForSelector('#grid td');
  await page.setInputFiles('#file', csv);
  await page.locator('#tabs button.active', { hasText: /^x$/ }).waitFor();
  expect(await page.locator('#grid td[data-a1="A1"]').textContent()).toBe(HOSTILE_HEADER);
  expect(await page.locator('#grid td[data-a1="A2"]').textContent()).toBe('=1+1 #5');
  expect(started.playground.host.apps.formulas('x').flat().filter((f) => f !== '')).toEqual([]);

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download button')]);
  const file = path.join(dir, 'churn.xlsx');
  await download.saveAs(file);
  const workbook = await readWorkbook(file);
  expect(workbook.getWorksheet('x')!.getCell('A1').value).toBe(HOSTILE_HEADER);
  const formulas = formulaCells(workbook);
  expect(formulas.filter((cell) => cell.sheet === 'x' || /evil|HYPERLINK|IMPORTXML|WEBSERVICE/i.test(cell.formula))).toEqual([]);
  await page.close();
});
