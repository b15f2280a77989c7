import fc from 'fast-check';
import { dayFromCivil, isoFromDay } from '../../src/core/calendar';
import type { PeriodKind } from '../../src/core/periods';
import { readCustomerTable, columnOf } from '../../src/core/table';
import { TimeZone } from '../../src/core/timezone';
import { buildWinBackTable, lostCustomers } from '../../src/core/winBack';
import { bruteForceLost, bruteForceWinBack, type WinBackInputRow } from '../helpers/bruteForceWinBack';
import { WIN_BACK_EXAMPLE } from '../fixtures/winBackExample';

const zone = TimeZone.named('UTC');

function tableOf(rows: WinBackInputRow[], withAmounts = false) {
  return readCustomerTable(
    {
      start: columnOf(rows.map((row) => row.start)),
      end: columnOf(rows.map((row) => row.end)),
      ids: columnOf(rows.map((row) => row.id)),
      amounts: withAmounts ? columnOf(rows.map((row) => row.amount ?? 0)) : undefined,
    },
    { timeZone: zone, localeOrder: 'YMD', firstRowNumber: 2 },
  );
}

const day = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return dayFromCivil(y, m, d);
};

describe('the worked example of docs/metrics.md', () => {
  const rows = [...WIN_BACK_EXAMPLE];

  test('lost customers: a and c, highest MRR first', () => {
    const lost = lostCustomers(tableOf(rows, true));
    expect(lost.map((c) => [c.id, isoFromDay(c.firstDay), isoFromDay(c.leftDay), c.activeDays, c.mrr, c.returns])).toEqual([
      ['a', '2024-01-10', '2024-05-02', 55 + 12, 60, 1],
      ['c', '2024-02-01', '2024-03-31', 59, 30, 0],
    ]);
    expect(lostCustomers(tableOf(rows)).map((c) => c.mrr)).toEqual([undefined, undefined]);
    expect(lostCustomers(tableOf(rows, true), { toDay: day('2024-04-30') }).map((c) => c.id)).toEqual(['c']);
    expect(lostCustomers(tableOf(rows, true), { fromDay: day('2024-05-02') }).map((c) => c.id)).toEqual(['a']);
  });

  test('win-back table: March lost a, b and c; a was back by April, b by June', () => {
    const table = buildWinBackTable(tableOf(rows), 'month');
    expect(table.map((row) => [isoFromDay(row.startDay), row.lost, ...row.back])).toEqual([
      ['2024-01-01', 0, 0, 0, 0, 0, 0],
      ['2024-02-01', 0, 0, 0, 0, 0, undefined],
      ['2024-03-01', 3, 1, 1, 2, undefined, undefined],
      ['2024-04-01', 0, 0, 0, undefined, undefined, undefined],
      ['2024-05-01', 1, 0, undefined, undefined, undefined, undefined],
      ['2024-06-01', 0, undefined, undefined, undefined, undefined, undefined],
    ]);
  });
});

describe('same as the day-by-day reference on random tables', () => {
  const isoDay = fc.integer({ min: 0, max: 700 }).map((offset) => isoFromDay(dayFromCivil(2023, 1, 1) + offset));
  const rowArb = fc
    .record({ start: isoDay, length: fc.oneof(fc.constant(-1), fc.integer({ min: 1, max: 150 })), id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'), amount: fc.integer({ min: 0, max: 50_000 }).map((cents) => cents / 100) })
    .map(({ start, length, id, amount }) => ({ id, start, end: length < 0 ? '' : isoFromDay(day(start) + length), amount }));
  const kinds = fc.constantFrom<PeriodKind>('month', 'week', 'quarter', 'year');

  test('LOST list', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 30 }), fc.boolean(), (rows, withAmounts) => {
        const lost = lostCustomers(tableOf(rows, withAmounts)).map((c) => ({
          id: c.id,
          since: isoFromDay(c.firstDay),
          left: isoFromDay(c.leftDay),
          days: c.activeDays,
          mrr: c.mrr === undefined ? '' : c.mrr,
          returns: c.returns,
        }));
        expect(lost).toEqual(bruteForceLost(rows, withAmounts));
      }),
      { numRuns: 150 },
    );
  });

  test('win-back table', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 30 }), kinds, (rows, kind) => {
        const table = buildWinBackTable(tableOf(rows), kind).map((row) => ({ periodStart: isoFromDay(row.startDay), lost: row.lost, back: row.back }));
        expect(table).toEqual(bruteForceWinBack(kind, rows));
      }),
      { numRuns: 150 },
    );
  });
});

describe('same-day rows', () => {
  test('a customer whose last stretch began and ended on one day left that day, with that row\'s MRR', () => {
    const rows = [
      { id: 'x', start: '2024-01-01', end: '2024-02-01', amount: 10 },
      { id: 'x', start: '2024-03-05', end: '2024-03-05', amount: 40 },
    ];
    const [x] = lostCustomers(tableOf(rows, true));
    expect([isoFromDay(x.leftDay), x.activeDays, x.mrr, x.returns]).toEqual(['2024-03-05', 31, 40, 1]);
  });
});
