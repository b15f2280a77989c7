import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { isoFromDay } from '../../src/core/calendar';
import { buildChurnTable } from '../../src/core/churnTable';
import { customerLtv, mrrChurn, netRevenueRetention, quickRatio } from '../../src/core/metrics';
import type { PeriodKind } from '../../src/core/periods';
import { amountUnits, buildRevenueTable, revenueFigures, revenueRates, type RevenueRow } from '../../src/core/revenue';
import { columnOf, readCustomerTable, type CustomerTable } from '../../src/core/table';
import { TimeZone } from '../../src/core/timezone';
import { SEED_004_MONTHS, seed004Rows } from '../fixtures/seed004';
import { bruteForceRevenue, type RevenueCounts, type RevenueRowInput } from '../helpers/bruteForceRevenue';
import { sheetsDate } from '../helpers/dates';

/** Reads rows given as ISO dates the way Sheets hands them over: Dates in the sheet's zone. */
function readRows(rows: RevenueRowInput[], timeZone = 'Europe/Riga', withIds = false): CustomerTable {
  const table = readCustomerTable(
    {
      start: columnOf(rows.map((row) => sheetsDate(row.start, timeZone))),
      end: columnOf(rows.map((row) => (row.end ? sheetsDate(row.end, timeZone) : ''))),
      ids: withIds ? columnOf(rows.map((row) => row.id ?? '')) : undefined,
      amounts: columnOf(rows.map((row) => row.amount)),
    },
    { timeZone: new TimeZone(timeZone), localeOrder: 'DMY', firstRowNumber: 2 },
  );
  expect(table.problems).toEqual([]);
  return table;
}

function revenueTable(rows: RevenueRowInput[], kind: PeriodKind = 'month', timeZone = 'Europe/Riga', withIds = false): RevenueRow[] {
  const table = readRows(rows, timeZone, withIds);
  return buildRevenueTable({ ...table, amounts: table.amounts! }, kind);
}

function asCounts(rows: RevenueRow[]): RevenueCounts[] {
  return rows.map(({ startDay, ...figures }) => ({ periodStart: isoFromDay(startDay), ...figures }));
}

/** Compares two revenue tables figure by figure, to a millionth. */
function expectClose(actual: RevenueCounts[], expected: RevenueCounts[]): void {
  expect(actual.map((row) => row.periodStart)).toEqual(expected.map((row) => row.periodStart));
  actual.forEach((row, p) => {
    for (const key of Object.keys(row) as (keyof RevenueCounts)[]) {
      if (key === 'periodStart') continue;
      const difference = Math.abs((row[key] as number) - (expected[p][key] as number));
      expect([row.periodStart, key, difference < 1e-6 ? 'equal' : `${row[key]} vs ${expected[p][key]}`]).toEqual([row.periodStart, key, 'equal']);
    }
  });
}

// The small example of docs/metrics.md: an upgrade, a downgrade, a churn and a return.
const HAND_EXAMPLE: RevenueRowInput[] = [
  { id: 'A', start: '2024-01-10', end: '2024-03-05', amount: 50 }, // Basic...
  { id: 'A', start: '2024-03-05', end: '', amount: 80 }, // ...upgraded to Pro on 5 March
  { id: 'B', start: '2023-12-01', end: '2024-02-20', amount: 100 }, // Pro...
  { id: 'B', start: '2024-02-20', end: '2024-04-01', amount: 60 }, // ...downgraded on 20 February, left on 1 April
  { id: 'C', start: '2023-11-15', end: '2024-01-31', amount: 40 }, // left on 31 January...
  { id: 'C', start: '2024-03-12', end: '', amount: 40 }, // ...and came back on 12 March
  { id: 'D', start: '2024-02-03', end: '', amount: 30 },
];

