/**
 * Where the customer table sits in a sheet's data range: the header is the first row with
 * anything in it, the data runs below it to the last row that is not wholly blank.
 */
export interface TableLocation {
  /** 0-based index in the grid of the header row; -1 when the grid is empty. */
  headerIndex: number;
  /** Number of data rows below the header, blank rows at the bottom not counted. */
  rowCount: number;
  headers: string[];
}

const blank = (cell: unknown) => cell === '' || cell === null || cell === undefined;

export function locateTable(grid: readonly (readonly unknown[])[]): TableLocation {
  const headerIndex = grid.findIndex((row) => row.some((cell) => !blank(cell)));
  if (headerIndex < 0) return { headerIndex: -1, rowCount: 0, headers: [] };
  let last = grid.length - 1;
  while (last > headerIndex && grid[last].every(blank)) last--;
  const headers = grid[headerIndex].map((cell) => (cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell ?? '').trim()));
  return { headerIndex, rowCount: last - headerIndex, headers };
}
