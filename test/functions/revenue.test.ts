import { catalogue } from '../../src/i18n';
import { en } from '../../src/i18n/en';
import { SEED_004_MONTHS, seed004Rows } from '../fixtures/seed004';
import { loadBundle, spreadsheetSettings } from '../helpers/bundle';
import { isoInZone, sheetsDate } from '../helpers/dates';
import { errorOf } from '../helpers/errors';

// The spreadsheet is in Oslo, the script in New York, the machine in Honolulu (jest.config.cjs).
const SHEET_ZONE = 'Europe/Oslo';
const api = loadBundle(spreadsheetSettings(SHEET_ZONE, 'en_GB', 'America/New_York'));
const HEADER = [
  'Period start',
  'MRR at start',
  'New MRR',
  'Reactivation MRR',
  'Expansion MRR',
  'Contraction MRR',
  'Churned MRR',
  'MRR at end',
  'Gross MRR churn',
  'Net MRR churn',
  'Net revenue retention',
  'Quick ratio',
];

type Table = unknown[][];
const column = (values: unknown[]) => values.map((value) => [value]);
const revenueTable = (...args: unknown[]) => api.REVENUE_TABLE(...args) as Table;
const rowOf = (table: Table, iso: string, zone = SHEET_ZONE) => table.find((r) => r[0] instanceof Date && isoInZone(r[0], zone) === iso)!;

interface Row {
  id?: string;
  start: string;
  end: string;
  amount: unknown;
}
const columnsOf = (rows: Row[], zone = SHEET_ZONE) => ({
  starts: column(rows.map((r) => sheetsDate(r.start, zone))),
  ends: column(rows.map((r) => (r.end ? sheetsDate(r.end, zone) : ''))),
  amounts: column(rows.map((r) => r.amount)),
  ids: column(rows.map((r) => r.id ?? '')),
});

describe('REVENUE_TABLE on the seed 004 customers, each paying 100 a month', () => {
  const { starts, ends, amounts } = columnsOf(seed004Rows().map((row) => ({ ...row, amount: 100 })));
  const table = revenueTable(starts, ends, amounts);

  test('has the header, then one row per month from the first start to the last end', () => {
    expect(table[0]).toEqual(HEADER);
    expect(table.length - 1).toBe(14); // January 2023 to February 2024
    for (const row of table.slice(1)) {
      const date = row[0] as Date;
      expect(date.getTime()).toBe(sheetsDate(isoInZone(date, SHEET_ZONE), SHEET_ZONE).getTime()); // midnight in the sheet's zone
      expect(row).toHaveLength(HEADER.length);
    }
  });

  test('January and February: MRR is the customer count times 100, gross MRR churn is the adjusted churn', () => {
    for (const month of SEED_004_MONTHS) {
      const row = rowOf(table, `${month.month}-01`);
      expect(row.slice(1, 8)).toEqual([month.S * 100, month.N * 100, 0, 0, 0, (month.L + month.Ln) * 100, month.E * 100]);
      expect(row[8]).toBeCloseTo((month.L + month.Ln) / month.S, 12);
      expect(row[9]).toBeCloseTo((month.L + month.Ln) / month.S, 12);
      expect(row[10]).toBeCloseTo(1 - (month.L + month.Ln) / month.S, 12);
      expect(row[11]).toBeCloseTo(month.N / (month.L + month.Ln), 12);
    }
    expect(rowOf(table, '2024-01-01').slice(1, 9)).toEqual([50_000, 20_000, 0, 0, 0, 1_900, 68_100, expect.closeTo(0.038, 12)]);
  });

  test('rates are blank, never 0, where there was no MRR at the start or none lost', () => {
    expect(table[1].slice(8)).toEqual(['', '', '', '']);
  });

  test('an open-ended range with blank rows at the bottom gives the same table', () => {
    const blanks = Array.from({ length: 300 }, () => ['']);
    expect(revenueTable([...starts, ...blanks], [...ends, ...blanks], [...amounts, ...blanks])).toEqual(table);
  });
});

