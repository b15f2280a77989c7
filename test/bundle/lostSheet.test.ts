/**
 * The wizard's "Lost customers" sheet on the built bundle: the same list and win-back table as
 * LOST_CUSTOMERS and WINBACK_TABLE, the source's name and e-mail carried along as text, the
 * date it was made, and nothing left behind when it cannot be built.
 */
import { createFakeApps, type FakeApps } from '../../local/appsScript/appsScript';
import { loadBundle, type BundleContext } from '../helpers/bundle';
import { isoInZone, sheetsDate } from '../helpers/dates';
import { notCarriedByScriptRun } from '../helpers/scriptRun';
import type { BuildRequest, BuildSummary } from '../../src/shared/wizard';

const ZONE = 'Asia/Tokyo';
const HEADER = ['Customer ID', 'Name', 'E-mail', 'Signup date', 'Cancel date', 'MRR'];
const ROWS: [string, string, string, string, string, number][] = [
  ['007', 'Ada Lovelace', 'ada@example.com', '2024-01-10', '2024-03-05', 50],
  ['007', 'Ada Lovelace', 'ada@example.com', '2024-04-20', '2024-05-02', 60],
  ['b', 'Bob', 'bob@example.com', '2024-01-03', '2024-02-14', 20],
  ['b', 'Bob', 'bob@example.com', '2024-02-14', '2024-03-20', 30],
  ['b', 'Bob', 'bob@example.com', '2024-06-01', '', 30],
  // Typed with an apostrophe in the source: text that looks like a formula.
  ["'=1+1", '\'=HYPERLINK("http://evil.example","x")', 'c@example.com', '2024-02-01', '2024-03-31', 30],
  ['d', 'Dora', '', '2024-01-01', '', 10],
];

interface World {
  apps: FakeApps;
  addOn: BundleContext;
  build(request?: Partial<BuildRequest>): BuildSummary;
}

function world(rows = ROWS, header = HEADER): World {
  const sheet = [header, ...rows.map(([id, name, email, start, end, mrr]) => [id, name, email, sheetsDate(start, ZONE), end ? sheetsDate(end, ZONE) : '', mrr])];
  const apps = createFakeApps({ timeZone: ZONE, locale: 'en_GB', sheets: { Customers: sheet }, activeSheet: 'Customers' });
  const addOn = loadBundle(apps.globals);
  return {
    apps,
    addOn,
    build: (request = {}) =>
      addOn.wizardBuild({
        sheetName: 'Customers',
        headerRow: 0,
        firstColumn: 0,
        mapping: { id: 0, start: 3, end: 4, amount: 5, segment: null },
        period: 'month',
        firstPeriod: '',
        lastPeriod: '',
        profitPerCustomer: null,
        output: 'values',
        chart: false,
        winBack: true,
        ...request,
      }) as BuildSummary,
  };
}

const column = (values: unknown[]) => values.map((value) => [value]);
const shown = (cell: unknown) => (cell instanceof Date ? isoInZone(cell, ZONE) : cell);

