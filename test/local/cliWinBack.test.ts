/** churn-sheet build --win-back: the wizard's "Lost customers" sheet in the written workbook. */
import ExcelJS from 'exceljs';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { seed004Rows } from '../fixtures/seed004';
import { SAMPLE, runCli, tempDir } from './cliRun';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('--win-back adds the Lost customers sheet: every customer who left, then the win-back table', async () => {
  const output = path.join(dir, 'win-back.xlsx');
  const result = await runCli(['build', SAMPLE, '-o', output, '--win-back']);
  expect(result.code).toBe(0);
  expect(result.stderr).toContain('The customers who left, and the win-back table, are on the sheet "Lost customers".');

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(output);
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Customers', 'Churn by month', 'Lost customers']);
  const sheet = workbook.getWorksheet('Lost customers')!;
  const text = (row: number, col: number) => String(sheet.getRow(row).getCell(col).value ?? '');
  expect(text(3, 1)).toBe('Customer ID');
  const leftCount = seed004Rows().filter((row) => row.end).length;
  const ids: string[] = [];
  for (let r = 4; text(r, 1) !== ''; r++) ids.push(text(r, 1));
  expect(ids).toHaveLength(leftCount);
  expect(new Set(ids)).toEqual(new Set(seed004Rows().filter((row) => row.end).map((row) => row.id)));
  // Latest to leave first: the five new customers of February who left on the 29th come first.
  expect(ids.slice(0, 5).sort()).toEqual(seed004Rows().filter((row) => row.end === '2024-02-29').map((row) => row.id).sort());
  // No customer ever comes back in the example: every share of the win-back table is 0 or blank.
  const title = ids.length + 5;
  expect(text(title, 1)).toMatch(/^Win-back: /);
  expect(text(title + 1, 2)).toBe('Customers lost');
  const shares: unknown[] = [];
  sheet.eachRow((row, r) => {
    if (r > title + 1) row.eachCell((cell, c) => c > 2 && shares.push(cell.value));
  });
  expect(shares.length).toBeGreaterThan(0);
  expect(shares.every((value) => value === 0 || value === '' || value === null)).toBe(true);
});

test('without --win-back there is no such sheet', async () => {
  const output = path.join(dir, 'plain.xlsx');
  expect((await runCli(['build', SAMPLE, '-o', output, '--values'])).code).toBe(0);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(output);
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Customers', 'Churn by month']);
});
