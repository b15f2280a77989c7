/**
 * An independent, deliberately naive implementation of the spec's period counts: every
 * customer checked against every period with the spec's rules, on ISO date strings (which sort
 * like the dates they name). Slow on purpose: it is the reference the engine is compared with.
 */
export type Kind = 'month' | 'week' | 'quarter' | 'year';

export interface Row {
  start: string;
  end: string; // '' while active
  id?: string;
}

export interface Counts {
  periodStart: string;
  S: number;
  N: number;
  R: number;
  L: number;
  Ln: number;
  E: number;
}

const DAY = 86_400_000;
const toMs = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const toIso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function periodStartOf(kind: Kind, iso: string): string {
  const date = new Date(toMs(iso));
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth();
  switch (kind) {
    case 'month':
      return toIso(Date.UTC(y, m, 1));
    case 'quarter':
      return toIso(Date.UTC(y, m - (m % 3), 1));
    case 'year':
      return toIso(Date.UTC(y, 0, 1));
    case 'week': {
      const sinceMonday = (date.getUTCDay() + 6) % 7;
      return toIso(toMs(iso) - sinceMonday * DAY);
    }
  }
}

function nextPeriodStart(kind: Kind, periodStart: string): string {
  const date = new Date(toMs(periodStart));
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth();
  switch (kind) {
    case 'month':
      return toIso(Date.UTC(y, m + 1, 1));
    case 'quarter':
      return toIso(Date.UTC(y, m + 3, 1));
    case 'year':
      return toIso(Date.UTC(y + 1, 0, 1));
    case 'week':
      return toIso(toMs(periodStart) + 7 * DAY);
  }
}

/** Periods from the first start to the last start or end. */
export function periodsOf(kind: Kind, rows: Row[]): [string, string][] {
  const dates = rows.flatMap((row) => (row.end ? [row.start, row.end] : [row.start]));
  const first = rows.map((row) => row.start).sort()[0];
  const last = dates.sort()[dates.length - 1];
  const periods: [string, string][] = [];
  for (let p0 = periodStartOf(kind, first); p0 <= last; p0 = nextPeriodStart(kind, p0)) {
    periods.push([p0, nextPeriodStart(kind, p0)]);
  }
  return periods;
}

interface Run {
  start: string;
  end: string; // '' while active
  isReturn: boolean;
}

/**
 * Activity runs per customer. Without ids every row is a run. With ids, a customer is active on
 * a day when any of its rows covers it; a run is a stretch of consecutive active days.
 * (Zero-length rows with ids are not generated for this reference.)
 */
function runsOf(rows: Row[], withIds: boolean): Run[] {
  if (!withIds) return rows.map((row) => ({ start: row.start, end: row.end, isReturn: false }));
  const byId = new Map<string, Row[]>();
  for (const row of rows) byId.set(row.id!, [...(byId.get(row.id!) ?? []), row]);
  const runs: Run[] = [];
  for (const own of byId.values()) {
    const horizon = Math.max(...own.map((row) => toMs(row.end || row.start))) + 2 * DAY;
    const first = Math.min(...own.map((row) => toMs(row.start)));
    let current: Run | undefined;
    let returning = false;
    for (let day = first; day <= horizon; day += DAY) {
      const iso = toIso(day);
      const active = own.some((row) => row.start <= iso && (row.end === '' || iso < row.end));
      if (active && !current) {
        current = { start: iso, end: '', isReturn: returning };
        returning = true;
      } else if (!active && current) {
        current.end = iso;
        runs.push(current);
        current = undefined;
      }
    }
    if (current) runs.push(current); // still active at the horizon: open-ended
  }
  return runs;
}

/** The spec's counts of `rows`, over the periods that `spanRows` (by default the same rows) reach. */
export function bruteForceTable(kind: Kind, rows: Row[], withIds = false, spanRows: Row[] = rows): Counts[] {
  const runs = runsOf(rows, withIds);
  return periodsOf(kind, spanRows).map(([p0, p1]) => {
    const count = (test: (run: Run) => boolean) => runs.filter(test).length;
    const endsIn = (run: Run) => run.end !== '' && p0 <= run.end && run.end < p1;
    const startsIn = (run: Run) => p0 <= run.start && run.start < p1;
    return {
      periodStart: p0,
      S: count((run) => run.start < p0 && (run.end === '' || run.end >= p0)),
      N: count((run) => startsIn(run) && !run.isReturn),
      R: count((run) => startsIn(run) && run.isReturn),
      L: count((run) => run.start < p0 && endsIn(run)),
      Ln: count((run) => startsIn(run) && endsIn(run)),
      E: count((run) => run.start < p1 && (run.end === '' || run.end >= p1)),
    };
  });
}
