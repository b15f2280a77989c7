/**
 * Sheets allows sheet names Excel refuses (up to 100 characters): the .xlsx shortens those,
 * keeps them unique, and points every formula, chart and named range at the new names, so a
 * workbook with the Greek weekly sheet built twice opens in Excel with every reference intact.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { createHost } from '../../local/host';
import { largerSample } from '../../local/samples';
import { MAX_SHEET_NAME_LENGTH, renameSheetReferences, sheetNameProblem, xlsxSheetNames } from '../../local/sheetName';
import { workbookToXlsx } from '../../local/xlsx';
import { ROOT } from './cliRun';

describe('xlsxSheetNames', () => {
  test('names Excel accepts stay; longer ones are cut, keeping their number, and stay unique', () => {
    const week = 'Απώλεια πελατών ανά εβδομάδα';
    const names = ['Customers', week, `${week} (2)`, `${week} (3)`, `${'x'.repeat(40)}`, `${'x'.repeat(41)}`, 'a/b', 'History'];
    const xlsx = xlsxSheetNames(names);
    expect(xlsx.get('Customers')).toBe('Customers');
    expect(xlsx.get(week)).toBe(week);
    expect(xlsx.get(`${week} (2)`)).toBe('Απώλεια πελατών ανά εβδομάδ (2)');
    expect(xlsx.get(`${week} (3)`)).toBe('Απώλεια πελατών ανά εβδομάδ (3)');
    const given = names.map((name) => xlsx.get(name)!);
    for (const name of given) expect(sheetNameProblem(name)).toBeNull();
    expect(new Set(given.map((name) => name.toLowerCase())).size).toBe(names.length);
    expect(given[4]).toBe('x'.repeat(MAX_SHEET_NAME_LENGTH));
    expect(given[5]).toBe(`${'x'.repeat(MAX_SHEET_NAME_LENGTH - 4)} (2)`);
    expect(xlsx.get('a/b')).toBe('a b');
  });

  test('a cut name never takes the name of a sheet that keeps its own', () => {
    const kept = 'Απώλεια πελατών ανά εβδομάδ (2)';
    const xlsx = xlsxSheetNames([`Απώλεια πελατών ανά εβδομάδα (2)`, kept.toUpperCase()]);
    expect(xlsx.get(kept.toUpperCase())).toBe(kept.toUpperCase());
    expect(xlsx.get('Απώλεια πελατών ανά εβδομάδα (2)')).toBe('Απώλεια πελατών ανά εβδομάδ (3)');
  });
});

describe('renameSheetReferences', () => {
  const renamed = new Map([
    ['long sheet name (2)', 'Long (2)'],
    ["o'neil", 'ONeil'],
    ['data', 'Facts'],
  ]);
  test.each([
    ["'Long sheet name (2)'!A1+1", "'Long (2)'!A1+1"],
    ["SUM('long SHEET name (2)'!$B:$B)", "SUM('Long (2)'!$B:$B)"],
    ["'O''Neil'!C3", 'ONeil!C3'],
    ['Data!A1+MyData!A1+Data.x!A1', 'Facts!A1+MyData!A1+Data.x!A1'],
    ['"\'Long sheet name (2)\'!A1"&Data!B2', '"\'Long sheet name (2)\'!A1"&Facts!B2'],
    ['"a""b Data!"&1', '"a""b Data!"&1'],
    ["'Other'!A1", "'Other'!A1"],
    ['A1+1', 'A1+1'],
  ])('%s -> %s', (formula, expected) => {
    expect(renameSheetReferences(formula, renamed)).toBe(expected);
  });
});

describe('the playground workbook with the Greek weekly sheets built three times', () => {
  let zip: JSZip;
  let workbook: ExcelJS.Workbook;
  const week = 'Απώλεια πελατών ανά εβδομάδα';

  beforeAll(async () => {
    const host = createHost({ root: ROOT, sheets: { Customers: largerSample('Europe/Riga') }, activeSheet: 'Customers', timeZone: 'Europe/Riga', locale: 'el_GR', userLocale: 'el' });
    const inspection = host.addOn.wizardInspect('Customers', null) as { headerRow: number; firstColumn: number; mapping: unknown };
    const request = { sheetName: 'Customers', headerRow: inspection.headerRow, firstColumn: inspection.firstColumn, mapping: inspection.mapping };
    for (let build = 0; build < 3; build++) {
      host.addOn.wizardBuild({ ...request, period: 'week', firstPeriod: '', lastPeriod: '', profitPerCustomer: null, output: 'values', chart: true, cohorts: true, winBack: true });
    }
    expect(host.apps.sheetNames()).toEqual(expect.arrayContaining([week, `${week} (2)`, `${week} (3)`]));
    // A formula typed by the user that reads the third sheet by its Sheets name.
    const sheets = (host.apps.globals as { SpreadsheetApp: { getActive(): { getSheetByName(name: string): { getRange(a1: string): { setFormula(f: string): void } } } } }).SpreadsheetApp;
    sheets.getActive().getSheetByName('Customers').getRange('Z1').setFormula(`='${week} (3)'!B3+0`);
    const data = await workbookToXlsx(host.apps);
    zip = await JSZip.loadAsync(data);
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
  });

  test('every name is one Excel accepts, and no two are the same', () => {
    const names = workbook.worksheets.map((sheet) => sheet.name);
    expect(names).toHaveLength(10);
    for (const name of names) expect(sheetNameProblem(name)).toBeNull();
    expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining([week, 'Απώλεια πελατών ανά εβδομάδ (2)', 'Απώλεια πελατών ανά εβδομάδ (3)']));
  });

  test('formulas and charts name only sheets the workbook has, the user\'s formula included', async () => {
    const names = new Set(workbook.worksheets.map((sheet) => sheet.name));
    const referenced = (formula: string) => [...formula.matchAll(/'((?:[^']|'')+)'!/g)].map((m) => m[1].replace(/''/g, "'"));
    const z1 = workbook.getWorksheet('Customers')!.getCell('Z1').value as ExcelJS.CellFormulaValue;
    expect(z1.formula).toBe("'Απώλεια πελατών ανά εβδομάδ (3)'!B3+0");
    const charts = Object.keys(zip.files).filter((file) => /^xl\/charts\/chart\d+\.xml$/.test(file));
    expect(charts.length).toBe(3);
    const chartSheets = new Set<string>();
    for (const file of charts) {
      const xml = await zip.file(file)!.async('string');
      for (const [, f] of xml.matchAll(/<c:f>([^<]*)<\/c:f>/g)) for (const sheet of referenced(f.replace(/&apos;/g, "'").replace(/&amp;/g, '&'))) chartSheets.add(sheet);
    }
    expect([...chartSheets].sort()).toEqual([week, 'Απώλεια πελατών ανά εβδομάδ (2)', 'Απώλεια πελατών ανά εβδομάδ (3)'].sort());
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          const value = cell.value as ExcelJS.CellFormulaValue | null;
          if (value && typeof value === 'object' && 'formula' in value) for (const name of referenced(value.formula)) expect(names.has(name)).toBe(true);
        }),
      ),
    );
  });
});
