import { createFakeApps } from '../../local/appsScript/appsScript';
import { translate, type MessageKey } from '../../src/i18n';
import type { BuildRequest, BuildSummary, TableInspection } from '../../src/shared/wizard';
import { CHARGEBEE_CSV, STRIPE_CSV, pastedCells } from '../fixtures/billingExports';
import { loadBundle } from '../helpers/bundle';
import { isoInZone } from '../helpers/dates';
import { errorOf } from '../helpers/errors';
import { buildRequest } from '../helpers/wizardSetup';

// The wizard on a pasted Stripe or Chargebee export, on the built bundle against the in-memory
// spreadsheet. The sheet is in Los Angeles, behind UTC, where the export's "2024-01-31 23:45"
// is pasted as that wall-clock time: the signup stays in January.
const ZONE = 'America/Los_Angeles';

const pasted = (csv: string) => pastedCells(csv, ZONE);

function world(csv: string) {
  const apps = createFakeApps({ timeZone: ZONE, locale: 'en_US', sheets: { Export: pasted(csv) }, activeSheet: 'Export' });
  const addOn = loadBundle(apps.globals);
  const inspect = (choices: unknown = null) => addOn.wizardInspect('Export', null, choices) as TableInspection;
  const build = (request: Partial<BuildRequest> = {}) => {
    const inspection = inspect(request.billingExport ?? null);
    return addOn.wizardBuild(
      buildRequest({
        sheetName: 'Export',
        headerRow: inspection.headerRow,
        firstColumn: inspection.firstColumn,
        mapping: inspection.mapping,
        output: 'values',
        chart: false,
        ...request,
      }),
    ) as BuildSummary;
  };
  /** The built sheet's months: period, then the columns named, rounded to cents. */
  const months = (sheet: string, keys: MessageKey[]) => {
    const values = apps.values(sheet);
    const header = values[0].map(String);
    const columns = keys.map((key) => header.indexOf(translate('en', key)));
    expect(columns).not.toContain(-1);
    return values.slice(1).filter((row) => row[0] instanceof Date).map((row) => [isoInZone(row[0] as Date, ZONE).slice(0, 7), ...columns.map((c) => Math.round((row[c] as number) * 100) / 100)]);
  };
  return { apps, inspect, build, months };
}

const COUNTS: MessageKey[] = ['table.customersAtStart', 'table.newCustomers', 'table.reactivated', 'table.churned', 'table.churnedNew', 'table.customersAtEnd'];
const MRR: MessageKey[] = ['revenue.mrrAtStart', 'revenue.newMrr', 'revenue.reactivationMrr', 'revenue.expansionMrr', 'revenue.contractionMrr', 'revenue.churnedMrr', 'revenue.mrrAtEnd'];

