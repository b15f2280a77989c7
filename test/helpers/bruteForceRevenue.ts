/**
 * An independent, deliberately naive reference for the revenue table: every customer's MRR is
 * recomputed on every day from its rows (ISO date strings, which sort like the dates they name),
 * and each day's change is classified by the rules of docs/metrics.md. Slow on purpose.
 */
import { periodsOf, type Kind } from './bruteForce';

export interface RevenueRowInput {
  start: string;
  end: string; // '' while active
  amount: number;
  id?: string; // '' or absent: a customer of its own
}

export interface RevenueCounts {
  periodStart: string;
  mrrAtStart: number;
  newMrr: number;
  reactivationMrr: number;
  expansionMrr: number;
  contractionMrr: number;
  churnedMrr: number;
  mrrAtEnd: number;
}

const DAY = 86_400_000;
const toMs = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const toIso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** MRR of a customer's rows on a day: rows with start <= day < end. */
const mrrOn = (rows: RevenueRowInput[], day: string) =>
  rows.filter((row) => row.start <= day && (row.end === '' || day < row.end)).reduce((sum, row) => sum + row.amount, 0);

export function bruteForceRevenue(kind: Kind, rows: RevenueRowInput[], withIds = false): RevenueCounts[] {
  const customers: RevenueRowInput[][] = [];
  const byId = new Map<string, RevenueRowInput[]>();
  for (const row of rows) {
    if (!withIds || !row.id) {
      customers.push([row]);
      continue;
    }
    const own = byId.get(row.id);
    if (own) own.push(row);
    else {
      const list = [row];
      byId.set(row.id, list);
      customers.push(list);
    }
  }

  const periods = periodsOf(kind, rows.map((row) => ({ start: row.start, end: row.end })));
  const periodOf = (day: string) => periods.findIndex(([p0, p1]) => p0 <= day && day < p1);
  const flows = periods.map(() => ({ newMrr: 0, reactivationMrr: 0, expansionMrr: 0, contractionMrr: 0, churnedMrr: 0 }));

  for (const own of customers) {
    const first = Math.min(...own.map((row) => toMs(row.start)));
    const last = Math.max(...own.map((row) => toMs(row.end || row.start)));
    let before = 0;
    let hasPaid = false;
    for (let ms = first; ms <= last; ms += DAY) {
      const day = toIso(ms);
      const after = mrrOn(own, day);
      const flow = flows[periodOf(day)];
      if (before === 0 && after === 0) {
        const blip = own.filter((row) => row.start === day && row.end === day).reduce((sum, row) => sum + row.amount, 0);
        if (blip > 0) {
          if (hasPaid) flow.reactivationMrr += blip;
          else flow.newMrr += blip;
          flow.churnedMrr += blip;
          hasPaid = true;
        }
      } else if (before === 0) {
        if (hasPaid) flow.reactivationMrr += after;
        else flow.newMrr += after;
        hasPaid = true;
      } else if (after === 0) flow.churnedMrr += before;
      else if (after > before) flow.expansionMrr += after - before;
      else if (after < before) flow.contractionMrr += before - after;
      before = after;
    }
  }

  // MRR at a period's start: what every customer paid on the day before it.
  const mrrBefore = (p0: string) => {
    const dayBefore = toIso(toMs(p0) - DAY);
    return customers.reduce((sum, own) => sum + mrrOn(own, dayBefore), 0);
  };
  return periods.map(([p0, p1], p) => ({
    periodStart: p0,
    mrrAtStart: mrrBefore(p0),
    ...flows[p],
    mrrAtEnd: mrrBefore(p1),
  }));
}