// Worked out by hand, customer by customer (see docs/metrics.md):
//   Nov: C starts (40).                       Dec: B starts (100).
//   Jan: A starts (50), C leaves (40).         Feb: D starts (30), B 100 -> 60.
//   Mar: A 50 -> 80, C returns (40).           Apr: B leaves (60).
const HAND_EXPECTED = [
  // period, at start, new, reactivation, expansion, contraction, churned, at end
  ['2023-11-01', 0, 40, 0, 0, 0, 0, 40],
  ['2023-12-01', 40, 100, 0, 0, 0, 0, 140],
  ['2024-01-01', 140, 50, 0, 0, 0, 40, 150],
  ['2024-02-01', 150, 30, 0, 0, 40, 0, 140],
  ['2024-03-01', 140, 0, 40, 30, 0, 0, 210],
  ['2024-04-01', 210, 0, 0, 0, 0, 60, 150],
] as const;

describe('the revenue table of the seed 004 customers, each paying 100 a month', () => {
  const rows = seed004Rows().map((row) => ({ ...row, amount: 100 }));

  test('January: MRR at start 50 000, new 20 000, churned (15 + 4) x 100 = 1 900, gross MRR churn 3.8 %', () => {
    const table = revenueTable(rows);
    for (const month of SEED_004_MONTHS) {
      const row = table.find((r) => isoFromDay(r.startDay) === `${month.month}-01`)!;
      expect(row).toMatchObject({
        mrrAtStart: month.S * 100,
        newMrr: month.N * 100,
        reactivationMrr: 0,
        expansionMrr: 0,
        contractionMrr: 0,
        churnedMrr: (month.L + month.Ln) * 100,
        mrrAtEnd: month.E * 100,
      });
      expect(revenueRates(row).grossMrrChurn).toBeCloseTo((month.L + month.Ln) / month.S, 12);
    }
    const january = table.find((r) => isoFromDay(r.startDay) === '2024-01-01')!;
    expect([january.mrrAtStart, january.newMrr, january.churnedMrr]).toEqual([50_000, 20_000, 1_900]);
    expect(revenueRates(january).grossMrrChurn).toBeCloseTo(0.038, 12);
  });

  test('with one price for all, every period is the churn table times the price', () => {
    const table = readRows(rows);
    const counts = buildChurnTable(table, 'month').rows;
    const revenue = buildRevenueTable({ ...table, amounts: table.amounts! }, 'month');
    expect(revenue.map((r) => [r.startDay, r.mrrAtStart, r.newMrr, r.churnedMrr, r.mrrAtEnd])).toEqual(
      counts.map((c) => [c.startDay, c.customersAtStart * 100, c.newCustomers * 100, (c.churned + c.churnedNew) * 100, c.customersAtEnd * 100]),
    );
  });
});