describe('a Stripe subscriptions export', () => {
  test('is recognised with no column chosen; the sidebar says so and offers values only', () => {
    const inspection = world(STRIPE_CSV).inspect();
    expect(inspection.billingExport?.format).toBe('stripe');
    expect(inspection.billingExport?.title).toMatch(/^Recognised: Stripe subscriptions export\. /);
    expect(inspection.billingExport?.notes[0]).toBe('Not counted as customers: 1 subscriptions still in their trial, 1 cancelled during the trial and 1 that never started paying.');
    expect(inspection.billingExport?.blockers).toEqual([]);
    // The customer is the Customer ID column, never the subscription's id.
    expect(inspection.headers[inspection.mapping.id!]).toBe('Customer ID');
    expect(inspection.liveFormulaBlockers).toHaveLength(1);
    expect(inspection.liveFormulaBlockers[0]).toMatch(/COUNTIFS/);
    // The first rows as counted: A from its start, C from the end of its trial.
    expect(inspection.preview.slice(0, 3)).toEqual([
      { row: 2, start: '2023-12-05', end: '', id: 'cus_A', amount: '90.00', segment: 'Team Monthly' },
      { row: 3, start: '2023-11-20', end: '', id: 'cus_B', amount: '200.00', segment: 'Pro Annual' },
      { row: 4, start: '2024-02-03', end: '', id: 'cus_C', amount: '20.00', segment: 'Starter Monthly' },
    ]);
    expect(inspection.problemCount).toBe(0);
    expect(inspection.span).toEqual({ first: '2023-10-03', last: '2024-03-10' });
  });

  test('builds customers and MRR by ChartMogul\'s rules (worked out by hand in test/core/exports)', () => {
    const w = world(STRIPE_CSV);
    const summary = w.build();
    expect(summary.customers).toBe(11);
    expect(w.months(summary.sheetName, COUNTS)).toEqual([
      ['2023-10', 0, 1, 0, 0, 0, 1],
      ['2023-11', 1, 2, 0, 0, 0, 3],
      ['2023-12', 3, 2, 0, 0, 0, 5],
      ['2024-01', 5, 2, 0, 1, 0, 6], // J's 23:45 UTC signup on the 31st is January's
      ['2024-02', 6, 3, 0, 1, 0, 8],
      ['2024-03', 8, 1, 1, 1, 0, 9],
    ]);
    expect(w.months(summary.sheetName, MRR)).toEqual([
      ['2023-10', 0, 100, 0, 0, 0, 0, 100],
      ['2023-11', 100, 300, 0, 0, 0, 0, 400],
      ['2023-12', 400, 120, 0, 0, 0, 0, 520],
      ['2024-01', 520, 80, 0, 10, 0, 100, 510],
      ['2024-02', 510, 270, 0, 0, 0, 100, 680],
      ['2024-03', 680, 52, 100, 0, 10, 60, 762],
    ]);
  });

  test('"when the customer cancels" moves F\'s churn and H\'s contraction to February', () => {
    const w = world(STRIPE_CSV);
    const summary = w.build({ billingExport: { churnAt: 'cancelRequest', currency: null, interval: null } });
    expect(w.months(summary.sheetName, [...COUNTS, ...MRR]).slice(4)).toEqual([
      ['2024-02', 6, 3, 0, 2, 0, 7, 510, 270, 0, 0, 10, 160, 610],
      ['2024-03', 7, 1, 1, 0, 0, 9, 610, 52, 100, 0, 0, 0, 762],
    ]);
  });

  test('live formulas are refused, saying why', () => {
    expect(errorOf(() => world(STRIPE_CSV).build({ output: 'formulas' }))).toMatch(/^Live formulas cannot give the same numbers for this table: A Stripe subscriptions export needs/);
  });

  test('several currencies stop the build, naming them; choosing one builds its sheet', () => {
    const w = world(STRIPE_CSV.replace('Team Annual,5,usd', 'Team Annual,5,eur'));
    expect(w.inspect().billingExport?.currencies).toEqual(['EUR', 'USD']);
    expect(errorOf(() => w.build())).toBe(
      'The export has subscriptions in EUR, USD, and MRR in different currencies cannot be added up. Build one sheet per currency: choose a currency.',
    );
    const euro = w.build({ billingExport: { churnAt: 'serviceEnd', currency: 'EUR', interval: null } });
    expect(euro.customers).toBe(1);
    expect(w.months(euro.sheetName, ['revenue.mrrAtEnd'])).toEqual([['2024-02', 150]]);
  });
});

describe('a Chargebee Subscriptions.csv', () => {
  test('is recognised, says where billing periods came from, and builds its months', () => {
    const w = world(CHARGEBEE_CSV);
    const inspection = w.inspect();
    expect(inspection.billingExport?.title).toMatch(/^Recognised: Chargebee subscriptions export\. /);
    expect(inspection.billingExport?.notes[1]).toBe('Billing intervals: 0 from the interval column, 6 from the current term, 2 from the plan\'s name, 0 as chosen below.');
    const summary = w.build();
    expect(w.months(summary.sheetName, [...COUNTS, ...MRR])).toEqual([
      ['2023-11', 0, 1, 0, 0, 0, 1, 0, 25, 0, 0, 0, 0, 25],
      ['2023-12', 1, 1, 0, 0, 0, 2, 25, 100, 0, 0, 0, 0, 125],
      ['2024-01', 2, 2, 0, 0, 0, 4, 125, 150, 0, 0, 0, 0, 275],
      ['2024-02', 4, 2, 0, 1, 0, 5, 275, 75, 0, 10, 0, 25, 335],
      ['2024-03', 5, 0, 1, 0, 0, 6, 335, 0, 100, 0, 10, 0, 425],
      ['2024-04', 6, 0, 0, 1, 0, 5, 425, 0, 0, 0, 0, 100, 325],
    ]);
  });

  test('a plan timed by nothing in the export is asked for', () => {
    const w = world(CHARGEBEE_CSV.replace('growth,1,600.00,USD,Active,,,2024-02-01 08:00:00,2025-02-01 08:00:00', 'growth,1,600.00,USD,Active,,,,'));
    expect(w.inspect().billingExport?.plansWithoutInterval).toEqual(['growth']);
    expect(errorOf(() => w.build())).toMatch(/^The export does not say how often the plans "growth" bill/);
    const yearly = w.build({ billingExport: { churnAt: 'serviceEnd', currency: null, interval: 'year' } });
    expect(w.months(yearly.sheetName, ['revenue.mrrAtEnd']).at(-1)).toEqual(['2024-04', 325]);
  });
});
