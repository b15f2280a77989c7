/**
 * The scalar-or-range custom functions: CHURN_RATE, ADJUSTED_CHURN, RETENTION_RATE,
 * CHURN_COST and CUSTOMER_LIFETIME. Each validates its inputs cell by cell and either returns
 * a finite number (or a blank for a blank input row) or throws a message naming the argument.
 */
import {
  ADJUSTED_METHODS,
  adjustedChurn,
  churnRate,
  customerLifetime,
  isAdjustedMethod,
  lostProfit,
  retentionRate,
  type AdjustedMethod,
  type CountMethod,
} from '../core/metrics';
import { describePosition, displayValue, elementwise, fail, optionText, positionSuffix, type CallContext, type Cell, type Grid, type Position } from './args';

type Result = ReturnType<typeof elementwise>;

function requireNonNegative(ctx: CallContext, arg: string, value: number, position: Position): void {
  if (value < 0) fail(ctx, 'arg.negative', { arg, where: describePosition(ctx, position), value });
}

function requireStart(ctx: CallContext, start: number, position: Position): void {
  if (start <= 0) fail(ctx, 'arg.notPositive', { arg: 'customers_at_start', where: describePosition(ctx, position), value: start });
}

function requireLostWithinStart(ctx: CallContext, start: number, lost: number, position: Position): void {
  requireNonNegative(ctx, 'customers_lost', lost, position);
  if (lost > start) {
    fail(ctx, 'arg.lostAboveStart', { arg: 'customers_lost', lost, start, at: positionSuffix(ctx, position) });
  }
}

/** A computed rate is always defined once its inputs passed validation; this guards the promise. */
function defined(value: number | undefined): number {
  if (value === undefined) throw new Error('internal: a validated rate was undefined');
  // An overflow (Infinity, NaN) is the inputs' doing: elementwise names the input to check.
  return value;
}

export function CHURN_RATE(ctx: CallContext, customersAtStart: Cell | Grid, customersLost: Cell | Grid): Result {
  return elementwise(
    ctx,
    [
      { name: 'customers_at_start', value: customersAtStart },
      { name: 'customers_lost', value: customersLost },
    ],
    ([start, lost], position) => {
      requireStart(ctx, start, position);
      requireLostWithinStart(ctx, start, lost, position);
      return defined(churnRate(start, lost));
    },
  );
}

export function RETENTION_RATE(ctx: CallContext, customersAtStart: Cell | Grid, customersLost: Cell | Grid): Result {
  return elementwise(
    ctx,
    [
      { name: 'customers_at_start', value: customersAtStart },
      { name: 'customers_lost', value: customersLost },
    ],
    ([start, lost], position) => {
      requireStart(ctx, start, position);
      requireLostWithinStart(ctx, start, lost, position);
      return defined(retentionRate(start, lost));
    },
  );
}

export function parseAdjustedMethod(ctx: CallContext, value: Cell | Grid): AdjustedMethod {
  const text = optionText(value);
  if (text === '') return 'start';
  if (isAdjustedMethod(text)) return text;
  return fail(ctx, 'arg.unknownMethod', {
    value: displayValue(value),
    allowed: ADJUSTED_METHODS.map((method) => `"${method}"`).join(', '),
  });
}

export function ADJUSTED_CHURN(
  ctx: CallContext,
  customersAtStart: Cell | Grid,
  customersLost: Cell | Grid,
  newCustomers: Cell | Grid,
  newCustomersLost: Cell | Grid,
  method?: Cell | Grid,
): Result {
  const parsed = parseAdjustedMethod(ctx, method);
  // A period's counts cannot give the daily churn: that needs every customer's dates.
  const chosen: CountMethod = parsed === 'daily' ? fail(ctx, 'arg.dailyNeedsDates') : parsed;
  return elementwise(
    ctx,
    [
      { name: 'customers_at_start', value: customersAtStart },
      { name: 'customers_lost', value: customersLost },
      { name: 'new_customers', value: newCustomers },
      { name: 'new_customers_lost', value: newCustomersLost },
    ],
    ([start, lost, gained, lostNew], position) => {
      requireStart(ctx, start, position);
      requireLostWithinStart(ctx, start, lost, position);
      requireNonNegative(ctx, 'new_customers', gained, position);
      requireNonNegative(ctx, 'new_customers_lost', lostNew, position);
      if (lostNew > gained) {
        fail(ctx, 'arg.newLostAboveNew', {
          arg: 'new_customers_lost',
          lost: lostNew,
          gained,
          at: positionSuffix(ctx, position),
        });
      }
      return defined(adjustedChurn({ customersAtStart: start, churned: lost, newCustomers: gained, churnedNew: lostNew }, chosen));
    },
  );
}

export function CHURN_COST(ctx: CallContext, customersLost: Cell | Grid, profitPerCustomer: Cell | Grid): Result {
  return elementwise(
    ctx,
    [
      { name: 'customers_lost', value: customersLost },
      { name: 'profit_per_customer', value: profitPerCustomer },
    ],
    ([lost, profit], position) => {
      requireNonNegative(ctx, 'customers_lost', lost, position);
      requireNonNegative(ctx, 'profit_per_customer', profit, position);
      return lostProfit(lost, profit);
    },
  );
}

export function CUSTOMER_LIFETIME(ctx: CallContext, rate: Cell | Grid): Result {
  return elementwise(ctx, [{ name: 'churn_rate', value: rate }], ([value], position) => {
    if (value < 0 || value > 1) fail(ctx, 'arg.rateOutOfRange', { arg: 'churn_rate', where: describePosition(ctx, position), value });
    if (value === 0) fail(ctx, 'arg.rateZero', { arg: 'churn_rate', at: positionSuffix(ctx, position) });
    return defined(customerLifetime(value));
  });
}
