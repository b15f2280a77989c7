import fc from 'fast-check';
import { loadBundle, spreadsheetSettings } from '../helpers/bundle';
import type { Kind } from '../helpers/bruteForce';
import { bruteForceLost, bruteForceWinBack, type WinBackInputRow } from '../helpers/bruteForceWinBack';
import { isoInZone, sheetsDate } from '../helpers/dates';
import { errorOf } from '../helpers/errors';
import { seed004Rows } from '../fixtures/seed004';
import { WIN_BACK_EXAMPLE } from '../fixtures/winBackExample';

// The spreadsheet is in Auckland (east of UTC: a date read in UTC would be a day early).
const SHEET_ZONE = 'Pacific/Auckland';
const api = loadBundle(spreadsheetSettings(SHEET_ZONE, 'en_NZ'));

type Table = unknown[][];
const lostCustomers = (...args: unknown[]) => api.LOST_CUSTOMERS(...args) as Table;
const winBackTable = (...args: unknown[]) => api.WINBACK_TABLE(...args) as Table;
const column = (values: unknown[]) => values.map((value) => [value]);
const argsOf = (rows: WinBackInputRow[]) => ({
  starts: column(rows.map((r) => sheetsDate(r.start, SHEET_ZONE))),
  ends: column(rows.map((r) => (r.end ? sheetsDate(r.end, SHEET_ZONE) : ''))),
  ids: column(rows.map((r) => r.id)),
  amounts: column(rows.map((r) => r.amount ?? 0)),
});
const iso = (cell: unknown) => (cell instanceof Date ? isoInZone(cell, SHEET_ZONE) : cell);

const EXAMPLE = [...WIN_BACK_EXAMPLE];

