/** A spreadsheet with a customer table, the built add-on loaded against it, and helpers. */
import fc from 'fast-check';
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

/**
 * A random customer for a random table: a start within 700 days of 2023-01-01, and no end or an
 * end up to 250 days after it, so tables mix customers who stay, leave and leave at once.
 */
export const randomRow: fc.Arbitrary<Row> = fc
  .record({ start: fc.integer({ min: 0, max: 700 }), length: fc.oneof(fc.constant(-1), fc.integer({ min: 0, max: 250 })) })
  .map(({ start, length }) => {
    const startMs = Date.UTC(2023, 0, 1) + start * 86_400_000;
    return { start: new Date(startMs).toISOString().slice(0, 10), end: length < 0 ? '' : new Date(startMs + length * 86_400_000).toISOString().slice(0, 10) };
  });

/**
 * `count` customers who start one a day from 2022-01-01, round again after 1,000 days, every third
 * leaving 90 days after the start: past 1,000 rows the table grows but its months stay the same 36,
 * so what a build costs can be compared across sizes.
 */
export function rowsOverThreeYears(count: number): Row[] {
  const day = (n: number) => new Date(Date.UTC(2022, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
  return Array.from({ length: count }, (_, i) => ({ id: `C${i}`, start: day(i % 1000), end: i % 3 === 0 ? day((i % 1000) + 90) : '' }));
}

/**
 * A whole wizard request, as the sidebar sends it, for a table on the sheet "Customers" with the
 * customer, start and end in its first three columns (header row 0: the add-on finds the table
 * again): monthly live formulas with a chart, over the table's own span. `request` overrides any
 * field, so a test names only what it is about.
 */
export function buildRequest(request: Partial<BuildRequest> = {}): BuildRequest {
  return {
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
  };
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
    build: (request = {}) => addOn.wizardBuild(buildRequest(request)) as BuildSummary,
    table: (sheetName) =>
      apps
        .values(sheetName)
        .map((row) => row.slice(0, 11))
        .filter((row, i) => i === 0 || row[0] instanceof Date)
        .map((row) => (row[0] instanceof Date ? [isoInZone(row[0], zone), ...row.slice(1)] : row)),
  };
  return world;
}
