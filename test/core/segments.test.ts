import fc from 'fast-check';
import { isoFromDay } from '../../src/core/calendar';
import { buildChurnTable, computePeriodTable, type PeriodRow } from '../../src/core/churnTable';
import { activityIntervals } from '../../src/core/customers';
import { segmentKey, splitBySegment } from '../../src/core/segments';
import { NO_END, columnOf, readCustomerTable, type CustomerTable } from '../../src/core/table';
import { TimeZone } from '../../src/core/timezone';
import { bruteForceTable, type Counts, type Row } from '../helpers/bruteForce';
import { sheetsDate } from '../helpers/dates';

const ZONE = 'Europe/Riga';
const zone = TimeZone.named(ZONE);

type SegmentedRow = Row & { segment: string };

function read(rows: SegmentedRow[], withIds = false): CustomerTable & { segments: string[] } {
  const table = readCustomerTable(
    {
      start: columnOf(rows.map((r) => sheetsDate(r.start, ZONE))),
      end: columnOf(rows.map((r) => (r.end ? sheetsDate(r.end, ZONE) : ''))),
      ids: withIds ? columnOf(rows.map((r) => r.id ?? '')) : undefined,
      segments: columnOf(rows.map((r) => r.segment)),
    },
    { timeZone: zone, localeOrder: 'DMY', firstRowNumber: 2 },
  );
  expect(table.problemCount).toBe(0);
  return table as CustomerTable & { segments: string[] };
}

/** A segment's table the way the engine builds it: its rows, over the whole table's periods. */
const segmentRows = (part: CustomerTable, whole: CustomerTable): PeriodRow[] => computePeriodTable(activityIntervals(part), 'month', whole.span!);

const asCounts = (rows: PeriodRow[]): Counts[] =>
  rows.map((row) => ({
    periodStart: isoFromDay(row.startDay),
    S: row.customersAtStart,
    N: row.newCustomers,
    R: row.reactivated,
    L: row.churned,
    Ln: row.churnedNew,
    E: row.customersAtEnd,
  }));

describe('splitting by segment', () => {
  const rows: SegmentedRow[] = [
    { start: '2024-01-05', end: '', segment: 'Pro' },
    { start: '2024-01-20', end: '2024-02-10', segment: 'pro ' },
    { start: '2024-02-01', end: '', segment: 'Basic' },
    { start: '2023-12-15', end: '2024-03-02', segment: '' },
    { start: '2024-03-01', end: '', segment: 'PRO' },
    { start: '2024-02-11', end: '', segment: 'Ärzte' },
  ];
  const table = read(rows);
  const parts = splitBySegment(table);

  test('segments match as COUNTIFS matches text: ignoring case and the spaces around them', () => {
    expect(parts.map((p) => [p.name, p.table.startDays.length, p.blank])).toEqual([
      ['Ärzte', 1, false],
      ['Basic', 1, false],
      ['Pro', 3, false],
      ['', 1, true],
    ]);
    expect(segmentKey(' PRO ')).toBe(segmentKey('pro'));
  });

  test('every segment covers the periods of the whole table, so blocks line up', () => {
    const whole = buildChurnTable(table, 'month').rows;
    for (const part of parts) {
      expect(part.table.span).toEqual(table.span);
      expect(segmentRows(part.table, table).map((r) => r.startDay)).toEqual(whole.map((r) => r.startDay));
    }
  });

  test('the Pro segment gives the counts of its own rows', () => {
    const pro = parts.find((p) => p.name === 'Pro')!;
    const january = asCounts(segmentRows(pro.table, table)).find((c) => c.periodStart === '2024-01-01')!;
    expect(january).toEqual({ periodStart: '2024-01-01', S: 0, N: 2, R: 0, L: 0, Ln: 0, E: 2 });
    const february = asCounts(segmentRows(pro.table, table)).find((c) => c.periodStart === '2024-02-01')!;
    expect(february).toEqual({ periodStart: '2024-02-01', S: 2, N: 0, R: 0, L: 1, Ln: 0, E: 1 });
  });
});

const isoDay = fc.integer({ min: 0, max: 700 }).map((n) => new Date(Date.UTC(2023, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
const segmentedRow = fc
  .record({ start: isoDay, length: fc.option(fc.integer({ min: 1, max: 300 }), { nil: undefined }), segment: fc.constantFrom('A', 'a', 'B', ' b', '', 'Č'), id: fc.constantFrom('x', 'y', 'z', 'w') })
  .map(({ start, length, segment, id }): SegmentedRow => {
    const end = length === undefined ? '' : new Date(Date.parse(`${start}T00:00:00Z`) + length * 86_400_000).toISOString().slice(0, 10);
    return { start, end, segment, id };
  });

describe('random tables', () => {
  test('each segment block equals the spec counts of its rows alone, over the whole span', () => {
    fc.assert(
      fc.property(fc.array(segmentedRow, { minLength: 1, maxLength: 40 }), fc.boolean(), (rows, withIds) => {
        const table = read(rows, withIds);
        for (const part of splitBySegment(table)) {
          const own = rows.filter((r) => segmentKey(r.segment) === segmentKey(part.name));
          const expected = bruteForceTable('month', own, withIds, rows);
          expect(asCounts(segmentRows(part.table, table))).toEqual(expected);
        }
      }),
      { numRuns: 150 },
    );
  });

  test('without ids, the segments add up to the total in every column', () => {
    fc.assert(
      fc.property(fc.array(segmentedRow, { minLength: 1, maxLength: 40 }), (rows) => {
        const table = read(rows);
        const whole = buildChurnTable(table, 'month').rows;
        const sums = whole.map((row) => ({ ...row, customersAtStart: 0, newCustomers: 0, reactivated: 0, churned: 0, churnedNew: 0, customersAtEnd: 0 }));
        for (const part of splitBySegment(table)) {
          segmentRows(part.table, table).forEach((row, i) => {
            sums[i].customersAtStart += row.customersAtStart;
            sums[i].newCustomers += row.newCustomers;
            sums[i].churned += row.churned;
            sums[i].churnedNew += row.churnedNew;
            sums[i].customersAtEnd += row.customersAtEnd;
          });
        }
        expect(sums).toEqual(whole);
      }),
      { numRuns: 150 },
    );
  });
});

describe('without Intl', () => {
  test('segments are still split, ordered by code point', () => {
    const original = globalThis.Intl;
    // A runtime without Intl, as Apps Script may be: the blocks come out all the same.
    (globalThis as { Intl?: typeof Intl }).Intl = undefined;
    try {
      const table = { startDays: Int32Array.of(1, 2, 3), endDays: Int32Array.of(NO_END, NO_END, NO_END), segments: ['b', 'A', ''], span: { firstDay: 1, lastDay: 3 }, problems: [], problemCount: 0, blankRows: 0, dateOrders: [] };
      expect(splitBySegment(table).map((part) => [part.name, part.blank, Array.from(part.table.startDays)])).toEqual([
        ['A', false, [2]],
        ['b', false, [1]],
        ['', true, [3]],
      ]);
    } finally {
      (globalThis as { Intl?: typeof Intl }).Intl = original;
    }
  });
});
