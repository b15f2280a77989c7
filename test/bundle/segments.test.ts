import fc from 'fast-check';
import { segmentKey } from '../../src/core/segments';
import { translate } from '../../src/i18n';
import { createFakeApps } from '../../local/appsScript/appsScript';
import { bruteForceTable, type Row } from '../helpers/bruteForce';
import { loadBundle } from '../helpers/bundle';
import { isoInZone, sheetsDate } from '../helpers/dates';
import { errorOf } from '../helpers/errors';
import { buildRequest } from '../helpers/wizardSetup';
import type { BuildRequest, BuildSummary, TableInspection } from '../../src/shared/wizard';

// The wizard's "one block per segment" option, on the built bundle against the fake spreadsheet.
const ZONE = 'Europe/Oslo';
type PlanRow = Row & { plan: unknown };

function world(rows: PlanRow[]) {
  const sheet = [['Customer ID', 'Signup date', 'Cancel date', 'Plan'], ...rows.map((r, i) => [`C${i + 1}`, sheetsDate(r.start, ZONE), r.end ? sheetsDate(r.end, ZONE) : '', r.plan])];
  const apps = createFakeApps({ timeZone: ZONE, locale: 'en_GB', sheets: { Customers: sheet }, activeSheet: 'Customers' });
  const addOn = loadBundle(apps.globals);
  const build = (request: Partial<BuildRequest>) =>
    addOn.wizardBuild(buildRequest({ mapping: { id: 0, start: 1, end: 2, amount: null, segment: 3 }, segments: true, ...request })) as BuildSummary;
  /** The sheet's first 10 columns as shown, dates as ISO days, below the header. */
  const shown = (name: string) =>
    apps
      .values(name)
      .slice(1)
      .map((row) => row.slice(0, 10).map((cell) => (cell instanceof Date ? isoInZone(cell, ZONE) : cell)));
  return { apps, addOn, build, shown, inspect: () => addOn.wizardInspect('Customers', null) as TableInspection };
}

/** Blocks of a built sheet: the total at the top, then title row + periods per segment. */
function blocksOf(rows: unknown[][]): { title: string | null; rows: unknown[][] }[] {
  const blocks: { title: string | null; rows: unknown[][] }[] = [{ title: null, rows: [] }];
  for (const row of rows) {
    if (row.every((cell) => cell === '')) continue;
    if (typeof row[0] === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(row[0])) blocks.push({ title: row[0], rows: [] });
    else blocks[blocks.length - 1].rows.push(row);
  }
  return blocks;
}

