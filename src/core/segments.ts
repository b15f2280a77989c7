/**
 * Splitting a customer table by a segment column (plan, country, channel), so that every table
 * the add-on makes can show one block per segment beside the total.
 *
 * Segment names are compared the way the spreadsheet's COUNTIFS compares text, ignoring case
 * and the spaces around them, so that a live-formula block and the engine's numbers agree:
 * "Pro", "pro " and "PRO" are one segment, shown with the spelling met first. Rows with a blank
 * segment form a segment of their own (`blank: true`), listed last.
 *
 * A segment is a subset of rows, and each subset is counted on its own: with ids, a customer
 * who moves from one plan to another leaves the first segment (churned there) and joins the
 * second (new there), while the total, counted on all rows, sees one customer who stayed.
 * Every block covers the periods of the whole table, so blocks line up row by row.
 */
import type { CustomerTable } from './table';

export interface SegmentPart {
  /** The segment's name as first written in the table ('' for the blank segment). */
  name: string;
  blank: boolean;
  /** The rows of this segment, with the whole table's span and no problems of their own. */
  table: CustomerTable;
}

/** How two segment names are matched: the same after trimming and ignoring case. */
export function segmentKey(name: string): string {
  return name.trim().toLocaleLowerCase('und');
}

/**
 * segmentKey of each name, computed once per distinct name: a locale-aware lower case costs
 * microseconds, and a column of 100,000 rows usually holds a handful of names.
 */
function keyOf(): (name: string) => string {
  const known = new Map<string, string>();
  return (name) => {
    let key = known.get(name);
    if (key === undefined) {
      key = segmentKey(name);
      known.set(name, key);
    }
    return key;
  };
}

/** How many blocks splitBySegment makes (the blank segment included), without building them. */
export function countSegments(segments: readonly string[]): number {
  const key = keyOf();
  const keys = new Set<string>();
  for (const name of segments) keys.add(key(name));
  return keys.size;
}

/**
 * How segment blocks are ordered: by Intl's collation (accents and numbers as a reader expects),
 * or, in a runtime without Intl (Apps Script does not document it), by code point.
 */
function nameOrder(): (a: string, b: string) => number {
  try {
    return new Intl.Collator('und', { sensitivity: 'base', numeric: true }).compare;
  } catch {
    return () => 0;
  }
}

/** The order of segment blocks by their keys (segmentKey): names as nameOrder reads them, ties by code point, the blank segment ('') last. */
export function segmentKeyOrder(): (a: string, b: string) => number {
  const compare = nameOrder();
  return (a, b) => (a === b ? 0 : a === '' ? 1 : b === '' ? -1 : compare(a, b) || (a < b ? -1 : 1));
}

/**
 * The table's rows grouped by segment, in the order of their names (case-insensitive), the
 * blank segment last. O(rows): one pass to group, one to copy each row into its part.
 */
export function splitBySegment(table: CustomerTable & { segments: string[] }): SegmentPart[] {
  const { startDays, endDays, ids, amounts, segments } = table;
  const groups = new Map<string, { name: string; rows: number[] }>();
  const keyOfName = keyOf();
  for (let i = 0; i < startDays.length; i++) {
    const name = segments[i].trim();
    const key = keyOfName(name);
    const group = groups.get(key);
    if (group) group.rows.push(i);
    else groups.set(key, { name, rows: [i] });
  }

  const order = segmentKeyOrder();
  const ordered = [...groups.entries()].sort(([a], [b]) => order(a, b));
  return ordered.map(([key, { name, rows }]) => {
    const part: CustomerTable = {
      startDays: Int32Array.from(rows, (i) => startDays[i]),
      endDays: Int32Array.from(rows, (i) => endDays[i]),
      ids: ids ? rows.map((i) => ids[i]) : undefined,
      span: table.span,
      problems: [],
      problemCount: 0,
      blankRows: 0,
      dateOrders: [],
    };
    if (amounts) part.amounts = Float64Array.from(rows, (i) => amounts[i]);
    return { name, blank: key === '', table: part };
  });
}
