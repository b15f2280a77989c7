import fc from 'fast-check';
import { dayFromCivil, isoFromDay } from '../../src/core/calendar';
import { buildChurnTable } from '../../src/core/churnTable';
import { activityIntervals, NO_END } from '../../src/core/customers';
import { buildDailyChurn, computeDailyChurn, dailyCounts } from '../../src/core/dailyChurn';
import { adjustedChurn, churnRate } from '../../src/core/metrics';
import { columnOf, readCustomerTable, type CustomerTable } from '../../src/core/table';
import { TimeZone } from '../../src/core/timezone';
import { seed004Rows } from '../fixtures/seed004';
import type { Kind, Row } from '../helpers/bruteForce';
import { bruteForceDaily } from '../helpers/bruteForceCohorts';
import { sheetsDate } from '../helpers/dates';
import { bestCpuMs } from '../helpers/cpuTime';

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

const repeat = (count: number, row: Row): Row[] => Array.from({ length: count }, () => ({ ...row }));

/** Close enough for sums of a few hundred ratios; undefined only where the other is undefined. */
function expectClose(actual: (number | undefined)[], expected: (number | undefined)[]) {
  expect(actual.map((v) => v === undefined)).toEqual(expected.map((v) => v === undefined));
  actual.forEach((value, i) => {
    if (value !== undefined) expect(value).toBeCloseTo(expected[i]!, 10);
  });
}

describe('a worked example by hand (docs/metrics.md)', () => {
  // Ten customers from 1 February; in March two of them leave (on the 2nd and the 11th), one
  // customer joins on the 5th and leaves on the 21st, and one starts and leaves on the 15th.
  const rows: Row[] = [
    ...repeat(8, { start: '2024-02-01', end: '' }),
    { start: '2024-02-01', end: '2024-03-02' },
    { start: '2024-02-01', end: '2024-03-11' },
    { start: '2024-03-05', end: '2024-03-21' },
    { start: '2024-03-15', end: '2024-03-15' },
  ];
  const table = customerTable(rows);

  test('March: 1/10 on the 2nd, 1/10 on the 11th, 1/9 on the 21st = 31.1 %; February: nobody left, 0', () => {
    const [february, march] = buildDailyChurn(table, 'month');
    expect(february).toBe(0);
    expect(march).toBeCloseTo(1 / 10 + 1 / 10 + 1 / 9, 12);
    expect(march!.toFixed(4)).toBe('0.3111');
  });

  test('beside the churn rate (20 %) and the adjusted churn (40 %) of the same March', () => {
    const march = buildChurnTable(table, 'month').rows[1];
    expect([march.customersAtStart, march.churned, march.newCustomers, march.churnedNew]).toEqual([10, 2, 2, 2]);
    expect(churnRate(march.customersAtStart, march.churned)).toBe(0.2);
    expect(adjustedChurn(march)).toBe(0.4);
  });

  test('the daily counts: joiners enter the day after they start, same-day customers never', () => {
    const first = dayFromCivil(2024, 3, 1);
    const { activeAtStart, left } = dailyCounts(activityIntervals(table), first, dayFromCivil(2024, 3, 31));
    const on = (day: number) => [activeAtStart[day - 1], left[day - 1]];
    expect([on(1), on(2), on(3), on(5), on(6), on(11), on(12), on(15), on(16), on(21), on(22)]).toEqual([
      [10, 0],
      [10, 1],
      [9, 0],
      [9, 0], // joins on the 5th: not yet active at the start of that day
      [10, 0],
      [10, 1],
      [9, 0],
      [9, 0], // the same-day customer is never active at a day's start
      [9, 0],
      [9, 1],
      [8, 0],
    ]);
    expect(isoFromDay(first)).toBe('2024-03-01');
  });

  test('a month in which nobody was active at the start of any day has no value; days with nobody add 0', () => {
    const rows = [
      { start: '2024-01-31', end: '2024-01-31' },
      { start: '2024-03-01', end: '' },
    ];
    expect(buildDailyChurn(customerTable(rows), 'month')).toEqual([undefined, undefined, 0]);
  });
});

