import fc from 'fast-check';
import { loadBundle, spreadsheetSettings } from '../helpers/bundle';
import { bruteForceTable, type Kind, type Row } from '../helpers/bruteForce';
import { isoInZone, sheetsDate } from '../helpers/dates';
import { SEED_004_MONTHS, seed004Rows } from '../fixtures/seed004';
import { errorOf } from '../helpers/errors';

// The spreadsheet is in Oslo, the script in New York, the machine in Honolulu (jest.config.cjs).
const SHEET_ZONE = 'Europe/Oslo';
const api = loadBundle(spreadsheetSettings(SHEET_ZONE, 'en_GB', 'America/New_York'));
const HEADER = [
  'Period start',
  'Customers at start',
  'New customers',
  'Reactivated',
  'Churned',
  'Churned new',
  'Customers at end',
  'Churn rate',
  'Adjusted churn',
];

type Table = unknown[][];
const churnTable = (...args: unknown[]) => api.CHURN_TABLE(...args) as Table;
const column = (values: unknown[]) => values.map((value) => [value]);
const datesOf = (rows: Row[], zone = SHEET_ZONE) => ({
  starts: column(rows.map((r) => sheetsDate(r.start, zone))),
  ends: column(rows.map((r) => (r.end ? sheetsDate(r.end, zone) : ''))),
  ids: column(rows.map((r) => r.id ?? '')),
});

describe('CHURN_TABLE on the seed 004 customer table', () => {
  const { starts, ends } = datesOf(seed004Rows());
  const table = churnTable(starts, ends);

  test('has the header, then one row per month from the first start to the last end', () => {
    expect(table[0]).toEqual(HEADER);
    expect(table.length - 1).toBe(14); // January 2023 to February 2024
    expect(isoInZone(table[1][0] as Date, SHEET_ZONE)).toBe('2023-01-01');
    expect(isoInZone(table[table.length - 1][0] as Date, SHEET_ZONE)).toBe('2024-02-01');
  });

  test('period starts are Dates at midnight in the spreadsheet zone', () => {
    for (const row of table.slice(1)) {
      const date = row[0] as Date;
      expect(date).toBeInstanceOf(Date);
      expect(date.getTime()).toBe(sheetsDate(isoInZone(date, SHEET_ZONE), SHEET_ZONE).getTime());
    }
  });

  test('January and February give the spec numbers', () => {
    for (const month of SEED_004_MONTHS) {
      const row = table.find((r) => r[0] instanceof Date && isoInZone(r[0], SHEET_ZONE) === `${month.month}-01`)!;
      expect(row.slice(1, 7)).toEqual([month.S, month.N, 0, month.L, month.Ln, month.E]);
      expect(row[7]).toBeCloseTo(month.L / month.S, 12);
      expect(row[8]).toBeCloseTo((month.L + month.Ln) / month.S, 12);
    }
  });

  test('rates are blank where there were no customers at the start', () => {
    expect(table[1].slice(1, 3)).toEqual([0, expect.any(Number)]);
    expect(table[1].slice(7)).toEqual(['', '']);
  });

  test('an open-ended range with blank rows at the bottom gives the same table', () => {
    const blanks = Array.from({ length: 500 }, () => ['']);
    expect(churnTable([...starts, ...blanks], [...ends, ...blanks])).toEqual(table);
  });
});

