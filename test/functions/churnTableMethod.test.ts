import fc from 'fast-check';
import { catalogue } from '../../src/i18n';
import { loadBundle, spreadsheetSettings } from '../helpers/bundle';
import { bruteForceTable, type Kind, type Row } from '../helpers/bruteForce';
import { bruteForceDaily } from '../helpers/bruteForceCohorts';
import { isoInZone, sheetsDate } from '../helpers/dates';
import { errorOf } from '../helpers/errors';
import { SEED_004_MONTHS, seed004Rows } from '../fixtures/seed004';

// The spreadsheet is in Oslo, the script in New York, the machine in Honolulu (jest.config.cjs).
const SHEET_ZONE = 'Europe/Oslo';
const api = loadBundle(spreadsheetSettings(SHEET_ZONE, 'en_GB', 'America/New_York'));

type Table = unknown[][];
const churnTable = (...args: unknown[]) => api.CHURN_TABLE(...args) as Table;
const column = (values: unknown[]) => values.map((value) => [value]);
const datesOf = (rows: Row[], zone = SHEET_ZONE) => ({
  starts: column(rows.map((r) => sheetsDate(r.start, zone))),
  ends: column(rows.map((r) => (r.end ? sheetsDate(r.end, zone) : ''))),
  ids: column(rows.map((r) => r.id ?? '')),
});
const ADJUSTED = 8; // the last column

describe('CHURN_TABLE method on the seed 004 customer table', () => {
  const rows = seed004Rows();
  const { starts, ends } = datesOf(rows);
  const plain = churnTable(starts, ends);
  const rowOf = (table: Table, month: string) => table.find((r) => r[0] instanceof Date && isoInZone(r[0], SHEET_ZONE) === `${month}-01`)!;

  test('"start", the default, and a blank segments argument leave the table as it was', () => {
    expect(churnTable(starts, ends, 'month', '', '', 'start')).toEqual(plain);
    expect(churnTable(starts, ends, 'month', undefined, undefined, '')).toEqual(plain);
  });

  test('"daily": only the last column changes, to the day-by-day sum, under its own name', () => {
    const daily = churnTable(starts, ends, 'month', '', '', 'daily');
    expect(daily[0]).toEqual([...(plain[0] as string[]).slice(0, ADJUSTED), 'Daily churn']);
    expect(daily.map((r) => r.slice(0, ADJUSTED))).toEqual(plain.map((r) => r.slice(0, ADJUSTED)));
    const expected = bruteForceDaily('month', rows);
    daily.slice(1).forEach((r, i) => {
      if (expected[i] === undefined) expect(r[ADJUSTED]).toBe('');
      else expect(r[ADJUSTED]).toBeCloseTo(expected[i]!, 12);
    });
    // January 2023 had no customers at the start of its first day, but did at the start of later ones.
    expect(daily[1][7]).toBe('');
    expect(daily[1][ADJUSTED]).toBe(0);
    expect((rowOf(daily, '2024-01')[ADJUSTED] as number).toFixed(4)).toBe('0.0319');
    expect((rowOf(daily, '2024-02')[ADJUSTED] as number).toFixed(4)).toBe('0.0314');
  });

  test('"average" and "start_plus_new" divide the same losses by their own denominators', () => {
    const average = churnTable(starts, ends, 'month', '', '', 'average');
    const plusNew = churnTable(starts, ends, 'month', '', '', 'Start plus new');
    for (const { month, S, L, N, Ln, E } of SEED_004_MONTHS) {
      expect(rowOf(average, month)[ADJUSTED]).toBeCloseTo((L + Ln) / ((S + E) / 2), 12);
      expect(rowOf(plusNew, month)[ADJUSTED]).toBeCloseTo((L + Ln) / (S + N), 12);
    }
    expect((rowOf(average, '2024-01')[ADJUSTED] as number).toFixed(4)).toBe('0.0322');
    expect((rowOf(plusNew, '2024-01')[ADJUSTED] as number).toFixed(4)).toBe('0.0271');
    expect(average[0][ADJUSTED]).toBe('Adjusted churn');
  });

  test('the header speaks the spreadsheet locale\'s language', () => {
    const nb = loadBundle(spreadsheetSettings('Europe/Oslo', 'nb_NO'));
    expect((nb.CHURN_TABLE(starts, ends, 'month', '', '', 'daily') as Table)[0][ADJUSTED]).toBe(catalogue('nb')['table.dailyChurn']);
  });
});

