/**
 * The wizard's cohort retention sheet, built by dist/Code.js against the fake
 * spreadsheet: live formulas evaluated by HyperFormula equal the values sheet cell by cell and an
 * independent count; layout, colour scale, naming, active sheet and service calls.
 */
import fc from 'fast-check';
import { createFakeApps } from '../../local/appsScript/appsScript';
import { seed004Rows } from '../fixtures/seed004';
import { loadBundle } from '../helpers/bundle';
import { periodsOf, type Kind, type Row } from '../helpers/bruteForce';
import { isoInZone } from '../helpers/dates';
import { errorOf } from '../helpers/errors';
import { PORTABLE_FUNCTIONS, functionsIn } from '../helpers/formulaFunctions';
import { ZONE, buildRequest, customerSheet, randomRow, rowsOverThreeYears, wizardWorld, type WizardWorld } from '../helpers/wizardSetup';
import type { BuildRequest, BuildSummary } from '../../src/shared/wizard';

/** The cohort sheet as read back: period starts as ISO dates in the spreadsheet's zone, the rest as values. */
function cohortTable(world: WizardWorld, name: string, zone = ZONE): unknown[][] {
  return world.apps.values(name).map((row) => (row[0] instanceof Date ? [isoInZone(row[0], zone), ...row.slice(1)] : row));
}

function expectSameCells(actual: unknown[][], expected: unknown[][]): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, r) => {
    expect(row.length).toBe(expected[r].length);
    row.forEach((cell, c) => {
      const want = expected[r][c];
      if (typeof want === 'number') expect([r, c, cell]).toEqual([r, c, expect.closeTo(want, 9)]);
      else expect([r, c, cell]).toEqual([r, c, want]);
    });
  });
}

/**
 * Naive reference, one row per customer: cohort c is the rows starting in period c; cell k counts
 * those still customers at the first day of period c + k + 1 (no end, or an end on or after it).
 */
function naiveCohorts(kind: Kind, rows: Row[], periods = periodsOf(kind, rows)): unknown[][] {
  return periods.map(([p0, p1], c) => {
    const members = rows.filter((row) => p0 <= row.start && row.start < p1);
    const shares: unknown[] = [];
    for (let k = 0; k < periods.length; k++) {
      if (c + k >= periods.length || members.length === 0) {
        shares.push('');
        continue;
      }
      const next = periods[c + k][1];
      shares.push(members.filter((row) => row.end === '' || row.end >= next).length / members.length);
    }
    return [p0, members.length, ...shares];
  });
}

const spreadsheetOf = (world: WizardWorld) =>
  world.apps.globals.SpreadsheetApp as { getActive(): { getActiveSheet(): { getName(): string } } };

