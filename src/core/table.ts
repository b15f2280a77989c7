/**
 * Reading a customer table: columns of cells in, subscriptions out. One row per subscription;
 * a row that cannot be used is left out and reported with its row number and the reason.
 * Wholly blank rows (an open-ended range such as B2:B reaches past the data) are skipped
 * silently. Nothing here writes anywhere: the source stays as it is.
 */
import { MAX_DAY, MIN_DAY, isDayInRange, isoFromDay } from './calendar';
import { DateReader, dayMonthEvidence, isNearDayRange, resolveDateOrder, type DateOrder, type DateReading } from './dates';
import { MAX_AMOUNT, quoted } from './limits';
import { monthNamesOf } from './monthNames';
import { LONGEST_NUMBER_TEXT, parseNumberText } from './numbers';
import type { TimeZone } from './timezone';
import type { Message } from '../i18n';

/** End day of a subscription that has not ended. */
export const NO_END = 0x7fffffff;

/** Stands for a blank end cell in the reading loop; no Date holds this time. */
const NO_END_TIME = Number.POSITIVE_INFINITY;

/** How many row problems are kept in detail; the rest are only counted. */
export const PROBLEM_DETAIL_LIMIT = 100;

/**
 * One column of a table as it comes from Sheets: rows of cells (getValues, or a range argument
 * of a custom function) and the column's index in them. Reading in place, rather than copying
 * the column out, keeps a million-row table from being duplicated in memory.
 */
export interface Column {
  rows: ArrayLike<ArrayLike<unknown>>;
  index: number;
}

export interface CustomerColumns {
  start: Column;
  end?: Column;
  ids?: Column;
  /** Recurring revenue of each row per month (MRR), for revenue churn. */
  amounts?: Column;
  /** A segment (plan, country, channel) of each row, read as text. */
  segments?: Column;
}

/** A column made from a plain list of cells (tests, CSV readers). */
export function columnOf(cells: readonly unknown[]): Column {
  return { rows: cells.map((cell) => [cell]), index: 0 };
}

export interface ReadOptions {
  timeZone: TimeZone;
  /** The spreadsheet locale's order for texts like 01.02.2024 when the column does not decide it. */
  localeOrder: DateOrder;
  /** Month words for dates written in words (monthNamesOf the spreadsheet locale); English when absent. */
  monthNames?: Map<string, number>;
  /** Row number shown for the first cell (2 when the table's header is in row 1). */
  firstRowNumber?: number;
  /** The spreadsheet locale's decimal separator, for amounts written as text ("1,5"); '.' when absent. */
  decimalSeparator?: '.' | ',';
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
  /** Amounts of the usable rows (aligned with startDays), when an amount column was given. */
  amounts?: Float64Array;
  /** Segments of the usable rows, trimmed ('' where blank), when a segment column was given. */
  segments?: string[];
  /** The earliest start and the latest start or end of the usable rows; undefined when none. */
  span: { firstDay: number; lastDay: number } | undefined;
  problems: RowProblem[];
  problemCount: number;
  blankRows: number;
  dateOrders: DateOrderReport[];
}

/** A cell as a problem quotes it: a long text is cut short, so the problem row fits in a cell. */
function cellText(value: unknown): string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString().split('T')[0];
  return quoted(String(value));
}

