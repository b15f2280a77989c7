/**
 * The in-spreadsheet check, run on the built bundle against the in-memory spreadsheet: it must
 * pass where the add-on is right, in several time zones and locales, fail when the engine is
 * made wrong, and leave the spreadsheet as it found it either way.
 */
import { createFakeApps, type FakeOptions } from '../../local/appsScript/appsScript';
import { bundleSource, loadBundle, type IntlKind } from '../helpers/bundle';
import { translate } from '../../src/i18n';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

const VERSION = JSON.parse(readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')).version as string;

const USER_TABLE = [
  ['Name', 'Joined'],
  ['Ada', new Date(Date.UTC(2024, 0, 5))],
];

function spreadsheet(options: FakeOptions) {
  return createFakeApps({ sheets: { Customers: USER_TABLE, Notes: [['keep me']] }, activeSheet: 'Notes', ...options });
}

function runCheck(options: FakeOptions, source?: string, intl?: IntlKind) {
  const apps = spreadsheet(options);
  let context: vm.Context;
  if (source === undefined) context = loadBundle(apps.globals, { intl });
  else {
    context = vm.createContext({ Date, ...apps.globals });
    vm.runInContext(source, context, { filename: 'Code.js' });
  }
  const before = { names: apps.sheetNames(), customers: apps.values('Customers'), notes: apps.values('Notes') };
  const text = (context.runSelfCheck as () => string)();
  return { apps, text, before };
}

function expectUntouched({ apps, before }: ReturnType<typeof runCheck>) {
  expect(apps.sheetNames()).toEqual(before.names);
  expect(apps.values('Customers')).toEqual(before.customers);
  expect(apps.values('Notes')).toEqual(before.notes);
  expect(apps.globals.SpreadsheetApp && (apps.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActive().getActiveSheet().getName()).toBe('Notes');
}

const LINES = (text: string) => text.split('\n');

describe('the check passes where the add-on is right', () => {
  test.each([
    ['UTC', 'en_US'],
    ['Asia/Tokyo', 'en_GB'],
    ['America/New_York', 'en_US'],
    ['America/Asuncion', 'es_PY'],
    ['Europe/Riga', 'lv_LV'],
    ['Europe/Warsaw', 'pl_PL'],
    ['Pacific/Auckland', 'en_NZ'],
  ])('%s, %s', (timeZone, locale) => {
    const run = runCheck({ timeZone, locale });
    const lines = LINES(run.text);
    expect(lines[0]).toBe(translate('en', 'check.allPassed', { count: 9 }));
    expect(lines[1]).toBe(translate('en', 'check.settings', { timeZone, locale, version: VERSION }));
    expect(lines.filter((line) => line.startsWith('PASS: '))).toHaveLength(9);
    expect(run.text).not.toContain('FAIL');
    expect(run.text).toMatch(/\d+ changes of offset, \d+ instants compared\. The add-on reads this zone with JavaScript's Intl\./);
    expectUntouched(run);
  });

  test('the menu item shows the report in the user\'s language', () => {
    const apps = spreadsheet({ timeZone: 'Europe/Oslo', locale: 'nb_NO', userLocale: 'nb' });
    const addOn = loadBundle(apps.globals);
    addOn.checkAddOn();
    const [title, body] = apps.ui.alerts[0] as [string, string];
    expect(title).toBe(translate('nb', 'check.title'));
    expect(body.split('\n')[0]).toBe(translate('nb', 'check.allPassed', { count: 9 }));
    expect(body).toContain(`${translate('nb', 'check.pass')}: ${translate('nb', 'check.example.formulas')}`);
    expect(body).toContain('1,5');
  });
});

describe('where Apps Script\'s Intl falls short', () => {
  test('a zone Intl does not know is read from Google\'s clock, and the check says so', () => {
    const run = runCheck({ timeZone: 'Asia/Tokyo', locale: 'en_GB' }, undefined, 'utcOnly');
    expect(LINES(run.text)[0]).toBe(translate('en', 'check.allPassed', { count: 9 }));
    expect(run.text).toMatch(/instants compared\. The add-on reads this zone from Google's clock \(Utilities\.formatDate\)/);
    expectUntouched(run);
  });

  test('without Intl at all, dates with month names cannot be read, and the check finds it', () => {
    const run = runCheck({ timeZone: 'Europe/Riga', locale: 'lv_LV' }, undefined, 'absent');
    expect(run.text).toContain(`PASS: ${translate('en', 'check.timeZone', { timeZone: 'Europe/Riga' })}`);
    expect(run.text).toMatch(/FAIL: Dates with month names as Sheets shows them in lv_LV/);
    expect(run.text).toContain(`PASS: ${translate('en', 'check.example.formulas')}`);
    expectUntouched(run);
  });
});

describe('the check fails when the engine is wrong, and still cleans up', () => {
  /** The built bundle with one piece of the engine replaced: a mutation the check must notice. */
  function mutated(find: RegExp, replace: string): string {
    const source = bundleSource();
    expect(source).toMatch(find);
    return source.replace(find, replace);
  }

  test('churn counted from the wrong customers', () => {
    // Off by one period: a customer who leaves in the month after joining counts as a new customer lost.
    const run = runCheck({ timeZone: 'Asia/Tokyo', locale: 'en_US' }, mutated(/if \(endPeriod === startPeriod\) \{/, 'if (endPeriod <= startPeriod + 1) {'));
    const lines = LINES(run.text);
    expect(lines[0]).toMatch(/^\d of 9 checks failed\.$/);
    expect(run.text).toContain(`FAIL: ${translate('en', 'check.example.engine')}`);
    expect(run.text).toContain(`FAIL: ${translate('en', 'check.example.formulas')}`);
    expect(run.text).toContain(`PASS: ${translate('en', 'check.cleanup')}`);
    expectUntouched(run);
  });

  test('a churn rate over the wrong number of customers', () => {
    const run = runCheck({ timeZone: 'America/New_York', locale: 'en_US' }, mutated(/customersLost \/ customersAtStart : void 0/, 'customersLost / (customersAtStart + 1) : void 0'));
    expect(run.text).toContain(`FAIL: ${translate('en', 'check.example.engine')}`);
    expect(run.text).toContain(`FAIL: ${translate('en', 'check.example.formulas')}`);
    expect(run.text).toContain(`FAIL: ${translate('en', 'check.functions')}`);
    expect(run.text).toContain('CHURN_RATE(500, 15) = 0.029940119760479042 / 0.03');
    expectUntouched(run);
  });

  test('calendar days read an hour off in summer', () => {
    const run = runCheck({ timeZone: 'Europe/Riga', locale: 'lv_LV' }, mutated(/offsetAt\(instantMs\) \{\n/, 'offsetAt(instantMs) {\n      if (new Date(instantMs).getUTCMonth() === 6) return 3 * 3600000 + 3600000;\n'));
    expect(run.text).toContain(`FAIL: ${translate('en', 'check.timeZone', { timeZone: 'Europe/Riga' })}`);
    expect(run.text).toMatch(/Differences \(add-on \/ Google\): \d{4}-07-/);
    expectUntouched(run);
  });

  test('a locale whose decimal comma the add-on does not know', () => {
    const run = runCheck({ timeZone: 'Europe/Riga', locale: 'lv_LV' }, mutated(/function decimalSeparatorOfLocale\(locale\) \{\n/, 'function decimalSeparatorOfLocale(locale) {\n    return ".";\n'));
    expect(run.text).toContain('FAIL: Numbers: Sheets shows 1.5 as 1,5 in lv_LV');
    expectUntouched(run);
  });

  test('a build that fails half-way leaves no sheet behind', () => {
    const apps = spreadsheet({ timeZone: 'UTC' });
    const context = vm.createContext({ Date, ...apps.globals });
    vm.runInContext(bundleSource(), context, { filename: 'Code.js' });
    apps.locks.document.hold(); // another user's build holds the document lock
    const text = (context.runSelfCheck as () => string)();
    expect(text).toContain(`FAIL: ${translate('en', 'check.example.formulas')}`);
    expect(text).toContain(`PASS: ${translate('en', 'check.cleanup')}`);
    expect(apps.sheetNames()).toEqual(['Customers', 'Notes']);
  });
});
