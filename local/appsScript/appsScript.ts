/**
 * An in-memory stand-in for the Apps Script services the add-on uses, backed by HyperFormula so
 * formulas written into cells really evaluate. Used by tests that load dist/Code.js into a vm
 * context with `globals`, and by the local playground.
 *
 *   const apps = createFakeApps({ timeZone: 'Pacific/Auckland', sheets: { Customers: rows } });
 *   const context = loadBundle(apps.globals);        // test/helpers/bundle.ts
 *   context.buildChurnSheet();
 *   expect(apps.values('Churn')).toEqual(...);
 *
 * The fake itself is in ./fakeApps (createFakeAppsWith takes any engine, or none); what it
 * promises (cell semantics, differences from Sheets) is in local/appsScript/README.md.
 */
import { hyperFormulaSupport } from './engine';
import { createFakeAppsWith, type FakeApps, type FakeOptions } from './fakeApps';

export * from './fakeApps';

export function createFakeApps(options: FakeOptions = {}): FakeApps {
  return createFakeAppsWith(options, hyperFormulaSupport);
}
