import { LONGEST_NUMBER_TEXT, decimalSeparatorOfLocale, parseNumberText } from '../../src/core/numbers';

describe('numbers written as text', () => {
  test.each([
    ['500', '.', 500],
    [' 1 234 ', '.', 1234],
    ['1\u00a0234,5', ',', 1234.5],
    ['1.234,5', ',', 1234.5],
    ['1,234.5', '.', 1234.5],
    ['1,5', '.', 1.5],
    ['1,234', '.', 1234],
    ['1,234', ',', 1.234],
    ['3,8 %', ',', 0.038],
    ['3.8%', '.', 0.038],
    ['-12', '.', -12],
    ['1.234.567', ',', 1234567],
  ] as const)('%s with decimal "%s" is %d', (text, decimal, expected) => {
    expect(parseNumberText(text, decimal)).toBeCloseTo(expected, 12);
  });

  test.each(['', 'abc', '12abc', '1..2', '%', '--1'])('%s is not a number', (text) => {
    expect(parseNumberText(text)).toBeUndefined();
  });

  test('text longer than any written number is not read, however it is padded', () => {
    const longest = '0'.repeat(LONGEST_NUMBER_TEXT - 2) + '49';
    expect(parseNumberText(`  ${longest}  `)).toBe(49);
    expect(parseNumberText(`0${longest}`)).toBeUndefined();
    expect(parseNumberText('x'.repeat(60_000))).toBeUndefined();
  });

  test('locales give their decimal separator', () => {
    expect(decimalSeparatorOfLocale('en_US')).toBe('.');
    for (const locale of ['lv_LV', 'pl_PL', 'sl_SI', 'el_GR', 'nb_NO']) expect(decimalSeparatorOfLocale(locale)).toBe(',');
  });
});
