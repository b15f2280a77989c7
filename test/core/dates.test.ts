import { dayFromCivil, dayFromSerial, isoFromDay } from '../../src/core/calendar';
import { DateReader, dateOrderOfLocale, dayMonthEvidence, parseDateText, resolveDateOrder } from '../../src/core/dates';
import { monthNamesOf } from '../../src/core/monthNames';
import { TimeZone } from '../../src/core/timezone';
import { serialOf, sheetsDate, writeAs } from '../helpers/dates';

const iso = (day: number | undefined) => (day === undefined ? undefined : isoFromDay(day));

describe('text dates', () => {
  test.each([
    ['2024-01-31', 'DMY'],
    ['2024-01-31T10:15:00Z', 'DMY'],
    ['2024.01.31', 'MDY'],
    ['31.01.2024', 'DMY'],
    ['31.1.2024', 'DMY'],
    ['31/01/2024', 'DMY'],
    ['31. 1. 2024', 'DMY'],
    ['31.01.2024.', 'DMY'],
    ['1/31/2024', 'MDY'],
    ['31.01.24', 'DMY'],
  ] as const)('%s reads as 31 January 2024 (%s)', (text, order) => {
    expect(iso(parseDateText(text, order))).toBe('2024-01-31');
  });

  test('the order decides the ambiguous texts', () => {
    expect(iso(parseDateText('01.02.2024', 'DMY'))).toBe('2024-02-01');
    expect(iso(parseDateText('01/02/2024', 'MDY'))).toBe('2024-01-02');
  });

  test.each(['31.02.2024', '2024-13-01', 'next week', '12345', '31/31/2024', ''])('%s is not a date', (text) => {
    expect(parseDateText(text, 'DMY')).toBeUndefined();
  });

  test('two-digit years follow Sheets: 00-29 are 20xx, 30-99 are 19xx', () => {
    expect(iso(parseDateText('01.01.29', 'DMY'))).toBe('2029-01-01');
    expect(iso(parseDateText('01.01.30', 'DMY'))).toBe('1930-01-01');
  });

  test('locales give their numeric date order', () => {
    expect(dateOrderOfLocale('en_US')).toBe('MDY');
    for (const locale of ['en_GB', 'lv_LV', 'pl_PL', 'sl_SI', 'el_GR', 'nb_NO', 'de_DE']) {
      expect([locale, dateOrderOfLocale(locale)]).toEqual([locale, 'DMY']);
    }
    expect(dateOrderOfLocale('not a locale!')).toBe('DMY');
  });

  test('a column decides its own order when some values can only be read one way', () => {
    const european = ['01.02.2024', '31.01.2024', '05.03.2024'];
    expect(resolveDateOrder(dayMonthEvidence(european), 'MDY')).toEqual({ order: 'DMY', fromLocale: false });
    const american = ['1/2/2024', '1/31/2024'];
    expect(resolveDateOrder(dayMonthEvidence(american), 'DMY')).toEqual({ order: 'MDY', fromLocale: false });
    const ambiguous = ['01.02.2024', '03.04.2024'];
    expect(dayMonthEvidence(ambiguous).ambiguous).toBe(2);
    expect(resolveDateOrder(dayMonthEvidence(ambiguous), 'MDY')).toEqual({ order: 'MDY', fromLocale: true });
    expect(resolveDateOrder(dayMonthEvidence(ambiguous), 'YMD')).toEqual({ order: 'DMY', fromLocale: true });
  });
});

describe('reading date cells', () => {
  const reader = new DateReader(new TimeZone('Pacific/Auckland'), 'DMY');

  test('Date objects are read in the spreadsheet zone', () => {
    const cell = sheetsDate('2024-02-01', 'Pacific/Auckland');
    expect(reader.read(cell)).toEqual({ kind: 'day', day: dayFromCivil(2024, 2, 1) });
  });

  test('serial numbers and text give the same day as the Date', () => {
    const expected = { kind: 'day', day: dayFromCivil(2024, 2, 1) };
    expect(reader.read(serialOf('2024-02-01'))).toEqual(expected);
    for (const style of ['iso', 'dmy.', 'dmy/', 'd.m.y', 'lv'] as const) {
      expect(reader.read(writeAs('2024-02-01', style))).toEqual(expected);
    }
    expect(dayFromSerial(serialOf('2024-02-01'))).toBe(dayFromCivil(2024, 2, 1));
  });

  test('blank, unreadable and out-of-range cells are told apart', () => {
    expect(reader.read('')).toEqual({ kind: 'blank' });
    expect(reader.read('   ')).toEqual({ kind: 'blank' });
    expect(reader.read(null)).toEqual({ kind: 'blank' });
    expect(reader.read('soon')).toEqual({ kind: 'notDate' });
    expect(reader.read(true)).toEqual({ kind: 'notDate' });
    expect(reader.read(new Date(NaN))).toEqual({ kind: 'notDate' });
    expect(reader.read('01.01.1850')).toEqual({ kind: 'outOfRange' });
    expect(reader.read(serialOf('2024-01-01') * 100)).toEqual({ kind: 'outOfRange' });
  });
});

describe('dates written with month names, in each seed language', () => {
  const cases: [string, string, string][] = [
    ['lv_LV', '2024. gada 31. janvāris', '2024-01-31'],
    ['lv_LV', '5. febr. 2024', '2024-02-05'],
    ['pl_PL', '31 stycznia 2024', '2024-01-31'],
    ['pl_PL', '3 mar 2024', '2024-03-03'],
    ['sl_SI', '31. januar 2024', '2024-01-31'],
    ['el_GR', '31 Ιανουαρίου 2024', '2024-01-31'],
    ['el_GR', '1 Φεβ 2024', '2024-02-01'],
    ['nb_NO', '31. januar 2024', '2024-01-31'],
    ['nb_NO', '29. feb. 2024', '2024-02-29'],
    ['en_US', 'January 31, 2024', '2024-01-31'],
    ['pl_PL', '31 Jan 2024', '2024-01-31'],
  ];
  test.each(cases)('%s: %s', (locale, text, expected) => {
    expect(iso(parseDateText(text, 'DMY', monthNamesOf(locale)))).toBe(expected);
  });

  test.each(['31 stycznia', 'styczeń luty 2024', '31 foo 2024', '30 lutego 2024'])('%s is not a date', (text) => {
    expect(parseDateText(text, 'DMY', monthNamesOf('pl_PL'))).toBeUndefined();
  });
});
