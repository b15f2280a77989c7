import { createFakeApps, type FakeApps } from '../../local/appsScript/appsScript';
import { loadBundle, type BundleContext } from '../helpers/bundle';
import { isoInZone, serialOf, sheetsDate } from '../helpers/dates';
import { notCarriedByScriptRun } from '../helpers/scriptRun';
import { buildRequest, wizardWorld } from '../helpers/wizardSetup';
import type { Row } from '../helpers/bruteForce';
import type { BuildRequest, BuildSummary, TableInspection } from '../../src/shared/wizard';

// What the add-on writes must read back in Sheets as it meant it: whole days, text as text, and
// blocks that fit the grid; and what it hands the sidebar must survive google.script.run.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;
const HEADER = ['Customer ID', 'Signup date', 'Cancel date', 'Plan'];

interface World {
  apps: FakeApps;
  addOn: BundleContext;
  build(request: Partial<BuildRequest>): BuildSummary;
  inspect(): TableInspection;
}

/** A spreadsheet whose customer rows were typed in (setValues reads them as Sheets reads typed text). */
function world(zone: string, typedRows: string[][], options: { locale?: string; sheetName?: string; setUp?: unknown[][] } = {}): World {
  const sheetName = options.sheetName ?? 'Customers';
  const apps = createFakeApps({ timeZone: zone, locale: options.locale ?? 'en_GB', sheets: { [sheetName]: options.setUp ?? [HEADER] }, activeSheet: sheetName });
  if (typedRows.length > 0) {
    const sheet = (apps.globals.SpreadsheetApp as Any).getActive().getSheetByName(sheetName);
    sheet.getRange(2, 1, typedRows.length, typedRows[0].length).setValues(typedRows);
  }
  apps.resetCalls();
  const addOn = loadBundle(apps.globals);
  return {
    apps,
    addOn,
    build: (request) => addOn.wizardBuild(buildRequest({ sheetName, mapping: { id: 0, start: 1, end: 2, amount: null, segment: 3 }, ...request })) as BuildSummary,
    inspect: () => addOn.wizardInspect(sheetName, null) as TableInspection,
  };
}

/** The engine's stored number of a cell (a date cell's serial, not the Date getValues makes of it). */
function stored(apps: FakeApps, sheetName: string, row0: number, col0: number): unknown {
  return apps.hf.getCellValue({ sheet: apps.hf.getSheetId(sheetName)!, row: row0, col: col0 });
}

describe('period starts are whole days, also where the day has no midnight', () => {
  // America/Asuncion jumped from 00:00 to 01:00 on 2023-10-01.
  const ZONE = 'America/Asuncion';
  const rows = [
    ['C1', '2023-09-15', '', 'Pro'],
    ['C2', '2023-10-01', '', 'Pro'],
  ];

  test.each(['formulas', 'values'] as const)('%s: October has S=1 N=1 in the total, the segment block and the cohort sheet', (output) => {
    const w = world(ZONE, rows);
    expect(stored(w.apps, 'Customers', 2, 1)).toBe(serialOf('2023-10-01')); // typed dates are whole days
    const summary = w.build({ output, segments: true, cohorts: true });
    const values = w.apps.values(summary.sheetName);
    const periodRows = values.map((row, r) => ({ row, r })).filter(({ row }) => row[0] instanceof Date);
    // September and October in the total block, then again in the Pro block.
    expect(periodRows.map(({ row }) => [isoInZone(row[0] as Date, ZONE), row[1], row[2]])).toEqual([
      ['2023-09-01', 0, 1],
      ['2023-10-01', 1, 1],
      ['2023-09-01', 0, 1],
      ['2023-10-01', 1, 1],
    ]);
    for (const { r } of periodRows) expect(Number.isInteger(stored(w.apps, summary.sheetName, r, 0))).toBe(true);
    expect(stored(w.apps, summary.sheetName, periodRows[1].r, 0)).toBe(serialOf('2023-10-01'));

    const cohorts = w.apps.values(summary.cohortSheetName!);
    expect(cohorts.slice(1).map((row) => [isoInZone(row[0] as Date, ZONE), row[1]])).toEqual([
      ['2023-09-01', 1],
      ['2023-10-01', 1],
    ]);
    expect(stored(w.apps, summary.cohortSheetName!, 2, 0)).toBe(serialOf('2023-10-01'));
  });

  test('the template started in October 2023 holds the whole first day', () => {
    const now = jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2023-10-15T12:00:00Z'));
    try {
      const w = world(ZONE, []);
      const { sheetName } = w.addOn.wizardInsertTemplate(false) as { sheetName: string };
      expect(stored(w.apps, sheetName, 4, 0)).toBe(serialOf('2023-10-01'));
      expect(isoInZone(w.apps.cell(sheetName, 'A6').value as Date, ZONE)).toBe('2023-11-01');
    } finally {
      now.mockRestore();
    }
  });
});