describe('identities', () => {
  test('a constant daily hazard: losing 10 % of the customers each day for three days is 30 %', () => {
    const rows = [
      ...repeat(729, { start: '2024-02-10', end: '' }),
      ...repeat(100, { start: '2024-02-10', end: '2024-03-01' }),
      ...repeat(90, { start: '2024-02-10', end: '2024-03-02' }),
      ...repeat(81, { start: '2024-02-10', end: '2024-03-03' }),
    ];
    expect(buildDailyChurn(customerTable(rows), 'month')[1]).toBeCloseTo(0.3, 12);
    // Daily churn is a sum of rates: at 50 % a day for three days it is 150 %.
    const halving = [
      ...repeat(1, { start: '2024-02-10', end: '' }),
      ...repeat(4, { start: '2024-02-10', end: '2024-03-01' }),
      ...repeat(2, { start: '2024-02-10', end: '2024-03-02' }),
      ...repeat(1, { start: '2024-02-10', end: '2024-03-03' }),
    ];
    expect(buildDailyChurn(customerTable(halving), 'month')[1]).toBeCloseTo(1.5, 12);
  });

  test('one customer lost a day from 20: the harmonic sum 1/20 + 1/19 + ... + 1/16', () => {
    const rows = [...repeat(15, { start: '2024-02-10', end: '' })];
    for (let day = 10; day <= 14; day++) rows.push({ start: '2024-02-10', end: `2024-03-${day}` });
    const harmonic = [20, 19, 18, 17, 16].reduce((sum, n) => sum + 1 / n, 0);
    expect(buildDailyChurn(customerTable(rows), 'month')[1]).toBeCloseTo(harmonic, 12);
  });

  test('all losses on the first day of a period with no joiners: daily churn is the churn rate', () => {
    const rows = [...repeat(47, { start: '2024-01-15', end: '' }), ...repeat(3, { start: '2024-01-15', end: '2024-02-01' })];
    const daily = buildDailyChurn(customerTable(rows), 'month');
    expect(daily[1]).toBeCloseTo(3 / 50, 12);
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
const rowsArb = fc.array(row, { minLength: 1, maxLength: 30 });

describe('against a day-by-day count on random tables', () => {
  test.each([false, true])('ids %s: every period of every kind', (withIds) => {
    fc.assert(
      fc.property(rowsArb, fc.constantFrom<Kind>('month', 'week', 'quarter', 'year'), (rows, kind) => {
        expectClose(buildDailyChurn(customerTable(rows, 'Pacific/Auckland', withIds), kind), bruteForceDaily(kind, rows, withIds));
      }),
      { numRuns: 80 },
    );
  });

  test('a quarter is the sum of its months, a year the sum of its quarters', () => {
    const sumOf = (values: (number | undefined)[], parts: number, offset: number) => {
      const part = values.slice(offset, offset + parts);
      return part.every((v) => v === undefined) ? undefined : part.reduce<number>((sum, v) => sum + (v ?? 0), 0);
    };
    // Whole years, so that every quarter's months and every year's quarters are in the tables.
    const yearRows = rowsArb.map((rows) => [...rows, { id: 'Z', start: '2023-01-01', end: '2025-12-31' }]);
    fc.assert(
      fc.property(yearRows, fc.boolean(), (rows, withIds) => {
        const table = customerTable(rows, 'Europe/Oslo', withIds);
        const months = buildDailyChurn(table, 'month');
        const quarters = buildDailyChurn(table, 'quarter');
        const years = buildDailyChurn(table, 'year');
        expectClose(quarters, quarters.map((_, q) => sumOf(months, 3, q * 3)));
        expectClose(years, years.map((_, y) => sumOf(quarters, 4, y * 4)));
      }),
      { numRuns: 60 },
    );
  });

  test('with no joiners in a period: churn rate <= daily churn <= ln(customers at start / customers at end)', () => {
    fc.assert(
      fc.property(rowsArb, fc.constantFrom<Kind>('month', 'week'), (rows, kind) => {
        const table = customerTable(rows);
        const daily = buildDailyChurn(table, kind);
        buildChurnTable(table, kind).rows.forEach((period, i) => {
          if (period.newCustomers + period.reactivated > 0 || period.customersAtStart === 0) return;
          const rate = period.churned / period.customersAtStart;
          expect(daily[i]).toBeGreaterThanOrEqual(rate - 1e-12);
          if (period.customersAtEnd > 0) expect(daily[i]).toBeLessThanOrEqual(Math.log(period.customersAtStart / period.customersAtEnd) + 1e-12);
          if (period.churned === 0) expect(daily[i]).toBe(0);
        });
      }),
      { numRuns: 150 },
    );
  });
});

describe('seed 004', () => {
  test('January and February 2024 match the day-by-day count', () => {
    const rows = seed004Rows();
    const table = customerTable(rows, 'America/Los_Angeles');
    const daily = buildDailyChurn(table, 'month');
    expectClose(daily, bruteForceDaily('month', rows));
    const [january, february] = daily.slice(-2);
    // The numbers docs/metrics.md quotes.
    expect([january!.toFixed(4), february!.toFixed(4)]).toEqual(['0.0319', '0.0314']);
  });
});

describe('cost: O(rows + days), no loop over each customer\'s days', () => {
  test('200,000 customers who each stay 300 years (110,000 days) take no longer than ones who stay a week', () => {
    const count = 200_000;
    const first = dayFromCivil(1900, 1, 1);
    const span = { firstDay: first, lastDay: dayFromCivil(2199, 12, 31) };
    const intervalsOf = (stay: number) => {
      const startDays = new Int32Array(count);
      const endDays = new Int32Array(count);
      for (let i = 0; i < count; i++) {
        startDays[i] = first + (i % 7);
        endDays[i] = stay < 0 ? NO_END : first + (i % 7) + stay;
      }
      return { startDays, endDays };
    };
    const long = intervalsOf(-1);
    const short = intervalsOf(7);
    const longTime = bestCpuMs(() => computeDailyChurn(long, 'month', span));
    const shortTime = bestCpuMs(() => computeDailyChurn(short, 'month', span));
    // rows x days would be 22 billion steps: hours, not milliseconds.
    expect(longTime).toBeLessThan(2000);
    expect(longTime).toBeLessThan(shortTime * 3 + 50);
    expect(computeDailyChurn(long, 'year', span)).toHaveLength(300);
  });
});
