/** A spreadsheet with a customer table, the built add-on loaded against it, and helpers. */
import { createFakeApps, type FakeApps, type FakeOptions } from '../../local/appsScript/appsScript';
import type { BuildRequest, BuildSummary, TableInspection } from '../../src/shared/wizard';
import { seed004Rows } from '../fixtures/seed004';
import type { Row } from './bruteForce';
import { loadBundle, type BundleContext, type BundleOptions } from './bundle';
import { isoInZone, sheetsDate } from './dates';

export const ZONE = 'Europe/Oslo';

export function customerSheet(rows: Row[], zone = ZONE): unknown[][] {
  return [['Customer ID', 'Signup date', 'Cancel date'], ...rows.map((r, i) => [r.id ?? `C${i + 1}`, sheetsDate(r.start, zone), r.end ? sheetsDate(r.end, zone) : ''])];
}

export interface WizardWorld {
  apps: FakeApps;
  addOn: BundleContext;
  inspect(sheetName?: string | null, mapping?: unknown): TableInspection;
  build(request?: Partial<BuildRequest>): BuildSummary;
  /** The built sheet's table (header row, then periods) with period starts as ISO dates. */
  table(sheetName: string): unknown[][];
}

export function wizardWorld(rows: Row[] = seed004Rows(), options: FakeOptions = {}, bundleOptions: BundleOptions = {}): WizardWorld {
  const zone = options.timeZone ?? ZONE;
  const apps = createFakeApps({ timeZone: zone, locale: 'nb_NO', sheets: { Customers: customerSheet(rows, zone) }, activeSheet: 'Customers', ...options });
  const addOn = loadBundle(apps.globals, bundleOptions);
  const world: WizardWorld = {
    apps,
    addOn,
    inspect: (sheetName = null, mapping = null) => addOn.wizardInspect(sheetName, mapping) as TableInspection,
    build: (request = {}) =>
      addOn.wizardBuild({
        sheetName: 'Customers',
        headerRow: 0,
        firstColumn: 0,
        mapping: { id: 0, start: 1, end: 2, amount: null, segment: null },
        period: 'month',
        firstPeriod: '',
        lastPeriod: '',
        profitPerCustomer: null,
        output: 'formulas',
        chart: true,
        ...request,
      }) as BuildSummary,
    table: (sheetName) =>
      apps
        .values(sheetName)
        .map((row) => row.slice(0, 11))
        .filter((row, i) => i === 0 || row[0] instanceof Date)
        .map((row) => (row[0] instanceof Date ? [isoInZone(row[0], zone), ...row.slice(1)] : row)),
  };
  return world;
}