describe("the template's first month is this month in the spreadsheet's zone", () => {
  test.each([
    ['Asia/Tokyo', '2024-02-01'], // 05:00 on 1 February there
    ['America/New_York', '2024-01-01'], // 15:00 on 31 January there
  ])('at 2024-01-31T20:00Z in %s it starts %s', (zone, first) => {
    const now = jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2024-01-31T20:00:00Z'));
    try {
      const w = world(zone, []);
      const { sheetName } = w.addOn.wizardInsertTemplate(false) as { sheetName: string };
      expect(isoInZone(w.apps.cell(sheetName, 'A5').value as Date, zone)).toBe(first);
      expect(stored(w.apps, sheetName, 4, 0)).toBe(serialOf(first));
    } finally {
      now.mockRestore();
    }
  });
});

describe('text read from the user stays text in the sheets the wizard writes', () => {
  const rows = [
    ['C1', '2024-01-05', '', '007'],
    ['C2', '2024-02-10', '2024-03-20', '1e3'],
  ];
  const ZONE = 'Europe/Oslo';

  /** The source table as the user has it: segments as text (a plain-text column, or imported). */
  const setUp = () => [HEADER, ...rows.map(([id, start, end, plan]) => [id, sheetsDate(start, ZONE), end ? sheetsDate(end, ZONE) : '', plan])];

  test('values: segments 007 and 1e3 are their block titles, as text, with their own counts', () => {
    const w = world(ZONE, [], { setUp: setUp() });
    const summary = w.build({ output: 'values', segments: true });
    const values = w.apps.values(summary.sheetName);
    const titles = values.map((row, r) => ({ cell: row[0], r })).filter(({ cell, r }) => r > 0 && typeof cell === 'string' && cell !== '');
    expect(titles.map(({ cell }) => cell).sort()).toEqual(['007', '1e3']);
    const block = (title: string) => {
      const at = titles.find(({ cell }) => cell === title)!.r;
      return values.slice(at + 1, at + 4).map((row) => [isoInZone(row[0] as Date, ZONE), ...row.slice(1, 7)]);
    };
    // Periods January to March: start, S, N, R, L, Ln, E.
    expect(block('007')).toEqual([
      ['2024-01-01', 0, 1, 0, 0, 0, 1],
      ['2024-02-01', 1, 0, 0, 0, 0, 1],
      ['2024-03-01', 1, 0, 0, 0, 0, 1],
    ]);
    expect(block('1e3')).toEqual([
      ['2024-01-01', 0, 0, 0, 0, 0, 0],
      ['2024-02-01', 0, 1, 0, 0, 0, 1],
      ['2024-03-01', 1, 0, 0, 1, 0, 0],
    ]);
  });

  test('formulas: segments Sheets would read as numbers are refused by name, as written; values still work', () => {
    const w = world(ZONE, [], { setUp: setUp() });
    expect(w.inspect().segmentFormulaBlockers.join(' ')).toContain('007');
    expect(() => w.build({ output: 'formulas', segments: true })).toThrow(/007/);
    // Sheets would read TRUE and a date as a boolean and a date in a COUNTIFS criterion too.
    for (const plan of ['TRUE', '2024-01-31']) {
      const other = world(ZONE, [], { setUp: [HEADER, ['C1', sheetsDate('2024-01-05', ZONE), '', plan]] });
      expect(other.inspect().segmentFormulaBlockers.join(' ')).toContain(plan);
    }
  });

  test.each(['formulas', 'values'] as const)('%s: a source sheet named 2024 is named as text, and the formulas read it', (output) => {
    const w = world(ZONE, [], { sheetName: '2024', setUp: setUp() });
    const summary = w.build({ output, segments: false });
    const values = w.apps.values(summary.sheetName);
    const source = values.find((row) => row.includes('Source'))!;
    expect(source[source.indexOf('Source') + 1]).toBe('2024');
    expect(values.slice(1, 4).map((row) => row.slice(1, 3))).toEqual([
      [0, 1],
      [1, 1],
      [2, 0],
    ]);
  });
});

describe('the header row is read in the spreadsheet zone', () => {
  test('a date header in Asia/Tokyo shows its day there, not the UTC day', () => {
    const zone = 'Asia/Tokyo';
    const setUp = [
      ['Customer ID', 'Signup date', 'Cancel date', sheetsDate('2024-01-01', zone)],
      ['C1', sheetsDate('2024-01-05', zone), '', 1],
    ];
    const w = world(zone, [], { setUp });
    expect(w.inspect().headers).toEqual(['Customer ID', 'Signup date', 'Cancel date', '2024-01-01']);
  });
});

