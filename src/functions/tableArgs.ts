/**
 * What the table functions (CHURN_TABLE, REVENUE_TABLE, COHORT_TABLE) share: reading their
 * column arguments into a customer table, one block per segment when a segments column is
 * given, and the last row that lists the rows not counted.
 */
import { isoFromDay } from '../core/calendar';
import { dateOrderOfLocale } from '../core/dates';
import { CELL_CHARACTERS, SPREADSHEET_CELLS } from '../core/limits';
import { monthNamesOf } from '../core/monthNames';
import { decimalSeparatorOfLocale } from '../core/numbers';
import { periodKeyOfDay, type PeriodKind } from '../core/periods';
import { countSegments, splitBySegment } from '../core/segments';
import { isBlankCell, readCustomerTable, type Column, type CustomerTable, type RowProblem } from '../core/table';
import { TimeZone, TimeZoneUnavailableError, type WallClockReader } from '../core/timezone';
import { translate, type Language } from '../i18n';
import { fail, toColumn, type CallContext, type Cell, type Grid } from './args';

/** What a custom function may know of its spreadsheet: read from it, never written. */
export interface SheetSettings {
  timeZone: string;
  locale: string;
  /** The platform's documented clock (Utilities.formatDate), to check Intl against and fall back on. */
  wallClock?: WallClockReader;
}

export type TableCell = Date | number | string;

/** The column arguments of a table function by their names; optional ones may be left out. */
export interface TableArgs {
  start_dates: Cell | Grid;
  end_dates: Cell | Grid;
  amounts?: Cell | Grid;
  ids?: Cell | Grid;
  segments?: Cell | Grid;
}

/** How many skipped rows the note row lists by name. */
const LISTED_PROBLEMS = 5;

export function describeProblems(language: Language, problems: RowProblem[], total: number): string {
  const listed = problems.slice(0, LISTED_PROBLEMS).map((problem) => translate(language, problem.key, problem.params));
  if (total > listed.length) listed.push(translate(language, 'table.moreProblems', { count: total - listed.length }));
  return listed.join(' ');
}

const isLeftOut = (value: Cell | Grid | undefined) => value === undefined || value === '';

/**
 * Every segment name is copied into a cell of its block, and Sheets refuses a whole result
 * holding a cell over its character limit: such a name is refused with its row rather than cut,
 * as a cut name could no longer tell two segments apart.
 */
function checkSegmentNames(ctx: CallContext, column: Column): void {
  for (let i = 0; i < column.rows.length; i++) {
    const value = column.rows[i]?.[column.index];
    if (typeof value !== 'string' || value.length <= CELL_CHARACTERS || isBlankCell(value)) continue;
    const length = value.trim().length;
    if (length > CELL_CHARACTERS) fail(ctx, 'arg.segmentTooLong', { row: i + 1, length, limit: CELL_CHARACTERS });
  }
}

/** The spreadsheet's zone; one that no clock knows stops the function (never a guessed zone). */
function sheetTimeZone(ctx: CallContext, settings: SheetSettings): TimeZone {
  try {
    return TimeZone.named(settings.timeZone, settings.wallClock);
  } catch (error) {
    if (error instanceof TimeZoneUnavailableError) fail(ctx, 'arg.timeZoneUnavailable', { zone: settings.timeZone });
    throw error;
  }
}

/**
 * Reads the columns (all of the same length, each named in its error) into a customer table
 * in the spreadsheet's time zone and locale. `amounts` is read whenever it is in `args`.
 */
export function readTableArgs(ctx: CallContext, settings: SheetSettings, args: TableArgs): { table: CustomerTable; timeZone: TimeZone } {
  const starts = toColumn(ctx, 'start_dates', args.start_dates);
  const columns: Partial<Record<keyof TableArgs, Column>> = {};
  for (const name of ['end_dates', 'amounts', 'ids', 'segments'] as const) {
    if (!(name in args)) continue;
    const value = args[name];
    // Left out: an optional column; end_dates and amounts must be given.
    if (isLeftOut(value) && (name === 'ids' || name === 'segments')) continue;
    const column = toColumn(ctx, name, value);
    if (column.rows.length !== starts.rows.length) {
      fail(ctx, 'arg.lengthMismatch', { arg: name, rows: column.rows.length, otherArg: 'start_dates', otherRows: starts.rows.length });
    }
    if (name === 'segments') checkSegmentNames(ctx, column);
    columns[name] = column;
  }
  const timeZone = sheetTimeZone(ctx, settings);
  const table = readCustomerTable(
    { start: starts, end: columns.end_dates, amounts: columns.amounts, ids: columns.ids, segments: columns.segments },
    {
      timeZone,
      localeOrder: dateOrderOfLocale(settings.locale),
      monthNames: monthNamesOf(settings.locale),
      decimalSeparator: decimalSeparatorOfLocale(settings.locale),
      firstRowNumber: 1,
    },
  );
  return { table, timeZone };
}