describe('REVENUE_TABLE with ids, in a spreadsheet zone far from the script\'s and the machine\'s', () => {
  const ZONE = 'Pacific/Auckland';
  const bundle = loadBundle(spreadsheetSettings(ZONE, 'en_NZ', 'America/New_York'));
  const rows: Row[] = [
    { id: 'A', start: '2024-01-10', end: '2024-03-05', amount: 50 },
    { id: 'A', start: '2024-03-05', end: '', amount: 80 },
    { id: 'B', start: '2023-12-01', end: '2024-02-20', amount: 100 },
    { id: 'B', start: '2024-02-20', end: '2024-04-01', amount: 60 },
    { id: 'C', start: '2023-11-15', end: '2024-01-31', amount: 40 },
    { id: 'C', start: '2024-03-12', end: '', amount: 40 },
    { id: 'D', start: '2024-02-01', end: '', amount: 30 },
  ];

  test('upgrade, downgrade, churn and return, month by month (worked out by hand)', () => {
    const { starts, ends, amounts, ids } = columnsOf(rows, ZONE);
    const table = bundle.REVENUE_TABLE(starts, ends, amounts, 'month', ids) as Table;
    expect(table.slice(1).map((r) => [isoInZone(r[0] as Date, ZONE), ...r.slice(1, 8)])).toEqual([
      ['2023-11-01', 0, 40, 0, 0, 0, 0, 40],
      ['2023-12-01', 40, 100, 0, 0, 0, 0, 140],
      ['2024-01-01', 140, 50, 0, 0, 0, 40, 150],
      // D starts on 1 February in Auckland, which is still 31 January in UTC and in Honolulu.
      ['2024-02-01', 150, 30, 0, 0, 40, 0, 140],
      ['2024-03-01', 140, 0, 40, 30, 0, 0, 210],
      ['2024-04-01', 210, 0, 0, 0, 0, 60, 150],
    ]);
    const march = table[5];
    expect(march.slice(8)).toEqual([0, expect.closeTo(-30 / 140, 12), expect.closeTo(170 / 140, 12), '']);
  });

  test('period starts are Dates at midnight in the spreadsheet\'s zone, not the machine\'s', () => {
    const { starts, ends, amounts, ids } = columnsOf(rows, ZONE);
    const table = bundle.REVENUE_TABLE(starts, ends, amounts, 'month', ids) as Table;
    const february = table[4][0] as Date;
    expect(isoInZone(february, ZONE)).toBe('2024-02-01');
    expect(february.getTime()).toBe(sheetsDate('2024-02-01', ZONE).getTime());
    expect(isoInZone(february, 'Pacific/Honolulu')).toBe('2024-01-31');
  });

  test('quarters, and without ids each row is its own customer', () => {
    const { starts, ends, amounts } = columnsOf(rows, ZONE);
    const quarters = bundle.REVENUE_TABLE(starts, ends, amounts, 'Quarter') as Table;
    // Q1 2024 without ids: A's upgrade is 50 churned and 80 new, C's return 40 new, B's downgrade 100 churned and 60 new.
    expect(quarters[2].slice(1, 8)).toEqual([140, 50 + 30 + 80 + 40 + 60, 0, 0, 0, 40 + 100 + 50, 210]);
  });
});