describe('CHURN_TABLE options and problems', () => {
  const rows: Row[] = [
    { id: 'A', start: '2024-01-05', end: '2024-02-01' },
    { id: 'A', start: '2024-03-10', end: '' },
    { id: 'B', start: '2024-01-20', end: '' },
  ];

  test('ids turn a return after a gap into a reactivation', () => {
    const { starts, ends, ids } = datesOf(rows);
    const table = churnTable(starts, ends, 'month', ids);
    expect(table.slice(1).map((r) => r.slice(1, 7))).toEqual([
      [0, 2, 0, 0, 0, 2],
      [2, 0, 0, 1, 0, 1],
      [1, 0, 1, 0, 0, 2],
    ]);
  });

  test.each(['week', 'Quarter', ' YEAR '])('period %s is accepted', (period) => {
    const { starts, ends } = datesOf(rows);
    expect(churnTable(starts, ends, period).length).toBeGreaterThan(1);
  });

  test('text dates in the spreadsheet locale work like date cells', () => {
    const table = churnTable(column(['05.01.2024', '10.03.2024', '20.01.2024']), column(['01.02.2024', '', '']));
    const { starts, ends } = datesOf(rows);
    expect(table).toEqual(churnTable(starts, ends));
  });

  test('unusable rows are left out and listed in one last row', () => {
    const table = churnTable(column(['2024-01-05', 'tomorrow', '', '2024-03-01']), column(['', '', '2024-02-01', '2024-02-01']));
    const note = table[table.length - 1];
    expect(note[0]).toBe(
      'Rows not counted (3; numbered from the first row of the range): Row 2: the start date "tomorrow" is not a date. ' +
        'Row 3: the start date is empty. Row 4: the end date 2024-02-01 is before the start date 2024-03-01.',
    );
    expect(note.slice(1).every((cell) => cell === '')).toBe(true);
    expect(table.slice(1, -1).reduce((sum, r) => sum + (r[2] as number), 0)).toBe(1);
  });

  test.each([
    [[column(['2024-01-01', '2024-02-01']), column([''])], /CHURN_TABLE: end_dates has 1 rows but start_dates has 2/],
    [[column(['2024-01-01']), column(['']), 'fortnight'], /CHURN_TABLE: period "fortnight" is not known/],
    [[[['2024-01-01', 'x']], column([''])], /CHURN_TABLE: start_dates must be a single column, but it has 2 columns/],
    [[column(['soon', '']), column(['', ''])], /CHURN_TABLE: no row of start_dates has a usable start date. Row 1: the start date "soon" is not a date./],
    [[column(['2024-01-01'])], /CHURN_TABLE: the argument end_dates is missing/],
    [[column(['2024-01-01', '2024-01-02']), column(['', '']), 'month', column(['a'])], /CHURN_TABLE: ids has 1 rows but start_dates has 2/],
  ])('%#: a clear error', (args, expected) => {
    expect(errorOf(() => churnTable(...(args as unknown[])))).toMatch(expected);
  });
});

describe('CHURN_TABLE against an independent count on random tables', () => {
  const isoDay = fc
    .integer({ min: 0, max: 800 })
    .map((offset) => new Date(Date.UTC(2023, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10));
  const firstOfMonth = fc.integer({ min: 0, max: 25 }).map((m) => new Date(Date.UTC(2023, m, 1)).toISOString().slice(0, 10));
  const row = fc
    .record({ start: isoDay, gap: fc.oneof(fc.constant(-1), fc.constant(0), fc.integer({ min: 1, max: 300 })), endOnFirst: fc.boolean(), first: firstOfMonth })
    .map(({ start, gap, endOnFirst, first }): Row => {
      if (gap < 0) return { start, end: '' };
      if (endOnFirst && first >= start) return { start, end: first };
      return { start, end: new Date(Date.parse(`${start}T00:00:00Z`) + gap * 86_400_000).toISOString().slice(0, 10) };
    });
  const zone = fc.constantFrom('Europe/Oslo', 'Pacific/Auckland', 'America/Los_Angeles', 'Asia/Kathmandu');

  test('every count of every period matches, in spreadsheet zones unlike the script\'s', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 30 }), fc.constantFrom<Kind>('month', 'week', 'quarter', 'year'), zone, (rows, kind, sheetZone) => {
        const bundle = loadBundle(spreadsheetSettings(sheetZone, 'en_GB', 'UTC'));
        const { starts, ends } = datesOf(rows, sheetZone);
        const table = bundle.CHURN_TABLE(starts, ends, kind) as Table;
        const engine = table.slice(1).map((r) => ({
          periodStart: isoInZone(r[0] as Date, sheetZone),
          S: r[1],
          N: r[2],
          R: r[3],
          L: r[4],
          Ln: r[5],
          E: r[6],
        }));
        expect(engine).toEqual(bruteForceTable(kind, rows));
      }),
      { numRuns: 60 },
    );
  });
});