describe('the cohort sheet on the seed 004 customer table', () => {
  const world = wizardWorld();
  const sourceBefore = world.apps.values('Customers');
  let live: BuildSummary;
  let values: BuildSummary;
  let liveBefore: { values: unknown[][]; formulas: string[][] };

  test('live formulas: "Cohorts by month" beside the churn sheet, which stays active; January 2024 keeps 98 % at month 0', () => {
    live = world.build({ output: 'formulas', cohorts: true });
    expect(live.cohortSheetName).toBe('Cohorts by month');
    expect(world.apps.sheetNames()).toEqual(['Customers', 'Churn by month', 'Cohorts by month']);
    expect(spreadsheetOf(world).getActive().getActiveSheet().getName()).toBe('Churn by month');

    const table = cohortTable(world, 'Cohorts by month');
    expect(table[0]).toEqual(['Cohort start', 'Cohort size', ...Array.from({ length: 14 }, (_, k) => `Month ${k}`)]);
    expect(table.length).toBe(15); // the 14 months of the churn sheet
    const january = table.find((row) => row[0] === '2024-01-01')!;
    expect(january.slice(1, 3)).toEqual([200, 196 / 200]);
    expect(january[3]).toBeCloseTo(193 / 200, 12);
    const february = table.find((row) => row[0] === '2024-02-01')!;
    expect(february[1]).toBe(300);
    expect(february[2]).toBeCloseTo(295 / 300, 12);
    expect(february.slice(3)).toEqual(new Array(13).fill(''));

    const formulas = world.apps.formulas('Cohorts by month');
    expect(formulas[1][1]).toBe(`=COUNTIFS('Customers'!$B:$B,">="&$A2,'Customers'!$B:$B,"<"&EDATE($A2,1))`);
    expect(formulas[1][3]).toBe(
      `=IF($B2>0,($B2-COUNTIFS('Customers'!$B:$B,">="&$A2,'Customers'!$B:$B,"<"&EDATE($A2,1),'Customers'!$C:$C,"<"&EDATE($A2,2)))/$B2,"")`,
    );
    // The triangle past the last month is left empty.
    expect(formulas[14].slice(3)).toEqual(new Array(13).fill(''));
    liveBefore = { values: world.apps.values('Cohorts by month'), formulas };
  });

  test('values: a second build makes "Cohorts by month (2)" with the same cells and leaves the first alone', () => {
    values = world.build({ output: 'values', cohorts: true });
    expect(values).toMatchObject({ sheetName: 'Churn by month (2)', cohortSheetName: 'Cohorts by month (2)' });
    expect(spreadsheetOf(world).getActive().getActiveSheet().getName()).toBe('Churn by month (2)');
    expect(world.apps.formulas('Cohorts by month (2)').flat().every((f) => f === '')).toBe(true);
    expectSameCells(cohortTable(world, 'Cohorts by month'), cohortTable(world, 'Cohorts by month (2)'));
    expect(world.apps.values('Cohorts by month')).toEqual(liveBefore.values);
    expect(world.apps.formulas('Cohorts by month')).toEqual(liveBefore.formulas);
  });

  test('both equal the naive count', () => {
    const reference = naiveCohorts('month', seed004Rows());
    expectSameCells(cohortTable(world, 'Cohorts by month').slice(1), reference);
    expectSameCells(cohortTable(world, 'Cohorts by month (2)').slice(1), reference);
  });

  test('laid out for reading: bold frozen header with notes, formats, a colour scale over the shares', () => {
    for (const name of ['Cohorts by month', 'Cohorts by month (2)']) {
      expect(world.apps.frozenRows(name)).toBe(1);
      expect(world.apps.cell(name, 'A1')).toMatchObject({ fontWeight: 'bold', note: expect.stringMatching(/First day of the period/) });
      expect(world.apps.cell(name, 'B1').note).toMatch(/Cohort size/);
      expect(world.apps.cell(name, 'P1')).toMatchObject({ value: 'Month 13', fontWeight: 'bold', note: expect.stringMatching(/Share of the cohort/) });
      expect(world.apps.cell(name, 'C2').fontWeight).toBe('normal');
      expect(world.apps.numberFormats(name)[1].slice(0, 4)).toEqual(['mmm yyyy', '#,##0', '0.0%', '0.0%']);
      expect(world.apps.conditionalFormats(name)).toEqual([
        {
          ranges: ['C2:P15'],
          gradient: { min: { color: expect.any(String), type: 'NUMBER', value: '0' }, mid: null, max: { color: expect.any(String), type: 'NUMBER', value: '1' } },
        },
      ]);
    }
  });

  test('first and last period: the cohorts are the churn sheet\'s periods', () => {
    const summary = world.build({ output: 'formulas', cohorts: true, firstPeriod: '2024-01-01', lastPeriod: '2024-02-15' });
    const table = cohortTable(world, summary.cohortSheetName!);
    expect(table.slice(1)).toEqual([
      ['2024-01-01', 200, 196 / 200, expect.closeTo(193 / 200, 12)],
      ['2024-02-01', 300, expect.closeTo(295 / 300, 12), ''],
    ]);
    const byValues = world.build({ output: 'values', cohorts: true, firstPeriod: '2024-01-01', lastPeriod: '2024-02-15' });
    expectSameCells(cohortTable(world, byValues.cohortSheetName!), table);
    expect(world.apps.conditionalFormats(summary.cohortSheetName!)[0].ranges).toEqual(['C2:D3']);
  });

  test('without the option there is no cohort sheet', () => {
    const before = world.apps.sheetNames().length;
    const summary = world.build({ output: 'values' });
    expect(summary.cohortSheetName).toBeNull();
    expect(world.apps.sheetNames().length).toBe(before + 1);
  });

  test('the source table was never written to, and every formula uses only functions all spreadsheet programs share', () => {
    expect(world.apps.values('Customers')).toEqual(sourceBefore);
    expect(world.apps.formulas('Customers').flat().every((f) => f === '')).toBe(true);
    const cohortSheets = world.apps.sheetNames().filter((name) => name.startsWith('Cohorts'));
    expect(cohortSheets.length).toBeGreaterThan(2);
    for (const name of cohortSheets) {
      for (const formula of world.apps.formulas(name).flat().filter(Boolean)) {
        for (const fn of functionsIn(formula)) expect([fn, PORTABLE_FUNCTIONS.has(fn)]).toEqual([fn, true]);
      }
    }
  });
});