describe('LOST_CUSTOMERS', () => {
  test('the worked example: a and c, the highest MRR first, dates in the spreadsheet zone', () => {
    const { starts, ends, ids, amounts } = argsOf(EXAMPLE);
    expect(lostCustomers(starts, ends, ids, amounts).map((row) => row.map(iso))).toEqual([
      ['Customer ID', 'Customer since', 'Left on', 'Days as a customer', 'MRR when it left', 'Times it came back'],
      ['a', '2024-01-10', '2024-05-02', 67, 60, 1],
      ['c', '2024-02-01', '2024-03-31', 59, 30, 0],
    ]);
    expect(lostCustomers(starts, ends, ids).slice(1).map((row) => row[4])).toEqual(['', '']);
    expect(lostCustomers(starts, ends, ids, amounts, sheetsDate('2024-04-01', SHEET_ZONE)).slice(1).map((row) => row[0])).toEqual(['a']);
    expect(lostCustomers(starts, ends, ids, '', '', '30.04.2024').slice(1).map((row) => row[0])).toEqual(['c']);
  });

  test('seed 004: every customer who left, none who is still a customer', () => {
    const rows = seed004Rows();
    const table = lostCustomers(column(rows.map((r) => sheetsDate(r.start, SHEET_ZONE))), column(rows.map((r) => (r.end ? sheetsDate(r.end, SHEET_ZONE) : ''))), column(rows.map((r) => r.id)));
    expect(table.length - 1).toBe(rows.filter((r) => r.end).length);
    // Latest to leave first when there are no amounts.
    const left = table.slice(1).map((row) => iso(row[2]) as string);
    expect([...left].sort().reverse()).toEqual(left);
  });

  test('same as the day-by-day reference on random tables', () => {
    const day = fc.integer({ min: 0, max: 500 }).map((offset) => new Date(Date.UTC(2023, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10));
    const row = fc
      .record({ start: day, length: fc.oneof(fc.constant(-1), fc.integer({ min: 1, max: 120 })), id: fc.constantFrom('a', 'b', 'c', 'd', 'e'), cents: fc.integer({ min: 0, max: 99_999 }) })
      .map(({ start, length, id, cents }) => ({ id, start, end: length < 0 ? '' : new Date(Date.parse(start) + length * 86_400_000).toISOString().slice(0, 10), amount: cents / 100 }));
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 25 }), fc.boolean(), (rows, withAmounts) => {
        const { starts, ends, ids, amounts } = argsOf(rows);
        const got = lostCustomers(starts, ends, ids, withAmounts ? amounts : undefined).slice(1).map((cells) => cells.map(iso));
        const want = bruteForceLost(rows, withAmounts).map((r) => [r.id, r.since, r.left, r.days, r.mrr, r.returns]);
        expect(got).toEqual(want);
      }),
      { numRuns: 80 },
    );
  });

  test('names the argument that is wrong', () => {
    const { starts, ends, ids } = argsOf(EXAMPLE);
    expect(errorOf(() => lostCustomers(starts, ends))).toBe('LOST_CUSTOMERS: the argument ids is missing.');
    expect(errorOf(() => lostCustomers(starts, ends, ids, '', 'soon'))).toBe('LOST_CUSTOMERS: from_date must be a date, but it is "soon".');
    expect(errorOf(() => lostCustomers(starts, ends, ids, '', [[1], [2]]))).toBe('LOST_CUSTOMERS: from_date must be one date, not a range of cells.');
    expect(errorOf(() => lostCustomers(starts, ends, ids, '', '2024-05-01', '2024-04-01'))).toBe('LOST_CUSTOMERS: from_date is after to_date. Give the earlier date first.');
    expect(errorOf(() => lostCustomers(starts, ends, ids.slice(1)))).toMatch(/^LOST_CUSTOMERS: ids has 6 rows but start_dates has 7\./);
  });

  test('with amounts, no usable row blames the amounts, not start dates that are fine', () => {
    const { starts, ends, ids } = argsOf(EXAMPLE);
    const message = errorOf(() => lostCustomers(starts, ends, ids, column(EXAMPLE.map(() => 'n/a'))));
    expect(message).toMatch(/^LOST_CUSTOMERS: no row has both a usable start date and a usable amount\. Row 1: the amount "n\/a" is not a number\./);
    expect(errorOf(() => lostCustomers(column(EXAMPLE.map(() => 'soon')), ends, ids))).toMatch(/^LOST_CUSTOMERS: no row of start_dates has a usable start date\. Row 1: the start date "soon" is not a date\./);
  });

  test('rows it cannot use are listed in one last row, with their row number', () => {
    const { starts, ends, ids } = argsOf(EXAMPLE);
    const table = lostCustomers([...starts, ['not a date']], [...ends, ['']], [...ids, ['z']]);
    expect(table[table.length - 1][0]).toMatch(/Row 8: the start date "not a date" is not a date\./);
    expect(table.every((row) => row.length === 6)).toBe(true);
  });

  test('speaks the spreadsheet locale\'s language', () => {
    const lv = loadBundle(spreadsheetSettings('Europe/Riga', 'lv_LV'));
    const { starts, ends, ids } = argsOf(EXAMPLE);
    expect(errorOf(() => lv.LOST_CUSTOMERS(starts, ends))).toBe('LOST_CUSTOMERS: trūkst argumenta ids.');
    expect((lv.LOST_CUSTOMERS(starts, ends, ids) as Table)[0]).toEqual(['Klienta ID', 'Klients kopš', 'Aizgāja', 'Dienas kā klients', 'MRR aiziešanas brīdī', 'Reizes, kad atgriezās']);
  });
});

