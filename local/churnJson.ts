/**
 * The churn table as `churn-sheet build --json` prints it, read from the sheet the build wrote,
 * the same way for the add-on's build and the DuckDB build.
 */
import { isoFromDay } from '../src/core/calendar';
import type { TimeZone } from '../src/core/timezone';

export interface ChurnJsonTable {
  header: string[];
  rows: unknown[][];
  segments: { segment: string; rows: unknown[][] }[];
}

/**
 * The built sheet's table: its header and the period rows, dates as ISO days, blank cells as null;
 * with segment blocks (--segments), the total's rows and then each segment's, under its title.
 */
export function churnTable(values: unknown[][], zone: TimeZone): ChurnJsonTable {
  const headerRow = values[0] ?? [];
  let width = 0;
  while (width < headerRow.length && headerRow[width] !== '') width++;
  const cell = (value: unknown) => (value instanceof Date ? isoFromDay(zone.dayOf(value.getTime())) : value === '' ? null : value);
  const rows: unknown[][] = [];
  const segments: { segment: string; rows: unknown[][] }[] = [];
  for (const row of values.slice(1)) {
    if (row[0] instanceof Date) (segments.length > 0 ? segments[segments.length - 1].rows : rows).push(row.slice(0, width).map(cell));
    else if (typeof row[0] === 'string' && row[0] !== '' && row.slice(1, width).every((value) => value === '')) segments.push({ segment: row[0], rows: [] });
  }
  return { header: headerRow.slice(0, width).map(String), rows, segments };
}
