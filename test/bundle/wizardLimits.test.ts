/**
 * The wizard's first and last period are held to the table's dates, and the sheets it builds to
 * what Sheets holds: a refused request names the field and the limit, in the user's language,
 * and nothing is written. On the built bundle against the fake spreadsheet.
 */
import { translate } from '../../src/i18n';
import type { BuildRequest, BuildSummary } from '../../src/shared/wizard';
import { createFakeApps } from '../../local/appsScript/appsScript';
import { loadBundle } from '../helpers/bundle';
import { sheetsDate } from '../helpers/dates';
import { withCpuMs } from '../helpers/cpuTime';
import { errorOf } from '../helpers/errors';
import { buildRequest, wizardWorld, type WizardWorld } from '../helpers/wizardSetup';

// The seed table runs from 2023-01-01 to 2024-02-29.
const SPAN = { first: '2023-01-01', last: '2024-02-29' };

/** Builds and expects a refusal that leaves the spreadsheet as it was and writes nothing. */
function refusal(world: WizardWorld, request: Partial<BuildRequest>): string {
  const sheets = world.apps.sheetNames();
  world.apps.resetCalls();
  const { result: message, ms } = withCpuMs(() => errorOf(() => world.build(request)));
  expect(ms).toBeLessThan(5_000);
  expect(world.apps.sheetNames()).toEqual(sheets);
  expect(world.apps.calls.byMethod['Spreadsheet.insertSheet'] ?? 0).toBe(0);
  return message;
}

describe('the first and last period stay within ten years of the table', () => {
  const world = wizardWorld();
  const reach = { first: SPAN.first, last: SPAN.last, earliest: '2013-01-01', latest: '2034-03-01', years: 10 };

  test('a last period of 9999-12-31, weekly, is refused at once, naming the field and the limit', () => {
    const message = refusal(world, { period: 'week', lastPeriod: '9999-12-31', output: 'values' });
    expect(message).toBe(translate('en', 'wizard.periodOutOfReach', { field: 'Last period', value: '9999-12-31', ...reach }));
    expect(message).toMatch(/^Last period: 9999-12-31 is too far .* from 2013-01-01 to 2034-03-01, at most 10 years/);
  });

  test('a first period of 0001-01-01 is refused at once', () => {
    expect(refusal(world, { firstPeriod: '0001-01-01', output: 'values' })).toBe(
      translate('en', 'wizard.periodOutOfReach', { field: 'First period', value: '0001-01-01', ...reach }),
    );
  });

  test('a first period after the reach, or a last one before it, is refused too', () => {
    expect(refusal(world, { firstPeriod: '2034-03-02', lastPeriod: '2035-01-01', output: 'values' })).toMatch(/^First period: 2034-03-02 /);
    expect(refusal(world, { firstPeriod: '2012-01-01', lastPeriod: '2012-12-31', output: 'values' })).toMatch(/^First period: 2012-01-01 /);
    expect(refusal(world, { firstPeriod: '2013-01-01', lastPeriod: '2034-03-02', output: 'values' })).toMatch(/^Last period: 2034-03-02 /);
  });

  test('one bound past the table\'s other end would run the periods backwards: refused, with the cohort sheet too', () => {
    // The table's dates run to 2024-02-29; a first period after that with no last period has no periods to show.
    expect(refusal(world, { firstPeriod: '2024-06-01', output: 'values', cohorts: true })).toBe(
      'The first period (2024-06-01) is after the last date in the table (2024-02-29). Choose an earlier first period, or a last period as well.',
    );
    expect(refusal(world, { lastPeriod: '2022-12-31', output: 'values', cohorts: true })).toBe(
      'The last period (2022-12-31) is before the first date in the table (2023-01-01). Choose a later last period, or a first period as well.',
    );
    // Within the last period's own month the sheet still has that one period.
    expect(world.build({ firstPeriod: '2024-02-15', output: 'values', cohorts: true }).periods).toBe(1);
  });

  test('the edges of the reach are accepted: ten years before and after the table', () => {
    const summary = world.build({ firstPeriod: '2013-01-01', lastPeriod: '2034-03-01', output: 'values' });
    expect(summary.periods).toBe(21 * 12 + 3);
    const table = world.table(summary.sheetName);
    expect(table[1][0]).toBe('2013-01-01');
    expect(table[table.length - 1][0]).toBe('2034-03-01');
  });

  test('in the user\'s language', () => {
    const latvian = wizardWorld(undefined, { userLocale: 'lv' });
    const message = refusal(latvian, { lastPeriod: '2100-01-01', output: 'values' });
    expect(message).toBe(translate('lv', 'wizard.periodOutOfReach', { field: translate('lv', 'ui.lastPeriod'), value: '2100-01-01', ...reach }));
    expect(message).toMatch(/^Pēdējais periods: 2100-01-01 /);
  });
});

/** A table with one customer at each end of a long span, in `plans` segments. */
function longWorld(first: string, last: string, plans: number) {
  const zone = 'Europe/Oslo';
  const rows: unknown[][] = [['Customer ID', 'Signup date', 'Cancel date', 'Plan']];
  for (let p = 0; p < plans; p++) {
    rows.push([`A${p}`, sheetsDate(first, zone), '', `Plan ${p}`], [`B${p}`, sheetsDate(last, zone), '', `Plan ${p}`]);
  }
  const apps = createFakeApps({ timeZone: zone, locale: 'en_GB', sheets: { Customers: rows }, activeSheet: 'Customers' });
  const addOn = loadBundle(apps.globals);
  const build = (request: Partial<BuildRequest>) =>
    addOn.wizardBuild(
      buildRequest({ mapping: { id: 0, start: 1, end: 2, amount: null, segment: 3 }, period: 'week', output: 'values', chart: false, ...request }),
    ) as BuildSummary;
  return { apps, build };
}

describe('the sheets stay within what Sheets holds', () => {
  test('a churn sheet over 50,000 rows (weekly segments over three centuries) is refused before anything is written', () => {
    const { apps, build } = longWorld('1900-01-01', '2199-12-01', 4);
    apps.resetCalls();
    const message = errorOf(() => build({ segments: true }));
    expect(message).toMatch(/^The churn sheet would have \d+ rows; it may have at most 50000\. Narrow the periods with "First period" and "Last period", or choose a longer period\.$/);
    expect(Number(/have (\d+) rows/.exec(message)![1])).toBeGreaterThan(5 * 15_000);
    expect(apps.sheetNames()).toEqual(['Customers']);
    expect(apps.calls.byMethod['Spreadsheet.insertSheet'] ?? 0).toBe(0);
  });

  test('a cohort sheet over ten million cells is refused before the churn sheet is written', () => {
    const { apps, build } = longWorld('1960-01-04', '2024-12-30', 1);
    apps.resetCalls();
    const message = errorOf(() => build({ cohorts: true }));
    expect(message).toMatch(/^The cohort sheet would have \d+ cells; a spreadsheet holds at most 10000000\. .*"First period" and "Last period".*leave out the cohort sheet\.$/);
    expect(apps.sheetNames()).toEqual(['Customers']);
    expect(apps.calls.byMethod['Spreadsheet.insertSheet'] ?? 0).toBe(0);
    // Narrowed to five years, it fits.
    const summary = build({ cohorts: true, firstPeriod: '2020-01-06' });
    expect(summary.cohortSheetName).toBeDefined();
  });
});