describe('REVENUE_TABLE amounts, problems and errors', () => {
  test('amounts written as text are read with the spreadsheet locale\'s decimal separator', () => {
    const starts = column([sheetsDate('2024-01-05', 'Europe/Riga'), sheetsDate('2024-01-06', 'Europe/Riga')]);
    const ends = column(['', '']);
    const latvian = loadBundle(spreadsheetSettings('Europe/Riga', 'lv_LV'));
    const american = loadBundle(spreadsheetSettings('Europe/Riga', 'en_US'));
    const newMrr = (bundle: typeof api, amounts: unknown[]) => (bundle.REVENUE_TABLE(starts, ends, column(amounts)) as Table)[1][2] as number;
    expect(newMrr(latvian, ['49,90', '1 000'])).toBeCloseTo(1049.9, 9);
    expect(newMrr(latvian, ['1,234', '€ 1'])).toBeCloseTo(2.234, 9);
    expect(newMrr(american, ['1,234', '$1'])).toBe(1235);
  });

  test('rows it cannot use are left out and listed in one last row', () => {
    const table = revenueTable(
      column(['2024-01-05', '2024-01-06', 'soon', '2024-01-07', '2024-01-08']),
      column(['', '', '', '', '']),
      column([100, '', 20, -5, 'lots']),
    );
    expect(table.slice(1, -1).map((r) => r[2])).toEqual([100]);
    const note = table[table.length - 1];
    expect(note[0]).toBe(
      'Rows not counted (4; numbered from the first row of the range): Row 2: the amount is empty. ' +
        'Row 3: the start date "soon" is not a date. Row 4: the amount -5 is negative. Row 5: the amount "lots" is not a number.',
    );
    expect(note).toHaveLength(HEADER.length);
    expect(note.slice(1).every((cell) => cell === '')).toBe(true);
  });

  test.each([
    [[column(['2024-01-01', '2024-02-01']), column(['', '']), column([1])], /REVENUE_TABLE: amounts has 1 rows but start_dates has 2/],
    [[column(['2024-01-01', '2024-02-01']), column(['']), column([1, 2])], /REVENUE_TABLE: end_dates has 1 rows but start_dates has 2/],
    [[column(['2024-01-01']), column([''])], /REVENUE_TABLE: the argument amounts is missing/],
    [[column(['2024-01-01']), column(['']), column([1]), 'fortnight'], /REVENUE_TABLE: period "fortnight" is not known/],
    [[column(['2024-01-01']), column(['']), [[1, 2]]], /REVENUE_TABLE: amounts must be a single column, but it has 2 columns/],
    [[column(['2024-01-01', '2024-01-02']), column(['', '']), column([1, 2]), 'month', column(['a'])], /REVENUE_TABLE: ids has 1 rows but start_dates has 2/],
    [[column(['2024-01-01', 'x']), column(['', '']), column(['', 5])], /REVENUE_TABLE: no row has both a usable start date and a usable amount. Row 1: the amount is empty. Row 2: the start date "x" is not a date./],
  ])('%#: a clear error', (args, expected) => {
    expect(errorOf(() => revenueTable(...(args as unknown[])))).toMatch(expected);
  });

  test('the header and the messages speak the spreadsheet locale\'s language', () => {
    const polish = loadBundle(spreadsheetSettings('Europe/Warsaw', 'pl_PL'));
    const table = polish.REVENUE_TABLE([['2024-01-05']], [['']], [[10]]) as Table;
    expect(table[0][1]).toBe(catalogue('pl')['revenue.mrrAtStart']);
    expect(table[0][1]).not.toBe(en['revenue.mrrAtStart']);
    expect(errorOf(() => polish.MRR_CHURN(0, 0))).toMatch(/^MRR_CHURN: .*mrr_at_start/);
    expect(errorOf(() => polish.MRR_CHURN(0, 0))).not.toMatch(/must be greater than 0/);
  });
});