/** A cell Sheets hands over as empty: '', or only spaces. */
export function isBlankCell(value: unknown): boolean {
  return value === '' || value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

function readerFor(
  column: 'start' | 'end',
  texts: string[],
  options: ReadOptions,
  reports: DateOrderReport[],
): DateReader {
  const evidence = dayMonthEvidence(texts);
  const { order, fromLocale } = resolveDateOrder(evidence, options.localeOrder);
  if (evidence.dayFirst + evidence.monthFirst + evidence.ambiguous > 0) {
    reports.push({ column, order, fromLocale, ambiguousTexts: evidence.ambiguous });
  }
  return new DateReader(options.timeZone, order, options.monthNames ?? monthNamesOf('en'));
}

/** A currency sign or code before or after an amount written as text: "€ 49", "49 kr", "USD 49". */
const CURRENCY_BEFORE = /^(?:[$€£¥]|eur|usd|gbp|nok|sek|dkk|pln|kr|zł)\s*/i;
const CURRENCY_AFTER = /\s*(?:[$€£¥]|eur|usd|gbp|nok|sek|dkk|pln|kr\.?|zł)$/i;

export type AmountReading = { kind: 'amount'; value: number } | { kind: 'blank' | 'notNumber' | 'negative' | 'tooLarge' };

/**
 * An amount cell: numbers as they are, text read in the spreadsheet locale's way ("1 234,50",
 * "49.90", "€ 49"). A percentage, a date or a truth value is not an amount, nor is a number
 * above MAX_AMOUNT, whose sums could pass the largest number a spreadsheet holds.
 */
export function readAmount(value: unknown, decimalSeparator: '.' | ',' = '.'): AmountReading {
  if (isBlankCell(value)) return { kind: 'blank' };
  let amount: number | undefined;
  if (typeof value === 'number') amount = Number.isFinite(value) ? value : undefined;
  else if (typeof value === 'string') {
    const text = value.trim();
    if (text.length <= LONGEST_NUMBER_TEXT && !text.includes('%')) {
      amount = parseNumberText(text.replace(CURRENCY_BEFORE, '').replace(CURRENCY_AFTER, ''), decimalSeparator);
    }
  }
  if (amount === undefined) return { kind: 'notNumber' };
  if (amount < 0) return { kind: 'negative' };
  if (amount > MAX_AMOUNT) return { kind: 'tooLarge' };
  return { kind: 'amount', value: amount === 0 ? 0 : amount };
}

/** The bound as the problem names it, in the notation Sheets shows for such numbers. */
const MAX_AMOUNT_TEXT = MAX_AMOUNT.toExponential().replace('e+', 'E');

const AMOUNT_PROBLEMS = {
  blank: 'row.amountMissing',
  notNumber: 'row.amountNotNumber',
  negative: 'row.amountNegative',
  tooLarge: 'row.amountTooLarge',
} as const;

const cell = (column: Column | undefined, i: number): unknown => (column ? column.rows[i][column.index] : undefined);
const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/**
 * Reads the table in two passes. The first handles what Sheets hands over for date cells, Date
 * objects and serial numbers, with no allocation per row. Rows with dates written as text wait
 * for the second pass, when all of a column's texts are known and can decide together whether
 * 01.02.2024 means the first of February or the second of January.
 */
export function readCustomerTable(columns: CustomerColumns, options: ReadOptions): CustomerTable {
  const rowCount = columns.start.rows.length;
  const firstRowNumber = options.firstRowNumber ?? 1;
  const timeZone = options.timeZone;
  const { start: startColumn, end: endColumn, ids: idColumn, amounts: amountColumn, segments: segmentColumn } = columns;
  const decimalSeparator = options.decimalSeparator ?? '.';

  const startDays = new Int32Array(rowCount);
  const endDays = new Int32Array(rowCount);
  const ids: string[] | undefined = idColumn ? [] : undefined;
  const amounts = amountColumn ? new Float64Array(rowCount) : undefined;
  const segments: string[] | undefined = segmentColumn ? [] : undefined;
  // Rows with ids, amounts or segments take the general path; the fast loop reads dates only.
  const datesOnly = !idColumn && !amountColumn && !segmentColumn;
  const problemsByPass: RowProblem[][] = [[], []];
  let pass = 0;
  let problemCount = 0;
  let blankRows = 0;
  let kept = 0;
  let firstDay = MAX_DAY;
  let lastDay = MIN_DAY;

  const report = (row: number, key: Message['key'], params: Message['params']) => {
    problemCount++;
    const list = problemsByPass[pass];
    if (list.length < PROBLEM_DETAIL_LIMIT) list.push({ row, key, params: { row, ...params } });
  };
  const keep = (i: number, startDay: number, endDay: number) => {
    if (endDay < startDay) {
      report(firstRowNumber + i, 'row.endBeforeStart', { start: isoFromDay(startDay), end: isoFromDay(endDay) });
      return;
    }
    if (amounts) {
      const value = cell(amountColumn, i);
      const reading = readAmount(value, decimalSeparator);
      if (reading.kind !== 'amount') {
        report(firstRowNumber + i, AMOUNT_PROBLEMS[reading.kind], { value: cellText(value), ...(reading.kind === 'tooLarge' ? { max: MAX_AMOUNT_TEXT } : {}) });
        return;
      }
      amounts[kept] = reading.value;
    }
    startDays[kept] = startDay;
    endDays[kept] = endDay;
    if (startDay < firstDay) firstDay = startDay;
    const latest = endDay === NO_END ? startDay : endDay;
    if (latest > lastDay) lastDay = latest;
    if (ids) {
      const id = cell(idColumn, i);
      ids.push(isBlankCell(id) ? '' : String(id).trim());
    }
    if (segments) {
      const segment = cell(segmentColumn, i);
      segments.push(isBlankCell(segment) ? '' : segment instanceof Date ? segmentDate(segment) : String(segment).trim());
    }
    kept++;
  };
  /**
   * A date used as a segment, as the day it shows in the spreadsheet. Time zones are only looked
   * up within the years a table reads (far outside them the spreadsheet's day may even lie past
   * the last instant a Date can hold), so a date outside them is named by its UTC day.
   */
  const segmentDate = (value: Date): string => {
    const time = value.getTime();
    if (Number.isNaN(time)) return 'Invalid Date';
    if (!isNearDayRange(time)) return value.toISOString().split('T')[0];
    const day = timeZone.dayOf(time);
    return isDayInRange(day) ? isoFromDay(day) : value.toISOString().split('T')[0];
  };
  /** Reads one date cell the general way; reports and returns undefined when it is unusable. */
  const readDate = (i: number, value: unknown, reader: DateReader, which: 'start' | 'end'): number | undefined => {
    const reading: DateReading = reader.read(value);
    if (reading.kind === 'day') return reading.day;
    const row = firstRowNumber + i;
    if (reading.kind === 'blank') {
      if (which === 'end') return NO_END;
      const restBlank =
        isBlankCell(cell(endColumn, i)) && isBlankCell(cell(idColumn, i)) && isBlankCell(cell(amountColumn, i)) && isBlankCell(cell(segmentColumn, i));
      if (restBlank) blankRows++;
      else report(row, 'row.startMissing', {});
    } else if (reading.kind === 'outOfRange') report(row, 'row.dateOutOfRange', { value: cellText(value) });
    else report(row, which === 'start' ? 'row.startNotDate' : 'row.endNotDate', { value: cellText(value) });
    return undefined;
  };

  // Pass 1, the hot loop: rows of Date objects (or a blank end), as Sheets hands date cells
  // over. It touches no closure state, so it stays cheap per row; every other row is set
  // aside for the general path below.
  const otherRows: number[] = [];
  const startRows = startColumn.rows;
  const startIndex = startColumn.index;
  const endRows = endColumn ? endColumn.rows : undefined;
  const endIndex = endColumn ? endColumn.index : 0;
  let fastKept = 0;
  for (let i = 0; i < rowCount; i++) {
    const startCell = startRows[i][startIndex];
    const endCell = endRows ? endRows[i][endIndex] : undefined;
    const startTime = startCell instanceof Date ? startCell.getTime() : NaN;
    const endTime = endCell instanceof Date ? endCell.getTime() : endCell === '' || endCell === undefined ? NO_END_TIME : NaN;
    // NaN (not a Date) and instants far outside the years read go the general way.
    if (!isNearDayRange(startTime) || (endTime !== NO_END_TIME && !isNearDayRange(endTime))) {
      otherRows.push(i);
      continue;
    }
    const startDay = timeZone.dayOf(startTime);
    const endDay = endTime === NO_END_TIME ? NO_END : timeZone.dayOf(endTime);
    if (endDay < startDay || !datesOnly || !isDayInRange(startDay) || (endDay !== NO_END && !isDayInRange(endDay))) {
      otherRows.push(i);
      continue;
    }
    startDays[fastKept] = startDay;
    endDays[fastKept] = endDay;
    fastKept++;
    if (startDay < firstDay) firstDay = startDay;
    const latest = endDay === NO_END ? startDay : endDay;
    if (latest > lastDay) lastDay = latest;
  }
  kept = fastKept;

  // Pass 1, general path: serial numbers, blanks, problems, ids. Texts wait for pass 2.
  const textRows: number[] = [];
  const numberReader = new DateReader(timeZone, 'DMY'); // meets no text in this pass
  for (const i of otherRows) {
    const startCell = cell(startColumn, i);
    const endCell = cell(endColumn, i);
    if (isText(startCell) || isText(endCell)) {
      textRows.push(i);
      continue;
    }
    const startDay = readDate(i, startCell, numberReader, 'start');
    if (startDay === undefined) continue;
    const endDay = readDate(i, endCell, numberReader, 'end');
    if (endDay === undefined) continue;
    keep(i, startDay, endDay);
  }

  // Pass 2: rows with text dates, read in the order their own column shows.
  pass = 1;
  const dateOrders: DateOrderReport[] = [];
  if (textRows.length > 0) {
    const texts = (column: Column | undefined) => textRows.map((i) => cell(column, i)).filter(isText);
    const startReader = readerFor('start', texts(startColumn), options, dateOrders);
    const endReader = readerFor('end', texts(endColumn), options, dateOrders);
    for (const i of textRows) {
      const startDay = readDate(i, cell(startColumn, i), startReader, 'start');
      if (startDay === undefined) continue;
      const endDay = readDate(i, cell(endColumn, i), endReader, 'end');
      if (endDay === undefined) continue;
      keep(i, startDay, endDay);
    }
  }

  // Each pass met its rows in order, so the first problems overall are among each pass's first.
  const problems = [...problemsByPass[0], ...problemsByPass[1]].sort((a, b) => a.row - b.row).slice(0, PROBLEM_DETAIL_LIMIT);
  return {
    startDays: startDays.subarray(0, kept),
    endDays: endDays.subarray(0, kept),
    ids,
    amounts: amounts?.subarray(0, kept),
    segments,
    span: kept > 0 ? { firstDay, lastDay } : undefined,
    problems,
    problemCount,
    blankRows,
    dateOrders,
  };
}
