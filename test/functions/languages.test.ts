import { en } from '../../src/i18n/en';
import { catalogue } from '../../src/i18n';
import { loadBundle, spreadsheetSettings } from '../helpers/bundle';
import { errorOf } from '../helpers/errors';


describe('custom functions speak the spreadsheet locale\'s language', () => {
  test.each([
    ['lv_LV', 'lv'],
    ['pl_PL', 'pl'],
    ['sl_SI', 'sl'],
    ['el_GR', 'el'],
    ['nb_NO', 'nb'],
  ] as const)('%s: errors in %s, function and argument names as typed', (locale, language) => {
    const api = loadBundle(spreadsheetSettings('Europe/Riga', locale));
    const message = errorOf(() => api.CHURN_RATE(0, 0));
    expect(message).toMatch(/^CHURN_RATE: /);
    expect(message).toContain('customers_at_start');
    expect(message).not.toBe(errorOf(() => loadBundle(spreadsheetSettings('Europe/Riga', 'en_US')).CHURN_RATE(0, 0)));
    const header = (api.CHURN_TABLE([['2024-01-05']], [['']]) as unknown[][])[0];
    expect(header[7]).toBe(catalogue(language)['table.churnRate']);
    expect(header[7]).not.toBe(en['table.churnRate']);
  });

  test('a call that succeeds reads nothing from the spreadsheet', () => {
    let reads = 0;
    const api = loadBundle({ SpreadsheetApp: { getActive: () => (reads++, { getSpreadsheetLocale: () => 'lv_LV' }) } });
    expect(api.CHURN_RATE(500, 15)).toBeCloseTo(0.03, 12);
    expect(reads).toBe(0);
    expect(errorOf(() => api.CHURN_RATE(0, 0))).not.toMatch(/must be greater than 0/);
    expect(reads).toBe(1);
  });
});
