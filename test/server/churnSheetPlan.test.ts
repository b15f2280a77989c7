import fc from 'fast-check';
import { HyperFormula } from 'hyperformula';
import { buildChurnTable } from '../../src/core/churnTable';
import type { PeriodKind } from '../../src/core/periods';
import { columnOf, readCustomerTable } from '../../src/core/table';
import { TimeZone } from '../../src/core/timezone';
import { planChurnSheet, type SheetPlan } from '../../src/server/churnSheetPlan';
import type { OutputMode } from '../../src/shared/wizard';
import { SEED_004_MONTHS, seed004Rows } from '../fixtures/seed004';
import type { Row } from '../helpers/bruteForce';
import { serialOf, sheetsDate } from '../helpers/dates';
import { PORTABLE_FUNCTIONS, functionsIn } from '../helpers/formulaFunctions';

const ZONE = 'America/Sao_Paulo';
const zone = TimeZone.named(ZONE);

function plan(rows: Row[], kind: PeriodKind, output: OutputMode, profit: number | null = 30000, sheetName = "O'Brien's customers"): SheetPlan {
  const table = readCustomerTable(
    { start: columnOf(rows.map((r) => sheetsDate(r.start, ZONE))), end: columnOf(rows.map((r) => (r.end ? sheetsDate(r.end, ZONE) : ''))) },
    { timeZone: zone, localeOrder: 'DMY', firstRowNumber: 2 },
  );
  return planChurnSheet({
    blocks: [{ title: null, rows: buildChurnTable(table, kind).rows }],
    kind,
    output,
    source: { sheetName, startColumn: 2, endColumn: 3, firstDataRow: 2, lastRow: rows.length + 1, wholeColumns: true },
    profitPerCustomer: profit,
    language: 'en',
  });
}

/** Evaluates a plan in HyperFormula beside its source sheet; returns the table's computed cells. */
function evaluate(rows: Row[], sheetPlan: SheetPlan, sheetName = "O'Brien's customers"): unknown[][] {
  const source = [['Customer', 'Start', 'End'], ...rows.map((r, i) => [`C${i}`, serialOf(r.start), r.end ? serialOf(r.end) : null])];
  const churn: unknown[][] = [[...sheetPlan.header]];
  sheetPlan.periodColumn.forEach((cell, i) => churn.push([cell[0], ...sheetPlan.body[i]]));
  // The info block beside the table holds the profit per customer that lost profit refers to.
  sheetPlan.infoBlock.forEach(([label, value], r) => {
    while (churn.length <= r) churn.push([]);
    churn[r][sheetPlan.infoColumn - 1] = label;
    churn[r][sheetPlan.infoColumn] = value;
  });
  // '' is a value in HyperFormula; the writer leaves those cells empty.
  const blanksAsNull = (sheet: unknown[][]) => sheet.map((row) => row.map((cell) => (cell === '' ? null : cell)));
  const hf = HyperFormula.buildFromSheets({ [sheetName]: blanksAsNull(source), Churn: blanksAsNull(churn) } as never, { licenseKey: 'gpl-v3' });
  const values = hf.getSheetValues(hf.getSheetId('Churn')!);
  hf.destroy();
  const width = sheetPlan.header.length;
  return values.slice(1, sheetPlan.periodColumn.length + 1).map((row) => row.slice(1, width).map((cell) => (cell === null ? '' : cell)));
}

describe('the churn sheet plan', () => {
  const rows = seed004Rows();

  test('values mode carries the spec numbers, lost profit included', () => {
    const values = plan(rows, 'month', 'values');
    const january = values.body[values.periodColumn.findIndex((c) => c[0] === serialOf('2024-01-01'))];
    expect(january.slice(0, 6)).toEqual([500, 200, 0, 15, 4, 681]);
    expect(january[6]).toBeCloseTo(0.03, 12);
    expect(january[7]).toBeCloseTo(0.038, 12);
    expect(january[8]).toBeCloseTo(0.97, 12);
    expect(january[9]).toBe(19 * 30000);
    expect(values.header).toEqual([
      'Period start', 'Customers at start', 'New customers', 'Reactivated', 'Churned', 'Churned new',
      'Customers at end', 'Churn rate', 'Adjusted churn', 'Retention rate', 'Lost profit',
    ]);
  });

  test('live formulas, evaluated by a spreadsheet engine, give the values cell by cell (seed 004)', () => {
    const formulas = evaluate(rows, plan(rows, 'month', 'formulas'));
    const values = plan(rows, 'month', 'values').body;
    expect(formulas.length).toBe(values.length);
    formulas.forEach((row, r) =>
      row.forEach((cell, c) => (typeof values[r][c] === 'number' ? expect(cell).toBeCloseTo(values[r][c] as number, 9) : expect(cell).toBe(values[r][c]))),
    );
    const feb = SEED_004_MONTHS[1];
    expect(formulas[formulas.length - 1].slice(0, 6)).toEqual([feb.S, feb.N, 0, feb.L, feb.Ln, feb.E]);
  });

  test('live formulas equal the values on random tables, for every period kind', () => {
    const day = fc.integer({ min: 0, max: 700 }).map((d) => new Date(Date.UTC(2023, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
    const row = fc.record({ start: day, length: fc.oneof(fc.constant(-1), fc.integer({ min: 0, max: 300 })) }).map(
      ({ start, length }): Row => ({
        start,
        end: length < 0 ? '' : new Date(Date.parse(`${start}T00:00:00Z`) + length * 86_400_000).toISOString().slice(0, 10),
      }),
    );
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 25 }), fc.constantFrom<PeriodKind>('month', 'week', 'quarter', 'year'), (table, kind) => {
        const values = plan(table, kind, 'values').body;
        const formulas = evaluate(table, plan(table, kind, 'formulas'));
        formulas.forEach((cells, r) =>
          cells.forEach((cell, c) => (typeof values[r][c] === 'number' ? expect(cell).toBeCloseTo(values[r][c] as number, 9) : expect(cell).toBe(values[r][c]))),
        );
      }),
      { numRuns: 40 },
    );
  });

  test('formulas use only functions every spreadsheet program has, and no custom function', () => {
    const used = new Set(plan(rows, 'week', 'formulas').body.flat().flatMap((cell) => functionsIn(String(cell))));
    expect(used.size).toBeGreaterThan(0);
    for (const name of used) expect([name, PORTABLE_FUNCTIONS.has(name)]).toEqual([name, true]);
  });

  test('a sheet name with quotes is quoted safely, and the name shown as text cannot become a formula', () => {
    const formulaPlan = plan(rows, 'month', 'formulas', null, "=HYPERLINK('x')");
    expect(formulaPlan.body[0][0]).toContain("'=HYPERLINK(''x'')'!$B:$B");
    // Written as it is into a plain-text cell (formats go in before values), where Sheets keeps it text.
    expect(formulaPlan.infoBlock[1][1]).toBe("=HYPERLINK('x')");
    expect(formulaPlan.infoFormats[1]).toBe('@');
  });
});
