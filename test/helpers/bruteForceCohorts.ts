/**
 * Deliberately naive references for cohort retention and daily churn, written on ISO date
 * strings and day-by-day activity, independent of src/core: a customer (an id's rows, or one
 * row without ids) is active on day x when one of its rows has start <= x < end. Slow on purpose.
 */
import { periodsOf, type Kind, type Row } from './bruteForce';

const DAY = 86_400_000;
const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

function customersOf(rows: Row[], withIds: boolean): Row[][] {
  if (!withIds) return rows.map((row) => [row]);
  const byId = new Map<string, Row[]>();
  for (const row of rows) byId.set(row.id!, [...(byId.get(row.id!) ?? []), row]);
  return [...byId.values()];
}

const activeOn = (customer: Row[], day: string) => customer.some((row) => row.start <= day && (row.end === '' || day < row.end));

export interface BruteCohort {
  periodStart: string;
  size: number;
  /** Customers of the cohort active on the last day of each period from the cohort's own; one entry per remaining period. */
  retained: number[];
}

/** Cohort c = customers whose earliest start is in period c; cell k = those active on the last day of period c + k. */
export function bruteForceCohorts(kind: Kind, rows: Row[], withIds = false): BruteCohort[] {
  const periods = periodsOf(kind, rows);
  const customers = customersOf(rows, withIds);
  const cohortOf = (customer: Row[]) => {
    const first = customer.map((row) => row.start).sort()[0];
    return periods.findIndex(([p0, p1]) => p0 <= first && first < p1);
  };
  return periods.map(([p0], c) => {
    const members = customers.filter((customer) => cohortOf(customer) === c);
    const retained = periods.slice(c).map(([, p1]) => members.filter((customer) => activeOn(customer, addDays(p1, -1))).length);
    return { periodStart: p0, size: members.length, retained };
  });
}

/**
 * Per period, the sum over its days d of (customers active on day d - 1 but not on day d) /
 * (customers active on day d - 1); undefined when nobody was active on the eve of any of its days.
 */
export function bruteForceDaily(kind: Kind, rows: Row[], withIds = false): (number | undefined)[] {
  const customers = customersOf(rows, withIds);
  return periodsOf(kind, rows).map(([p0, p1]) => {
    let sum = 0;
    let anyActive = false;
    for (let day = p0; day < p1; day = addDays(day, 1)) {
      const eve = addDays(day, -1);
      const active = customers.filter((customer) => activeOn(customer, eve));
      if (active.length === 0) continue;
      anyActive = true;
      sum += active.filter((customer) => !activeOn(customer, day)).length / active.length;
    }
    return anyActive ? sum : undefined;
  });
}
