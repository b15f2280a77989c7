/**
 * The .xlsx churn-sheet writes: read back with exceljs and recomputed by an independent engine
 * (HyperFormula fed the workbook's formulas), its numbers are the add-on's own, cell by cell.
 * Dates land on the calendar day the spreadsheet showed, whatever the zone.
 */
import ExcelJS from 'exceljs';
import { HyperFormula } from 'hyperformula';
import { readWorkbook, sheetsForHyperFormula } from '../helpers/xlsx';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { serialOf } from '../helpers/dates';
import { SAMPLE, parseJson, runCli, sampleLines, tempDir, type ChurnJson } from './cliRun';

// A zone far from UTC and from the machine's (jest runs in Pacific/Honolulu): a day off shows.
const ENV = { TZ: 'Pacific/Auckland' };
describe('the .xlsx of the seed 004 sample', () => {
  const dir = tempDir();
  const live = path.join(dir, 'live.xlsx');
  const fixed = path.join(dir, 'values.xlsx');
  let engine: ChurnJson;
  let workbook: ExcelJS.Workbook;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    engine = parseJson(await runCli(['build', SAMPLE, '--values', '--profit', '30000', '--json', '-o', fixed], ENV));
    const result = await runCli(['build', SAMPLE, '--profit', '30000', '-o', live], ENV);
    expect(result).toMatchObject({ code: 0, stdout: '' });
    workbook = await readWorkbook(live);
  });

  test('holds the customer table and the churn sheet, with live formulas', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Customers', 'Churn by month']);
    const churn = workbook.getWorksheet('Churn by month')!;
    const b14 = churn.getCell('B14').value as ExcelJS.CellFormulaValue;
    expect(b14.formula).toMatch(/^COUNTIFS\('Customers'!\$B:\$B,"<"&\$A14\)/);
    expect(b14.result).toBe(500);
    expect(churn.getCell('N1').value).toBe(30000); // profit per customer, which the lost-profit formulas use
  });

  test('recomputed by HyperFormula, the formulas give the engine\'s numbers cell by cell', () => {
    const hf = HyperFormula.buildFromSheets(sheetsForHyperFormula(workbook), { licenseKey: 'gpl-v3', smartRounding: false });
    try {
      const sheetId = hf.getSheetId('Churn by month')!;
      expect(engine.rows).toHaveLength(14);
      engine.rows.forEach((row, r) => {
        row.forEach((want, c) => {
          const got = hf.getCellValue({ sheet: sheetId, row: r + 1, col: c });
          if (c === 0) expect([r, c, got]).toEqual([r, c, serialOf(want as string)]);
          else if (want === null) expect([r, c, got]).toEqual([r, c, '']);
          else expect([r, c, got]).toEqual([r, c, expect.closeTo(want as number, 12)]);
        });
      });
      expect(hf.getCellValue({ sheet: sheetId, row: 13, col: 1 })).toBe(500);
    } finally {
      hf.destroy();
    }
  });

  test('the cached results written with the formulas are the engine\'s numbers too', () => {
    const churn = workbook.getWorksheet('Churn by month')!;
    engine.rows.forEach((row, r) => {
      row.slice(1).forEach((want, i) => {
        const value = churn.getRow(r + 2).getCell(i + 2).value as ExcelJS.CellFormulaValue;
        // exceljs reads a cached 0 or "" back as no result.
        if (value.result === undefined) expect([r, i, want === 0 || want === null]).toEqual([r, i, true]);
        else expect([r, i, value.result]).toEqual([r, i, expect.closeTo(want as number, 12)]);
      });
    });
  });

  test('dates are the calendar days the spreadsheet showed (UTC midnight in the file)', () => {
    const customers = workbook.getWorksheet('Customers')!;
    const lines = sampleLines();
    for (const r of [2, 3, 17, 1001]) {
      const [, start, end] = lines[r - 1];
      expect((customers.getCell(`B${r}`).value as Date).toISOString()).toBe(`${start}T00:00:00.000Z`);
      if (end) expect((customers.getCell(`C${r}`).value as Date).toISOString()).toBe(`${end}T00:00:00.000Z`);
    }
    expect(customers.getCell('B2').numFmt).toBe('yyyy-mm-dd');
    const churn = workbook.getWorksheet('Churn by month')!;
    expect((churn.getCell('A14').value as Date).toISOString()).toBe('2024-01-01T00:00:00.000Z');
  });

  test('number formats, bold header and frozen header row', () => {
    const churn = workbook.getWorksheet('Churn by month')!;
    expect(['A2', 'B2', 'H2', 'I2', 'J2', 'K2'].map((a1) => churn.getCell(a1).numFmt)).toEqual(['mmm yyyy', '#,##0', '0.00%', '0.00%', '0.00%', '#,##0']);
    expect(churn.getCell('A1').font?.bold).toBe(true);
    expect(churn.getCell('K1').font?.bold).toBe(true);
    expect(churn.getCell('A2').font?.bold).toBeFalsy();
    expect(churn.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(workbook.getWorksheet('Customers')!.views ?? []).toEqual([]);
  });

  test('--values writes the same numbers with no formulas', async () => {
    const values = await readWorkbook(fixed);
    const churn = values.getWorksheet('Churn by month')!;
    engine.rows.forEach((row, r) => {
      row.slice(1).forEach((want, i) => {
        const value = churn.getRow(r + 2).getCell(i + 2).value;
        expect([r, i, value]).toEqual([r, i, want]);
      });
    });
  });
});