const day = fc.integer({ min: 0, max: 500 }).map((d) => new Date(Date.UTC(2023, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
const planRow = fc
  .record({ start: day, length: fc.oneof(fc.constant(-1), fc.integer({ min: 0, max: 200 })), plan: fc.constantFrom('Pro', 'pro', 'Basic', 'Team plan', 'Ärzte') })
  .map(({ start, length, plan }): PlanRow => ({
    start,
    end: length < 0 ? '' : new Date(Date.parse(`${start}T00:00:00Z`) + length * 86_400_000).toISOString().slice(0, 10),
    plan,
  }));

describe('one block per segment', () => {
  test('live formulas and values agree cell by cell, and each block counts its own rows', () => {
    fc.assert(
      fc.property(fc.array(planRow, { minLength: 1, maxLength: 30 }), (rows) => {
        const w = world(rows);
        const live = w.build({ output: 'formulas' });
        const values = w.build({ output: 'values' });
        const liveCells = w.shown(live.sheetName);
        const valueCells = w.shown(values.sheetName);
        expect(liveCells.length).toBe(valueCells.length);
        liveCells.forEach((row, r) =>
          row.forEach((cell, c) => {
            if (typeof cell === 'number') expect([r, c, cell]).toEqual([r, c, expect.closeTo(valueCells[r][c] as number, 9)]);
            else expect([r, c, cell]).toEqual([r, c, valueCells[r][c]]);
          }),
        );

        const blocks = blocksOf(valueCells);
        const names = [...new Map(rows.map((r) => [segmentKey(String(r.plan)), String(r.plan)])).keys()];
        expect(blocks.length - 1).toBe(names.length);
        expect(values.segments).toBe(names.length);
        for (const block of blocks.slice(1)) {
          const own = rows.filter((r) => segmentKey(String(r.plan)) === segmentKey(block.title!));
          expect(own.length).toBeGreaterThan(0);
          const expected = bruteForceTable('month', own, false, rows);
          expect(block.rows.map((r) => r.slice(0, 7))).toEqual(expected.map((c) => [c.periodStart, c.S, c.N, c.R, c.L, c.Ln, c.E]));
        }
        // The total block is the whole table, as without segments.
        expect(blocks[0].rows.map((r) => r.slice(0, 7))).toEqual(bruteForceTable('month', rows).map((c) => [c.periodStart, c.S, c.N, c.R, c.L, c.Ln, c.E]));
      }),
      { numRuns: 10 },
    );
  });

  test('the chart shows the total block only; segment titles are bold', () => {
    const rows: PlanRow[] = [
      { start: '2024-01-05', end: '', plan: 'Pro' },
      { start: '2024-02-05', end: '2024-03-01', plan: 'Basic' },
    ];
    const w = world(rows);
    const { sheetName } = w.build({ output: 'values' });
    const periods = 3; // January to March 2024
    const [chart] = w.apps.charts(sheetName);
    expect(chart.ranges).toEqual([`'${sheetName}'!A1:A${periods + 1}`, `'${sheetName}'!H1:I${periods + 1}`]);
    const titleRow = periods + 3; // header, periods, a blank row, then the first segment's title
    expect(w.apps.cell(sheetName, `A${titleRow}`)).toMatchObject({ value: 'Basic', fontWeight: 'bold' });
  });
});

describe('segments live formulas cannot match', () => {
  test.each([
    ['a number', 5, '5'],
    ['a wildcard', 'Pro*', 'Pro*'],
    ['spaces at the end', 'Pro ', 'Pro '],
    ['a comparison sign', '>100', '>100'],
  ])('%s: live formulas are refused with the row named; values still work', (_, plan, shown) => {
    const rows: PlanRow[] = [
      { start: '2024-01-05', end: '', plan: 'Basic' },
      { start: '2024-01-09', end: '2024-02-02', plan },
    ];
    const w = world(rows);
    expect(w.inspect().segmentFormulaBlockers).toEqual([translate('en', 'wizard.blocker.segment', { value: shown, row: 3 })]);
    expect(w.inspect().liveFormulaBlockers).toEqual([]); // without segments, formulas are fine
    const before = w.apps.sheetNames();
    expect(errorOf(() => w.build({ output: 'formulas' }))).toContain('row 3');
    expect(w.apps.sheetNames()).toEqual(before);
    expect(blocksOf(w.shown(w.build({ output: 'values' }).sheetName)).map((b) => b.title)).toEqual([null, 'Basic', String(plan).trim()].sort(titleOrder));
  });

  test('a row without a segment: values put it in a block of its own, formulas are refused', () => {
    const w = world([
      { start: '2024-01-05', end: '', plan: 'Basic' },
      { start: '2024-01-09', end: '', plan: '' },
    ]);
    expect(w.inspect().segmentFormulaBlockers).toEqual([translate('en', 'wizard.blocker.blankSegment', { row: 3 })]);
    const titles = blocksOf(w.shown(w.build({ output: 'values' }).sheetName)).map((b) => b.title);
    expect(titles).toEqual([null, 'Basic', translate('en', 'table.blankSegment')]);
  });

  test('a segment named like a formula stays text in the sheet', () => {
    // The apostrophe keeps it text in the source table, as typing '=... does in Sheets.
    const w = world([{ start: '2024-01-05', end: '', plan: `'=IMPORTXML("http://x","//a")` }]);
    const { sheetName } = w.build({ output: 'values' });
    expect(w.apps.formulas(sheetName).flat().filter(Boolean)).toEqual([]);
    expect(blocksOf(w.shown(sheetName))[1].title).toBe('=IMPORTXML("http://x","//a")');
  });

  test('asking for segments without a segment column is refused before anything is written', () => {
    const w = world([{ start: '2024-01-05', end: '', plan: 'Pro' }]);
    const before = w.apps.sheetNames();
    expect(errorOf(() => w.build({ mapping: { id: 0, start: 1, end: 2, amount: null, segment: null } }))).toBe(translate('en', 'wizard.noSegmentColumn'));
    expect(errorOf(() => w.build({ segments: 'yes' as unknown as boolean }))).toBe(translate('en', 'wizard.badOption'));
    expect(w.apps.sheetNames()).toEqual(before);
  });
});

/** The total first, then segments in the engine's order (case-insensitive, accents as letters). */
function titleOrder(a: string | null, b: string | null): number {
  if (a === null) return -1;
  if (b === null) return 1;
  return new Intl.Collator('und', { sensitivity: 'base', numeric: true }).compare(a, b);
}
