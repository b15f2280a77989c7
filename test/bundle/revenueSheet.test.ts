import fc from 'fast-check';
import { translate } from '../../src/i18n';
import type { BuildRequest, BuildSummary, TableInspection } from '../../src/shared/wizard';
import { createFakeApps } from '../../local/appsScript/appsScript';
import { loadBundle } from '../helpers/bundle';
import { bruteForceRevenue, type RevenueRowInput } from '../helpers/bruteForceRevenue';
import { isoInZone, sheetsDate } from '../helpers/dates';
import { errorOf } from '../helpers/errors';
import { functionsIn, PORTABLE_FUNCTIONS } from '../helpers/formulaFunctions';
import { SEED_004_MONTHS, seed004Rows } from '../fixtures/seed004';

// The wizard's churn sheet with an amount column: revenue (MRR) columns beside the counts,
// on the built bundle against the fake spreadsheet (formulas evaluated by HyperFormula).
const ZONE = 'Europe/Oslo';
const HEADER_KEYS = [
  'revenue.mrrAtStart',
  'revenue.newMrr',
  'revenue.reactivationMrr',
  'revenue.expansionMrr',
  'revenue.contractionMrr',
  'revenue.churnedMrr',
  'revenue.mrrAtEnd',
  'revenue.grossMrrChurn',
  'revenue.netMrrChurn',
  'revenue.netRevenueRetention',
  'revenue.quickRatio',
] as const;
const FIRST_REVENUE = 10; // 0-based column K: after the ten count columns, no profit column

function world(rows: (RevenueRowInput & { plan?: string })[], amountOf: (row: RevenueRowInput) => unknown = (row) => row.amount) {
  const sheet = [
    ['Customer ID', 'Signup date', 'Cancel date', 'MRR', 'Plan'],
    ...rows.map((r, i) => [r.id || `C${i + 1}`, sheetsDate(r.start, ZONE), r.end ? sheetsDate(r.end, ZONE) : '', amountOf(r), r.plan ?? 'Pro']),
  ];
  const apps = createFakeApps({ timeZone: ZONE, locale: 'en_GB', sheets: { Customers: sheet }, activeSheet: 'Customers' });
  const addOn = loadBundle(apps.globals);
  const build = (request: Partial<BuildRequest> = {}) =>
    addOn.wizardBuild({
      sheetName: 'Customers',
      headerRow: 0,
      firstColumn: 0,
      mapping: { id: 0, start: 1, end: 2, amount: 3, segment: null },
      period: 'month',
      firstPeriod: '',
      lastPeriod: '',
      profitPerCustomer: null,
      output: 'formulas',
      chart: false,
      ...request,
    }) as BuildSummary;
  const shown = (name: string) => apps.values(name).map((row) => row.slice(0, FIRST_REVENUE + HEADER_KEYS.length).map((cell) => (cell instanceof Date ? isoInZone(cell, ZONE) : cell)));
  return { apps, build, shown, inspect: () => addOn.wizardInspect('Customers', null) as TableInspection };
}

function expectSameCells(actual: unknown[][], expected: unknown[][]): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, r) =>
    row.forEach((cell, c) => {
      const want = expected[r][c];
      if (typeof want === 'number') expect([r, c, cell]).toEqual([r, c, expect.closeTo(want, 6)]);
      else expect([r, c, cell]).toEqual([r, c, want]);
    }),
  );
}

describe('the seed 004 table with every customer paying 100 a month', () => {
  const rows = seed004Rows().map((r) => ({ ...r, amount: 100 }));
  const w = world(rows);
  const { sheetName } = w.build();
  const sheet = w.shown(sheetName);

  test('the header names the revenue columns in the user\'s language', () => {
    expect(sheet[0].slice(FIRST_REVENUE)).toEqual(HEADER_KEYS.map((key) => translate('en', key)));
  });

  test('January and February: MRR follows the counts at 100 each, gross MRR churn equals adjusted churn', () => {
    for (const month of SEED_004_MONTHS) {
      const row = sheet.find((r) => r[0] === `${month.month}-01`)!;
      const revenue = row.slice(FIRST_REVENUE);
      expect(revenue.slice(0, 7)).toEqual([month.S * 100, month.N * 100, 0, 0, 0, (month.L + month.Ln) * 100, month.E * 100]);
      expect(revenue[7]).toBeCloseTo((month.L + month.Ln) / month.S, 12);
      expect(revenue[9]).toBeCloseTo(1 - (month.L + month.Ln) / month.S, 12);
      expect(revenue[10]).toBeCloseTo(month.N / (month.L + month.Ln), 12);
    }
  });

  test('every formula is portable and none is the add-on\'s', () => {
    const used = new Set(w.apps.formulas(sheetName).flat().filter(Boolean).flatMap((f) => functionsIn(f)));
    expect(used.has('SUMIFS')).toBe(true);
    for (const fn of used) expect([fn, PORTABLE_FUNCTIONS.has(fn)]).toEqual([fn, true]);
  });
});