describe('a title above the table', () => {
  test('with the cursor on the title in A1, the table at B3 is found', () => {
    const setUp = [
      ['Customers 2024'],
      [],
      ['', 'Customer ID', 'Signup date', 'Cancel date'],
      ['', 'C1', sheetsDate('2024-01-05', 'Europe/Oslo'), ''],
      ['', 'C2', sheetsDate('2024-02-10', 'Europe/Oslo'), sheetsDate('2024-03-01', 'Europe/Oslo')],
    ];
    const w = world('Europe/Oslo', [], { setUp });
    const inspection = w.inspect();
    expect(inspection).toMatchObject({ headerRow: 3, firstColumn: 2, rowCount: 2, headers: ['Customer ID', 'Signup date', 'Cancel date'] });
    expect(inspection.mapping).toMatchObject({ id: 0, start: 1, end: 2 });
    expect(inspection.preview.map((row) => row.start)).toEqual(['2024-01-05', '2024-02-10']);
  });
});

describe('every sidebar result is something google.script.run carries', () => {
  test('inspections and builds hold only numbers, booleans, strings, null, arrays and plain objects', () => {
    const w = wizardWorld();
    const results: unknown[] = [
      w.inspect(),
      w.inspect('Customers', { start: 1, end: null, id: null, amount: null, segment: null }),
      w.build({ output: 'values' }),
      w.build({ output: 'formulas', cohorts: true }),
      w.addOn.wizardInsertTemplate(true),
    ];
    const empty = world('Europe/Oslo', [], { setUp: [] });
    results.push(empty.inspect());
    for (const result of results) expect(notCarriedByScriptRun(result)).toEqual([]);
    expect((results[2] as BuildSummary).cohortSheetName).toBeNull();
  });

  test('the checker finds what google.script.run would not carry', () => {
    expect(notCarriedByScriptRun({ a: [1, 'x', null, { b: true }] })).toEqual([]);
    expect(notCarriedByScriptRun({ a: undefined, b: [new Date(0)], c: () => 1, d: NaN })).toEqual(['$.a: undefined', '$.b[0]: [object Date]', '$.c: function', '$.d: NaN']);
  });
});

describe('sheets larger than a new sheet grid', () => {
  function spread(years: number): Row[] {
    const rows: Row[] = [];
    for (let i = 0; i < years * 52; i++) {
      const start = new Date(Date.UTC(2021, 0, 4) + i * 7 * 86_400_000).toISOString().slice(0, 10);
      rows.push({ id: `C${i}`, start, end: i % 4 === 0 ? new Date(Date.UTC(2021, 0, 4) + (i + 10) * 7 * 86_400_000).toISOString().slice(0, 10) : '' });
    }
    return rows;
  }

  test('a weekly cohort sheet over 3 years (157 columns) is built, with one column insert', () => {
    const w = wizardWorld(spread(3));
    w.apps.resetCalls();
    const summary = w.build({ output: 'values', period: 'week', cohorts: true });
    const info = w.apps.sheetInfo(summary.cohortSheetName!);
    const cohorts = w.apps.values(summary.cohortSheetName!);
    expect(cohorts.length).toBe(summary.periods + 1);
    expect(cohorts[0].length).toBe(summary.periods + 2);
    expect(info.maxColumns).toBe(summary.periods + 2);
    expect(summary.periods).toBeGreaterThan(26);
    expect(cohorts[1][2]).toBe(1); // the first cohort, all still customers at the end of its first week
    expect(w.apps.calls.byMethod['Sheet.insertColumnsAfter']).toBe(1);
    expect(w.apps.calls.byMethod['Sheet.insertRowsAfter']).toBeUndefined();
  });

  test('a weekly churn sheet over 20 years (more than 1000 rows) is built, with one row insert', () => {
    const w = wizardWorld(spread(20));
    w.apps.resetCalls();
    const summary = w.build({ output: 'values', period: 'week' });
    expect(summary.periods).toBeGreaterThan(1000);
    expect(w.apps.sheetInfo(summary.sheetName).maxRows).toBe(summary.periods + 1);
    expect(w.apps.values(summary.sheetName).length).toBe(summary.periods + 1);
    expect(w.apps.calls.byMethod['Sheet.insertRowsAfter']).toBe(1);
  });

  test('the default build inserts nothing', () => {
    const w = wizardWorld();
    w.apps.resetCalls();
    w.build({ output: 'formulas', cohorts: true });
    expect(w.apps.calls.byMethod['Sheet.insertRowsAfter']).toBeUndefined();
    expect(w.apps.calls.byMethod['Sheet.insertColumnsAfter']).toBeUndefined();
  });
});
