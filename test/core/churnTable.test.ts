import fc from 'fast-check';
import { isoFromDay } from '../../src/core/calendar';
import { buildChurnTable, type PeriodRow } from '../../src/core/churnTable';
import { adjustedChurn, churnRate } from '../../src/core/metrics';
import type { PeriodKind } from '../../src/core/periods';
import { columnOf, readCustomerTable } from '../../src/core/table';
import { TimeZone } from '../../src/core/timezone';
import { SEED_004_MONTHS, seed004Rows } from '../fixtures/seed004';
import { bruteForceTable, type Counts, type Row } from '../helpers/bruteForce';
import { sheetsDate } from '../helpers/dates';

/** Runs the engine on rows given as ISO dates, handed over as Sheets would: Dates in the sheet's zone. */
function engineTable(rows: Row[], kind: PeriodKind, timeZone: string, withIds = false): PeriodRow[] {
  const zone = new TimeZone(timeZone);
  const table = readCustomerTable(
    {
      start: columnOf(rows.map((row) => sheetsDate(row.start, timeZone))),
      end: columnOf(rows.map((row) => (row.end ? sheetsDate(row.end, timeZone) : ''))),
      ids: withIds ? columnOf(rows.map((row) => row.id)) : undefined,
    },
    { timeZone: zone, localeOrder: 'DMY', firstRowNumber: 2 },
  );
  expect(table.problemCount).toBe(0);
  return buildChurnTable(table, kind).rows;
}

function asCounts(rows: PeriodRow[]): Counts[] {
  return rows.map((row) => ({
    periodStart: isoFromDay(row.startDay),
    S: row.customersAtStart,
    N: row.newCustomers,
    R: row.reactivated,
    L: row.churned,
    Ln: row.churnedNew,
    E: row.customersAtEnd,
  }));
}

describe('seed 004 (the two-month example)', () => {
  const rows = seed004Rows();

  test.each(['Europe/Oslo', 'America/Los_Angeles', 'Pacific/Auckland'])('January and February match the spec in %s', (zone) => {
    const table = engineTable(rows, 'month', zone);
    for (const expected of SEED_004_MONTHS) {
      const row = table.find((r) => isoFromDay(r.startDay) === `${expected.month}-01`)!;
      expect({ S: row.customersAtStart, L: row.churned, N: row.newCustomers, Ln: row.churnedNew, E: row.customersAtEnd }).toEqual({
        S: expected.S,
        L: expected.L,
        N: expected.N,
        Ln: expected.Ln,
        E: expected.E,
      });
    }
    const [january, february] = SEED_004_MONTHS.map((m) => table.find((r) => isoFromDay(r.startDay) === `${m.month}-01`)!);
    expect(churnRate(january.customersAtStart, january.churned)).toBeCloseTo(0.03, 12);
    expect(adjustedChurn(january)).toBeCloseTo(0.038, 12);
    expect(churnRate(february.customersAtStart, february.churned)!.toFixed(4)).toBe('0.0294');
    expect(adjustedChurn(february)!.toFixed(4)).toBe('0.0367');
    // The table runs to February, the month of the last start or end.
    expect(isoFromDay(table[table.length - 1].startDay)).toBe('2024-02-01');
  });

  test('matches the independent count month by month, including all of 2023', () => {
    expect(asCounts(engineTable(rows, 'month', 'Europe/Riga'))).toEqual(bruteForceTable('month', rows));
  });
});