describe('the hand example: upgrade, downgrade, churn and return', () => {
  const table = revenueTable(HAND_EXAMPLE, 'month', 'Europe/Oslo', true);

  test('every figure of every month is the one worked out by hand', () => {
    expect(table.map((r) => [isoFromDay(r.startDay), r.mrrAtStart, r.newMrr, r.reactivationMrr, r.expansionMrr, r.contractionMrr, r.churnedMrr, r.mrrAtEnd])).toEqual(
      HAND_EXPECTED,
    );
  });

  test('rates: gross and net MRR churn, net revenue retention, quick ratio; blank where undefined', () => {
    const figures = table.map(revenueFigures);
    // November: no MRR at the start, nothing lost: every rate is undefined.
    expect(figures[0].slice(7)).toEqual(['', '', '', '']);
    // January: 40 lost of 140; 50 gained per 40 lost.
    expect(figures[2].slice(7)).toEqual([expect.closeTo(40 / 140, 12), expect.closeTo(40 / 140, 12), expect.closeTo(100 / 140, 12), 1.25]);
    // March: nothing lost, 30 of expansion: net negative churn, retention above 100 %, no quick ratio.
    expect(figures[4].slice(7)).toEqual([0, expect.closeTo(-30 / 140, 12), expect.closeTo(170 / 140, 12), '']);
    // April: 60 lost of 210, nothing gained.
    expect(figures[5].slice(7)).toEqual([expect.closeTo(60 / 210, 12), expect.closeTo(60 / 210, 12), expect.closeTo(150 / 210, 12), 0]);
  });

  test('without ids every row is a customer of its own: the plan changes become churn and new MRR', () => {
    const flat = revenueTable(HAND_EXAMPLE, 'month', 'Europe/Oslo', false);
    const march = flat[4];
    expect([march.newMrr, march.reactivationMrr, march.expansionMrr, march.churnedMrr]).toEqual([120, 0, 0, 50]);
  });

  test('docs/metrics.md states the same table', () => {
    const docs = readFileSync(path.resolve(__dirname, '../../docs/metrics.md'), 'utf8');
    const section = docs.slice(docs.indexOf('## Revenue (MRR) churn'), docs.indexOf('## Cohort retention'));
    const number = (cell: string) => (cell === '' || cell === '–' ? '' : Number(cell.replace(/[\s\u00a0%]/g, '').replace('−', '-')));
    const documented = section
      .split('\n')
      .filter((line) => /^\| \d{4}-\d{2} \|/.test(line))
      .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
    expect(documented.map((cells) => `${cells[0]}-01`)).toEqual(HAND_EXPECTED.map((row) => row[0]));
    documented.forEach((cells, p) => {
      expect(cells.slice(1, 8).map(number)).toEqual(HAND_EXPECTED[p].slice(1));
      const rates = revenueRates(table[p]);
      const percent = (value: number | undefined) => (value === undefined ? '' : Number((value * 100).toFixed(2)));
      expect(cells.slice(8, 11).map(number)).toEqual([percent(rates.grossMrrChurn), percent(rates.netMrrChurn), percent(rates.netRevenueRetention)]);
      expect(number(cells[11])).toEqual(rates.quickRatio === undefined ? '' : Number(rates.quickRatio.toFixed(2)));
    });
    // The seed example's January and February, as stated there.
    const seedLine = (month: string) => section.split('\n').find((line) => line.startsWith(`| ${month} 2024 |`))!;
    SEED_004_MONTHS.forEach((month, i) => {
      const cells = seedLine(['January', 'February'][i]).split('|').slice(2, -1).map((cell) => number(cell.trim()));
      expect(cells).toEqual([
        month.S * 100,
        month.N * 100,
        (month.L + month.Ln) * 100,
        month.E * 100,
        Number((((month.L + month.Ln) / month.S) * 100).toFixed(2)),
      ]);
    });
  });
});

