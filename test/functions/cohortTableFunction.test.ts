import fc from 'fast-check';
import { catalogue } from '../../src/i18n';
import { loadBundle, spreadsheetSettings } from '../helpers/bundle';
import type { Kind, Row } from '../helpers/bruteForce';
import { bruteForceCohorts } from '../helpers/bruteForceCohorts';
import { isoInZone, sheetsDate } from '../helpers/dates';
import { errorOf } from '../helpers/errors';
import { seed004Rows } from '../fixtures/seed004';

// The spreadsheet is in Oslo, the script in New York, the machine in Honolulu (jest.config.cjs).
const SHEET_ZONE = 'Europe/Oslo';
const api = loadBundle(spreadsheetSettings(SHEET_ZONE, 'en_GB', 'America/New_York'));

type Table = unknown[][];
const cohortTable = (...args: unknown[]) => api.COHORT_TABLE(...args) as Table;
const column = (values: unknown[]) => values.map((value) => [value]);
const datesOf = (rows: Row[], zone = SHEET_ZONE) => ({
  starts: column(rows.map((r) => sheetsDate(r.start, zone))),
  ends: column(rows.map((r) => (r.end ? sheetsDate(r.end, zone) : ''))),
  ids: column(rows.map((r) => r.id ?? '')),
});

describe('COHORT_TABLE on the seed 004 customer table', () => {
  const rows = seed004Rows();
  const { starts, ends } = datesOf(rows);
  const table = cohortTable(starts, ends);
  const rowOf = (month: string) => table.find((r) => r[0] instanceof Date && isoInZone(r[0], SHEET_ZONE) === `${month}-01`)!;

  test('a header of cohort start, size and months since start, then one row per month of the table', () => {
    expect(table[0]).toEqual(['Cohort start', 'Cohort size', ...Array.from({ length: 14 }, (_, k) => `Month ${k}`)]);
    expect(table.length - 1).toBe(14); // January 2023 to February 2024, as CHURN_TABLE
    expect(table.every((r) => r.length === 16)).toBe(true);
  });

  test('cohort starts are Dates at midnight in the spreadsheet zone', () => {
    for (const row of table.slice(1)) {
      const date = row[0] as Date;
      expect(date).toBeInstanceOf(Date);
      expect(date.getTime()).toBe(sheetsDate(isoInZone(date, SHEET_ZONE), SHEET_ZONE).getTime());
    }
  });

  test('January 2024: 200 customers, 98 % at the end of January, then the fixture\'s February cancellations', () => {
    const januaryStarters = rows.filter((r) => r.start.startsWith('2024-01'));
    const stayedPastFebruary = januaryStarters.filter((r) => r.end === '' || r.end >= '2024-03-01').length;
    expect(rowOf('2024-01').slice(1, 4)).toEqual([200, 0.98, stayedPastFebruary / 200]);
    expect(stayedPastFebruary).toBe(193);
    expect(rowOf('2024-01').slice(4).every((cell) => cell === '')).toBe(true);
    expect(rowOf('2024-02').slice(1, 4)).toEqual([300, 295 / 300, '']);
  });

  test('mode "count" gives customers instead of shares', () => {
    const counts = cohortTable(starts, ends, 'month', '', 'count');
    const january = counts.find((r) => r[0] instanceof Date && isoInZone(r[0], SHEET_ZONE) === '2024-01-01')!;
    expect(january.slice(1, 5)).toEqual([200, 196, 193, '']);
  });
});