describe('edge rules', () => {
  test('an end on the first of a month is churn in that month, not the one before', () => {
    const rows: Row[] = [
      { start: '2024-01-10', end: '2024-03-01' },
      { start: '2024-01-15', end: '' },
    ];
    const table = asCounts(engineTable(rows, 'month', 'Europe/Riga'));
    expect(table.map((r) => [r.periodStart, r.S, r.L, r.E])).toEqual([
      ['2024-01-01', 0, 0, 2],
      ['2024-02-01', 2, 0, 2],
      ['2024-03-01', 2, 1, 1],
    ]);
  });

  test('a same-day start and end is a new customer who churned new', () => {
    const table = asCounts(engineTable([{ start: '2024-05-07', end: '2024-05-07' }], 'month', 'UTC'));
    expect(table).toEqual([{ periodStart: '2024-05-01', S: 0, N: 1, R: 0, L: 0, Ln: 1, E: 0 }]);
  });

  test('with ids, a plan change is not churn and a return after a gap is a reactivation', () => {
    const rows: Row[] = [
      { id: 'A', start: '2024-01-05', end: '2024-02-10' },
      { id: 'A', start: '2024-02-10', end: '2024-03-20' }, // plan change: touches the first row
      { id: 'A', start: '2024-05-02', end: '' }, // back after a gap
      { id: 'B', start: '2024-01-20', end: '2024-01-25' },
      { id: 'B', start: '2024-01-28', end: '' }, // left and came back in the same month
    ];
    const table = asCounts(engineTable(rows, 'month', 'Europe/Warsaw', true));
    expect(table).toEqual(bruteForceTable('month', rows, true));
    expect(table.map((r) => [r.periodStart, r.S, r.N, r.R, r.L, r.Ln, r.E])).toEqual([
      ['2024-01-01', 0, 2, 1, 0, 1, 2],
      ['2024-02-01', 2, 0, 0, 0, 0, 2],
      ['2024-03-01', 2, 0, 0, 1, 0, 1],
      ['2024-04-01', 1, 0, 0, 0, 0, 1],
      ['2024-05-01', 1, 0, 1, 0, 0, 2],
    ]);
    // Without ids the same rows are five separate subscriptions and nothing is a reactivation.
    expect(asCounts(engineTable(rows, 'month', 'Europe/Warsaw', false)).every((r) => r.R === 0)).toBe(true);
  });

  test('weeks start on Monday, quarters and years on their first day', () => {
    const rows: Row[] = [{ start: '2024-01-03', end: '2024-04-02' }];
    expect(asCounts(engineTable(rows, 'week', 'UTC'))[0].periodStart).toBe('2024-01-01');
    expect(asCounts(engineTable(rows, 'quarter', 'UTC')).map((r) => r.periodStart)).toEqual(['2024-01-01', '2024-04-01']);
    expect(asCounts(engineTable([{ start: '2023-12-31', end: '2024-01-01' }], 'week', 'UTC')).map((r) => r.periodStart)).toEqual([
      '2023-12-25',
      '2024-01-01',
    ]);
    expect(asCounts(engineTable(rows, 'year', 'UTC')).map((r) => [r.periodStart, r.N, r.Ln])).toEqual([['2024-01-01', 1, 1]]);
  });
});

describe('random tables', () => {
  const isoDay = fc.integer({ min: 0, max: 900 }).map((offset) => new Date(Date.UTC(2023, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10));
  const kinds = fc.constantFrom<PeriodKind>('month', 'week', 'quarter', 'year');
  const zones = fc.constantFrom('Europe/Riga', 'America/New_York', 'Pacific/Auckland', 'Asia/Kolkata', 'UTC');

  const rowArb = (withIds: boolean) =>
    fc
      .record({
        start: isoDay,
        length: fc.oneof(fc.constant(-1), fc.integer({ min: withIds ? 1 : 0, max: 200 }), fc.constantFrom(0, 1, 28, 31)),
        id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
      })
      .map(({ start, length, id }): Row => {
        const days = withIds && length === 0 ? 1 : length;
        const end = days < 0 ? '' : new Date(Date.parse(`${start}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
        return { start, end, id };
      });

  test('the engine agrees with the independent count (no ids, same-day and first-of-month ends included)', () => {
    fc.assert(
      fc.property(fc.array(rowArb(false), { minLength: 1, maxLength: 40 }), kinds, zones, (rows, kind, zone) => {
        expect(asCounts(engineTable(rows, kind, zone))).toEqual(bruteForceTable(kind, rows));
      }),
      { numRuns: 150 },
    );
  });

  test('the engine agrees with the independent count with ids (merged rows, reactivations)', () => {
    fc.assert(
      fc.property(fc.array(rowArb(true), { minLength: 1, maxLength: 25 }), kinds, zones, (rows, kind, zone) => {
        expect(asCounts(engineTable(rows, kind, zone, true))).toEqual(bruteForceTable(kind, rows, true));
      }),
      { numRuns: 100 },
    );
  });

  test('customers at end of one period are customers at start of the next, and S + N + R - L - Ln = E', () => {
    fc.assert(
      fc.property(fc.array(rowArb(true), { minLength: 1, maxLength: 60 }), kinds, fc.boolean(), (rows, kind, withIds) => {
        const table = engineTable(rows, kind, 'Europe/Oslo', withIds);
        table.forEach((row, i) => {
          expect(row.customersAtStart + row.newCustomers + row.reactivated - row.churned - row.churnedNew).toBe(row.customersAtEnd);
          if (i > 0) expect(row.customersAtStart).toBe(table[i - 1].customersAtEnd);
        });
        expect(table[0].customersAtStart).toBe(0);
      }),
      { numRuns: 150 },
    );
  });
});
