import { translate } from '../../src/i18n';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SEED_004_MONTHS, seed004Rows } from '../fixtures/seed004';
import { DIST } from '../helpers/bundle';
import { bruteForceTable } from '../helpers/bruteForce';
import { PORTABLE_FUNCTIONS, functionsIn } from '../helpers/formulaFunctions';
import { customerSheet, randomRow, rowsOverThreeYears, wizardWorld } from '../helpers/wizardSetup';
import { errorOf } from '../helpers/errors';

const HEADER = [
  'Period start', 'Customers at start', 'New customers', 'Reactivated', 'Churned', 'Churned new',
  'Customers at end', 'Churn rate', 'Adjusted churn', 'Retention rate',
];

function expectSameCells(actual: unknown[][], expected: unknown[][]): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, r) =>
    row.forEach((cell, c) => {
      const want = expected[r][c];
      if (typeof want === 'number') expect([r, c, cell]).toEqual([r, c, expect.closeTo(want, 9)]);
      else expect([r, c, cell]).toEqual([r, c, want]);
    }),
  );
}

describe('the wizard on the seed 004 customer table (dist/Code.js against the fake spreadsheet)', () => {
  const world = wizardWorld();
  const sourceBefore = world.apps.values('Customers');

  test('finds the table, maps the columns by their names and previews the first rows', () => {
    const inspection = world.inspect();
    expect(inspection.sheetName).toBe('Customers');
    expect(inspection.headerRow).toBe(1);
    expect(inspection.rowCount).toBe(1000);
    expect(inspection.mapping).toEqual({ id: 0, start: 1, end: 2, amount: null, segment: null });
    expect(inspection.preview[0]).toEqual({ row: 2, start: '2023-01-01', end: '2024-01-01', id: 'C0001', amount: '', segment: '' });
    expect(inspection.problemCount).toBe(0);
    expect(inspection.liveFormulaBlockers).toEqual([]);
    expect(inspection.span).toEqual({ first: '2023-01-01', last: '2024-02-29' });
  });

  let formulasSheet = '';
  let formulasTable: unknown[][] = [];
  test('live formulas: a new "Churn by month" sheet with the spec numbers', () => {
    const summary = world.build({ output: 'formulas', profitPerCustomer: 30000 });
    expect(summary).toMatchObject({ sheetName: 'Churn by month', periods: 14, customers: 1000, rowsSkipped: 0, output: 'formulas' });
    formulasSheet = summary.sheetName;
    formulasTable = world.table(formulasSheet);
    expect(formulasTable[0]).toEqual([...HEADER, 'Lost profit']);
    for (const month of SEED_004_MONTHS) {
      const row = formulasTable.find((r) => r[0] === `${month.month}-01`)!;
      expect(row.slice(1, 7)).toEqual([month.S, month.N, 0, month.L, month.Ln, month.E]);
      expect(row[7]).toBeCloseTo(month.L / month.S, 12);
      expect(row[8]).toBeCloseTo((month.L + month.Ln) / month.S, 12);
      expect(row[10]).toBe((month.L + month.Ln) * 30000);
    }
    // They really are formulas, referencing the source table.
    const formulas = world.apps.formulas(formulasSheet);
    expect(formulas[1][1]).toMatch(/^=COUNTIFS\('Customers'!\$B:\$B,/);
    expect(world.apps.sheetNames()).toContain('Churn by month');
  });

  test('values: a second build makes "Churn by month (2)" with the same numbers and leaves the first alone', () => {
    const firstBefore = { values: world.apps.values(formulasSheet), formulas: world.apps.formulas(formulasSheet) };
    const summary = world.build({ output: 'values', profitPerCustomer: 30000 });
    expect(summary.sheetName).toBe('Churn by month (2)');
    expectSameCells(world.table(summary.sheetName), formulasTable);
    expect(world.apps.formulas(summary.sheetName).flat().every((f) => f === '')).toBe(true);
    expect(world.apps.values(formulasSheet)).toEqual(firstBefore.values);
    expect(world.apps.formulas(formulasSheet)).toEqual(firstBefore.formulas);
  });

  test('the sheet is laid out for reading: frozen header, formats, notes, chart, activated', () => {
    const name = world.build({ output: 'values' }).sheetName;
    expect(world.apps.frozenRows(name)).toBe(1);
    expect(world.apps.numberFormats(name)[1].slice(0, 10)).toEqual(['mmm yyyy', '#,##0', '#,##0', '#,##0', '#,##0', '#,##0', '#,##0', '0.00%', '0.00%', '0.00%']);
    expect(world.apps.cell(name, 'H1').note).toMatch(/Churn rate = churned \/ customers at start/);
    expect(world.apps.cell(name, 'A1').fontWeight).toBe('bold');
    const [chart] = world.apps.charts(name);
    expect(chart.chartType).toBe('LINE');
    expect(chart.ranges).toEqual([`'${name}'!A1:A15`, `'${name}'!H1:I15`]);
    const spreadsheetApp = world.apps.globals.SpreadsheetApp as { getActive(): { getActiveSheet(): { getName(): string } } };
    expect(spreadsheetApp.getActive().getActiveSheet().getName()).toBe(name);
  });

  test('first and last period narrow the table to the months asked for', () => {
    const name = world.build({ output: 'values', firstPeriod: '2024-01-01', lastPeriod: '2024-02-15' }).sheetName;
    const table = world.table(name);
    expect(table.slice(1).map((r) => r.slice(0, 7))).toEqual(SEED_004_MONTHS.map((m) => [`${m.month}-01`, m.S, m.N, 0, m.L, m.Ln, m.E]));
  });

  test('the source table was never written to', () => {
    expect(world.apps.values('Customers')).toEqual(sourceBefore);
    expect(world.apps.formulas('Customers').flat().every((f) => f === '')).toBe(true);
  });

  test('every formula written uses only functions all spreadsheet programs share, and none of the add-on\'s', () => {
    for (const name of world.apps.sheetNames()) {
      for (const formula of world.apps.formulas(name).flat().filter(Boolean)) {
        for (const fn of functionsIn(formula)) expect([fn, PORTABLE_FUNCTIONS.has(fn)]).toEqual([fn, true]);
      }
    }
  });
});

describe('live formulas equal the engine on random tables', () => {

  test('cell by cell, and both match the independent count', () => {
    fc.assert(
      fc.property(fc.array(randomRow, { minLength: 1, maxLength: 40 }), fc.constantFrom('month', 'week', 'quarter') as fc.Arbitrary<'month' | 'week' | 'quarter'>, (rows, period) => {
        const world = wizardWorld(rows, { timeZone: 'Pacific/Auckland' });
        const live = world.table(world.build({ output: 'formulas', period }).sheetName);
        const values = world.table(world.build({ output: 'values', period }).sheetName);
        expectSameCells(live, values);
        const reference = bruteForceTable(period, rows);
        expect(values.slice(1).map((r) => [r[0], r[1], r[2], r[3], r[4], r[5], r[6]])).toEqual(reference.map((c) => [c.periodStart, c.S, c.N, c.R, c.L, c.Ln, c.E]));
      }),
      { numRuns: 12 },
    );
  });
});

describe('requests are checked before anything is written', () => {
  const world = wizardWorld(seed004Rows().slice(0, 50));
  const sheetsBefore = world.apps.sheetNames();

  test.each([
    [{ sheetName: 'Nope' }, /There is no sheet named "Nope"/],
    [{ mapping: { id: 0, start: 7, end: 2, amount: null, segment: null } }, /The start date column must be one of the table's 3 columns/],
    [{ mapping: { id: 0, start: 1, end: 1, amount: null, segment: null } }, /cannot come from the same column/],
    [{ mapping: { id: 0, start: null, end: 2, amount: null, segment: null } }, /Choose the column that holds the start dates/],
    [{ period: 'fortnight' }, /The period must be month, week, quarter or year/],
    [{ output: 'pdf' }, /The output must be live formulas or values/],
    [{ firstPeriod: '2024-03-01', lastPeriod: '2024-01-01' }, /The first period \(2024-03-01\) is after the last period/],
    [{ firstPeriod: '31.01.2024' }, /First period: "31.01.2024" is not a date/],
    [{ profitPerCustomer: -5 }, /profit per customer must be a number of 0 or more/],
  ])('%j', (request, expected) => {
    expect(errorOf(() => world.build(request as never))).toMatch(expected);
    expect(world.apps.sheetNames()).toEqual(sheetsBefore);
  });

  test('a build while another holds the lock is refused, and the lock is released after a build', () => {
    world.apps.locks.document.hold();
    expect(errorOf(() => world.build())).toMatch(/Another churn sheet is being built/);
    world.apps.locks.document.release();
    expect(world.apps.sheetNames()).toEqual(sheetsBefore);
    world.build({ output: 'values' });
    expect(world.apps.locks.document.held).toBe(false);
  });
});

describe('a table that does not start in A1', () => {
  // A title, a blank row, and the table from B3, beside an unrelated block.
  const rows = seed004Rows().slice(0, 200);
  const table = customerSheet(rows).map((row) => ['', ...row, '', 'other']);
  const grid = [['Customer list', '', '', '', '', ''], ['', '', '', '', '', ''], ...table];

  test('is found around the selection, and both outputs read it right', () => {
    const world = wizardWorld([], { sheets: { Customers: grid } });
    const spreadsheet = world.apps.globals.SpreadsheetApp as { getActive(): { getActiveSheet(): { getRange(a1: string): { activate(): void } } } };
    spreadsheet.getActive().getActiveSheet().getRange('C40').activate();
    const inspection = world.inspect();
    expect(inspection).toMatchObject({ headerRow: 3, firstColumn: 2, rowCount: 200, headers: ['Customer ID', 'Signup date', 'Cancel date'] });
    expect(inspection.mapping).toMatchObject({ id: 0, start: 1, end: 2 });
    const position = { headerRow: inspection.headerRow, firstColumn: inspection.firstColumn };
    const live = world.build({ ...position, output: 'formulas' }).sheetName;
    expect(world.apps.formulas(live)[1][1]).toContain("'Customers'!$C$4:$C$");
    const values = world.build({ ...position, output: 'values' }).sheetName;
    expectSameCells(world.table(live), world.table(values));
    const reference = bruteForceTable('month', rows);
    expect(world.table(values).slice(1).map((r) => r.slice(0, 7))).toEqual(reference.map((c) => [c.periodStart, c.S, c.N, c.R, c.L, c.Ln, c.E]));
  });

  test('a position that is not a row and column number is refused', () => {
    const world = wizardWorld([], { sheets: { Customers: grid } });
    expect(() => world.build({ headerRow: -1 } as never)).toThrow(/table position the sidebar sent is not valid/);
  });
});

describe('tables live formulas cannot reproduce', () => {
  test('text dates, bad rows and repeated ids block live formulas with the reasons; values still work', () => {
    const grid = customerSheet(seed004Rows().slice(0, 20));
    grid[3][1] = '31.01.2023';
    grid[4][2] = 'never';
    grid[5][0] = grid[6][0];
    const world = wizardWorld([], { sheets: { Customers: grid } });
    const inspection = world.inspect();
    expect(inspection.liveFormulaBlockers).toEqual([
      expect.stringMatching(/start date column has dates written as text \(row 4: "31.01.2023"\)/),
      expect.stringMatching(/some rows have dates that formulas would count differently \(Row 5: the end date "never" is not a date.\)/),
      expect.stringMatching(/customer "C0006" has more than one row \(rows 6, 7\)/),
    ]);
    expect(() => world.build({ output: 'formulas' })).toThrow(/Live formulas cannot give the same numbers for this table/);
    const summary = world.build({ output: 'values' });
    expect(summary.rowsSkipped).toBe(1);
    expect(summary.problems).toEqual(['Row 5: the end date "never" is not a date.']);
  });

  test('text from the user never becomes a formula in the output', () => {
    const world = wizardWorld([], { sheets: { '=IMPORTXML("http://x","//a")': customerSheet(seed004Rows().slice(0, 30)) }, activeSheet: undefined });
    const name = world.build({ sheetName: '=IMPORTXML("http://x","//a")', output: 'values' }).sheetName;
    const source = world.apps.cell(name, 'M2');
    expect(source.value).toBe('=IMPORTXML("http://x","//a")');
    expect(source.formula).toBe('');
    expect(world.apps.formulas(name).flat().every((f) => f === '')).toBe(true);
  });
});

describe('service calls do not grow with the table', () => {
  function callsFor(rowCount: number, output: 'values' | 'formulas'): number {
    const world = wizardWorld(rowsOverThreeYears(rowCount));
    world.apps.resetCalls();
    world.build({ output, profitPerCustomer: 10 });
    return world.apps.calls.total;
  }

  test('values: the same number of calls for 100 and 200,000 rows, at most 20', () => {
    const small = callsFor(100, 'values');
    expect(callsFor(200_000, 'values')).toBe(small);
    expect(small).toBeLessThanOrEqual(20);
  });

  test('live formulas: the same for 100 and 5,000 rows, at most 20', () => {
    const small = callsFor(100, 'formulas');
    expect(callsFor(5_000, 'formulas')).toBe(small);
    expect(small).toBeLessThanOrEqual(20);
  });
});

describe('menu and sidebar', () => {
  test('onOpen adds the add-on menu without reading the document', () => {
    const world = wizardWorld([{ start: '2024-01-01', end: '' }]);
    world.apps.resetCalls();
    world.addOn.onOpen({ authMode: 'NONE' });
    expect(world.apps.ui.menus[0].items.map((item) => [item.caption, item.functionName])).toEqual([
      ['Build churn sheet...', 'showWizard'],
      ['Insert churn template', 'insertChurnTemplate'],
      ['Help', 'showHelp'],
      ['Check the add-on in this spreadsheet', 'checkAddOn'],
    ]);
    expect(Object.keys(world.apps.calls.byMethod)).toEqual(['SpreadsheetApp.getUi']);
    for (const item of world.apps.ui.menus[0].items) expect(typeof world.addOn[item.functionName]).toBe('function');
  });

  test('Help lists every custom function with its arguments, in the user\'s language', () => {
    const world = wizardWorld([{ start: '2024-01-01', end: '' }], { userLocale: 'el_GR' });
    world.addOn.showHelp();
    const [title, body] = world.apps.ui.alerts[0] as [string, string];
    expect(title).toBe(translate('el', 'help.title'));
    expect(body.startsWith(translate('el', 'help.body').split('\n')[0])).toBe(true);
    const listed = body.split('\n').filter((line) => line.startsWith('=')).map((line) => /^=(\w+)\(/.exec(line)![1]);
    const declared = [...readFileSync(path.join(DIST, 'Code.js'), 'utf8').matchAll(/@customfunction\s*\*\/\s*function (\w+)/g)].map((m) => m[1]);
    expect(declared.length).toBeGreaterThan(5);
    expect(listed.sort()).toEqual(declared.sort());
    expect(body).toContain('=CUSTOMER_LTV(arpa, churn_rate, [gross_margin])');
  });

  test('showWizard opens the built sidebar', () => {
    const world = wizardWorld([{ start: '2024-01-01', end: '' }]);
    world.apps.htmlFiles.Sidebar = readFileSync(path.join(DIST, 'Sidebar.html'), 'utf8');
    world.addOn.showWizard();
    expect(world.apps.ui.sidebars).toHaveLength(1);
    expect(world.apps.ui.sidebars[0].html).toContain('id="build"');
    expect(world.apps.ui.sidebars[0].html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|@import|fonts\.googleapis/);
  });
});

