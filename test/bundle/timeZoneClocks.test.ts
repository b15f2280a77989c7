// Apps Script documents no Intl. Whatever the runtime's Intl does (missing, knowing only UTC,
// reading every zone an hour off), the built add-on must put dates on the same days as with
// V8's own Intl, reading the zone through Utilities.formatDate instead; and with no clock that
// knows the zone it must stop, naming the zone, rather than count in UTC.
import { translate } from '../../src/i18n';
import { createFakeApps, type FakeApps } from '../../local/appsScript/appsScript';
import type { Row } from '../helpers/bruteForce';
import { loadBundle, type BundleContext, type IntlKind } from '../helpers/bundle';
import { sheetsDate } from '../helpers/dates';
import { errorOf } from '../helpers/errors';
import { buildRequest, customerSheet } from '../helpers/wizardSetup';

const HOUR_MS = 3_600_000;
/** Tokyo (no daylight saving, east of UTC), New York (changes mid-month), Asuncion (2023-10-01 had no midnight), Lord Howe (half an hour). */
const ZONES = ['Asia/Tokyo', 'America/New_York', 'America/Asuncion', 'Australia/Lord_Howe'];
const BROKEN_INTL: [string, IntlKind][] = [
  ['no Intl', 'absent'],
  ['an Intl that knows only UTC', 'utcOnly'],
  ['an Intl an hour behind', { shiftMs: -HOUR_MS }],
  ['an Intl an hour ahead', { shiftMs: HOUR_MS }],
];

// Starts and ends on and around changes of offset: New York 2024-03-10 and 2024-11-03,
// Asuncion 2023-10-01 (midnight skipped) and 2024-03-24, Lord Howe 2024-04-07 and 2024-10-06.
const ROWS: Row[] = [
  { id: 'A', start: '2023-01-01', end: '2023-10-01' },
  { id: 'B', start: '2023-09-30', end: '2023-10-02' },
  { id: 'C', start: '2023-10-01', end: '' },
  { id: 'D', start: '2024-03-10', end: '2024-03-31' },
  { id: 'E', start: '2024-03-09', end: '2024-11-03' },
  { id: 'A', start: '2023-11-01', end: '2024-04-01' },
  { id: 'F', start: '2024-10-06', end: '2024-10-07' },
  { id: 'G', start: '2023-12-31', end: '2024-01-01' },
  { id: 'H', start: '2024-04-07', end: '' },
  { id: 'I', start: '2024-03-24', end: '2024-11-04' },
];

type Utilities = { formatDate(date: Date, zone: string, pattern: string): string };

/** The fake's Utilities, counting its calls; 'refuses' throws for every zone, as for one it does not know. */
function utilitiesOf(apps: FakeApps, kind: 'fake' | 'refuses' | 'none') {
  const real = apps.globals.Utilities as Utilities;
  const counter = { calls: 0 };
  if (kind === 'none') return { counter, globals: { ...apps.globals, Utilities: undefined } };
  const Utilities: Utilities = {
    formatDate(date, zone, pattern) {
      counter.calls++;
      if (kind === 'refuses') throw new Error(`Invalid argument: timeZone ${zone}`);
      return real.formatDate(date, zone, pattern);
    },
  };
  return { counter, globals: { ...apps.globals, Utilities } };
}

function spreadsheet(zone: string, intl: IntlKind, utilities: 'fake' | 'refuses' | 'none', locale = 'en_GB') {
  const apps = createFakeApps({ timeZone: zone, locale, sheets: { Customers: customerSheet(ROWS, zone) }, activeSheet: 'Customers' });
  const { counter, globals } = utilitiesOf(apps, utilities);
  const addOn = loadBundle(globals, { intl });
  return { apps, addOn, counter };
}

const column = (values: unknown[]) => values.map((value) => [value]);
function tableArgs(zone: string) {
  return {
    starts: column(ROWS.map((r) => sheetsDate(r.start, zone))),
    ends: column(ROWS.map((r) => (r.end ? sheetsDate(r.end, zone) : ''))),
    ids: column(ROWS.map((r) => r.id)),
    amounts: column(ROWS.map((_, i) => 10 * (i + 1))),
  };
}

/** Every table function's output on the rows, by period and method. */
function tables(addOn: BundleContext, zone: string): Record<string, unknown> {
  const { starts, ends, ids, amounts } = tableArgs(zone);
  return {
    month: addOn.CHURN_TABLE(starts, ends),
    week: addOn.CHURN_TABLE(starts, ends, 'week', ids),
    daily: addOn.CHURN_TABLE(starts, ends, 'month', ids, '', 'daily'),
    revenue: addOn.REVENUE_TABLE(starts, ends, amounts, 'quarter', ids),
    cohorts: addOn.COHORT_TABLE(starts, ends, 'month', ids),
  };
}

