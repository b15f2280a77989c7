/**
 * Cohort retention: customers grouped by the period of their first start (their cohort), and
 * for each cohort how many of them are customers at the end of each later period.
 *
 *   size(c)    customers whose first start falls in period c (the period's new customers N;
 *              a reactivation does not join a cohort, it counts in its first cohort)
 *   cell(c, k) customers of cohort c who are customers at the end of period c + k, i.e. at the
 *              first moment of period c + k + 1: start < p1 and (no end or end >= p1), in any of
 *              their intervals, so a customer who came back counts again
 *
 * Column k = 0 is the end of the cohort's own period: (N - those who left in it) / N for a
 * cohort without returns. Columns run to the table's last period; later cells are blank.
 *
 * Each interval adds +1 at its first period-end and -1 after its last into its cohort's
 * difference row, so the table costs O(intervals + cohorts x periods), never intervals x periods.
 */
import { NO_END, activityIntervals, type ActivityIntervals } from './customers';
import type { PeriodSpan } from './churnTable';
import { PeriodIndex, type PeriodKind } from './periods';
import type { CustomerTable } from './table';

/** "share" (default): cells are shares of the cohort's size; "count": numbers of customers. */
export const COHORT_MODES = ['share', 'count'] as const;
export type CohortMode = (typeof COHORT_MODES)[number];

export function isCohortMode(value: string): value is CohortMode {
  return (COHORT_MODES as readonly string[]).includes(value);
}

export interface CohortRow {
  /** Day number of the first day of the cohort's period. */
  startDay: number;
  /** Customers whose first start falls in the period. */
  size: number;
  /**
   * retained[k]: customers of the cohort who are customers at the end of the k-th period since
   * the cohort's own (k = 0 is the cohort's own period), up to the table's last period.
   */
  retained: Int32Array;
}

export interface CohortTable {
  rows: CohortRow[];
  /** Periods shown, and so the most columns of periods since start (the first cohort's). */
  periodCount: number;
  /** Distinct customers counted (ids, or rows when there is no id column). */
  customerCount: number;
}

/**
 * Counts every interval into its cohort; `coverage` must hold every start and end. The cohorts
 * are the periods of `window` (by default all of them), and columns run to its last period.
 */
export function computeCohorts(intervals: ActivityIntervals, kind: PeriodKind, coverage: PeriodSpan, window: PeriodSpan = coverage): CohortRow[] {
  const { startDays, endDays, reactivation, cohortStartDays } = intervals;
  const index = new PeriodIndex(kind, Math.min(coverage.firstDay, window.firstDay), Math.max(coverage.lastDay, window.lastDay));
  const firstIndex = index.indexOf(window.firstDay);
  const lastIndex = index.indexOf(window.lastDay);
  const cohortCount = lastIndex - firstIndex + 1;

  const sizes = new Int32Array(cohortCount);
  // Cohort c (period firstIndex + c) has lastIndex - firstIndex - c + 1 cells; one more slot for the -1 past the last.
  const differences: Int32Array[] = [];
  for (let c = 0; c < cohortCount; c++) differences.push(new Int32Array(cohortCount - c + 1));

  for (let i = 0; i < startDays.length; i++) {
    const cohort = index.indexOf(cohortStartDays[i]) - firstIndex;
    if (cohort < 0 || cohort >= cohortCount) continue;
    if (reactivation[i] === 0) sizes[cohort]++;
    const startPeriod = index.indexOf(startDays[i]);
    if (startPeriod > lastIndex) continue;
    const end = endDays[i];
    // A customer at the end of every period from the one it started in to the one before it left.
    const endPeriod = end === NO_END ? lastIndex + 1 : Math.min(index.indexOf(end), lastIndex + 1);
    if (endPeriod <= startPeriod) continue;
    const base = firstIndex + cohort;
    const difference = differences[cohort];
    difference[startPeriod - base]++;
    difference[endPeriod - base]--;
  }

  const rows: CohortRow[] = [];
  for (let c = 0; c < cohortCount; c++) {
    const difference = differences[c];
    const retained = new Int32Array(cohortCount - c);
    let running = 0;
    for (let k = 0; k < retained.length; k++) {
      running += difference[k];
      retained[k] = running;
    }
    rows.push({ startDay: index.startDay(firstIndex + c), size: sizes[c], retained });
  }
  return rows;
}

/**
 * The cohort table of a customer table: cohorts from the period of the first start to the
 * period of the last start or end written in the table, as CHURN_TABLE's periods; a window
 * given by the caller narrows or widens that.
 */
export function buildCohortTable(table: CustomerTable, kind: PeriodKind, window?: PeriodSpan): CohortTable {
  if (!table.span) return { rows: [], periodCount: 0, customerCount: 0 };
  const intervals = activityIntervals(table);
  const rows = computeCohorts(intervals, kind, table.span, window);
  return { rows, periodCount: rows.length, customerCount: intervals.customerCount };
}

/**
 * One cell: the share of the cohort (or the count) at the end of its k-th period since start;
 * undefined past the table's last period, and for a share when the cohort is empty.
 */
export function cohortCell(row: CohortRow, k: number, mode: CohortMode = 'share'): number | undefined {
  if (k < 0 || k >= row.retained.length) return undefined;
  if (mode === 'count') return row.retained[k];
  return row.size > 0 ? row.retained[k] / row.size : undefined;
}

/** A cohort's figures in table order: its size, then `columns` cells ('' where undefined). */
export function cohortFigures(row: CohortRow, columns: number, mode: CohortMode = 'share'): (number | '')[] {
  const figures: (number | '')[] = [row.size];
  for (let k = 0; k < columns; k++) figures.push(cohortCell(row, k, mode) ?? '');
  return figures;
}
