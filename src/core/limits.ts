/**
 * What a spreadsheet can hold, and the bounds the add-on keeps to so that no result it returns
 * is refused by Sheets: a result over the cell limit, or one holding a cell over the character
 * limit, is rejected whole, so a problem row quoting a long value would break the table.
 */

/** A spreadsheet holds at most ten million cells, so no table may be larger. */
export const SPREADSHEET_CELLS = 10_000_000;

/** A cell holds at most 50,000 characters. */
export const CELL_CHARACTERS = 50_000;

/** How much of a value a message quotes before cutting it short. */
export const QUOTED_CHARACTERS = 100;

/**
 * The largest amount (MRR of one row) that is read as revenue. Far beyond any real revenue,
 * yet small enough that sums over millions of rows stay finite; a larger amount is a typing
 * or formula mistake.
 */
export const MAX_AMOUNT = 1e15;

/** A value as a message quotes it: whole when short, else its first characters and "…". */
export function quoted(text: string): string {
  if (text.length <= QUOTED_CHARACTERS) return text;
  // Never cut between the two halves of a character outside the Basic Multilingual Plane.
  const high = text.charCodeAt(QUOTED_CHARACTERS - 1);
  const end = high >= 0xd800 && high <= 0xdbff ? QUOTED_CHARACTERS - 1 : QUOTED_CHARACTERS;
  return `${text.slice(0, end)}…`;
}
