import { isoFromDay } from '../../src/core/calendar';
import { buildChurnTable } from '../../src/core/churnTable';
import { PROBLEM_DETAIL_LIMIT, NO_END, columnOf, readCustomerTable, type CustomerColumns } from '../../src/core/table';
import { dateOrderOfLocale } from '../../src/core/dates';
import { monthNamesOf } from '../../src/core/monthNames';
import { TimeZone } from '../../src/core/timezone';
import { translate } from '../../src/i18n';
import { seed004Rows } from '../fixtures/seed004';
import { serialOf, sheetsDate, writeAs } from '../helpers/dates';

const riga = TimeZone.named('Europe/Riga');
const read = (columns: CustomerColumns, localeOrder: 'DMY' | 'MDY' = 'DMY') =>
  readCustomerTable(columns, { timeZone: riga, localeOrder, firstRowNumber: 2 });

describe('reading a customer table', () => {
  test('unusable rows are reported with their sheet row number and reason; blank rows are skipped quietly', () => {
    const start = ['2024-01-05', '', 'soon', '2024-03-01', '', '01.01.1850', '2024-02-01', ''];
    const end = ['', '2024-02-01', '', '2024-02-01', '', '', 'never', ''];
    const ids = ['a', 'b', 'c', 'd', '', 'f', 'g', ''];
    const table = read({ start: columnOf(start), end: columnOf(end), ids: columnOf(ids) });
    expect(table.startDays.length).toBe(1);
    expect(table.blankRows).toBe(2);
    expect(table.problemCount).toBe(5);
    expect(table.problems.map((p) => translate('en', p.key, p.params))).toEqual([
      'Row 3: the start date is empty.',
      'Row 4: the start date "soon" is not a date.',
      'Row 5: the end date 2024-02-01 is before the start date 2024-03-01.',
      'Row 7: the date "01.01.1850" is outside the years 1900 to 2199.',
      'Row 8: the end date "never" is not a date.',
    ]);
  });

  test('problems are listed in row order whichever pass found them, and only the first ones in detail', () => {
    const start: unknown[] = [];
    for (let i = 0; i < 300; i++) start.push(i % 2 === 0 ? 'not a date' : new Date(NaN));
    const table = read({ start: columnOf(start) });
    expect(table.problemCount).toBe(300);
    expect(table.problems).toHaveLength(PROBLEM_DETAIL_LIMIT);
    expect(table.problems.map((p) => p.row)).toEqual(Array.from({ length: PROBLEM_DETAIL_LIMIT }, (_, i) => i + 2));
  });

  test('Dates, serial numbers and text in any of the seed locales give the same table', () => {
    const rows = seed004Rows();
    const asDates = buildChurnTable(
      read({
        start: columnOf(rows.map((r) => sheetsDate(r.start, 'Europe/Riga'))),
        end: columnOf(rows.map((r) => (r.end ? sheetsDate(r.end, 'Europe/Riga') : ''))),
      }),
      'month',
    ).rows;
    const asSerials = buildChurnTable(
      read({ start: columnOf(rows.map((r) => serialOf(r.start))), end: columnOf(rows.map((r) => (r.end ? serialOf(r.end) : ''))) }),
      'month',
    ).rows;
    expect(asSerials).toEqual(asDates);
    for (const style of ['iso', 'dmy.', 'dmy/', 'd.m.y', 'lv'] as const) {
      const asText = read({
        start: columnOf(rows.map((r) => writeAs(r.start, style))),
        end: columnOf(rows.map((r) => (r.end ? writeAs(r.end, style) : ''))),
      });
      expect(asText.problemCount).toBe(0);
      expect(buildChurnTable(asText, 'month').rows).toEqual(asDates);
    }
    // American month-first text in a spreadsheet whose locale writes day first: the column's own
    // unambiguous values (1/31/2024) decide.
    const american = read({
      start: columnOf(rows.map((r) => writeAs(r.start, 'mdy/'))),
      end: columnOf(rows.map((r) => (r.end ? writeAs(r.end, 'mdy/') : ''))),
    });
    expect(american.dateOrders.find((o) => o.column === 'start')).toMatchObject({ order: 'MDY', fromLocale: false });
    expect(buildChurnTable(american, 'month').rows).toEqual(asDates);
  });

  test.each(['lv_LV', 'pl_PL', 'sl_SI', 'el_GR', 'nb_NO', 'en_GB', 'en_US'])(
    'the table written as %s writes dates (short, medium and long) gives the same churn table',
    (locale) => {
      const rows = seed004Rows();
      const expected = buildChurnTable(
        read({
          start: columnOf(rows.map((r) => sheetsDate(r.start, 'Europe/Riga'))),
          end: columnOf(rows.map((r) => (r.end ? sheetsDate(r.end, 'Europe/Riga') : ''))),
        }),
        'month',
      ).rows;
      for (const dateStyle of ['short', 'medium', 'long'] as const) {
        const format = new Intl.DateTimeFormat(locale.replace('_', '-'), { dateStyle, timeZone: 'UTC' });
        const write = (iso: string) => format.format(new Date(`${iso}T00:00:00Z`));
        const table = readCustomerTable(
          { start: columnOf(rows.map((r) => write(r.start))), end: columnOf(rows.map((r) => (r.end ? write(r.end) : ''))) },
          { timeZone: riga, localeOrder: dateOrderOfLocale(locale), monthNames: monthNamesOf(locale), firstRowNumber: 2 },
        );
        expect([locale, dateStyle, write('2024-01-31'), table.problems.slice(0, 1)]).toEqual([locale, dateStyle, write('2024-01-31'), []]);
        expect(buildChurnTable(table, 'month').rows).toEqual(expected);
      }
    },
  );

  test('a column of only ambiguous texts follows the locale and says so', () => {
    const table = read({ start: columnOf(['01.02.2024', '03.04.2024']) }, 'MDY');
    expect(table.dateOrders).toEqual([{ column: 'start', order: 'MDY', fromLocale: true, ambiguousTexts: 2 }]);
    expect(Array.from(table.startDays, isoFromDay)).toEqual(['2024-01-02', '2024-03-04']);
  });

  test('no end column means everyone is still a customer; the source cells are not changed', () => {
    const cells = [[sheetsDate('2024-01-05', 'Europe/Riga')], [sheetsDate('2024-02-05', 'Europe/Riga')]];
    const copy = cells.map((row) => row.map((cell) => new Date(cell.getTime())));
    const table = read({ start: { rows: cells, index: 0 } });
    expect(Array.from(table.endDays)).toEqual([NO_END, NO_END]);
    expect(cells).toEqual(copy);
  });
});
