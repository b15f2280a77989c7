/**
 * A1 notation for the Apps Script fake: column letters, range bounds and the parsing of
 * 'Sheet'!B2:D10, A:C, 2:5 and open-ended B2:D the way Sheets reads them.
 */

/** A rectangle of cells, 1-based like the Apps Script API. */
export interface Bounds {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

/** Sheets' hard column limit (ZZZ); also used to build numeric cell keys. */
export const MAX_COLUMNS = 18_278;

export function columnLetters(col: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

export function columnNumber(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col;
}

/** 'A1' for a single cell, 'A1:C3' otherwise (Range.getA1Notation). */
export function a1Of(bounds: Bounds): string {
  const start = `${columnLetters(bounds.col)}${bounds.row}`;
  if (bounds.numRows === 1 && bounds.numCols === 1) return start;
  return `${start}:${columnLetters(bounds.col + bounds.numCols - 1)}${bounds.row + bounds.numRows - 1}`;
}

/** A sheet name as it must appear before '!' in A1 notation: quoted unless it is a plain word. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export interface ParsedA1 {
  sheetName?: string;
  /** Bounds of the range; open sides are filled from the sizes passed to parseA1. */
  bounds: Bounds;
}

const PART = /^\$?([A-Za-z]{0,3})\$?(\d*)$/;

/**
 * Parses A1 notation. Open sides (A:C, 2:5, B2:D) extend to the sheet's current grid size, which
 * the caller passes in once it knows which sheet the text names (hence the callback).
 * Returns undefined for text that is not a range.
 */
export function parseA1(text: string, gridSize: (sheetName: string | undefined) => { rows: number; cols: number }): ParsedA1 | undefined {
  let rest = text.trim();
  let sheetName: string | undefined;
  const quoted = /^'((?:[^']|'')+)'!/.exec(rest);
  const plain = quoted ? null : /^([^'!:]+)!/.exec(rest);
  if (quoted) sheetName = quoted[1].replace(/''/g, "'");
  else if (plain) sheetName = plain[1];
  if (quoted || plain) rest = rest.slice((quoted ?? plain)![0].length);

  const pieces = rest.split(':');
  if (pieces.length > 2) return undefined;
  const start = PART.exec(pieces[0]);
  const end = pieces.length === 2 ? PART.exec(pieces[1]) : start;
  if (!start || !end) return undefined;
  const [, startLetters, startDigits] = start;
  const [, endLetters, endDigits] = end;
  if (pieces.length === 1 && (!startLetters || !startDigits)) return undefined;
  if (!startLetters && !startDigits) return undefined;
  if (!endLetters && !endDigits) return undefined;
  // Row ranges (2:5) have no letters on either side; column ranges (A:C) no digits on either side.
  if (!startLetters !== !endLetters && !(startLetters && startDigits)) return undefined;

  const size = gridSize(sheetName);
  const col1 = startLetters ? columnNumber(startLetters) : 1;
  const row1 = startDigits ? Number(startDigits) : 1;
  const col2 = endLetters ? columnNumber(endLetters) : size.cols;
  const row2 = endDigits ? Number(endDigits) : size.rows;
  if (row1 < 1 || row2 < 1 || col1 < 1 || col2 < 1 || col1 > MAX_COLUMNS || col2 > MAX_COLUMNS) return undefined;
  // Sheets accepts corners in any order (B2:A1 is A1:B2).
  const row = Math.min(row1, row2);
  const col = Math.min(col1, col2);
  return {
    sheetName,
    bounds: { row, col, numRows: Math.max(row1, row2) - row + 1, numCols: Math.max(col1, col2) - col + 1 },
  };
}
