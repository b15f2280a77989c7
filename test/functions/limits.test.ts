import { loadBundle, spreadsheetSettings } from '../helpers/bundle';
import { withCpuMs } from '../helpers/cpuTime';
import { errorOf } from '../helpers/errors';

// What Sheets refuses or cannot show, on the built bundle: results over 10 million cells, cells
// over 50,000 characters, numbers beyond 1E308, empty arrays. Each function must answer with a
// value Sheets shows or an error that names it.
const api = loadBundle(spreadsheetSettings('Europe/Oslo', 'en_GB', 'America/New_York'));
const tokyo = loadBundle(spreadsheetSettings('Asia/Tokyo', 'en_GB', 'America/New_York'));
type Table = unknown[][];
const call = (name: string, ...args: unknown[]) => api[name](...args);
const column = (values: unknown[]) => values.map((value) => [value]);
const columnOf = (length: number, cell: (i: number) => unknown) => Array.from({ length }, (_, i) => [cell(i)]);
/** Sheets' serial number of a day: days since 1899-12-30. */
const serial = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000 + 25_569;

/** The message of the error a call throws, and the processor time the call took. */
function timedError(fn: () => unknown): { message: string; ms: number } {
  const { result: message, ms } = withCpuMs(() => errorOf(fn));
  return { message, ms };
}

describe('a table too large for a spreadsheet stops before counting, saying how large and what to do', () => {
  test('COHORT_TABLE counts one block per segment: weekly cohorts from 1975 to 2024 in two segments', () => {
    const { message, ms } = timedError(() =>
      call('COHORT_TABLE', column([serial('1975-01-01'), serial('2024-12-31')]), column(['', '']), 'week', undefined, undefined, column(['a', 'b'])),
    );
    expect(message).toBe(
      'COHORT_TABLE: the table would have 7831 rows and 2613 columns (20462403 cells), more than the 10000000 cells a spreadsheet holds. ' +
        'Use a segments column with fewer different names (this one has 2), or leave it out. Choose a longer period, such as "month". ' +
        'Give only the rows of the years you need (the dates run from 1975-01-01 to 2024-12-31).',
    );
    expect(ms).toBeLessThan(1000);
  });

  test('CHURN_TABLE on 10,000 customers over ten years with the id column as segments', () => {
    const ids = columnOf(10_000, (i) => `C${i}`);
    const starts = columnOf(10_000, (i) => serial('2015-01-01') + (i % 3650));
    const ends = columnOf(10_000, (i) => (i % 4 === 0 ? serial('2015-01-01') + (i % 3650) + 200 : ''));
    const { message, ms } = timedError(() => call('CHURN_TABLE', starts, ends, 'month', ids, ids));
    expect(message).toMatch(/^CHURN_TABLE: the table would have \d+ rows and 10 columns \(\d+ cells\), more than the 10000000 cells a spreadsheet holds\. /);
    expect(message).toContain('(this one has 10000)');
    expect(message).toContain('Choose a longer period, such as "quarter".');
    expect(ms).toBeLessThan(2000);
  });

  test('CHURN_TABLE and REVENUE_TABLE on 700 rows with distinct segments, weekly from 1900 to 2199', () => {
    const starts = columnOf(700, (i) => serial('1900-01-01') + i * 156);
    const ends = columnOf(700, () => '');
    const segments = columnOf(700, (i) => `plan ${i}`);
    const churn = timedError(() => call('CHURN_TABLE', starts, ends, 'week', '', segments));
    expect(churn.message).toMatch(/^CHURN_TABLE: the table would have \d+ rows and 10 columns/);
    expect(churn.message).toContain('(this one has 700)');
    expect(churn.ms).toBeLessThan(1000);
    const revenue = timedError(() => call('REVENUE_TABLE', starts, ends, columnOf(700, () => 10), 'week', '', segments));
    expect(revenue.message).toMatch(/^REVENUE_TABLE: the table would have \d+ rows and 13 columns/);
    expect(revenue.ms).toBeLessThan(1000);
  });

  test('with yearly periods the advice is not a longer period', () => {
    const message = errorOf(() => call('CHURN_TABLE', columnOf(4000, (i) => serial('1900-01-01') + i * 27), columnOf(4000, () => ''), 'year', '', columnOf(4000, (i) => i)));
    expect(message).toContain('(this one has 4000)');
    expect(message).not.toContain('longer period');
  });

  test('the size it would refuse is the size it returns: header, a block per segment and all customers, the problem row', () => {
    const starts = column([serial('2023-01-15'), serial('2023-06-01'), 'soon', serial('2024-03-02')]);
    const ends = column(['', serial('2024-01-10'), '', '']);
    const segments = column(['Pro', 'Basic', 'Pro', '']);
    // 15 months, 3 segment blocks (Basic, Pro, no segment) beside all customers, one problem row.
    const churn = call('CHURN_TABLE', starts, ends, 'month', '', segments) as Table;
    expect([churn.length, churn[0].length]).toEqual([1 + 4 * 15 + 1, 10]);
    const cohorts = call('COHORT_TABLE', starts, ends, 'month', '', '', segments) as Table;
    expect([cohorts.length, cohorts[0].length]).toEqual([1 + 4 * 15 + 1, 1 + 2 + 15]);
    const revenue = call('REVENUE_TABLE', starts, ends, column([1, 2, 3, 4]), 'month', '', segments) as Table;
    expect([revenue.length, revenue[0].length]).toEqual([1 + 4 * 15 + 1, 13]);
  });
});