describe('COHORT_TABLE options and problems', () => {
  const rows: Row[] = [
    { id: 'A', start: '2024-01-10', end: '2024-02-15' },
    { id: 'A', start: '2024-04-01', end: '' },
    { id: 'B', start: '2024-01-20', end: '' },
    { id: 'C', start: '2024-01-25', end: '2024-01-28' },
    { id: 'D', start: '2024-02-05', end: '2024-04-01' },
    { id: 'E', start: '2024-03-10', end: '' },
  ];
  const { starts, ends, ids } = datesOf(rows);

  test('the worked example of docs/metrics.md: a returning customer counts again, an empty cohort stays blank', () => {
    const table = cohortTable(starts, ends, 'month', ids, 'count');
    expect(table.slice(1).map((r) => r.slice(1))).toEqual([
      [3, 2, 1, 1, 2],
      [1, 1, 1, 0, ''],
      [1, 1, 1, '', ''],
      [0, 0, '', '', ''],
    ]);
    const shares = cohortTable(starts, ends, 'month', ids);
    expect(shares[4].slice(1)).toEqual([0, '', '', '', '']);
    expect((shares[1][5] as number).toFixed(4)).toBe('0.6667');
  });

  test.each([
    ['week', 'Week 0'],
    ['quarter', 'Quarter 0'],
    [' Year ', 'Year 0'],
  ])('period %s names its columns %s', (period, first) => {
    expect(cohortTable(starts, ends, period)[0][2]).toBe(first);
  });

  test('headers speak the spreadsheet locale\'s language', () => {
    const lv = loadBundle(spreadsheetSettings('Europe/Riga', 'lv_LV'));
    const header = (lv.COHORT_TABLE(starts, ends) as Table)[0];
    expect(header.slice(0, 3)).toEqual([catalogue('lv')['cohort.start'], catalogue('lv')['cohort.size'], 'Mēnesis 0']);
  });

  test('unusable rows are left out and listed in one last row as wide as the table', () => {
    const table = cohortTable(column(['2024-01-05', 'tomorrow', '2024-03-01']), column(['', '', '2024-02-01']));
    const note = table[table.length - 1];
    expect(note[0]).toMatch(/^Rows not counted \(2; .*Row 2: the start date "tomorrow" is not a date\. Row 3: the end date 2024-02-01 is before the start date 2024-03-01\.$/);
    expect(note.length).toBe(table[0].length);
    expect(note.slice(1).every((cell) => cell === '')).toBe(true);
  });

  test.each([
    [[starts, ends, 'month', '', 'percent'], /^COHORT_TABLE: mode "percent" is not known\. Use "share", "count"\.$/],
    [[starts, ends, 'fortnight'], /COHORT_TABLE: period "fortnight" is not known/],
    [[starts, column([''])], /COHORT_TABLE: end_dates has 1 rows but start_dates has 6/],
    [[starts, ends, 'month', column(['a'])], /COHORT_TABLE: ids has 1 rows but start_dates has 6/],
    [[column(['soon']), column([''])], /COHORT_TABLE: no row of start_dates has a usable start date. Row 1: the start date "soon" is not a date./],
    [[column(['1900-01-01']), column(['2199-12-01']), 'week'], /^COHORT_TABLE: the table would have 15650 rows and 15651 columns \(244938150 cells\), more than the 10000000 cells a spreadsheet holds\. Choose a longer period, such as "month"\. Give only the rows of the years you need \(the dates run from 1900-01-01 to 2199-12-01\)\.$/],
  ])('%#: a clear error', (args, expected) => {
    expect(errorOf(() => cohortTable(...(args as unknown[])))).toMatch(expected);
  });
});

describe('COHORT_TABLE against an independent count on random tables', () => {
  const isoDay = fc.integer({ min: 0, max: 800 }).map((offset) => new Date(Date.UTC(2023, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10));
  const row = fc
    .record({ id: fc.constantFrom('A', 'B', 'C', 'D', 'E'), start: isoDay, gap: fc.oneof(fc.constant(-1), fc.constant(0), fc.integer({ min: 1, max: 300 })) })
    .map(({ id, start, gap }): Row => ({
      id,
      start,
      end: gap < 0 ? '' : new Date(Date.parse(`${start}T00:00:00Z`) + gap * 86_400_000).toISOString().slice(0, 10),
    }));
  const zone = fc.constantFrom('Europe/Oslo', 'Pacific/Auckland', 'America/Los_Angeles', 'Asia/Kathmandu');

  test('every cell of every cohort, with and without ids, in spreadsheet zones unlike the script\'s', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 25 }), fc.constantFrom<Kind>('month', 'week', 'quarter', 'year'), zone, fc.boolean(), (rows, kind, sheetZone, withIds) => {
        const bundle = loadBundle(spreadsheetSettings(sheetZone, 'en_GB', 'UTC'));
        const { starts, ends, ids } = datesOf(rows, sheetZone);
        const counts = bundle.COHORT_TABLE(starts, ends, kind, withIds ? ids : undefined, 'count') as Table;
        const shares = bundle.COHORT_TABLE(starts, ends, kind, withIds ? ids : undefined) as Table;
        const expected = bruteForceCohorts(kind, rows, withIds);
        const width = expected.length;
        expect(counts.slice(1).map((r) => [isoInZone(r[0] as Date, sheetZone), ...r.slice(1)])).toEqual(
          expected.map((c) => [c.periodStart, c.size, ...c.retained, ...new Array(width - c.retained.length).fill('')]),
        );
        expect(shares.slice(1).map((r) => r.slice(2))).toEqual(
          expected.map((c) => [...c.retained.map((n) => (c.size > 0 ? n / c.size : '')), ...new Array(width - c.retained.length).fill('')]),
        );
      }),
      { numRuns: 60 },
    );
  });
});