describe('rules', () => {
  test('a plan change on one day is expansion or contraction, never churn and new', () => {
    const table = revenueTable(
      [
        { id: 'A', start: '2024-01-05', end: '2024-02-10', amount: 20 },
        { id: 'A', start: '2024-02-10', end: '2024-03-10', amount: 35 },
        { id: 'A', start: '2024-03-10', end: '', amount: 35 }, // renewed at the same price: no change
      ],
      'month',
      'Europe/Riga',
      true,
    );
    expect(table.map((r) => [r.newMrr, r.expansionMrr, r.contractionMrr, r.churnedMrr, r.reactivationMrr])).toEqual([
      [20, 0, 0, 0, 0],
      [0, 15, 0, 0, 0],
      [0, 0, 0, 0, 0],
    ]);
  });

  test('an add-on row beside the plan is expansion while it runs and contraction when it ends', () => {
    const table = revenueTable(
      [
        { id: 'A', start: '2024-01-01', end: '', amount: 100 },
        { id: 'A', start: '2024-02-15', end: '2024-04-01', amount: 25 },
      ],
      'month',
      'Europe/Riga',
      true,
    );
    expect(table.map((r) => [r.mrrAtStart, r.expansionMrr, r.contractionMrr, r.mrrAtEnd])).toEqual([
      [0, 0, 0, 100],
      [100, 25, 0, 125],
      [125, 0, 0, 125],
      [125, 0, 25, 100],
    ]);
  });

  test('a row that starts and ends on the same day is new and churned MRR of that day, like the churn table counts it', () => {
    const table = revenueTable([
      { start: '2024-01-10', end: '2024-01-10', amount: 70 },
      { start: '2024-01-02', end: '', amount: 10 },
    ]);
    expect(table[0]).toMatchObject({ mrrAtStart: 0, newMrr: 80, churnedMrr: 70, mrrAtEnd: 10 });
  });

  test('a same-day row of a customer who pays anyway changes nothing', () => {
    const table = revenueTable(
      [
        { id: 'A', start: '2024-01-02', end: '', amount: 10 },
        { id: 'A', start: '2024-01-10', end: '2024-01-10', amount: 70 },
      ],
      'month',
      'Europe/Riga',
      true,
    );
    expect(table[0]).toMatchObject({ newMrr: 10, churnedMrr: 0, expansionMrr: 0, mrrAtEnd: 10 });
  });

  test('a move to a free plan is churned MRR and paying again is reactivation; a free start is not new MRR', () => {
    const table = revenueTable(
      [
        { id: 'A', start: '2024-01-05', end: '2024-02-01', amount: 0 }, // free trial
        { id: 'A', start: '2024-02-01', end: '2024-03-01', amount: 40 }, // pays: new MRR in February
        { id: 'A', start: '2024-03-01', end: '2024-04-01', amount: 0 }, // back to free: churned MRR in March
        { id: 'A', start: '2024-04-01', end: '', amount: 40 }, // pays again: reactivation in April
      ],
      'month',
      'Europe/Riga',
      true,
    );
    expect(table.map((r) => [r.newMrr, r.churnedMrr, r.reactivationMrr])).toEqual([
      [0, 0, 0],
      [40, 0, 0],
      [0, 40, 0],
      [0, 0, 40],
    ]);
  });

  test('amounts in cents add up exactly: no rounding dust, no change where the price stays', () => {
    const rows: RevenueRowInput[] = [
      { id: 'A', start: '2024-01-01', end: '2024-02-01', amount: 0.1 },
      { id: 'A', start: '2024-01-01', end: '2024-02-01', amount: 0.2 },
      { id: 'A', start: '2024-02-01', end: '', amount: 0.3 }, // 0.1 + 0.2 is 0.3: not an expansion
      { start: '2024-01-03', end: '', amount: 19.99 },
      { start: '2024-01-04', end: '', amount: 19.99 },
      { start: '2024-01-05', end: '', amount: 19.99 },
    ];
    const table = revenueTable(rows, 'month', 'Europe/Riga', true);
    expect(table[0].mrrAtEnd).toBe(60.27); // 0.3 + 3 x 19.99, exactly as written
    expect(table[1]).toMatchObject({ mrrAtStart: 60.27, expansionMrr: 0, contractionMrr: 0, mrrAtEnd: 60.27 });
  });

  test('amountUnits picks the smallest decimal unit that holds every amount', () => {
    expect(amountUnits(Float64Array.from([100, 250])).scale).toBe(1);
    expect(amountUnits(Float64Array.from([19.99, 5])).scale).toBe(100);
    expect(Array.from(amountUnits(Float64Array.from([19.99, 0.5])).units)).toEqual([1999, 50]);
    expect(amountUnits(Float64Array.from([100 / 3])).scale).toBe(1e6);
    expect(amountUnits(Float64Array.from([1e15, 0.5])).scale).toBeLessThan(10); // sums stay below 2^53
  });

  test('weeks and quarters, and a window narrower than the table', () => {
    const table = readRows(HAND_EXAMPLE, 'Europe/Oslo', true);
    const input = { ...table, amounts: table.amounts! };
    const quarters = buildRevenueTable(input, 'quarter');
    expect(quarters.map((r) => [isoFromDay(r.startDay), r.mrrAtStart, r.newMrr, r.churnedMrr, r.mrrAtEnd])).toEqual([
      ['2023-10-01', 0, 140, 0, 140],
      ['2024-01-01', 140, 80, 40, 210],
      ['2024-04-01', 210, 0, 60, 150],
    ]);
    const all = buildRevenueTable(input, 'month');
    const window = { firstDay: all[2].startDay, lastDay: all[3].startDay + 5 };
    expect(buildRevenueTable(input, 'month', window)).toEqual(all.slice(2, 4));
    expect(buildRevenueTable(input, 'week')[0].startDay).toBe(all[0].startDay + 12); // Monday 13 November 2023
  });

  test('an empty table has no periods', () => {
    expect(buildRevenueTable({ startDays: new Int32Array(0), endDays: new Int32Array(0), span: undefined, amounts: new Float64Array(0) }, 'month')).toEqual([]);
  });
});

