/**
 * Daily churn, ChartMogul's B2C formula: for a period, the sum over its days d of
 *
 *   (customers active at the start of day d who left on day d) / (customers active at the start of day d)
 *
 * which is 1 - survivors at the end of the day / active at its start. "Active at the start of
 * day d" is the spec's customers-at-start rule with a one-day period: start < d and (no end or
 * end >= d); "left on day d" is end = d. So a customer who joins during a day does not enter
 * that day's ratio, and one who starts and ends on the same day is never counted. A day with
 * nobody active adds 0; a period none of whose days started with an active customer has no
 * value (undefined). Being a sum of daily rates, the value can exceed the period's churn rate
 * and, with very heavy churn, even 1.
 *
 * Day-level difference arrays over the table's span: O(intervals + days), never intervals x days.
 */
import { NO_END, activityIntervals, type ActivityIntervals } from './customers';
import type { PeriodSpan } from './churnTable';
import { PeriodIndex, type PeriodKind } from './periods';
import type { CustomerTable } from './table';

export interface DailyCounts {
  /** Day number of the first day counted. */
  firstDay: number;
  /** activeAtStart[d - firstDay]: customers active at the start of day d. */
  activeAtStart: Int32Array;
  /** left[d - firstDay]: customers active at the start of day d who left on day d. */
  left: Int32Array;
}

/** The two daily counts for every day of [firstDay, lastDay]. */
export function dailyCounts(intervals: Pick<ActivityIntervals, 'startDays' | 'endDays'>, firstDay: number, lastDay: number): DailyCounts {
  const { startDays, endDays } = intervals;
  const length = lastDay - firstDay + 1;
  const activeFrom = new Int32Array(length + 1); // difference array of activeAtStart
  const left = new Int32Array(length);
  const clamp = (offset: number) => (offset < 0 ? 0 : offset > length ? length : offset);

  for (let i = 0; i < startDays.length; i++) {
    const start = startDays[i];
    const end = endDays[i];
    if (end !== NO_END && end <= start) continue; // same-day start and end: never active at a day's start
    // Active at the start of the days start + 1 .. end (the day it left on), or of every later day.
    const from = clamp(start + 1 - firstDay);
    const to = end === NO_END ? length : clamp(end + 1 - firstDay);
    if (from < to) {
      activeFrom[from]++;
      activeFrom[to]--;
    }
    if (end !== NO_END && end >= firstDay && end <= lastDay) left[end - firstDay]++;
  }

  const activeAtStart = new Int32Array(length);
  let running = 0;
  for (let d = 0; d < length; d++) {
    running += activeFrom[d];
    activeAtStart[d] = running;
  }
  return { firstDay, activeAtStart, left };
}

/**
 * Daily churn of each period of `window` (by default of `coverage`, which must hold every start
 * and end), in the order of computePeriodTable's rows; undefined where no day of the period
 * started with an active customer.
 */
export function computeDailyChurn(intervals: Pick<ActivityIntervals, 'startDays' | 'endDays'>, kind: PeriodKind, coverage: PeriodSpan, window: PeriodSpan = coverage): (number | undefined)[] {
  const index = new PeriodIndex(kind, Math.min(coverage.firstDay, window.firstDay), Math.max(coverage.lastDay, window.lastDay));
  const firstIndex = index.indexOf(window.firstDay);
  const lastIndex = index.indexOf(window.lastDay);
  const firstDay = index.startDay(firstIndex);
  const lastDay = index.startDay(lastIndex + 1) - 1; // the last period's own last day
  const { activeAtStart, left } = dailyCounts(intervals, firstDay, lastDay);

  const values: (number | undefined)[] = [];
  let day = firstDay;
  for (let p = firstIndex; p <= lastIndex; p++) {
    const next = index.startDay(p + 1);
    let sum = 0;
    let anyActive = false;
    for (; day < next; day++) {
      const active = activeAtStart[day - firstDay];
      if (active === 0) continue;
      anyActive = true;
      sum += left[day - firstDay] / active;
    }
    values.push(anyActive ? sum : undefined);
  }
  return values;
}

/** Daily churn of each period of a customer table, the periods of buildChurnTable. */
export function buildDailyChurn(table: CustomerTable, kind: PeriodKind, window?: PeriodSpan): (number | undefined)[] {
  if (!table.span) return [];
  return computeDailyChurn(activityIntervals(table), kind, table.span, window);
}
