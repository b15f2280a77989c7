import { LANGUAGES, translate } from '../../src/i18n';
import { STRIPE_CSV, csvRows } from '../fixtures/billingExports';
import { loadBundle, spreadsheetSettings } from '../helpers/bundle';
import { isoInZone, sheetsDate } from '../helpers/dates';
import { errorOf } from '../helpers/errors';

// NORMALIZED_MRR on the built bundle: a billing export's own columns in, monthly amounts out.
const ZONE = 'America/New_York';
const api = loadBundle(spreadsheetSettings(ZONE, 'en_US', 'Europe/Oslo'));
const column = (values: unknown[]) => values.map((value) => [value]);
const mrr = (...args: unknown[]) => api.NORMALIZED_MRR(...args);

describe('NORMALIZED_MRR', () => {
  test('single values: a yearly price over 12 months, weekly x 52 / 12, quantities and interval counts', () => {
    expect(mrr(2000, 'year')).toBeCloseTo(166.67, 2);
    expect(mrr(12, 'week')).toBeCloseTo(52, 10);
    expect(mrr(30, 'month', 3)).toBe(90);
    expect(mrr(90, 'month', 2, 3)).toBe(60);
    expect(mrr(360, 'Yearly', 5)).toBe(150);
    expect(mrr(300, 'quarter')).toBe(100);
    expect(mrr(1, 'day')).toBeCloseTo(365 / 12, 10);
    expect(mrr('2,400.00', 'annual')).toBe(200);
    expect(mrr('', 'month')).toBe('');
    expect(mrr(30, 'month', '', '')).toBe(30);
  });

  test("a Stripe export's Amount, Interval and Quantity columns, blank rows blank", () => {
    const [header, ...rows] = csvRows(STRIPE_CSV);
    const col = (name: string) => column(rows.map((row) => row[header.indexOf(name)]));
    const amounts = col('Amount').map(([cell]) => [Number(cell)]);
    const result = mrr([...amounts, ['']], [...col('Interval'), ['']], [...col('Quantity').map(([cell]) => [Number(cell)]), ['']]) as unknown[][];
    const byId = Object.fromEntries(rows.map((row, i) => [row[0], result[i][0]]));
    expect(byId.sub_1A).toBe(90); // 3 x 30
    expect(byId.sub_1B).toBe(200); // 2,400 a year
    expect(byId.sub_1L).toBe(150); // 5 x 360 a year
    expect(byId.sub_1M).toBeCloseTo(52, 10); // 12 a week
    expect(result[rows.length]).toEqual(['']);
  });

  test('feeds REVENUE_TABLE: monthly MRR from yearly, weekly and monthly plans', () => {
    // A pays 1,200 a year from 10 January; B 3 x 20 a month from 1 February to 15 March; C 6 a week from 5 March.
    const starts = column(['2024-01-10', '2024-02-01', '2024-03-05'].map((day) => sheetsDate(day, ZONE)));
    const ends = column(['', sheetsDate('2024-03-15', ZONE), '']);
    const amounts = mrr(column([1200, 20, 6]), column(['year', 'month', 'week']), column([1, 3, 1]));
    const table = api.REVENUE_TABLE(starts, ends, amounts, 'month', column(['A', 'B', 'C'])) as unknown[][];
    const rows = table.slice(1).map((row) => [isoInZone(row[0] as Date, ZONE), ...row.slice(1, 8).map((n) => Math.round((n as number) * 100) / 100)]);
    expect(rows).toEqual([
      // start, new, reactivation, expansion, contraction, churned, end
      ['2024-01-01', 0, 100, 0, 0, 0, 0, 100],
      ['2024-02-01', 100, 60, 0, 0, 0, 0, 160],
      ['2024-03-01', 160, 26, 0, 0, 0, 60, 126], // C: 6 x 52 / 12 = 26
    ]);
  });

  test('wrong input stops with a message naming the function, the argument and the cell', () => {
    expect(errorOf(() => mrr(column([30, 40]), column(['month', 'fortnight'])))).toBe(
      'NORMALIZED_MRR: interval must be "day", "week", "month", "quarter" or "year", but the value in row 2, column 1 of the range is "fortnight".',
    );
    expect(errorOf(() => mrr(-5, 'month'))).toMatch(/^NORMALIZED_MRR: amount cannot be negative/);
    expect(errorOf(() => mrr(5, 'month', -1))).toMatch(/^NORMALIZED_MRR: quantity cannot be negative/);
    expect(errorOf(() => mrr(5, 'month', 1, 0))).toMatch(/^NORMALIZED_MRR: interval_count must be greater than 0/);
    expect(errorOf(() => mrr('lots', 'month'))).toMatch(/^NORMALIZED_MRR: amount must be a number/);
    expect(errorOf(() => mrr(column([1, 2]), column(['month'])))).toMatch(/^NORMALIZED_MRR: interval has 1 x 1 cells but amount has 2 x 1/);
    expect(errorOf(() => mrr(5))).toBe('NORMALIZED_MRR: the argument interval is missing.');
  });

  test.each(LANGUAGES.filter((language) => language !== 'en'))('in the spreadsheet locale\'s language: %s', (language) => {
    const locale = { lv: 'lv_LV', pl: 'pl_PL', sl: 'sl_SI', el: 'el_GR', nb: 'nb_NO', en: 'en_US' }[language];
    const local = loadBundle(spreadsheetSettings('Europe/Riga', locale));
    const message = errorOf(() => local.NORMALIZED_MRR(10, 'fortnight'));
    expect(message).toBe(translate(language, 'arg.unknownInterval', { fn: 'NORMALIZED_MRR', arg: 'interval', where: translate(language, 'where.value'), value: 'fortnight' }));
    // A decimal comma where the locale writes one.
    if (language !== 'el') expect(errorOf(() => local.NORMALIZED_MRR('1,5', 'month'))).toBe('no error');
  });
});
