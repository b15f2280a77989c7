/**
 * CHURN_TABLE(start_dates, end_dates, [period], [ids]): the period table of a customer list,
 * spilled as a header row and one row per period. Rows that could not be used are listed in
 * one last row, so a table never silently leaves customers out.
 */
import { dateOrderOfLocale } from '../core/dates';
import { monthNamesOf } from '../core/monthNames';
import { buildChurnTable, periodFigures, type PeriodRow } from '../core/churnTable';
import { isPeriodKind, type PeriodKind } from '../core/periods';
import { readCustomerTable, type RowProblem } from '../core/table';
import { TimeZone } from '../core/timezone';
import { translate, type Language, type MessageKey } from '../i18n';
import { fail, optionText, toColumn, type CallContext, type Cell, type Grid } from './args';

/** What a custom function may know of its spreadsheet: read from it, never written. */
export interface SheetSettings {
  timeZone: string;
  locale: string;
}

export const CHURN_TABLE_HEADER_KEYS: MessageKey[] = [
  'table.periodStart',
  'table.customersAtStart',
  'table.newCustomers',
  'table.reactivated',
  'table.churned',
  'table.churnedNew',
  'table.customersAtEnd',
  'table.churnRate',
  'table.adjustedChurn',
];

/** How many skipped rows the note row lists by name. */
const LISTED_PROBLEMS = 5;

export function parsePeriod(ctx: CallContext, value: Cell | Grid): PeriodKind {
  const text = optionText(value);
  if (text === '') return 'month';
  if (isPeriodKind(text)) return text;
  return fail(ctx, 'arg.unknownPeriod', { value: String(value) });
}

export function describeProblems(language: Language, problems: RowProblem[], total: number): string {
  const listed = problems.slice(0, LISTED_PROBLEMS).map((problem) => translate(language, problem.key, problem.params));
  if (total > listed.length) listed.push(translate(language, 'table.moreProblems', { count: total - listed.length }));
  return listed.join(' ');
}

export function periodTableRow(row: PeriodRow, timeZone: TimeZone): (Date | number | string)[] {
  return [new Date(timeZone.startOfDay(row.startDay)), ...periodFigures(row)];
}

export function CHURN_TABLE(
  ctx: CallContext,
  settings: SheetSettings,
  startDates: Cell | Grid,
  endDates: Cell | Grid,
  period?: Cell | Grid,
  ids?: Cell | Grid,
): (Date | number | string)[][] {
  const starts = toColumn(ctx, 'start_dates', startDates);
  const ends = toColumn(ctx, 'end_dates', endDates);
  const kind = parsePeriod(ctx, period);
  const idColumn = ids === undefined || ids === '' ? undefined : toColumn(ctx, 'ids', ids);
  if (ends.rows.length !== starts.rows.length) {
    fail(ctx, 'arg.lengthMismatch', { arg: 'end_dates', rows: ends.rows.length, otherArg: 'start_dates', otherRows: starts.rows.length });
  }
  if (idColumn && idColumn.rows.length !== starts.rows.length) {
    fail(ctx, 'arg.lengthMismatch', { arg: 'ids', rows: idColumn.rows.length, otherArg: 'start_dates', otherRows: starts.rows.length });
  }

  const timeZone = TimeZone.named(settings.timeZone);
  const table = readCustomerTable(
    { start: starts, end: ends, ids: idColumn },
    { timeZone, localeOrder: dateOrderOfLocale(settings.locale), monthNames: monthNamesOf(settings.locale), firstRowNumber: 1 },
  );
  if (table.startDays.length === 0) {
    fail(ctx, 'arg.noUsableRows', { arg: 'start_dates', problems: describeProblems(ctx.language, table.problems, table.problemCount) });
  }

  const { rows } = buildChurnTable(table, kind);
  const output: (Date | number | string)[][] = [CHURN_TABLE_HEADER_KEYS.map((key) => translate(ctx.language, key))];
  for (const row of rows) output.push(periodTableRow(row, timeZone));
  if (table.problemCount > 0) {
    const note = translate(ctx.language, 'table.skippedRows', {
      count: table.problemCount,
      problems: describeProblems(ctx.language, table.problems, table.problemCount),
    });
    output.push([note, ...new Array<string>(CHURN_TABLE_HEADER_KEYS.length - 1).fill('')]);
  }
  return output;
}
