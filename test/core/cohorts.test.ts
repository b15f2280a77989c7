import fc from 'fast-check';
import { isoFromDay } from '../../src/core/calendar';
import { buildChurnTable } from '../../src/core/churnTable';
import { buildCohortTable, cohortCell, cohortFigures, computeCohorts, type CohortTable } from '../../src/core/cohorts';
import { activityIntervals, NO_END } from '../../src/core/customers';
import type { PeriodKind } from '../../src/core/periods';
import { columnOf, readCustomerTable, type CustomerTable } from '../../src/core/table';
import { TimeZone } from '../../src/core/timezone';
import { seed004Rows } from '../fixtures/seed004';
import type { Kind, Row } from '../helpers/bruteForce';
import { bruteForceCohorts } from '../helpers/bruteForceCohorts';
import { sheetsDate } from '../helpers/dates';
import { bestCpuMs } from '../helpers/cpuTime';

/** Reads rows given as ISO dates the way Sheets hands them over: Dates in the sheet's zone. */
function customerTable(rows: Row[], timeZone = 'Europe/Riga', withIds = false): CustomerTable {
  const table = readCustomerTable(
    {
      start: columnOf(rows.map((row) => sheetsDate(row.start, timeZone))),
      end: columnOf(rows.map((row) => (row.end ? sheetsDate(row.end, timeZone) : ''))),
      ids: withIds ? columnOf(rows.map((row) => row.id)) : undefined,
    },
    { timeZone: new TimeZone(timeZone), localeOrder: 'DMY' },
  );
  expect(table.problemCount).toBe(0);
  return table;
}

/** The cohort table as the brute force writes it: period start, size, counts per remaining period. */
function asBrute(result: CohortTable) {
  return result.rows.map((row) => ({ periodStart: isoFromDay(row.startDay), size: row.size, retained: [...row.retained] }));
}

describe('a worked example by hand (docs/metrics.md)', () => {
  // A leaves in February and comes back on 1 April; C starts and leaves in January; D leaves on 1 April.
  const rows: Row[] = [
    { id: 'A', start: '2024-01-10', end: '2024-02-15' },
    { id: 'A', start: '2024-04-01', end: '' },
    { id: 'B', start: '2024-01-20', end: '' },
    { id: 'C', start: '2024-01-25', end: '2024-01-28' },
    { id: 'D', start: '2024-02-05', end: '2024-04-01' },
    { id: 'E', start: '2024-03-10', end: '' },
  ];
  const result = buildCohortTable(customerTable(rows, 'Europe/Oslo', true), 'month');

  test('counts: one row per month from the first start to the last start or end', () => {
    expect(result.periodCount).toBe(4);
    expect(result.customerCount).toBe(5);
    expect(asBrute(result)).toEqual([
      { periodStart: '2024-01-01', size: 3, retained: [2, 1, 1, 2] },
      { periodStart: '2024-02-01', size: 1, retained: [1, 1, 0] },
      { periodStart: '2024-03-01', size: 1, retained: [1, 1] },
      { periodStart: '2024-04-01', size: 0, retained: [0] }, // A's return does not join April's cohort
    ]);
  });

  test('shares, blanks past the last month, and an empty cohort shows its size and blank shares', () => {
    const figures = result.rows.map((row) => cohortFigures(row, result.periodCount));
    expect(figures[0][0]).toBe(3);
    expect(figures[0].slice(1).map((v) => Number((v as number).toFixed(4)))).toEqual([0.6667, 0.3333, 0.3333, 0.6667]);
    expect(figures[1]).toEqual([1, 1, 1, 0, '']);
    expect(figures[2]).toEqual([1, 1, 1, '', '']);
    expect(figures[3]).toEqual([0, '', '', '', '']);
    expect(result.rows.map((row) => cohortFigures(row, result.periodCount, 'count'))[3]).toEqual([0, 0, '', '', '']);
    expect(cohortCell(result.rows[0], 4)).toBeUndefined();
    expect(cohortCell(result.rows[0], -1)).toBeUndefined();
  });

  test('without ids every row is its own customer: the return is a new customer of April', () => {
    const plain = buildCohortTable(customerTable(rows), 'month');
    expect(asBrute(plain)).toEqual([
      { periodStart: '2024-01-01', size: 3, retained: [2, 1, 1, 1] },
      { periodStart: '2024-02-01', size: 1, retained: [1, 1, 0] },
      { periodStart: '2024-03-01', size: 1, retained: [1, 1] },
      { periodStart: '2024-04-01', size: 1, retained: [1] },
    ]);
  });
});

