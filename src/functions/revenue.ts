/**
 * The revenue custom functions:
 * - MRR_CHURN(mrr_at_start, mrr_lost, [mrr_contraction], [mrr_expansion], [net]): gross or net
 *   MRR churn, on single values or ranges;
 * - CUSTOMER_LTV(arpa, churn_rate, [gross_margin]): customer lifetime value;
 * - REVENUE_TABLE(start_dates, end_dates, amounts, [period], [ids], [segments]): the revenue period table of a
 *   customer list, spilled like CHURN_TABLE, with rows it could not use listed in one last row.
 */
import { customerLtv, mrrChurn } from '../core/metrics';
import { buildRevenueTable, revenueFigures, type RevenueInput, type RevenueRow } from '../core/revenue';
import { translate, type MessageKey } from '../i18n';
import {
  describePosition,
  displayValue,
  elementwise,
  fail,
  isBlankCell,
  isGrid,
  positionSuffix,
  type CallContext,
  type Cell,
  type Grid,
  type Position,
} from './args';
import { parsePeriod } from './churnTableFunction';
import { describeProblems, periodStarts, readTableArgs, tableOutput, type SheetSettings, type TableCell } from './tableArgs';

type Result = ReturnType<typeof elementwise>;

export const REVENUE_TABLE_HEADER_KEYS: MessageKey[] = [
  'table.periodStart',
  'revenue.mrrAtStart',
  'revenue.newMrr',
  'revenue.reactivationMrr',
  'revenue.expansionMrr',
  'revenue.contractionMrr',
  'revenue.churnedMrr',
  'revenue.mrrAtEnd',
  'revenue.grossMrrChurn',
  'revenue.netMrrChurn',
  'revenue.netRevenueRetention',
  'revenue.quickRatio',
];

/** Sums compared with the MRR at start may carry rounding of the last binary digit. */
const ROUNDING = 1e-12;

/** An optional amount: left out or blank is `fallback`, and so is a blank cell of a range. */
function withDefault(value: Cell | Grid, fallback: number): Cell | Grid {
  if (value === undefined || (!isGrid(value) && isBlankCell(value))) return fallback;
  if (isGrid(value)) return value.map((row) => row.map((cell) => (isBlankCell(cell) ? fallback : cell)));
  return value;
}

function requireNonNegative(ctx: CallContext, arg: string, value: number, position: Position): void {
  if (value < 0) fail(ctx, 'arg.negative', { arg, where: describePosition(ctx, position), value });
}

/** A computed value is always defined once its inputs passed validation; this guards the promise. */
function defined(value: number | undefined): number {
  if (value === undefined) throw new Error('internal: a validated result was undefined');
  // An overflow (Infinity, NaN) is the inputs' doing: elementwise names the input to check.
  return value;
}

/** TRUE/FALSE (or 1/0, "net"/"gross"); left out or blank is FALSE. */
export function parseNet(ctx: CallContext, value: Cell | Grid): boolean {
  const cell = isGrid(value) ? value[0]?.[0] : value;
  if (cell === undefined || isBlankCell(cell)) return false;
  if (typeof cell === 'boolean') return cell;
  if (cell === 1 || cell === 0) return cell === 1;
  if (typeof cell === 'string') {
    const text = cell.trim().toLowerCase();
    if (text === 'true' || text === 'net') return true;
    if (text === 'false' || text === 'gross') return false;
  }
  return fail(ctx, 'arg.notTrueFalse', { arg: 'net', value: displayValue(cell) });
}

export function MRR_CHURN(
  ctx: CallContext,
  mrrAtStart: Cell | Grid,
  mrrLost: Cell | Grid,
  contraction?: Cell | Grid,
  expansion?: Cell | Grid,
  net?: Cell | Grid,
): Result {
  const isNet = parseNet(ctx, net);
  return elementwise(
    ctx,
    [
      { name: 'mrr_at_start', value: mrrAtStart },
      { name: 'mrr_lost', value: mrrLost },
      { name: 'mrr_contraction', value: withDefault(contraction, 0) },
      { name: 'mrr_expansion', value: withDefault(expansion, 0) },
    ],
    ([start, lost, down, up], position) => {
      if (start <= 0) fail(ctx, 'arg.mrrStartNotPositive', { arg: 'mrr_at_start', where: describePosition(ctx, position), value: start });
      requireNonNegative(ctx, 'mrr_lost', lost, position);
      requireNonNegative(ctx, 'mrr_contraction', down, position);
      requireNonNegative(ctx, 'mrr_expansion', up, position);
      if (lost + down - start > ROUNDING * start) {
        fail(ctx, 'arg.mrrLostAboveStart', { lost: lost + down, start, at: positionSuffix(ctx, position) });
      }
      return defined(mrrChurn(start, lost, down, up, isNet));
    },
  );
}

export function CUSTOMER_LTV(ctx: CallContext, arpa: Cell | Grid, churnRate: Cell | Grid, grossMargin?: Cell | Grid): Result {
  return elementwise(
    ctx,
    [
      { name: 'arpa', value: arpa },
      { name: 'churn_rate', value: churnRate },
      { name: 'gross_margin', value: withDefault(grossMargin, 1) },
    ],
    ([revenue, rate, margin], position) => {
      requireNonNegative(ctx, 'arpa', revenue, position);
      if (rate < 0 || rate > 1) fail(ctx, 'arg.rateOutOfRange', { arg: 'churn_rate', where: describePosition(ctx, position), value: rate });
      if (rate === 0) fail(ctx, 'arg.ltvRateZero', { arg: 'churn_rate', at: positionSuffix(ctx, position) });
      if (margin < 0 || margin > 1) fail(ctx, 'arg.marginOutOfRange', { arg: 'gross_margin', where: describePosition(ctx, position), value: margin });
      return defined(customerLtv(revenue, rate, margin));
    },
  );
}

export function revenueTableRow(row: RevenueRow, startOf: (day: number) => Date | string): (Date | number | string)[] {
  return [startOf(row.startDay), ...revenueFigures(row)];
}

export function REVENUE_TABLE(
  ctx: CallContext,
  settings: SheetSettings,
  startDates: Cell | Grid,
  endDates: Cell | Grid,
  amounts: Cell | Grid,
  period?: Cell | Grid,
  ids?: Cell | Grid,
  segments?: Cell | Grid,
): TableCell[][] {
  if (amounts === undefined) fail(ctx, 'arg.required', { arg: 'amounts' });
  const kind = parsePeriod(ctx, period);
  const { table, timeZone } = readTableArgs(ctx, settings, { start_dates: startDates, end_dates: endDates, amounts, ids, segments });
  if (table.startDays.length === 0 || !table.amounts) {
    fail(ctx, 'arg.noUsableRevenueRows', { problems: describeProblems(ctx.language, table.problems, table.problemCount) });
  }
  const header = REVENUE_TABLE_HEADER_KEYS.map((key) => translate(ctx.language, key));
  const startOf = periodStarts(timeZone);
  return tableOutput(ctx, table, kind, header, (part) => buildRevenueTable(part as RevenueInput, kind).map((row) => revenueTableRow(row, startOf)));
}
