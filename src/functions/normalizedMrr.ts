/**
 * NORMALIZED_MRR(amount, interval, [quantity], [interval_count]): each subscription's monthly
 * recurring revenue from a billing export's own columns (amount x quantity / months of the
 * billing interval, ChartMogul's rule), so REVENUE_TABLE can be fed from them. Cell by cell,
 * like the other elementwise functions: ranges of one shape, blanks give blanks.
 */
import { intervalUnit, monthlyAmount, monthsOf } from '../core/exports/interval';
import { describePosition, displayValue, elementwise, fail, isBlankCell, isGrid, type CallContext, type Cell, type Grid } from './args';

/** A left-out or blank optional argument is 1; so is a blank cell of a range. */
function orOne(value: Cell | Grid): Cell | Grid {
  if (value === undefined || (!isGrid(value) && isBlankCell(value))) return 1;
  if (isGrid(value)) return value.map((row) => (Array.isArray(row) ? row.map((cell) => (isBlankCell(cell) ? 1 : cell)) : row));
  return value;
}

/** The interval word of a cell as its months (a number elementwise can use); blanks stay blank. */
function intervalMonths(ctx: CallContext, value: Cell, position?: { row: number; col: number }): Cell {
  if (isBlankCell(value)) return '';
  const unit = intervalUnit(value);
  if (!unit) fail(ctx, 'arg.unknownInterval', { arg: 'interval', where: describePosition(ctx, position), value: displayValue(value) });
  return monthsOf(unit);
}

export function NORMALIZED_MRR(ctx: CallContext, amount: Cell | Grid, interval: Cell | Grid, quantity?: Cell | Grid, intervalCount?: Cell | Grid): ReturnType<typeof elementwise> {
  if (interval === undefined) fail(ctx, 'arg.required', { arg: 'interval' });
  const months = isGrid(interval)
    ? interval.map((row, r) => (Array.isArray(row) ? row.map((cell, c) => intervalMonths(ctx, cell, { row: r, col: c })) : row))
    : intervalMonths(ctx, interval);
  return elementwise(
    ctx,
    [
      { name: 'amount', value: amount },
      { name: 'interval', value: months },
      { name: 'quantity', value: orOne(quantity) },
      { name: 'interval_count', value: orOne(intervalCount) },
    ],
    ([money, monthsPerInterval, units, count], position) => {
      if (money < 0) fail(ctx, 'arg.negative', { arg: 'amount', where: describePosition(ctx, position), value: money });
      if (units < 0) fail(ctx, 'arg.negative', { arg: 'quantity', where: describePosition(ctx, position), value: units });
      if (!(count > 0)) fail(ctx, 'arg.intervalCountNotPositive', { arg: 'interval_count', where: describePosition(ctx, position), value: count });
      // monthsOf gave the months; monthlyAmount is per month unit here.
      return monthlyAmount(money, 'month', units, monthsPerInterval * count);
    },
  );
}
