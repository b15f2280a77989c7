/**
 * A naive reference for the win-back list and table, day by day on ISO dates: a customer is
 * active on a day when one of its rows covers it ([start, end)); its stretches are the runs of
 * active days. Slow on purpose, and written without the engine's merging of rows.
 */
import { periodsOf, type Kind } from './bruteForce';

export interface WinBackInputRow {
  id: string;
  start: string;
  end: string; // '' while active
  amount?: number;
}

const DAY = 86_400_000;
const toMs = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const toIso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

interface Stretch {
  start: string;
  end: string; // '' while active
}

function stretchesOf(rows: WinBackInputRow[]): Stretch[] {
  const horizon = Math.max(...rows.map((row) => toMs(row.end || row.start))) + 2 * DAY;
  const first = Math.min(...rows.map((row) => toMs(row.start)));
  const stretches: Stretch[] = [];
  let current: Stretch | undefined;
  for (let day = first; day <= horizon; day += DAY) {
    const iso = toIso(day);
    const active = rows.some((row) => row.start <= iso && (row.end === '' || iso < row.end));
    if (active && !current) current = { start: iso, end: '' };
    else if (!active && current) {
      current.end = iso;
      stretches.push(current);
      current = undefined;
    }
  }
  if (current) stretches.push(current);
  return stretches;
}

function byCustomer(rows: WinBackInputRow[]): Map<string, WinBackInputRow[]> {
  const customers = new Map<string, WinBackInputRow[]>();
  for (const row of rows) customers.set(row.id, [...(customers.get(row.id) ?? []), row]);
  return customers;
}

export interface LostRow {
  id: string;
  since: string;
  left: string;
  days: number;
  mrr: number | '';
  returns: number;
}

export function bruteForceLost(rows: WinBackInputRow[], withAmounts: boolean, from = '', to = ''): LostRow[] {
  const lost: LostRow[] = [];
  for (const [id, own] of byCustomer(rows)) {
    const stretches = stretchesOf(own);
    const last = stretches[stretches.length - 1];
    if (last.end === '' || (from && last.end < from) || (to && last.end > to)) continue;
    const lastDay = toIso(toMs(last.end) - DAY);
    const mrr = own.filter((row) => row.start <= lastDay && row.end !== '' && lastDay < row.end).reduce((sum, row) => sum + (row.amount ?? 0), 0);
    lost.push({
      id,
      since: stretches[0].start,
      left: last.end,
      days: stretches.reduce((sum, s) => sum + (toMs(s.end) - toMs(s.start)) / DAY, 0),
      mrr: withAmounts ? Math.round(mrr * 100) / 100 : '',
      returns: stretches.length - 1,
    });
  }
  return lost.sort((a, b) => Number(b.mrr || 0) - Number(a.mrr || 0) || (a.left < b.left ? 1 : a.left > b.left ? -1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export interface WinBackCounts {
  periodStart: string;
  lost: number;
  /** back[k - 1], or undefined past the last period. */
  back: (number | undefined)[];
}

export function bruteForceWinBack(kind: Kind, rows: WinBackInputRow[]): WinBackCounts[] {
  const periods = periodsOf(kind, rows);
  const stretches = [...byCustomer(rows).values()].map(stretchesOf);
  return periods.map(([p0, p1], p) => {
    const lostHere = stretches
      .map((own) => own.filter((s) => s.end !== '' && p0 <= s.end && s.end < p1).map((s) => s.end).sort().pop())
      .map((end, c) => ({ end, own: stretches[c] }))
      .filter((entry): entry is { end: string; own: Stretch[] } => entry.end !== undefined);
    const back = periods.slice(1).map((_, k) => {
      const later = periods[p + k + 1];
      if (!later) return undefined;
      const endOfPeriod = later[1];
      return lostHere.filter(({ end, own }) => own.some((s) => s.start >= end && s.start < endOfPeriod)).length;
    });
    return { periodStart: p0, lost: lostHere.length, back };
  });
}