describe('WINBACK_TABLE', () => {
  test('the worked example: of the 3 lost in March, a third back by April, two thirds by June', () => {
    const { starts, ends, ids } = argsOf(EXAMPLE);
    const table = winBackTable(starts, ends, ids);
    expect(table[0]).toEqual(['Period start', 'Customers lost', ...[1, 2, 3, 4, 5].map((n) => `Back by month +${n}`)]);
    expect(table.slice(1).map((row) => row.map(iso))).toEqual([
      ['2024-01-01', 0, '', '', '', '', ''],
      ['2024-02-01', 0, '', '', '', '', ''],
      ['2024-03-01', 3, 1 / 3, 1 / 3, 2 / 3, '', ''],
      ['2024-04-01', 0, '', '', '', '', ''],
      ['2024-05-01', 1, 0, '', '', '', ''],
      ['2024-06-01', 0, '', '', '', '', ''],
    ]);
  });

  test('same as the day-by-day reference on random tables, every period', () => {
    const day = fc.integer({ min: 0, max: 700 }).map((offset) => new Date(Date.UTC(2023, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10));
    const row = fc
      .record({ start: day, length: fc.oneof(fc.constant(-1), fc.integer({ min: 1, max: 200 })), id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f') })
      .map(({ start, length, id }) => ({ id, start, end: length < 0 ? '' : new Date(Date.parse(start) + length * 86_400_000).toISOString().slice(0, 10) }));
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 30 }), fc.constantFrom<Kind>('month', 'week', 'quarter', 'year'), (rows, kind) => {
        const { starts, ends, ids } = argsOf(rows);
        const got = winBackTable(starts, ends, ids, kind).slice(1).map((cells) => cells.map(iso));
        const want = bruteForceWinBack(kind, rows).map((r) => [r.periodStart, r.lost, ...r.back.map((b) => (b === undefined || r.lost === 0 ? '' : b / r.lost))]);
        expect(got).toEqual(want);
      }),
      { numRuns: 80 },
    );
  });

  test('names the argument that is wrong, and refuses a table too large for a sheet', () => {
    const { starts, ends, ids } = argsOf(EXAMPLE);
    expect(errorOf(() => winBackTable(starts, ends))).toBe('WINBACK_TABLE: the argument ids is missing.');
    expect(errorOf(() => winBackTable(starts, ends, ids, 'fortnight'))).toBe('WINBACK_TABLE: period "fortnight" is not known. Use "month", "week", "quarter" or "year".');
    const wide = [sheetsDate('1900-01-01', SHEET_ZONE), sheetsDate('2199-12-31', SHEET_ZONE)];
    expect(errorOf(() => winBackTable(column(wide), column(['', '']), column(['a', 'b']), 'week'))).toMatch(/^WINBACK_TABLE: the table would have 15655 rows and 15655 columns/);
  });
});

test('LOST_CUSTOMERS shows an id longer than a cell holds cut short, and still one customer', () => {
  const long = 'x'.repeat(60_000);
  const rows: WinBackInputRow[] = [
    { id: long, start: '2024-01-01', end: '2024-02-01' },
    { id: long, start: '2024-02-01', end: '2024-03-01' },
  ];
  const { starts, ends, ids } = argsOf(rows);
  const table = lostCustomers(starts, ends, ids);
  expect(table).toHaveLength(2);
  expect(table[1][0]).toBe(`${'x'.repeat(100)}…`);
  expect(table[1][3]).toBe(60);
});

test('a day the spreadsheet\'s zone skipped whole is shown as its date in text, never as another day or an invalid Date', () => {
  // Kiribati moved across the date line: in Pacific/Kiritimati the clock went from 30 December
  // 1994 straight to 1 January 1995. A table typed as text can still name the 31st.
  const kiritimati = loadBundle(spreadsheetSettings('Pacific/Kiritimati', 'en_GB'));
  const table = kiritimati.LOST_CUSTOMERS(column(['1994-12-31', '1994-12-20']), column(['1995-03-01', '1994-12-31']), column(['a', 'b'])) as Table;
  const byId = new Map(table.slice(1).map((row) => [row[0], row]));
  expect(byId.get('a')!.slice(1, 4)).toEqual(['1994-12-31', expect.any(Date), 60]);
  expect(isoInZone(byId.get('a')![2] as Date, 'Pacific/Kiritimati')).toBe('1995-03-01');
  expect(byId.get('b')!.slice(1, 4)).toEqual([expect.any(Date), '1994-12-31', 11]);
  expect(isoInZone(byId.get('b')![1] as Date, 'Pacific/Kiritimati')).toBe('1994-12-20');
});