describe('live formulas equal the values and the naive count on random tables', () => {
  const period = fc.constantFrom('month', 'week', 'quarter', 'year') as fc.Arbitrary<Kind>;

  test('cell by cell, with and without an end column', () => {
    fc.assert(
      fc.property(fc.array(randomRow, { minLength: 1, maxLength: 30 }), period, fc.boolean(), (rows, kind, withEnd) => {
        const world = wizardWorld(rows, { timeZone: 'Pacific/Auckland' });
        const request: Partial<BuildRequest> = { period: kind, cohorts: true, chart: false };
        if (!withEnd) request.mapping = { id: 0, start: 1, end: null, amount: null, segment: null };
        const live = cohortTable(world, world.build({ ...request, output: 'formulas' }).cohortSheetName!, 'Pacific/Auckland');
        const values = cohortTable(world, world.build({ ...request, output: 'values' }).cohortSheetName!, 'Pacific/Auckland');
        expectSameCells(live, values);
        const used = withEnd ? rows : rows.map((r) => ({ ...r, end: '' }));
        // Without an end column the periods still run to the last start only.
        expectSameCells(values.slice(1), naiveCohorts(kind, used));
      }),
      { numRuns: 10 },
    );
  });
});

describe('failures leave nothing behind', () => {
  test('when writing the cohort sheet fails, both new sheets are removed and the error reaches the sidebar', () => {
    const apps = createFakeApps({ timeZone: ZONE, locale: 'nb_NO', sheets: { Customers: customerSheet(seed004Rows().slice(0, 50)) } });
    const real = apps.globals.SpreadsheetApp as Record<string, unknown>;
    // A SpreadsheetApp whose colour scale builder breaks, after both sheets were inserted.
    const broken = new Proxy(real, {
      get: (target, prop) =>
        prop === 'newConditionalFormatRule'
          ? () => {
              throw new Error('Service Spreadsheets failed while accessing document');
            }
          : target[prop as string],
    });
    const addOn = loadBundle({ ...apps.globals, SpreadsheetApp: broken });
    const request = buildRequest({ output: 'values', cohorts: true });
    expect(errorOf(() => addOn.wizardBuild(request))).toMatch(/Service Spreadsheets failed/);
    expect(apps.sheetNames()).toEqual(['Customers']);
    expect(apps.locks.document.held).toBe(false);
  });

  test('a cohort sheet larger than a spreadsheet holds is refused with the reason', () => {
    const world = wizardWorld([
      { start: '1925-01-05', end: '' },
      { start: '2024-01-01', end: '' },
    ]);
    expect(errorOf(() => world.build({ output: 'values', period: 'week', cohorts: true }))).toMatch(
      /^The cohort sheet would have \d+ cells; a spreadsheet holds at most 10000000\. Narrow the periods with "First period" and "Last period"/,
    );
    expect(world.apps.sheetNames()).toEqual(['Customers']);
    // By year it fits.
    expect(world.build({ output: 'values', period: 'year', cohorts: true }).cohortSheetName).toBe('Cohorts by year');
  });
});

describe('service calls do not grow with the table', () => {
  /** Calls of a build, less the grid inserts a sheet wider or taller than a new sheet's grid needs (counted apart). */
  function callsFor(rowCount: number, output: 'values' | 'formulas', cohorts: boolean): number {
    const world = wizardWorld(rowsOverThreeYears(rowCount));
    world.apps.resetCalls();
    world.build({ output, profitPerCustomer: 10, cohorts });
    const { byMethod } = world.apps.calls;
    const inserts = (byMethod['Sheet.insertRowsAfter'] ?? 0) + (byMethod['Sheet.insertColumnsAfter'] ?? 0);
    // 5,000 rows span 36 months: the cohort sheet needs 38 columns, one insert.
    expect(inserts).toBe(cohorts && rowCount > 1000 ? 1 : 0);
    return world.apps.calls.total - inserts;
  }

  test.each(['values', 'formulas'] as const)('%s: the same number of calls for 100 and 5,000 rows, with the cohort sheet a fixed few more', (output) => {
    const withCohorts = callsFor(100, output, true);
    expect(callsFor(5_000, output, true)).toBe(withCohorts);
    const without = callsFor(100, output, false);
    expect(withCohorts - without).toBeLessThanOrEqual(15);
  });
});
