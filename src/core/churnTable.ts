/**
 * The period table: for each period P = [p0, p1), the spec's counts
 *   S  customers at start      start < p0 and (no end or end >= p0)
 *   N  new customers           p0 <= start < p1 (a customer's first interval)
 *   R  reactivated             p0 <= start < p1 (a later interval of a known id)
 *   L  churned (existing)      start < p0 and p0 <= end < p1
 *   Ln churned new             p0 <= start < p1 and p0 <= end < p1 (new or reactivated)
 *   E  customers at end        S + N + R - L - Ln
 *
 * Each interval touches at most two periods' counters and one difference array, so the table
 * costs O(intervals + periods) time and memory, never intervals x periods.
 */
import { adjustedChurn, churnRate } from './metrics';
import { PeriodIndex, type PeriodKind } from './periods';
import { NO_END, activityIntervals, type ActivityIntervals } from './customers';
import type { CustomerTable } from './table';

export interface PeriodRow {
  /** Day number of the first day of the period. */
  startDay: number;
  customersAtStart: number;
  newCustomers: number;
  reactivated: number;
  churned: number;
  churnedNew: number;
  customersAtEnd: number;
}

export interface PeriodSpan {
  firstDay: number;
  lastDay: number;
}

/**
 * Counts every interval into the periods of `coverage` (which must hold every start and end)
 * and returns the periods of `window`, by default all of them.
 */
export function computePeriodTable(intervals: ActivityIntervals, kind: PeriodKind, coverage: PeriodSpan, window: PeriodSpan = coverage): PeriodRow[] {
  const { startDays, endDays, reactivation } = intervals;
  const index = new PeriodIndex(kind, Math.min(coverage.firstDay, window.firstDay), Math.max(coverage.lastDay, window.lastDay));
  const count = index.count;

  const activeFrom = new Int32Array(count + 1); // difference array for S
  const gained = new Int32Array(count);
  const returned = new Int32Array(count);
  const lost = new Int32Array(count);
  const lostNew = new Int32Array(count);

  for (let i = 0; i < startDays.length; i++) {
    const startPeriod = index.indexOf(startDays[i]);
    if (reactivation[i] === 1) returned[startPeriod]++;
    else gained[startPeriod]++;
    const end = endDays[i];
    if (end === NO_END) {
      activeFrom[startPeriod + 1]++;
      continue;
    }
    const endPeriod = index.indexOf(end);
    if (endPeriod === startPeriod) {
      lostNew[startPeriod]++;
    } else {
      lost[endPeriod]++;
      // A customer at the start of every period after the one it started in, up to the one it left in.
      activeFrom[startPeriod + 1]++;
      activeFrom[endPeriod + 1]--;
    }
  }

  const firstIndex = index.indexOf(window.firstDay);
  const lastIndex = index.indexOf(window.lastDay);
  const rows: PeriodRow[] = [];
  let atStart = 0;
  for (let p = 0; p <= lastIndex; p++) {
    atStart += activeFrom[p];
    if (p < firstIndex) continue;
    const customersAtEnd = atStart + gained[p] + returned[p] - lost[p] - lostNew[p];
    rows.push({
      startDay: index.startDay(p),
      customersAtStart: atStart,
      newCustomers: gained[p],
      reactivated: returned[p],
      churned: lost[p],
      churnedNew: lostNew[p],
      customersAtEnd,
    });
  }
  return rows;
}

export interface ChurnTableResult {
  rows: PeriodRow[];
  /** Distinct customers counted (ids, or rows when there is no id column). */
  customerCount: number;
}

/**
 * The period table of a customer table. The periods run from the first start to the last start
 * or end written in the table; a window given by the caller narrows or widens that.
 */
export function buildChurnTable(table: CustomerTable, kind: PeriodKind, window?: PeriodSpan): ChurnTableResult {
  const intervals = activityIntervals(table);
  if (!table.span) return { rows: [], customerCount: 0 };
  return { rows: computePeriodTable(intervals, kind, table.span, window), customerCount: intervals.customerCount };
}

/**
 * A period's figures in table order: customers at start, new, reactivated, churned, churned
 * new, customers at end, churn rate and adjusted churn; '' where a rate is undefined (no
 * customers at the start), never 0 or NaN.
 */
export function periodFigures(row: PeriodRow): (number | '')[] {
  const rate = (value: number | undefined): number | '' => (value === undefined ? '' : value);
  return [
    row.customersAtStart,
    row.newCustomers,
    row.reactivated,
    row.churned,
    row.churnedNew,
    row.customersAtEnd,
    rate(churnRate(row.customersAtStart, row.churned)),
    rate(adjustedChurn(row)),
  ];
}