describe('the rates on their own', () => {
  test('mrrChurn: gross and net, undefined without MRR at the start', () => {
    expect(mrrChurn(50_000, 1_900)).toBeCloseTo(0.038, 12);
    expect(mrrChurn(10_000, 300, 200, 600)).toBeCloseTo(0.05, 12);
    expect(mrrChurn(10_000, 300, 200, 600, true)).toBeCloseTo(-0.01, 12);
    expect(mrrChurn(0, 0)).toBeUndefined();
  });

  test('net revenue retention, quick ratio and customer LTV', () => {
    expect(netRevenueRetention(10_000, 300, 200, 600)).toBeCloseTo(1.01, 12);
    expect(quickRatio(800, 400, 100, 200)).toBe(4);
    expect(quickRatio(800, 400, 0, 0)).toBeUndefined();
    expect(customerLtv(100, 0.03)).toBeCloseTo(10_000 / 3, 9);
    expect(customerLtv(100, 0.05, 0.8)).toBeCloseTo(1_600, 9);
    expect(customerLtv(100, 0)).toBeUndefined();
  });
});

describe('random tables', () => {
  const isoDay = fc.integer({ min: 0, max: 700 }).map((offset) => new Date(Date.UTC(2023, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10));
  // Whole and half amounts add up exactly in binary too, so the reference needs no rounding.
  const amount = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 400 }).map((n) => n / 2));
  const rowArb = fc
    .record({
      start: isoDay,
      length: fc.oneof(fc.constant(-1), fc.integer({ min: 0, max: 200 }), fc.constantFrom(0, 1, 28, 31)),
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e', ''),
      amount,
    })
    .map(({ start, length, id, amount: value }): RevenueRowInput => ({
      start,
      end: length < 0 ? '' : new Date(Date.parse(`${start}T00:00:00Z`) + length * 86_400_000).toISOString().slice(0, 10),
      id,
      amount: value,
    }));
  const kinds = fc.constantFrom<PeriodKind>('month', 'week', 'quarter', 'year');
  const zones = fc.constantFrom('Europe/Riga', 'America/New_York', 'Pacific/Auckland', 'Asia/Kolkata');

  test('the engine agrees with the day-by-day reference, with and without ids', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 25 }), kinds, zones, fc.boolean(), (rows, kind, zone, withIds) => {
        expectClose(asCounts(revenueTable(rows, kind, zone, withIds)), bruteForceRevenue(kind, rows, withIds));
      }),
      { numRuns: 150 },
    );
  });

  test('MRR at end = start + new + reactivation + expansion - contraction - churned, and is the next period\'s MRR at start', () => {
    const centAmount = fc.integer({ min: 0, max: 99_999 }).map((cents) => cents / 100);
    const rows = fc.array(rowArb.chain((row) => centAmount.map((value) => ({ ...row, amount: value }))), { minLength: 1, maxLength: 60 });
    fc.assert(
      fc.property(rows, kinds, fc.boolean(), (input, kind, withIds) => {
        const table = revenueTable(input, kind, 'Europe/Riga', withIds);
        table.forEach((row, p) => {
          const flows = row.mrrAtStart + row.newMrr + row.reactivationMrr + row.expansionMrr - row.contractionMrr - row.churnedMrr;
          expect(row.mrrAtEnd).toBeCloseTo(flows, 6);
          if (p + 1 < table.length) expect(table[p + 1].mrrAtStart).toBe(row.mrrAtEnd);
          for (const value of Object.values(row)) expect(value).toBeGreaterThanOrEqual(0);
          for (const rate of revenueFigures(row).slice(7)) expect(rate === '' || Number.isFinite(rate)).toBe(true);
        });
        expect(table[0].mrrAtStart).toBe(0);
      }),
      { numRuns: 150 },
    );
  });
});
