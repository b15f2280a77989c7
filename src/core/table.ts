/**
 * Reading a customer table: columns of cells in, subscriptions out. One row per subscription;
 * a row that cannot be used is left out and reported with its row number and the reason.
 * Wholly blank rows (an open-ended range such as B2:B reaches past the data) are skipped
 * silently. Nothing here writes anywhere: the source stays as it is.
 */
import { isDayInRange, isoFromDay } from './calendar';
import { DateReader, dayMonthEvidence, resolveDateOrder, type DateOrder, type DateReading } from './dates';
import type { TimeZone } from './timezone';
import type { Message } from '../i18n';

/** End day of a subscription that has not ended. */
export const NO_END = 0x7fffffff;

/** How many row problems are kept in detail; the rest are only counted. */
export const PROBLEM_DETAIL_LIMIT = 100;

export interface CustomerColumns {
  start: ArrayLike<unknown>;
  end?: ArrayLike<unknown>;
  ids?: ArrayLike<unknown>;
}

export interface ReadOptions {
  timeZone: TimeZone;
  /** The spreadsheet locale's order for texts like 01.02.2024 when the column does not decide it. */
  localeOrder: DateOrder;
  /** Row number shown for the first cell (2 when the table's header is in row 1). */
  firstRowNumber?: number;
}

export interface RowProblem extends Message {
  row: number;
}

export interface DateOrderReport {
  column: 'start' | 'end';
  order: DateOrder;
  /** True when every text could be read either way and the locale decided. */
  fromLocale: boolean;
  /** How many texts could have been read both ways. */
  ambiguousTexts: number;
}

export interface CustomerTable {
  /** Day numbers of the usable rows' starts, in row order. */
  startDays: Int32Array;
  /** Day numbers of their ends; NO_END where the customer is still active. */
  endDays: Int32Array;
  /** Customer ids of the usable rows ('' where blank), when an id column was given. */
  ids?: string[];
  /** Row numbers of the usable rows, as the user sees them. */
  rowNumbers: Int32Array;
  problems: RowProblem[];
  problemCount: number;
  blankRows: number;
  dateOrders: DateOrderReport[];
}

function cellText(value: unknown): string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString().slice(0, 10);
  return String(value);
}

function isBlank(value: unknown): boolean {
  return value === '' || value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

function readerFor(column: 'start' | 'end', values: ArrayLike<unknown>, options: ReadOptions, reports: DateOrderReport[]): DateReader {
  const evidence = dayMonthEvidence(values);
  const { order, fromLocale } = resolveDateOrder(evidence, options.localeOrder);
  if (evidence.dayFirst + evidence.monthFirst + evidence.ambiguous > 0) {
    reports.push({ column, order, fromLocale, ambiguousTexts: evidence.ambiguous });
  }
  return new DateReader(options.timeZone, order);
}

export function readCustomerTable(columns: CustomerColumns, options: ReadOptions): CustomerTable {
  const rowCount = columns.start.length;
  const firstRowNumber = options.firstRowNumber ?? 1;
  const dateOrders: DateOrderReport[] = [];
  const startReader = readerFor('start', columns.start, options, dateOrders);
  const endReader = columns.end ? readerFor('end', columns.end, options, dateOrders) : undefined;
  const timeZone = options.timeZone;

  const startDays = new Int32Array(rowCount);
  const endDays = new Int32Array(rowCount);
  const rowNumbers = new Int32Array(rowCount);
  const ids: string[] | undefined = columns.ids ? [] : undefined;
  const problems: RowProblem[] = [];
  let problemCount = 0;
  let blankRows = 0;
  let kept = 0;

  const report = (row: number, key: Message['key'], params: Message['params']) => {
    problemCount++;
    if (problems.length < PROBLEM_DETAIL_LIMIT) problems.push({ row, key, params: { row, ...params } });
  };

  for (let i = 0; i < rowCount; i++) {
    const row = firstRowNumber + i;
    const startCell = columns.start[i];
    const endCell = columns.end ? columns.end[i] : undefined;
    const idCell = columns.ids ? columns.ids[i] : undefined;

    let startDay: number;
    // Fast path for the common case: Sheets hands date cells over as Date objects.
    if (startCell instanceof Date && !Number.isNaN(startCell.getTime())) {
      startDay = timeZone.dayOf(startCell.getTime());
      if (!isDayInRange(startDay)) {
        report(row, 'row.dateOutOfRange', { value: cellText(startCell) });
        continue;
      }
    } else {
      const reading: DateReading = startReader.read(startCell);
      if (reading.kind !== 'day') {
        if (reading.kind === 'blank') {
          if (isBlank(endCell) && isBlank(idCell)) blankRows++;
          else report(row, 'row.startMissing', {});
        } else if (reading.kind === 'outOfRange') report(row, 'row.dateOutOfRange', { value: cellText(startCell) });
        else report(row, 'row.startNotDate', { value: cellText(startCell) });
        continue;
      }
      startDay = reading.day;
    }

    let endDay = NO_END;
    if (endCell instanceof Date && !Number.isNaN(endCell.getTime())) {
      endDay = timeZone.dayOf(endCell.getTime());
      if (!isDayInRange(endDay)) {
        report(row, 'row.dateOutOfRange', { value: cellText(endCell) });
        continue;
      }
    } else if (endReader && !isBlank(endCell)) {
      const reading = endReader.read(endCell);
      if (reading.kind !== 'day') {
        report(row, reading.kind === 'outOfRange' ? 'row.dateOutOfRange' : 'row.endNotDate', { value: cellText(endCell) });
        continue;
      }
      endDay = reading.day;
    }
    if (endDay < startDay) {
      report(row, 'row.endBeforeStart', { start: isoFromDay(startDay), end: isoFromDay(endDay) });
      continue;
    }

    startDays[kept] = startDay;
    endDays[kept] = endDay;
    rowNumbers[kept] = row;
    if (ids) ids.push(isBlank(idCell) ? '' : String(idCell).trim());
    kept++;
  }

  return {
    startDays: startDays.subarray(0, kept),
    endDays: endDays.subarray(0, kept),
    ids,
    rowNumbers: rowNumbers.subarray(0, kept),
    problems,
    problemCount,
    blankRows,
    dateOrders,
  };
}
