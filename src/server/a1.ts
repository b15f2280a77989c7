/** A1 notation helpers for the formulas the add-on writes. */

/** 1 -> A, 27 -> AA. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A sheet name as formulas must write it: always quoted, quotes doubled ('O''Brien''s list'). */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
