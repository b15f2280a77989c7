/**
 * The in-memory spreadsheet written out as an .xlsx workbook with exceljs: every sheet, values,
 * formulas with their computed results, number formats, bold header cells and frozen header
 * rows. The wizard's formulas use only functions Excel and LibreOffice have, so they keep
 * computing there.
 *
 * Excel has no time zones: a date cell is a calendar day (and time). A Date from the fake is the
 * instant of a wall clock in the spreadsheet's zone, so it is written as that wall clock read as
 * UTC, which exceljs turns into the same serial day number Sheets shows.
 */
import ExcelJS from 'exceljs';
import { TimeZone } from '../src/core/timezone';
import type { FakeApps } from './appsScript/appsScript';

const ERROR_VALUES = new Set(['#DIV/0!', '#N/A', '#NAME?', '#NUM!', '#VALUE!', '#REF!', '#NULL!']);

function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** The spreadsheet's time zone, as the add-on sees it. */
function spreadsheetZone(apps: FakeApps): TimeZone {
  const app = apps.globals.SpreadsheetApp as { getActive(): { getSpreadsheetTimeZone(): string } };
  const name = app.getActive().getSpreadsheetTimeZone();
  return TimeZone.named(TimeZone.isValid(name) ? name : 'UTC');
}

export async function workbookToXlsx(apps: FakeApps): Promise<Buffer> {
  const zone = spreadsheetZone(apps);
  const wallClock = (date: Date) => new Date(date.getTime() + zone.offsetAt(date.getTime()));
  const plain = (value: unknown): ExcelJS.CellValue => {
    if (value instanceof Date) return wallClock(value);
    if (value === '' || value === null || value === undefined) return null;
    if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
    return String(value);
  };

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'churn-sheet';
  // The cached results come from HyperFormula; Excel and LibreOffice recompute them on opening.
  workbook.calcProperties.fullCalcOnLoad = true;
  for (const name of apps.sheetNames()) {
    const values = apps.values(name);
    const formulas = apps.formulas(name);
    const formats = apps.numberFormats(name);
    const frozen = apps.frozenRows(name);
    const sheet = workbook.addWorksheet(name, frozen > 0 ? { views: [{ state: 'frozen', ySplit: frozen }] } : {});
    for (let r = 0; r < values.length; r++) {
      const row = sheet.getRow(r + 1);
      for (let c = 0; c < values[r].length; c++) {
        const formula = formulas[r]?.[c] ?? '';
        const value = values[r][c];
        const format = formats[r]?.[c] ?? '';
        if (formula === '' && (value === '' || value === null || value === undefined)) continue;
        const cell = row.getCell(c + 1);
        if (formula !== '') {
          const result: ExcelJS.CellFormulaValue['result'] =
            typeof value === 'string' && ERROR_VALUES.has(value)
              ? { error: value as ExcelJS.CellErrorValue['error'] }
              : value === ''
                ? '' // a formula that shows nothing (IF(..., "")) keeps its empty text result
                : (plain(value) as ExcelJS.CellFormulaValue['result']);
          cell.value = { formula: formula.slice(1), result, date1904: false };
        } else {
          cell.value = plain(value);
        }
        if (format !== '') cell.numFmt = format;
        if (r === 0 && apps.cell(name, `${columnLetters(c + 1)}1`).fontWeight === 'bold') cell.font = { bold: true };
      }
      row.commit();
    }
  }
  const data = await workbook.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}