describe('the method argument with ids, and its errors', () => {
  const rows: Row[] = [
    { id: 'A', start: '2024-01-05', end: '2024-02-01' },
    { id: 'A', start: '2024-03-10', end: '2024-03-20' },
    { id: 'B', start: '2024-01-20', end: '' },
    { id: 'C', start: '2024-02-10', end: '' },
  ];
  const { starts, ends, ids } = datesOf(rows);

  test('reactivated customers join the new ones in "start_plus_new" and in the customers at end of "average"', () => {
    const plusNew = churnTable(starts, ends, 'month', ids, '', 'start_plus_new');
    const average = churnTable(starts, ends, 'month', ids, '', 'average');
    // March: S 2 (B, C), reactivated 1 (A), churned new 1 (A again): E = 2.
    expect(plusNew[3].slice(1, 7)).toEqual([2, 0, 1, 0, 1, 2]);
    expect(plusNew[3][ADJUSTED]).toBe(1 / 3);
    expect(average[3][ADJUSTED]).toBe(1 / 2);
  });

  test('"daily" with ids counts a customer\'s merged days', () => {
    const daily = churnTable(starts, ends, 'month', ids, '', 'daily');
    const expected = bruteForceDaily('month', rows, true);
    expect(daily.slice(1).map((r) => r[ADJUSTED])).toEqual(expected.map((v) => v ?? ''));
    expect(daily[2][ADJUSTED]).toBe(1 / 2); // 1 February: A leaves, B was the other customer
  });

  test.each([
    [[starts, ends, 'month', '', '', 'median'], /^CHURN_TABLE: method "median" is not known\. Use "start", "average", "start_plus_new", "daily"\.$/],
    [[starts, ends, 'month', '', '', 'daily'], /^no error$/],
  ])('%#: method errors', (args, expected) => {
    expect(errorOf(() => churnTable(...(args as unknown[])))).toMatch(expected);
  });

  test('ADJUSTED_CHURN cannot compute "daily" from counts and says where to get it', () => {
    expect(errorOf(() => api.ADJUSTED_CHURN(500, 15, 200, 4, 'daily'))).toBe(
      'ADJUSTED_CHURN: method "daily" adds up a churn rate for every day, so it needs each customer\'s start and end dates, not a period\'s counts. ' +
        'Use =CHURN_TABLE(start_dates, end_dates, [period], [ids], [segments], "daily").',
    );
    expect(api.ADJUSTED_CHURN(500, 15, 200, 4, 'average')).toBeCloseTo(19 / 590.5, 12);
  });
});

describe('CHURN_TABLE "daily" against a day-by-day count on random tables', () => {
  const isoDay = fc.integer({ min: 0, max: 800 }).map((offset) => new Date(Date.UTC(2023, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10));
  const row = fc
    .record({ id: fc.constantFrom('A', 'B', 'C', 'D', 'E'), start: isoDay, gap: fc.oneof(fc.constant(-1), fc.constant(0), fc.integer({ min: 1, max: 300 })) })
    .map(({ id, start, gap }): Row => ({
      id,
      start,
      end: gap < 0 ? '' : new Date(Date.parse(`${start}T00:00:00Z`) + gap * 86_400_000).toISOString().slice(0, 10),
    }));
  const zone = fc.constantFrom('Europe/Oslo', 'Pacific/Auckland', 'America/Los_Angeles', 'Asia/Kathmandu');

  test('every period, with and without ids, in spreadsheet zones unlike the script\'s; the counts stay the same', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 25 }), fc.constantFrom<Kind>('month', 'week', 'quarter', 'year'), zone, fc.boolean(), (rows, kind, sheetZone, withIds) => {
        const bundle = loadBundle(spreadsheetSettings(sheetZone, 'en_GB', 'UTC'));
        const { starts, ends, ids } = datesOf(rows, sheetZone);
        const table = bundle.CHURN_TABLE(starts, ends, kind, withIds ? ids : '', '', 'daily') as Table;
        const expected = bruteForceDaily(kind, rows, withIds);
        expect(table.length - 1).toBe(expected.length);
        table.slice(1).forEach((r, i) => {
          if (expected[i] === undefined) expect(r[ADJUSTED]).toBe('');
          else expect(r[ADJUSTED]).toBeCloseTo(expected[i]!, 10);
        });
        if (!withIds) {
          expect(table.slice(1).map((r) => [isoInZone(r[0] as Date, sheetZone), ...r.slice(1, 7)])).toEqual(
            bruteForceTable(kind, rows).map((c) => [c.periodStart, c.S, c.N, c.R, c.L, c.Ln, c.E]),
          );
        }
      }),
      { numRuns: 60 },
    );
  });
});