describe('seed 004', () => {
  const rows = seed004Rows();
  const result = buildCohortTable(customerTable(rows, 'America/Los_Angeles'), 'month');
  const january = result.rows.find((row) => isoFromDay(row.startDay) === '2024-01-01')!;

  test('January 2024: 200 new customers, 4 of them lost in January: month 0 is 196 / 200 = 98 %', () => {
    expect(january.size).toBe(200);
    expect(cohortCell(january, 0)).toBe(0.98);
    expect(january.retained.length).toBe(2); // the table ends in February
  });

  test('month 1 follows from the fixture\'s own February cancellations among January starters', () => {
    const starters = rows.filter((row) => row.start.startsWith('2024-01'));
    const leftInJanuary = starters.filter((row) => row.end.startsWith('2024-01')).length;
    const leftInFebruary = starters.filter((row) => row.end.startsWith('2024-02')).length;
    expect([starters.length, leftInJanuary, leftInFebruary]).toEqual([200, 4, 3]);
    expect(january.retained[1]).toBe(200 - 4 - 3);
    expect(cohortCell(january, 1)).toBe(0.965);
    const february = result.rows[result.rows.length - 1];
    expect([isoFromDay(february.startDay), february.size, february.retained[0]]).toEqual(['2024-02-01', 300, 295]);
  });

  test('matches the independent count for every cohort of 2023 and 2024', () => {
    expect(asBrute(result)).toEqual(bruteForceCohorts('month', rows));
  });
});

const isoDay = fc.integer({ min: 0, max: 800 }).map((offset) => new Date(Date.UTC(2023, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10));
const row = fc
  .record({ id: fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F'), start: isoDay, gap: fc.oneof(fc.constant(-1), fc.constant(0), fc.integer({ min: 1, max: 300 })) })
  .map(({ id, start, gap }): Row => ({
    id,
    start,
    end: gap < 0 ? '' : new Date(Date.parse(`${start}T00:00:00Z`) + gap * 86_400_000).toISOString().slice(0, 10),
  }));
const kinds = fc.constantFrom<Kind>('month', 'week', 'quarter', 'year');

describe('against the independent count on random tables', () => {
  test('without ids', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 30 }), kinds, (rows, kind) => {
        expect(asBrute(buildCohortTable(customerTable(rows), kind))).toEqual(bruteForceCohorts(kind, rows));
      }),
      { numRuns: 150 },
    );
  });

  test('with ids: merged rows, returns after a gap, same-day rows', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 30 }), kinds, (rows, kind) => {
        expect(asBrute(buildCohortTable(customerTable(rows, 'Pacific/Auckland', true), kind))).toEqual(bruteForceCohorts(kind, rows, true));
      }),
      { numRuns: 150 },
    );
  });

  test('agrees with the churn table: sizes are its new customers, and the cohorts together are its customers at end', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 30 }), kinds, fc.boolean(), (rows, kind, withIds) => {
        const table = customerTable(rows, 'Europe/Riga', withIds);
        const cohorts = buildCohortTable(table, kind).rows;
        const periods = buildChurnTable(table, kind).rows;
        expect(cohorts.map((c) => c.size)).toEqual(periods.map((p) => p.newCustomers));
        periods.forEach((period, j) => {
          const atEnd = cohorts.slice(0, j + 1).reduce((sum, cohort, c) => sum + cohort.retained[j - c], 0);
          expect(atEnd).toBe(period.customersAtEnd);
        });
        if (!withIds) expect(cohorts.map((c) => c.retained[0])).toEqual(periods.map((p) => p.newCustomers - p.churnedNew));
      }),
      { numRuns: 100 },
    );
  });

  test('a window narrows the cohorts and the columns to its periods', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 30 }), fc.nat(), fc.nat(), (rows, a, b) => {
        const table = customerTable(rows);
        const all = buildCohortTable(table, 'month').rows;
        const [first, last] = [a % all.length, b % all.length].sort((x, y) => x - y);
        const window = { firstDay: all[first].startDay, lastDay: all[last].startDay };
        const narrowed = computeCohorts(activityIntervals(table), 'month', table.span!, window);
        expect(narrowed.map((r) => [r.startDay, r.size, [...r.retained]])).toEqual(
          all.slice(first, last + 1).map((r, c) => [r.startDay, r.size, [...r.retained.slice(0, last - first - c + 1)]]),
        );
      }),
      { numRuns: 100 },
    );
  });
});

describe('cost: O(rows + cohorts x periods), never rows x periods', () => {
  test('customers who stay 300 years cost no more than customers who stay a month', () => {
    const count = 200_000;
    const first = Date.UTC(1900, 0, 1) / 86_400_000;
    const last = Date.UTC(2199, 11, 1) / 86_400_000;
    const span = { firstDay: first, lastDay: last };
    const intervalsOf = (length: (i: number) => number) => {
      const startDays = new Int32Array(count);
      const endDays = new Int32Array(count);
      for (let i = 0; i < count; i++) {
        startDays[i] = first + (i % 28);
        const days = length(i);
        endDays[i] = days < 0 ? NO_END : first + (i % 28) + days;
      }
      return activityIntervals({ startDays, endDays });
    };
    const long = intervalsOf(() => -1); // a customer at the end of all 3,600 months
    const short = intervalsOf(() => 40);
    const kind: PeriodKind = 'month';
    const longTime = bestCpuMs(() => computeCohorts(long, kind, span));
    const shortTime = bestCpuMs(() => computeCohorts(short, kind, span));
    expect(computeCohorts(long, kind, span)[0].retained[3599]).toBe(count);
    // A loop over each customer's periods would take 3,600 times longer on the long table.
    expect(longTime).toBeLessThan(shortTime * 3 + 50);
  });
});