describe.each(ZONES)('custom functions in a spreadsheet in %s', (zone) => {
  const reference = tables(spreadsheet(zone, 'native', 'none').addOn, zone);

  test('the reference (V8 Intl) puts the rows on their days: the first period starts at the first start date', () => {
    const month = reference.month as unknown[][];
    expect((month[1][0] as Date).getTime()).toBe(sheetsDate('2023-01-01', zone).getTime());
  });

  test.each(BROKEN_INTL)('with %s and Utilities.formatDate: exactly the same tables', (_, intl) => {
    const { addOn, counter } = spreadsheet(zone, intl, 'fake');
    expect(tables(addOn, zone)).toEqual(reference);
    // A reading per week of the dates' span and a dozen per change of offset, not per date.
    expect(counter.calls).toBeGreaterThan(4);
    expect(counter.calls).toBeLessThan(400);
  });

  test('with a working Intl, Utilities.formatDate is only asked four times, to check it', () => {
    const { addOn, counter } = spreadsheet(zone, 'native', 'fake');
    expect(tables(addOn, zone)).toEqual(reference);
    expect(counter.calls).toBe(4);
  });

  test('an Intl an hour behind, alone, really would misplace dates (the case above is a real one)', () => {
    const { addOn } = spreadsheet(zone, { shiftMs: -HOUR_MS }, 'none');
    expect(tables(addOn, zone)).not.toEqual(reference);
  });
});

describe('a time zone no clock knows', () => {
  const zone = 'Asia/Tokyo';
  const { starts, ends, ids, amounts } = tableArgs(zone);

  test.each<[string, IntlKind, 'refuses' | 'none']>([
    ['no Intl, and Utilities refuses the zone', 'absent', 'refuses'],
    ['an Intl that knows only UTC, and Utilities refuses the zone', 'utcOnly', 'refuses'],
    ['no Intl and no Utilities', 'absent', 'none'],
  ])('%s: every table function stops, naming the zone', (_, intl, utilities) => {
    const { addOn } = spreadsheet(zone, intl, utilities);
    const message = (fn: string) =>
      `${fn}: the spreadsheet's time zone "Asia/Tokyo" is not known to this script, so dates cannot be put on the right days. Choose another time zone in File > Settings.`;
    expect(errorOf(() => addOn.CHURN_TABLE(starts, ends))).toBe(message('CHURN_TABLE'));
    expect(errorOf(() => addOn.REVENUE_TABLE(starts, ends, amounts))).toBe(message('REVENUE_TABLE'));
    expect(errorOf(() => addOn.COHORT_TABLE(starts, ends, 'month', ids))).toBe(message('COHORT_TABLE'));
  });

  test('the message follows the spreadsheet locale', () => {
    const { addOn } = spreadsheet(zone, 'absent', 'refuses', 'lv_LV');
    expect(errorOf(() => addOn.CHURN_TABLE(starts, ends))).toBe(translate('lv', 'arg.timeZoneUnavailable', { fn: 'CHURN_TABLE', zone }));
    expect(translate('lv', 'arg.timeZoneUnavailable', { fn: 'CHURN_TABLE', zone })).toContain('"Asia/Tokyo"');
  });

  test('with a working Intl, a Utilities that refuses the zone does not matter', () => {
    const reference = tables(spreadsheet(zone, 'native', 'none').addOn, zone);
    expect(tables(spreadsheet(zone, 'native', 'refuses').addOn, zone)).toEqual(reference);
  });

  test('the wizard and the template stop with the message in the user\'s language, building nothing', () => {
    const { apps, addOn } = spreadsheet(zone, 'absent', 'refuses');
    const expected = `The spreadsheet's time zone "Asia/Tokyo" is not known to this script, so dates cannot be put on the right days. Choose another time zone in File > Settings.`;
    expect(errorOf(() => addOn.wizardInspect(null, null))).toBe(expected);
    expect(errorOf(() => addOn.wizardBuild(request('values', false)))).toBe(expected);
    expect(errorOf(() => addOn.wizardInsertTemplate(true))).toBe(expected);
    expect(apps.sheetNames()).toEqual(['Customers']);
  });
});

function request(output: 'values' | 'formulas', cohorts: boolean) {
  // Live formulas count every row as a customer: they are offered without the (repeating) ids.
  return buildRequest({ mapping: { id: output === 'values' ? 0 : null, start: 1, end: 2, amount: null, segment: null }, output, chart: false, cohorts });
}

/** What the wizard and the template write: the sheets' values (Dates as instants), in order. */
function builtSheets(zone: string, intl: IntlKind, utilities: 'fake' | 'none') {
  const { apps, addOn } = spreadsheet(zone, intl, utilities);
  const inspection = addOn.wizardInspect(null, null);
  const values = addOn.wizardBuild(request('values', true));
  const formulas = addOn.wizardBuild(request('formulas', false));
  addOn.wizardInsertTemplate(false);
  addOn.wizardInsertTemplate(true);
  const sheets = Object.fromEntries(apps.sheetNames().map((name) => [name, apps.values(name)]));
  return { inspection, values, formulas, sheets };
}

describe.each(ZONES)('the wizard, its cohort sheet and the template in %s', (zone) => {
  const reference = builtSheets(zone, 'native', 'none');

  test('the reference builds the churn sheets, the cohort sheet and two templates', () => {
    expect(Object.keys(reference.sheets)).toHaveLength(6);
  });

  test.each(BROKEN_INTL.slice(0, 3))('with %s and Utilities.formatDate: the same sheets, cell for cell', (_, intl) => {
    expect(builtSheets(zone, intl, 'fake')).toEqual(reference);
  });
});
