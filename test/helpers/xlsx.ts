/** Reading an .xlsx back for tests: exceljs, then HyperFormula input to recompute it independently. */
import ExcelJS from 'exceljs';
import type { RawCellContent } from 'hyperformula';

const MS_PER_DAY = 86_400_000;
const serialOfDate = (date: Date) => date.getTime() / MS_PER_DAY + 25_569;

export async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** Every sheet as HyperFormula input: formulas as '=...', dates as serial numbers. */
export function sheetsForHyperFormula(workbook: ExcelJS.Workbook): Record<string, RawCellContent[][]> {
  const sheets: Record<string, RawCellContent[][]> = {};
  for (const sheet of workbook.worksheets) {
    const rows: RawCellContent[][] = [];
    // exceljs works columnCount out from every row each time it is read: read it once.
    const rowCount = sheet.rowCount;
    const columnCount = sheet.columnCount;
    for (let r = 1; r <= rowCount; r++) {
      const cells: RawCellContent[] = [];
      const row = sheet.getRow(r);
      for (let c = 1; c <= columnCount; c++) {
        const value = row.getCell(c).value;
        if (value instanceof Date) cells.push(serialOfDate(value));
        else if (value && typeof value === 'object' && 'formula' in value) cells.push(`=${value.formula}`);
        else if (value === null || value === undefined) cells.push(null);
        else if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') cells.push(value);
        else throw new Error(`unexpected cell ${sheet.name}!R${r}C${c}: ${JSON.stringify(value)}`);
      }
      rows.push(cells);
    }
    sheets[sheet.name] = rows;
  }
  return sheets;
}

