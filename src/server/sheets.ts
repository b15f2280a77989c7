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

/** A rectangle of cells to write from A1 of a new sheet: what goes in them and how they look. */
export interface CellBlock {
  values: unknown[][];
  formats: string[][];
  weights: ('bold' | 'normal')[][];
  /** Header notes and blanks; left out, no note is written. */
  notes?: string[][];
}

/**
 * Writes a block into a sheet just inserted, one call per property: the grid first (a range past
 * it does not exist), then formats before values, so plain-text ('@') cells keep their text as
 * written and dates land as dates.
 */
export function writeBlock(sheet: GoogleAppsScript.Spreadsheet.Sheet, block: CellBlock): void {
  const rows = block.values.length;
  const columns = rows > 0 ? block.values[0].length : 0;
  if (rows === 0 || columns === 0) return;
  ensureGrid(sheet, rows, columns);
  const range = sheet.getRange(1, 1, rows, columns);
  range.setNumberFormats(block.formats);
  range.setValues(block.values);
  range.setFontWeights(block.weights);
  if (block.notes) range.setNotes(block.notes);
}