describe('MRR_CHURN', () => {
  test('gross by default: (lost + contraction) / start', () => {
    expect(api.MRR_CHURN(50_000, 1_900)).toBeCloseTo(0.038, 12);
    expect(api.MRR_CHURN(10_000, 300, 200)).toBeCloseTo(0.05, 12);
    expect(api.MRR_CHURN(10_000, 300, 200, 600)).toBeCloseTo(0.05, 12); // expansion only counts for net
    expect(api.MRR_CHURN(10_000, 300, '', '', '')).toBeCloseTo(0.03, 12);
  });

  test('net TRUE subtracts expansion, and may be negative (net negative churn)', () => {
    expect(api.MRR_CHURN(10_000, 300, 200, 400, true)).toBeCloseTo(0.01, 12);
    expect(api.MRR_CHURN(140, 0, 0, 30, true)).toBeCloseTo(-30 / 140, 12);
    expect(api.MRR_CHURN(140, 0, 0, 30, 'TRUE')).toBeCloseTo(-30 / 140, 12);
    expect(api.MRR_CHURN(140, 0, 0, 30, false)).toBe(0);
  });

  test('ranges give one result per row; blank optional cells are 0; a blank row stays blank', () => {
    expect(api.MRR_CHURN([[50_000], [68_100], ['']], [[1_900], [2_500], ['']], [[100], [''], ['']])).toEqual([
      [expect.closeTo(2_000 / 50_000, 12)],
      [expect.closeTo(2_500 / 68_100, 12)],
      [''],
    ]);
  });

  test('numbers typed as text are read', () => {
    expect(api.MRR_CHURN('50 000', '1900')).toBeCloseTo(0.038, 12);
  });

  test.each([
    [[0, 0], /MRR_CHURN: mrr_at_start must be greater than 0, but the value is 0. With no MRR at the start/],
    [[100, -1], /MRR_CHURN: mrr_lost cannot be negative, but the value is -1/],
    [[100, 1, -2], /MRR_CHURN: mrr_contraction cannot be negative, but the value is -2/],
    [[100, 1, 0, -3, true], /MRR_CHURN: mrr_expansion cannot be negative, but the value is -3/],
    [[100, 60, 50], /MRR_CHURN: mrr_lost \+ mrr_contraction \(110\) is larger than mrr_at_start \(100\)/],
    [[[[100], [100]], [[10], [101]]], /MRR_CHURN: mrr_lost \+ mrr_contraction \(101\) is larger than mrr_at_start \(100\) in row 2, column 1 of the range/],
    [[100, 1, 0, 0, 'maybe'], /MRR_CHURN: net must be TRUE or FALSE, but it is "maybe"/],
    [[100, 'some'], /MRR_CHURN: mrr_lost must be a number, but the value is "some"/],
    [[100], /MRR_CHURN: the argument mrr_lost is missing/],
  ])('%#: a clear error', (args, expected) => {
    expect(errorOf(() => api.MRR_CHURN(...args))).toMatch(expected);
  });

  test('lost + contraction equal to the start is fine despite binary rounding', () => {
    expect(api.MRR_CHURN(0.3, 0.1, 0.2)).toBeCloseTo(1, 12);
  });
});

describe('CUSTOMER_LTV', () => {
  test('arpa x gross margin / churn rate', () => {
    expect(api.CUSTOMER_LTV(100, 0.03)).toBeCloseTo(10_000 / 3, 9);
    expect(api.CUSTOMER_LTV(100, '3%', '80 %')).toBeCloseTo(8_000 / 3, 9);
    expect(api.CUSTOMER_LTV(100, 0.05, '')).toBeCloseTo(2_000, 9);
    expect(api.CUSTOMER_LTV(0, 1)).toBe(0);
  });

  test('ranges, with a scalar margin for every row', () => {
    expect(api.CUSTOMER_LTV([[100], [50]], [[0.05], [0.1]], 0.5)).toEqual([[expect.closeTo(1_000, 9)], [expect.closeTo(250, 9)]]);
  });

  test.each([
    [[-1, 0.03], /CUSTOMER_LTV: arpa cannot be negative, but the value is -1/],
    [[100, 0], /CUSTOMER_LTV: churn_rate is 0. At a churn rate of 0 customers never leave/],
    [[100, 1.5], /CUSTOMER_LTV: churn_rate must be a share between 0 and 1 \(for example 3% or 0.03\), but the value is 1.5/],
    [[100, 0.03, 1.2], /CUSTOMER_LTV: gross_margin must be a share between 0 and 1 \(for example 80% or 0.8\), but the value is 1.2/],
    [[100, 0.03, -0.1], /CUSTOMER_LTV: gross_margin must be a share between 0 and 1/],
    [[100], /CUSTOMER_LTV: the argument churn_rate is missing/],
  ])('%#: a clear error', (args, expected) => {
    expect(errorOf(() => api.CUSTOMER_LTV(...args))).toMatch(expected);
  });
});