describe('no cell over 50,000 characters', () => {
  const long = (length: number) => 'x'.repeat(length);

  test('the problem row quotes a bad value by its first 100 characters', () => {
    const table = call('CHURN_TABLE', column([serial('2024-01-01'), long(50_000)]), column(['', ''])) as Table;
    const note = String(table[table.length - 1][0]);
    expect(note).toBe(`Rows not counted (1; numbered from the first row of the range): Row 2: the start date "${long(100)}…" is not a date.`);
    const revenue = call('REVENUE_TABLE', column([serial('2024-01-01'), serial('2024-01-01')]), column(['', '']), column([5, `€ ${long(60_000)}`])) as Table;
    expect(revenue[revenue.length - 1][0]).toContain(`Row 2: the amount "€ ${long(98)}…" is not a number.`);
  });

  test('an error quotes a bad argument by its first 100 characters', () => {
    expect(errorOf(() => call('CHURN_RATE', long(100_000), 1))).toBe(`CHURN_RATE: customers_at_start must be a number, but the value is "${long(100)}…".`);
    expect(errorOf(() => call('CHURN_TABLE', serial('2024-01-01'), '', long(100_000)))).toBe(
      `CHURN_TABLE: period "${long(100)}…" is not known. Use "month", "week", "quarter" or "year".`,
    );
  });

  test.each([
    ['CHURN_TABLE', (segments: Table) => call('CHURN_TABLE', column([serial('2024-01-01'), serial('2024-02-01')]), column(['', '']), '', '', segments)],
    ['COHORT_TABLE', (segments: Table) => call('COHORT_TABLE', column([serial('2024-01-01'), serial('2024-02-01')]), column(['', '']), '', '', '', segments)],
    ['REVENUE_TABLE', (segments: Table) => call('REVENUE_TABLE', column([serial('2024-01-01'), serial('2024-02-01')]), column(['', '']), column([1, 2]), '', '', segments)],
  ])('%s refuses a segment name over 50,000 characters, with its row, and keeps one of 50,000 whole', (name, run) => {
    expect(errorOf(() => run(column(['Pro', long(100_000)])))).toBe(
      `${name}: the segment in row 2 of segments has 100000 characters, more than the 50000 a cell holds. Use a shorter name.`,
    );
    const table = run(column(['Pro', ` ${long(50_000)} `])) as Table;
    expect(table.map((row) => row[0])).toContain(long(50_000));
  });
});

