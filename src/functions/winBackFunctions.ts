/**
 * LOST_CUSTOMERS(start_dates, end_dates, ids, [amounts], [from_date], [to_date]): whom to call to
 * win back, one row per customer who left, the most valuable first.
 * WINBACK_TABLE(start_dates, end_dates, ids, [period]): per period, the customers lost in it and
 * the share of them back k periods later.
 * Both read their columns as the other table functions do and list the rows they could not use
 * in one last row.
 */
import { DateReader, dateOrderOfLocale } from '../core/dates';
import { CELL_CHARACTERS, SPREADSHEET_CELLS, quoted } from '../core/limits';
import { monthNamesOf } from '../core/monthNames';
import type { PeriodKind } from '../core/periods';
import type { TimeZone } from '../core/timezone';
import { buildWinBackTable, lostCustomers, type LostWindow } from '../core/winBack';
import { translate, type MessageKey } from '../i18n';
import { displayValue, fail, isGrid, type CallContext, type Cell, type Grid } from './args';
import { parsePeriod } from './churnTableFunction';
import { describeProblems, periodCount, periodStarts, problemRow, readTableArgs, tableOutput, type SheetSettings, type TableCell } from './tableArgs';

const LOST_HEADER_KEYS: MessageKey[] = ['lost.id', 'lost.since', 'lost.left', 'lost.days', 'lost.mrr', 'lost.returns'];

const BACK_KEYS: Record<PeriodKind, MessageKey> = {
  month: 'winback.back.month',
  week: 'winback.back.week',
  quarter: 'winback.back.quarter',
  year: 'winback.back.year',
};

const isLeftOut = (value: Cell | Grid | undefined) => value === undefined || value === '' || (isGrid(value) && value.length === 0);

function requireIds(ctx: CallContext, ids: Cell | Grid | undefined): void {
  if (isLeftOut(ids)) fail(ctx, 'arg.required', { arg: 'ids' });
}

/** A date argument (a date cell, a serial number or a date written as text); undefined when left out. */
function dateArg(ctx: CallContext, arg: string, value: Cell | Grid | undefined, timeZone: TimeZone, locale: string): number | undefined {
  if (isLeftOut(value)) return undefined;
  let cell = value;
  if (isGrid(value)) {
    if (value.length !== 1 || value[0].length !== 1) fail(ctx, 'arg.notOneDate', { arg });
    cell = value[0][0];
  }
  const reading = new DateReader(timeZone, dateOrderOfLocale(locale), monthNamesOf(locale)).read(cell);
  if (reading.kind === 'blank') return undefined;
  if (reading.kind !== 'day') return fail(ctx, 'arg.notDate', { arg, value: displayValue(cell) });
  return reading.day;
}

export function LOST_CUSTOMERS(
  ctx: CallContext,
  settings: SheetSettings,
  startDates: Cell | Grid,
  endDates: Cell | Grid,
  ids: Cell | Grid,
  amounts?: Cell | Grid,
  fromDate?: Cell | Grid,
  toDate?: Cell | Grid,
): TableCell[][] {
  requireIds(ctx, ids);
  const columns = isLeftOut(amounts) ? { start_dates: startDates, end_dates: endDates, ids } : { start_dates: startDates, end_dates: endDates, ids, amounts };
  const { table, timeZone } = readTableArgs(ctx, settings, columns);
  if (!table.span) {
    // With amounts, a row needs both: say so, or the message blames start dates that are fine.
    const problems = describeProblems(ctx.language, table.problems, table.problemCount);
    return 'amounts' in columns ? fail(ctx, 'arg.noUsableRevenueRows', { problems }) : fail(ctx, 'arg.noUsableRows', { arg: 'start_dates', problems });
  }
  const window: LostWindow = {
    fromDay: dateArg(ctx, 'from_date', fromDate, timeZone, settings.locale),
    toDay: dateArg(ctx, 'to_date', toDate, timeZone, settings.locale),
  };
  if (window.fromDay !== undefined && window.toDay !== undefined && window.fromDay > window.toDay) {
    fail(ctx, 'arg.datesReversed', { first: 'from_date', last: 'to_date' });
  }

  const lost = lostCustomers(table, window);
  const header = LOST_HEADER_KEYS.map((key) => translate(ctx.language, key));
  const rows = 1 + lost.length + (table.problemCount > 0 ? 1 : 0);
  if (rows * header.length > SPREADSHEET_CELLS) {
    fail(ctx, 'arg.tableTooLarge', { rows, cols: header.length, cells: rows * header.length, limit: SPREADSHEET_CELLS, advice: translate(ctx.language, 'lost.narrow') });
  }
  const dayStart = periodStarts(timeZone);
  const output: TableCell[][] = [header];
  for (const customer of lost) {
    // An id longer than a cell holds is shown cut short: the list is for reading, and Sheets refuses a result with a longer cell.
    const id = customer.id.length > CELL_CHARACTERS ? quoted(customer.id) : customer.id;
    output.push([id, dayStart(customer.firstDay), dayStart(customer.leftDay), customer.activeDays, customer.mrr ?? '', customer.returns]);
  }
  const problems = problemRow(ctx, table, header.length);
  if (problems) output.push(problems);
  return output;
}

export function WINBACK_TABLE(ctx: CallContext, settings: SheetSettings, startDates: Cell | Grid, endDates: Cell | Grid, ids: Cell | Grid, period?: Cell | Grid): TableCell[][] {
  const kind = parsePeriod(ctx, period);
  requireIds(ctx, ids);
  const { table, timeZone } = readTableArgs(ctx, settings, { start_dates: startDates, end_dates: endDates, ids });
  if (!table.span) {
    return fail(ctx, 'arg.noUsableRows', { arg: 'start_dates', problems: describeProblems(ctx.language, table.problems, table.problemCount) });
  }
  const startOf = periodStarts(timeZone);
  // Sized before anything is counted: one column per period after the first.
  const periods = periodCount(kind, table.span);
  const header = [translate(ctx.language, 'table.periodStart'), translate(ctx.language, 'winback.lost')];
  for (let k = 1; k < periods; k++) header.push(translate(ctx.language, BACK_KEYS[kind], { n: k }));
  return tableOutput(ctx, table, kind, header, (part) =>
    buildWinBackTable(part, kind).map((row) => [
      startOf(row.startDay),
      row.lost,
      ...row.back.map((back) => (back === undefined || row.lost === 0 ? '' : back / row.lost)),
    ]),
  );
}
