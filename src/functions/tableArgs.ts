/**
 * What the table functions (CHURN_TABLE, REVENUE_TABLE, COHORT_TABLE) share: reading their
 * column arguments into a customer table, one block per segment when a segments column is
 * given, and the last row that lists the rows not counted.
 */
import { dateOrderOfLocale } from '../core/dates';
import { monthNamesOf } from '../core/monthNames';
import { decimalSeparatorOfLocale } from '../core/numbers';
import { splitBySegment } from '../core/segments';
import { readCustomerTable, type Column, type CustomerTable, type RowProblem } from '../core/table';
import { TimeZone } from '../core/timezone';
import { translate, type Language } from '../i18n';
import { fail, toColumn, type CallContext, type Cell, type Grid } from './args';

/** What a custom function may know of its spreadsheet: read from it, never written. */
export interface SheetSettings {
  timeZone: string;
  locale: string;
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
    columns[name] = column;
  }
  const timeZone = TimeZone.named(settings.timeZone);
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
 * The spilled table: the header, then the rows of the whole table, or with a segments column a
 * "Segment" column in front and the rows of all customers followed by each segment's (every
 * segment over the whole table's periods, so the blocks line up), then the rows not counted.
 */
export function tableOutput(ctx: CallContext, table: CustomerTable, header: string[], rowsOf: (part: CustomerTable) => TableCell[][]): TableCell[][] {
  const output: TableCell[][] = [];
  if (!table.segments) {
    output.push(header, ...rowsOf(table));
  } else {
    output.push([translate(ctx.language, 'table.segment'), ...header]);
    const label = (name: string) => (rows: TableCell[][]) => rows.map((row) => [name, ...row]);
    output.push(...label(translate(ctx.language, 'table.allSegments'))(rowsOf(table)));
    for (const part of splitBySegment(table as CustomerTable & { segments: string[] })) {
      output.push(...label(part.blank ? translate(ctx.language, 'table.blankSegment') : part.name)(rowsOf(part.table)));
    }
  }
  if (table.problemCount > 0) {
    const note = translate(ctx.language, 'table.skippedRows', {
      count: table.problemCount,
      problems: describeProblems(ctx.language, table.problems, table.problemCount),
    });
    output.push([note, ...new Array<string>(output[0].length - 1).fill('')]);
  }
  return output;
}