/**
 * A day as the cell that shows it: the Date of its first instant, made once per day (every
 * segment's block repeats the same periods, and the zone lookup costs more than the rest of a
 * row; Sheets only reads the values returned, so the blocks may share one Date). A day the
 * spreadsheet's zone skipped whole has no instant a Date could hold, so it is shown as its
 * ISO text ("1994-12-31" in Pacific/Kiritimati) rather than as a neighbouring day.
 */
export function periodStarts(timeZone: TimeZone): (day: number) => Date | string {
  const known = new Map<number, Date | string>();
  return (day) => {
    let cell = known.get(day);
    if (cell === undefined) {
      const start = timeZone.startOfDay(day);
      cell = Number.isFinite(start) ? new Date(start) : isoFromDay(day);
      known.set(day, cell);
    }
    return cell;
  };
}

/** How many periods a table over the span shows: one row each, and one column each in cohorts. */
export function periodCount(kind: PeriodKind, span: { firstDay: number; lastDay: number }): number {
  return periodKeyOfDay(kind, span.lastDay) - periodKeyOfDay(kind, span.firstDay) + 1;
}

/** The next longer period, suggested when a table would be too large. */
const LONGER_PERIOD: Partial<Record<PeriodKind, PeriodKind>> = { week: 'month', month: 'quarter', quarter: 'year' };

/**
 * Stops before any counting when the spilled table would not fit in a spreadsheet, saying how
 * large it would be and what makes it smaller. Its size follows from the periods, the segments
 * and the width alone, so a table of a century of weeks times thousands of segments costs
 * nothing to refuse.
 */
function checkTableSize(ctx: CallContext, table: CustomerTable, kind: PeriodKind, width: number): void {
  const span = table.span!;
  const segments = table.segments ? countSegments(table.segments) : 0;
  const blocks = 1 + segments;
  const rows = 1 + blocks * periodCount(kind, span) + (table.problemCount > 0 ? 1 : 0);
  const cols = width + (table.segments ? 1 : 0);
  if (rows * cols <= SPREADSHEET_CELLS) return;
  const advice: string[] = [];
  if (segments > 0) advice.push(translate(ctx.language, 'tooLarge.fewerSegments', { segments }));
  const longer = LONGER_PERIOD[kind];
  if (longer) advice.push(translate(ctx.language, 'tooLarge.longerPeriod', { period: longer }));
  advice.push(translate(ctx.language, 'tooLarge.narrowRange', { first: isoFromDay(span.firstDay), last: isoFromDay(span.lastDay) }));
  fail(ctx, 'arg.tableTooLarge', { rows, cols, cells: rows * cols, limit: SPREADSHEET_CELLS, advice: advice.join(' ') });
}

/**
 * The spilled table: the header, then the rows of the whole table, or with a segments column a
 * "Segment" column in front and the rows of all customers followed by each segment's (every
 * segment over the whole table's periods, so the blocks line up), then the rows not counted.
 * A table too large for a spreadsheet stops with a message before anything is counted.
 */
export function tableOutput(
  ctx: CallContext,
  table: CustomerTable,
  kind: PeriodKind,
  header: string[],
  rowsOf: (part: CustomerTable) => TableCell[][],
): TableCell[][] {
  checkTableSize(ctx, table, kind, header.length);
  const output: TableCell[][] = [];
  if (!table.segments) {
    output.push(header, ...rowsOf(table));
  } else {
    output.push([translate(ctx.language, 'table.segment'), ...header]);
    // In place: a table near the cell limit has a million rows, and a copy of each costs seconds.
    const label = (name: string) => (rows: TableCell[][]) => {
      for (const row of rows) row.unshift(name);
      return rows;
    };
    output.push(...label(translate(ctx.language, 'table.allSegments'))(rowsOf(table)));
    for (const part of splitBySegment(table as CustomerTable & { segments: string[] })) {
      output.push(...label(part.blank ? translate(ctx.language, 'table.blankSegment') : part.name)(rowsOf(part.table)));
    }
  }
  const problems = problemRow(ctx, table, output[0].length);
  if (problems) output.push(problems);
  return output;
}

/** The last row of a table, listing the rows not counted (undefined when every row was used). */
export function problemRow(ctx: CallContext, table: CustomerTable, width: number): TableCell[] | undefined {
  if (table.problemCount === 0) return undefined;
  const note = translate(ctx.language, 'table.skippedRows', {
    count: table.problemCount,
    problems: describeProblems(ctx.language, table.problems, table.problemCount),
  });
  return [note, ...new Array<string>(width - 1).fill('')];
}
