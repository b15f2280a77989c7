/**
 * Win-back: the customers who left, and how many of those lost come back.
 *
 * Both work on customers, not rows: a customer's rows are merged into stretches of activity as
 * for the churn table (customers.ts), so a change of plan is no loss, and a stretch after a gap
 * is a return.
 */
import { activityIntervals } from './customers';
import { PeriodIndex, type PeriodKind } from './periods';
import { amountUnits } from './revenue';
import { NO_END, type CustomerTable } from './table';

export interface LostCustomer {
  /** The customer's id ('' for a row without one: a customer of its own). */
  id: string;
  /** Its first start. */
  firstDay: number;
  /** The end of its last stretch: the day it left (the half-open end, as written in the table). */
  leftDay: number;
  /** Days as a customer: the lengths of its stretches added up. */
  activeDays: number;
  /** Its monthly amount when it left (amounts of the rows active on its last day); undefined without amounts. */
  mrr: number | undefined;
  /** How many times it had come back before it left for good. */
  returns: number;
}

export interface LostWindow {
  /** Only customers who left on or after this day / on or before this day. */
  fromDay?: number;
  toDay?: number;
}

/**
 * The customers who are not customers at the end of the table: every stretch of theirs has an
 * end (an end date after the table's last date, a cancellation already booked, counts too:
 * `toDay` leaves those out). Sorted by MRR when they left (highest first), then by the day they
 * left (latest first), then by id.
 */
export function lostCustomers(table: Pick<CustomerTable, 'startDays' | 'endDays' | 'ids' | 'amounts'>, window: LostWindow = {}): LostCustomer[] {
  const intervals = activityIntervals(table);
  const { customerCount, customerOfInterval, customerOfRow } = intervals;
  const lastInterval = new Int32Array(customerCount).fill(-1);
  const firstInterval = new Int32Array(customerCount).fill(-1);
  for (let i = 0; i < customerOfInterval.length; i++) {
    const customer = customerOfInterval[i];
    if (firstInterval[customer] < 0) firstInterval[customer] = i;
    lastInterval[customer] = i;
  }

  const isLost = (customer: number) => {
    const left = intervals.endDays[lastInterval[customer]];
    if (left === NO_END) return false;
    return (window.fromDay === undefined || left >= window.fromDay) && (window.toDay === undefined || left <= window.toDay);
  };

  // MRR when it left: the rows active on its last day, or, for a last stretch that began and
  // ended on one day, that day's rows. Summed in whole units of the smallest decimal, exactly.
  let mrrUnits: Float64Array | undefined;
  let scale = 1;
  if (table.amounts) {
    const units = amountUnits(table.amounts);
    scale = units.scale;
    const active = new Float64Array(customerCount);
    const sameDay = new Float64Array(customerCount);
    for (let row = 0; row < table.startDays.length; row++) {
      const customer = customerOfRow[row];
      const left = intervals.endDays[lastInterval[customer]];
      if (table.endDays[row] !== left || left === NO_END) continue;
      if (table.startDays[row] < left) active[customer] += units.units[row];
      else sameDay[customer] += units.units[row];
    }
    mrrUnits = active;
    for (let c = 0; c < customerCount; c++) if (intervals.startDays[lastInterval[c]] === intervals.endDays[lastInterval[c]]) mrrUnits[c] = sameDay[c];
  }

  const idOf: string[] = new Array(customerCount).fill('');
  if (table.ids) for (let row = 0; row < table.ids.length; row++) idOf[customerOfRow[row]] = table.ids[row];

  const lost: LostCustomer[] = [];
  for (let c = 0; c < customerCount; c++) {
    if (!isLost(c)) continue;
    let activeDays = 0;
    for (let i = firstInterval[c]; i <= lastInterval[c]; i++) activeDays += intervals.endDays[i] - intervals.startDays[i];
    lost.push({
      id: idOf[c],
      firstDay: intervals.startDays[firstInterval[c]],
      leftDay: intervals.endDays[lastInterval[c]],
      activeDays,
      mrr: mrrUnits ? mrrUnits[c] / scale : undefined,
      returns: lastInterval[c] - firstInterval[c],
    });
  }
  lost.sort((a, b) => (b.mrr ?? 0) - (a.mrr ?? 0) || b.leftDay - a.leftDay || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return lost;
}

export interface WinBackRow {
  startDay: number;
  /** Customers lost in the period (each counted once, at its last loss in the period). */
  lost: number;
  /** back[k - 1]: of those, how many were customers again by the end of the period k periods later; undefined past the table's last period. */
  back: (number | undefined)[];
}

/**
 * One row per period from the first start to the last start or end (as the churn table):
 * customers lost in it, and for k = 1, 2, ... how many of them had come back by the end of
 * the k-th period after it.
 */
export function buildWinBackTable(table: Pick<CustomerTable, 'startDays' | 'endDays' | 'ids' | 'span'>, kind: PeriodKind): WinBackRow[] {
  if (!table.span) return [];
  const intervals = activityIntervals(table);
  const index = new PeriodIndex(kind, table.span.firstDay, table.span.lastDay);
  const count = index.count;
  const lost = new Int32Array(count);
  // backFrom[p * count + k]: losses of period p that came back exactly k periods later (k >= 1; a
  // return within the period itself counts from k = 1).
  const backFrom = new Int32Array(count * count);
  const { customerOfInterval, startDays, endDays } = intervals;
  for (let i = 0; i < customerOfInterval.length; i++) {
    const end = endDays[i];
    if (end === NO_END) continue;
    const p = index.indexOf(end);
    const next = i + 1 < customerOfInterval.length && customerOfInterval[i + 1] === customerOfInterval[i] ? i + 1 : -1;
    // A later loss of the same customer in the same period stands for both.
    if (next >= 0 && endDays[next] !== NO_END && index.indexOf(endDays[next]) === p) continue;
    lost[p]++;
    if (next >= 0) backFrom[p * count + Math.max(1, index.indexOf(startDays[next]) - p)]++;
  }

  const rows: WinBackRow[] = [];
  for (let p = 0; p < count; p++) {
    const back: (number | undefined)[] = [];
    let sum = 0;
    for (let k = 1; k < count; k++) {
      if (p + k < count) {
        sum += backFrom[p * count + k];
        back.push(sum);
      } else back.push(undefined);
    }
    rows.push({ startDay: index.startDay(p), lost: lost[p], back });
  }
  return rows;
}
