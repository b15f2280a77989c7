/** Spreadsheet helpers shared by the writers. */
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** "Churn by month", or "Churn by month (2)" when that name is taken: an existing sheet is never reused. */
export function uniqueSheetName(spreadsheet: Spreadsheet, base: string): string {
  let name = base;
  for (let n = 2; spreadsheet.getSheetByName(name); n++) name = `${base} (${n})`;
  return name;
}

/** The grid of a sheet just inserted (documented for insertSheet). */
export const NEW_SHEET_ROWS = 1000;
export const NEW_SHEET_COLUMNS = 26;

/**
 * Makes a sheet just inserted hold `rows` x `columns`: Sheets gives no range beyond its grid and
 * does not promise that writes grow it. Costs a call only when the block is larger than the grid.
 */
export function ensureGrid(sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: number, columns: number): void {
  if (rows > NEW_SHEET_ROWS) sheet.insertRowsAfter(NEW_SHEET_ROWS, rows - NEW_SHEET_ROWS);
  if (columns > NEW_SHEET_COLUMNS) sheet.insertColumnsAfter(NEW_SHEET_COLUMNS, columns - NEW_SHEET_COLUMNS);
}