describe('the Lost customers sheet', () => {
  const w = world();
  const before = w.apps.values('Customers');
  const summary = w.build();
  const sheet = w.apps.values(summary.lostSheetName!).map((row) => row.map(shown));
  const blankRow = (r: unknown[]) => r.every((cell) => cell === '');

  test('is a new sheet beside the churn sheet, which stays active; the source is untouched', () => {
    expect(summary.lostSheetName).toBe('Lost customers');
    expect(w.apps.sheetNames()).toEqual(['Customers', 'Churn by month', 'Lost customers']);
    const spreadsheet = (w.apps.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActive();
    expect(spreadsheet.getActiveSheet().getName()).toBe('Churn by month');
    expect(w.apps.values('Customers')).toEqual(before);
    expect(notCarriedByScriptRun(summary)).toEqual([]);
  });

  test('says the day it was made, in the spreadsheet\'s time zone', () => {
    const today = isoInZone(new Date(), ZONE);
    expect(sheet[0][0]).toBe(`Customers who have left, as of ${today}. This list is a snapshot: it does not change with the table. Build it again for a new one.`);
  });

  test('lists what LOST_CUSTOMERS lists, with the name and e-mail carried as text', () => {
    const listEnd = sheet.findIndex((row, r) => r > 2 && blankRow(row));
    const list = sheet.slice(2, listEnd).map((row) => row.slice(0, 8));
    const rows = ROWS;
    const fn = w.addOn.LOST_CUSTOMERS(
      column(rows.map((r) => sheetsDate(r[3], ZONE))),
      column(rows.map((r) => (r[4] ? sheetsDate(r[4], ZONE) : ''))),
      column(rows.map((r) => r[0].replace(/^'/, ''))),
      column(rows.map((r) => r[5])),
    ) as unknown[][];
    expect(list[0]).toEqual(['Customer ID', 'Name', 'E-mail', 'Customer since', 'Left on', 'Days as a customer', 'MRR when it left', 'Times it came back']);
    const withoutContacts = list.slice(1).map((row) => [row[0], ...row.slice(3)]);
    expect(withoutContacts).toEqual(fn.slice(1).map((row) => row.map(shown)));
    expect(list.slice(1).map((row) => row.slice(0, 3))).toEqual([
      ['007', 'Ada Lovelace', 'ada@example.com'],
      ['=1+1', '=HYPERLINK("http://evil.example","x")', 'c@example.com'],
    ]);
    // Text from the table is text in the sheet, never a formula.
    expect(w.apps.formulas(summary.lostSheetName!).flat().filter((f) => f !== '')).toEqual([]);
  });

  test('has the win-back table of WINBACK_TABLE below the list', () => {
    const title = sheet.findIndex((row) => row[0] === 'Win-back: of the customers lost in a period, the share who were customers again by the end of a later period');
    expect(title).toBeGreaterThan(0);
    const table = sheet.slice(title + 1).map((row) => row.slice(0, 7));
    const fn = w.addOn.WINBACK_TABLE(
      column(ROWS.map((r) => sheetsDate(r[3], ZONE))),
      column(ROWS.map((r) => (r[4] ? sheetsDate(r[4], ZONE) : ''))),
      column(ROWS.map((r) => r[0].replace(/^'/, ''))),
    ) as unknown[][];
    expect(table).toEqual(fn.map((row) => row.map(shown)));
    expect(table[3]).toEqual(['2024-03-01', 3, 1 / 3, 1 / 3, 2 / 3, '', '']);
  });
});

describe('without name and e-mail columns, or without the option', () => {
  test('the list has only the engine\'s columns', () => {
    const w = world(ROWS.map((r) => [r[0], '', '', r[3], r[4], r[5]]), ['Customer ID', 'Notes', 'Other', 'Signup date', 'Cancel date', 'MRR']);
    const summary = w.build();
    expect(w.apps.values(summary.lostSheetName!)[2].filter((cell) => cell !== '')).toEqual(['Customer ID', 'Customer since', 'Left on', 'Days as a customer', 'MRR when it left', 'Times it came back']);
  });

  test('no option, no sheet; the summary says null', () => {
    const w = world();
    const summary = w.build({ winBack: false });
    expect(summary.lostSheetName).toBeNull();
    expect(w.apps.sheetNames()).toEqual(['Customers', 'Churn by month']);
  });

  test('a wrong option is refused before anything is written', () => {
    const w = world();
    expect(() => w.build({ winBack: 'yes' as unknown as boolean })).toThrow();
    expect(w.apps.sheetNames()).toEqual(['Customers']);
  });

  test('when the win-back sheet cannot be written, no sheet of the build is left', () => {
    const sheet = [HEADER, ...ROWS.map(([id, name, email, start, end, mrr]) => [id, name, email, sheetsDate(start, ZONE), end ? sheetsDate(end, ZONE) : '', mrr])];
    const apps = createFakeApps({ timeZone: ZONE, sheets: { Customers: sheet }, activeSheet: 'Customers' });
    // Sheets fails on the third sheet inserted: the churn and cohort sheets are in, the lost sheet is not.
    const real = apps.globals.SpreadsheetApp as Record<string, unknown> & { getActive(): Record<string, unknown> };
    let inserted = 0;
    const failing = (target: Record<string, unknown>, override: Record<string, unknown>) =>
      new Proxy(target, { get: (t, key: string) => (key in override ? override[key] : typeof t[key] === 'function' ? (t[key] as (...a: unknown[]) => unknown).bind(t) : t[key]) });
    const spreadsheet = real.getActive();
    const flaky = failing(spreadsheet, {
      insertSheet: (name: string) => {
        if (++inserted === 3) throw new Error('Service Spreadsheets failed while accessing document.');
        return (spreadsheet.insertSheet as (n: string) => unknown)(name);
      },
    });
    const addOn = loadBundle({ ...apps.globals, SpreadsheetApp: failing(real, { getActive: () => flaky }) });
    const request = { sheetName: 'Customers', headerRow: 0, firstColumn: 0, mapping: { id: 0, start: 3, end: 4, amount: 5, segment: null }, period: 'month', firstPeriod: '', lastPeriod: '', profitPerCustomer: null, output: 'values', chart: false, cohorts: true, winBack: true };
    expect(() => addOn.wizardBuild(request)).toThrow('Service Spreadsheets failed');
    expect(inserted).toBe(3);
    expect(apps.sheetNames()).toEqual(['Customers']);
  });

  test('a win-back table too large for a spreadsheet is refused before anything is written', () => {
    const w = world([
      ['a', '', '', '1900-01-01', '1900-02-01', 1],
      ['a', '', '', '1980-01-01', '', 1],
    ]);
    expect(() => w.build({ period: 'week', lastPeriod: '1900-12-31' })).toThrow(/The win-back table would have 4175 periods/);
    expect(w.apps.sheetNames()).toEqual(['Customers']);
  });
});
