import { isoFromDay } from '../../src/core/calendar';
import { buildChurnTable } from '../../src/core/churnTable';
import { columnOf, readAmount, readCustomerTable, type CustomerColumns, type ReadOptions } from '../../src/core/table';
import { TimeZone } from '../../src/core/timezone';
import { translate } from '../../src/i18n';
import { seed004Rows } from '../fixtures/seed004';
import { sheetsDate } from '../helpers/dates';

const riga = TimeZone.named('Europe/Riga');
const read = (columns: CustomerColumns, options: Partial<ReadOptions> = {}) =>
  readCustomerTable(columns, { timeZone: riga, localeOrder: 'DMY', firstRowNumber: 2, ...options });
const date = (iso: string) => sheetsDate(iso, 'Europe/Riga');

describe('reading an amount column', () => {
  test('numbers as they are; text in the locale\'s way, with currency signs and group separators', () => {
    const cells = [49, 19.99, '49,90', '1 234,50', '€ 49', '49 kr', 'USD 1.234,5', ' 0 ', '12.5 zł'];
    const table = read({ start: columnOf(cells.map(() => date('2024-01-05'))), amounts: columnOf(cells) }, { decimalSeparator: ',' });
    expect(table.problems).toEqual([]);
    expect(Array.from(table.amounts!)).toEqual([49, 19.99, 49.9, 1234.5, 49, 49, 1234.5, 0, 12.5]);
  });

  test('the decimal separator decides "1,234": a thousand with a point, one and a bit with a comma', () => {
    const cells = ['1,234', '$1,234.50'];
    const starts = columnOf(cells.map(() => date('2024-01-05')));
    expect(Array.from(read({ start: starts, amounts: columnOf(cells) }).amounts!)).toEqual([1234, 1234.5]);
    expect(read({ start: columnOf([date('2024-01-05')]), amounts: columnOf(['1,234']) }, { decimalSeparator: ',' }).amounts![0]).toBeCloseTo(1.234, 12);
  });

  test('a blank, non-numeric or negative amount is a row problem with its row number; the row is not counted', () => {
    const amounts = [100, '', 'ten', -5, '-2,5', '50%', new Date(Date.UTC(2024, 0, 1)), true, 30];
    const table = read({ start: columnOf(amounts.map(() => date('2024-01-05'))), amounts: columnOf(amounts) }, { decimalSeparator: ',' });
    expect(table.startDays.length).toBe(2);
    expect(Array.from(table.amounts!)).toEqual([100, 30]);
    expect(table.problemCount).toBe(7);
    expect(table.problems.map((p) => translate('en', p.key, p.params))).toEqual([
      'Row 3: the amount is empty.',
      'Row 4: the amount "ten" is not a number.',
      'Row 5: the amount -5 is negative.',
      'Row 6: the amount -2,5 is negative.',
      'Row 7: the amount "50%" is not a number.',
      'Row 8: the amount "2024-01-01" is not a number.',
      'Row 9: the amount "true" is not a number.',
    ]);
  });

  test('a row is reported once, for its dates first; a wholly blank row (amount too) is skipped quietly', () => {
    const table = read({
      start: columnOf(['tomorrow', '2024-01-05', '', '', '2024-03-01']),
      end: columnOf(['', '', '', '', '2024-02-01']),
      amounts: columnOf(['x', 10, '', 20, 'y']),
    });
    expect(table.blankRows).toBe(1);
    expect(table.problems.map((p) => translate('en', p.key, p.params))).toEqual([
      'Row 2: the start date "tomorrow" is not a date.',
      'Row 5: the start date is empty.',
      'Row 6: the end date 2024-02-01 is before the start date 2024-03-01.',
    ]);
    expect(Array.from(table.amounts!)).toEqual([10]);
  });

  test('amounts, ids and segments stay with their rows when dates are mixed Dates, serial numbers and text', () => {
    const table = read({
      start: columnOf([date('2024-03-01'), '15.01.2024', 45322, date('2024-02-10'), '2024-04-02']),
      ids: columnOf(['a', 'b', 'c', 'd', 'e']),
      amounts: columnOf([1, 2, 3, 4, 5]),
      segments: columnOf([' Pro ', '', 7, 'Basic', date('2024-01-01')]),
    });
    const rows = Array.from(table.startDays, (day, k) => [isoFromDay(day), table.ids![k], table.amounts![k], table.segments![k]]);
    expect(rows.sort()).toEqual([
      ['2024-01-15', 'b', 2, ''],
      ['2024-01-31', 'c', 3, '7'],
      ['2024-02-10', 'd', 4, 'Basic'],
      ['2024-03-01', 'a', 1, 'Pro'],
      ['2024-04-02', 'e', 5, '2024-01-01'],
    ]);
  });

  test('segments alone are read too, and a blank segment is \'\'', () => {
    const table = read({ start: columnOf([date('2024-01-05'), date('2024-01-06')]), segments: columnOf(['  EU ', null]) });
    expect(table.segments).toEqual(['EU', '']);
    expect(table.amounts).toBeUndefined();
  });

  test('an amount or segment column does not change the dates read', () => {
    const rows = seed004Rows();
    const start = columnOf(rows.map((r) => date(r.start)));
    const end = columnOf(rows.map((r) => (r.end ? date(r.end) : '')));
    const plain = read({ start, end });
    const withAmounts = read({ start, end, amounts: columnOf(rows.map(() => 100)), segments: columnOf(rows.map((r) => r.id.slice(-1))) });
    expect(plain.amounts).toBeUndefined();
    expect(plain.segments).toBeUndefined();
    expect(withAmounts.amounts!.length).toBe(rows.length);
    expect(withAmounts.segments!.length).toBe(rows.length);
    expect(buildChurnTable(withAmounts, 'month')).toEqual(buildChurnTable(plain, 'month'));
  });

  test('readAmount on its own', () => {
    expect(readAmount('  ')).toEqual({ kind: 'blank' });
    expect(readAmount('kr 1 500,00', ',')).toEqual({ kind: 'amount', value: 1500 });
    expect(readAmount(-0)).toEqual({ kind: 'amount', value: 0 });
    expect(readAmount(Number.NaN)).toEqual({ kind: 'notNumber' });
    expect(readAmount('12 apples')).toEqual({ kind: 'notNumber' });
    // A long note in the amount column is not an amount; spaces around a short one do not count.
    expect(readAmount(`${' '.repeat(60_000)}€ 49`)).toEqual({ kind: 'amount', value: 49 });
    expect(readAmount('4'.repeat(60_000))).toEqual({ kind: 'notNumber' });
    expect(readAmount(`${'x'.repeat(60_000)} kr`)).toEqual({ kind: 'notNumber' });
  });
});