const day = fc.integer({ min: 0, max: 500 }).map((d) => new Date(Date.UTC(2023, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
const revenueRow = fc
  .record({
    start: day,
    length: fc.oneof(fc.constant(-1), fc.integer({ min: 0, max: 200 })),
    amount: fc.oneof(fc.integer({ min: 0, max: 500 }), fc.constantFrom(19.99, 0.5, 1234.56)),
    plan: fc.constantFrom('Pro', 'Basic'),
  })
  .map(({ start, length, amount, plan }) => ({
    start,
    end: length < 0 ? '' : new Date(Date.parse(`${start}T00:00:00Z`) + length * 86_400_000).toISOString().slice(0, 10),
    amount,
    plan,
  }));

describe('random tables', () => {
  test('live formulas equal the values cell by cell, with and without segment blocks, and the revenue matches a naive count', () => {
    fc.assert(
      fc.property(fc.array(revenueRow, { minLength: 1, maxLength: 25 }), fc.boolean(), (rows, bySegment) => {
        const w = world(rows);
        const mapping = { id: 0, start: 1, end: 2, amount: 3, segment: bySegment ? 4 : null };
        const live = w.shown(w.build({ output: 'formulas', mapping, segments: bySegment }).sheetName);
        const values = w.shown(w.build({ output: 'values', mapping, segments: bySegment }).sheetName);
        expectSameCells(live, values);
        const reference = bruteForceRevenue('month', rows);
        const total = values.slice(1, reference.length + 1);
        expect(total.map((r) => r[0])).toEqual(reference.map((c) => c.periodStart));
        total.forEach((r, i) => {
          const c = reference[i];
          const expected = [c.mrrAtStart, c.newMrr, c.reactivationMrr, c.expansionMrr, c.contractionMrr, c.churnedMrr, c.mrrAtEnd];
          r.slice(FIRST_REVENUE, FIRST_REVENUE + 7).forEach((cell, k) => expect(cell).toBeCloseTo(expected[k], 6));
        });
      }),
      { numRuns: 8 },
    );
  });
});

describe('amounts live formulas cannot add up', () => {
  test('an amount written as text: formulas are refused with the row named, values read it', () => {
    const rows = [
      { start: '2024-01-05', end: '', amount: 50 },
      { start: '2024-01-09', end: '2024-02-10', amount: 30 },
    ];
    const w = world(rows, (row) => (row.amount === 30 ? '30,00' : row.amount));
    const reasons = w.inspect().liveFormulaBlockers;
    expect(reasons).toEqual([translate('en', 'wizard.blocker.textAmounts', { row: 3, value: '30,00' })]);
    const before = w.apps.sheetNames();
    expect(errorOf(() => w.build({ output: 'formulas' }))).toContain('row 3');
    expect(w.apps.sheetNames()).toEqual(before);
    const values = w.shown(w.build({ output: 'values' }).sheetName);
    const february = values.find((r) => r[0] === '2024-02-01')!;
    expect(february.slice(FIRST_REVENUE, FIRST_REVENUE + 7)).toEqual([80, 0, 0, 0, 0, 30, 50]);
  });

  test('a row without an amount is reported and, since formulas would still count it, blocks them', () => {
    const w = world([
      { start: '2024-01-05', end: '', amount: 50 },
      { start: '2024-01-09', end: '', amount: NaN },
    ], (row) => (Number.isNaN(row.amount) ? '' : row.amount));
    const inspection = w.inspect();
    expect(inspection.problemCount).toBe(1);
    expect(inspection.problems[0]).toContain('3');
    expect(inspection.liveFormulaBlockers.length).toBe(1);
  });
});
