/**
 * Where the customer table sits in a sheet's data range, around the user's selection as
 * Ctrl+A would find it: upwards to the first blank row (the header is the table's top row),
 * sideways along the header's filled cells, and downwards to the last row with anything in the
 * table's columns, blank rows inside the table included so no customer is left out.
 * Without a selection in a table, the first row with two or more filled cells is the header,
 * so a one-cell title above the table is not taken for it; a selection on such a title (where a
 * sheet often opens, A1) finds the table below it.
 */
import { isoFromDay } from './calendar';
import type { TimeZone } from './timezone';

export interface TableLocation {
  /** 0-based index in the grid of the header row; -1 when there is no table. */
  headerIndex: number;
  /** 0-based grid column of the table's first column. */
  firstColumn: number;
  /** Data rows below the header, down to the last one with anything in the table's columns. */
  rowCount: number;
  headers: string[];
}

export interface GridCell {
  row: number;
  col: number;
}

type Grid = readonly (readonly unknown[])[];

/** A Date cell as its day: Sheets hands over the instant of the cell's wall clock in the spreadsheet's zone. */
function headerDay(date: Date, timeZone: TimeZone | undefined): string {
  const ms = date.getTime();
  if (Number.isNaN(ms)) return String(date);
  return timeZone ? isoFromDay(timeZone.dayOf(ms)) : date.toISOString().slice(0, 10);
}

const NONE: TableLocation = { headerIndex: -1, firstColumn: 0, rowCount: 0, headers: [] };
const filled = (grid: Grid, r: number, c: number) => {
  const cell = grid[r]?.[c];
  return !(cell === '' || cell === null || cell === undefined);
};

function defaultAnchor(grid: Grid): GridCell | undefined {
  let firstFilled: GridCell | undefined;
  for (let r = 0; r < grid.length; r++) {
    const columns = grid[r].map((_, c) => c).filter((c) => filled(grid, r, c));
    if (columns.length >= 2) return { row: r, col: columns[0] };
    if (columns.length === 1 && !firstFilled) firstFilled = { row: r, col: columns[0] };
  }
  return firstFilled;
}

/**
 * The table around `selection` (0-based), or the first table. Dates in the header are shown as
 * their calendar day in `timeZone`, the spreadsheet's (UTC without one).
 */
export function locateTable(grid: Grid, selection?: GridCell, timeZone?: TimeZone): TableLocation {
  const anchor = selection && filled(grid, selection.row, selection.col) ? selection : defaultAnchor(grid);
  if (!anchor) return NONE;
  const found = locateAround(grid, anchor, timeZone);
  const below = tableBelowTitle(grid, found);
  return below ? locateAround(grid, below, timeZone) : found;
}

/**
 * A one-cell "table" followed by a blank row, then a row of two or more filled cells, is a title
 * above that row's table: the start of that table, or undefined when `found` is a table itself
 * (a one-column table has its data right under its header).
 */
function tableBelowTitle(grid: Grid, found: TableLocation): GridCell | undefined {
  if (found.headers.length !== 1) return undefined;
  for (let r = found.headerIndex + 1; r < grid.length; r++) {
    const columns = (grid[r] ?? []).map((_, c) => c).filter((c) => filled(grid, r, c));
    const gap = r > found.headerIndex + 1;
    if (columns.length >= 2 && gap) return { row: r, col: columns[0] };
    if (columns.length > 0 && (!gap || columns.includes(found.firstColumn))) return undefined;
  }
  return undefined;
}

function locateAround(grid: Grid, anchor: GridCell, timeZone: TimeZone | undefined): TableLocation {
  const width = grid.reduce((widest, row) => Math.max(widest, row.length), 0);

  // The filled run around the anchor in its own row bounds the columns looked at going up.
  let left = anchor.col;
  let right = anchor.col;
  while (left > 0 && filled(grid, anchor.row, left - 1)) left--;
  while (right < width - 1 && filled(grid, anchor.row, right + 1)) right++;
  let header = anchor.row;
  const anyFilled = (r: number, from: number, to: number) => {
    for (let c = from; c <= to; c++) if (filled(grid, r, c)) return true;
    return false;
  };
  while (header > 0 && anyFilled(header - 1, left, right)) header--;

  // The table's columns: the header's filled run that holds the anchor column (or starts the run).
  let firstColumn = anchor.col;
  if (!filled(grid, header, firstColumn)) firstColumn = left;
  while (!filled(grid, header, firstColumn) && firstColumn < right) firstColumn++;
  while (firstColumn > 0 && filled(grid, header, firstColumn - 1)) firstColumn--;
  let lastColumn = firstColumn;
  while (lastColumn < width - 1 && filled(grid, header, lastColumn + 1)) lastColumn++;

  let last = grid.length - 1;
  while (last > header && !anyFilled(last, firstColumn, lastColumn)) last--;
  const headers = [];
  for (let c = firstColumn; c <= lastColumn; c++) {
    const cell = grid[header][c];
    headers.push(cell instanceof Date ? headerDay(cell, timeZone) : String(cell ?? '').trim());
  }
  return { headerIndex: header, firstColumn, rowCount: last - header, headers };
}
