/**
 * CHURN_TABLE(start_dates, end_dates, [period], [ids], [segments], [method]): the period table
 * of a customer list, spilled as a header row and one row per period (with segments, a block per
 * segment after all customers). Rows that could not be used are listed in one last row, so a
 * table never silently leaves customers out.
 */
import { computePeriodTable, periodFigures, type PeriodRow, type PeriodSpan } from '../core/churnTable';
import { activityIntervals, type ActivityIntervals } from '../core/customers';
import { computeDailyChurn } from '../core/dailyChurn';
import { adjustedChurn, type AdjustedMethod, type CountMethod } from '../core/metrics';
import { isPeriodKind, type PeriodKind } from '../core/periods';
import { translate, type MessageKey } from '../i18n';
import { displayValue, fail, optionText, type CallContext, type Cell, type Grid } from './args';
import { parseAdjustedMethod } from './rates';
import { describeProblems, periodStarts, readTableArgs, tableOutput, type SheetSettings, type TableCell } from './tableArgs';

export { describeProblems, type SheetSettings };


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


export function parsePeriod(ctx: CallContext, value: Cell | Grid): PeriodKind {
  const text = optionText(value);
  if (text === '') return 'month';
  if (isPeriodKind(text)) return text;
  return fail(ctx, 'arg.unknownPeriod', { value: displayValue(value) });
}


export function periodTableRow(row: PeriodRow, startOf: (day: number) => Date | string): (Date | number | string)[] {
  return [startOf(row.startDay), ...periodFigures(row)];
}

/**
 * A period's adjusted churn by a count method. Reactivated customers count beside the new ones:
 * they joined in the period, and churned new counts those of them who left again, so "average"
 * uses the table's own customers at end.
 */
export function adjustedChurnOfRow(row: PeriodRow, method: CountMethod): number | undefined {
  const { customersAtStart, churned, churnedNew } = row;
  return adjustedChurn({ customersAtStart, churned, churnedNew, newCustomers: row.newCustomers + row.reactivated }, method);
}

/**
 * The last column of a block of periods by a method: each row's adjusted churn, or for "daily"
 * the daily churn from the customers' days (which a period's counts cannot give); undefined
 * where a period has no value. `rows` are the periods of `window` computed from `intervals`.
 */
export function adjustedChurnColumn(
  intervals: ActivityIntervals,
  rows: PeriodRow[],
  method: AdjustedMethod,
  kind: PeriodKind,
  coverage: PeriodSpan,
  window: PeriodSpan = coverage,
): (number | undefined)[] {
  return method === 'daily' ? computeDailyChurn(intervals, kind, coverage, window) : rows.map((row) => adjustedChurnOfRow(row, method));
}

export function CHURN_TABLE(
  ctx: CallContext,
  settings: SheetSettings,
  startDates: Cell | Grid,
  endDates: Cell | Grid,
  period?: Cell | Grid,
  ids?: Cell | Grid,
  segments?: Cell | Grid,
  method?: Cell | Grid,
): TableCell[][] {
  const kind = parsePeriod(ctx, period);
  const adjustedMethod = parseAdjustedMethod(ctx, method);
  const { table, timeZone } = readTableArgs(ctx, settings, { start_dates: startDates, end_dates: endDates, ids, segments });
  if (table.startDays.length === 0) {
    fail(ctx, 'arg.noUsableRows', { arg: 'start_dates', problems: describeProblems(ctx.language, table.problems, table.problemCount) });
  }

  const header = CHURN_TABLE_HEADER_KEYS.map((key) => translate(ctx.language, key));
  // The last column by the chosen method: "daily" from the customers' days, under its own name.
  if (adjustedMethod === 'daily') header[header.length - 1] = translate(ctx.language, 'table.dailyChurn');
  const startOf = periodStarts(timeZone);
  return tableOutput(ctx, table, kind, header, (part) => {
    // One merge of each customer's rows serves both the counts and the daily churn.
    const intervals = activityIntervals(part);
    const rows = computePeriodTable(intervals, kind, part.span!);
    const output = rows.map((row) => periodTableRow(row, startOf));
    if (adjustedMethod !== 'start') {
      const values = adjustedChurnColumn(intervals, rows, adjustedMethod, kind, part.span!);
      values.forEach((value, i) => (output[i][output[i].length - 1] = value ?? ''));
    }
    return output;
  });
}