describe('a result beyond the largest number stops with an error naming the function and the argument to check', () => {
  test.each([
    [['CUSTOMER_LIFETIME', 5e-324], 'CUSTOMER_LIFETIME: the result is too large to show; check churn_rate, which is 5e-324.'],
    [['CUSTOMER_LTV', 1e308, 0.001], 'CUSTOMER_LTV: the result is too large to show; check arpa, which is 1e+308.'],
    [['ADJUSTED_CHURN', 1e308, 1e308, 1e308, 1e308], 'ADJUSTED_CHURN: the result is too large to show; check customers_at_start, which is 1e+308.'],
    [['ADJUSTED_CHURN', 1, 1, 1e308, 1e308, 'average'], 'ADJUSTED_CHURN: the result is too large to show; check new_customers, which is 1e+308.'],
    [['MRR_CHURN', 1e-10, 0, 0, 1e308, true], 'MRR_CHURN: the result is too large to show; check mrr_expansion, which is 1e+308.'],
    [['CHURN_COST', 10, 1e308], 'CHURN_COST: the result is too large to show; check profit_per_customer, which is 1e+308.'],
    [['CHURN_COST', [[1], [1e308]], 10], 'CHURN_COST: the result in row 2, column 1 of the range is too large to show; check customers_lost, which is 1e+308.'],
  ])('%j', (args, expected) => {
    const [name, ...rest] = args as [string, ...unknown[]];
    expect(errorOf(() => call(name, ...rest))).toBe(expected);
  });
});

describe('dates in a segments column', () => {
  test('the largest and smallest Dates are named by their UTC day east of UTC, other dates by their day in the spreadsheet', () => {
    const starts = column([serial('2024-01-01'), serial('2024-01-01'), serial('2024-01-01'), serial('2024-01-01')]);
    const segments = column([new Date(8.64e15), new Date(-8.64e15), new Date(Date.UTC(2024, 0, 31, 20)), new Date(Number.NaN)]);
    const table = tokyo.CHURN_TABLE(starts, column(['', '', '', '']), 'month', '', segments) as Table;
    expect(table.slice(2).map((row) => row[0]).sort()).toEqual(['+275760-09-13', '-271821-04-20', '2024-02-01', 'Invalid Date']);
  });

  test('as start or end dates they are outside the years read', () => {
    const table = tokyo.CHURN_TABLE(column([serial('2024-01-01'), new Date(8.64e15), serial('2024-01-01')]), column([new Date(-8.64e15), '', ''])) as Table;
    expect(table[table.length - 1][0]).toBe(
      'Rows not counted (2; numbered from the first row of the range): Row 1: the date "-271821-04-20" is outside the years 1900 to 2199. ' +
        'Row 2: the date "+275760-09-13" is outside the years 1900 to 2199.',
    );
  });
});

describe('REVENUE_TABLE amounts beyond any revenue', () => {
  const starts = column([serial('2024-01-01'), serial('2024-01-15'), serial('2024-02-01')]);
  const ends = column(['', '', '']);

  test('amounts above 1E15 are rows not counted; every cell stays a finite number', () => {
    const table = call('REVENUE_TABLE', starts, ends, column([100, 2e15, 1e15])) as Table;
    expect(table.flat().every((cell) => typeof cell !== 'number' || Number.isFinite(cell))).toBe(true);
    expect(table[table.length - 1][0]).toBe(
      'Rows not counted (1; numbered from the first row of the range): Row 2: the amount 2000000000000000 is larger than 1E15, beyond any real revenue.',
    );
    expect(table[2][7]).toBe(1e15 + 100); // February's MRR at end
  });

  test('with no usable amount, the error lists them', () => {
    const twoRows = column([serial('2024-01-01'), serial('2024-01-01')]);
    expect(errorOf(() => call('REVENUE_TABLE', twoRows, column(['', '']), column([1e308, 1e308])))).toBe(
      'REVENUE_TABLE: no row has both a usable start date and a usable amount. ' +
        'Row 1: the amount 1e+308 is larger than 1E15, beyond any real revenue. Row 2: the amount 1e+308 is larger than 1E15, beyond any real revenue.',
    );
  });
});

describe('an empty range gives a blank, never an empty array', () => {
  const scalarFunctions: [string, unknown[]][] = [
    ['CHURN_RATE', [500, 15]],
    ['ADJUSTED_CHURN', [500, 15, 200, 4]],
    ['RETENTION_RATE', [500, 15]],
    ['CHURN_COST', [15, 30000]],
    ['CUSTOMER_LIFETIME', [0.03]],
    ['MRR_CHURN', [50000, 1900]],
    ['CUSTOMER_LTV', [100, 0.03]],
  ];
  test.each(scalarFunctions)('%s', (name, args) => {
    for (let i = 0; i < args.length; i++) {
      for (const empty of [[], [[]], [[], []]]) {
        const withEmpty = args.map((arg, j) => (j === i ? empty : arg));
        expect([name, i, empty, call(name, ...withEmpty)]).toEqual([name, i, empty, '']);
      }
    }
  });
});
