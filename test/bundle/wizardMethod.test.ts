import fc from 'fast-check';
import { catalogue } from '../../src/i18n';
import { errorOf } from '../helpers/errors';
import type { Row } from '../helpers/bruteForce';
import { isoInZone } from '../helpers/dates';
import { customerSheet, wizardWorld, type WizardWorld } from '../helpers/wizardSetup';
import { seed004Rows } from '../fixtures/seed004';

type Method = 'start' | 'average' | 'start_plus_new' | 'daily';
type Kind = 'month' | 'week' | 'quarter';
const ADJUSTED = 8; // the adjusted churn column, I
const ZONE = 'Pacific/Auckland';

/** CHURN_TABLE(start, end, period, ids, , method) on the world's customer sheet, by period start (ISO). */
function churnTableColumn(world: WizardWorld, period: Kind, method: Method, zone: string): Map<string, unknown> {
  const rows = world.apps.values('Customers').slice(1);
  const column = (c: number) => rows.map((row) => [row[c]]);
  const table = world.addOn.CHURN_TABLE(column(1), column(2), period, column(0), '', method) as unknown[][];
  return new Map(table.filter((row) => row[0] instanceof Date).map((row) => [isoInZone(row[0] as Date, zone), row[ADJUSTED]]));
}

/** The built sheet's adjusted churn column, by period start. */
function sheetColumn(world: WizardWorld, sheetName: string): Map<string, unknown> {
  return new Map(world.table(sheetName).slice(1).map((row) => [row[0] as string, row[ADJUSTED]]));
}

function expectSameColumn(sheet: Map<string, unknown>, engine: Map<string, unknown>, exact: boolean): void {
  expect([...sheet.keys()]).toEqual([...engine.keys()]);
  for (const [period, expected] of engine) {
    const shown = sheet.get(period);
    if (expected === '' || exact) expect([period, shown]).toEqual([period, expected]);
    // HyperFormula keeps a result to about 15 significant digits.
    else expect(Math.abs((shown as number) - (expected as number))).toBeLessThan(1e-12);
  }
}

const day = fc.integer({ min: 0, max: 700 }).map((d) => new Date(Date.UTC(2023, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
const customerRow = (ids: fc.Arbitrary<string | undefined>) =>
  fc.record({ id: ids, start: day, length: fc.oneof(fc.constant(-1), fc.integer({ min: 0, max: 250 })) }).map(
    ({ id, start, length }): Row => ({
      ...(id === undefined ? {} : { id }),
      start,
      end: length < 0 ? '' : new Date(Date.parse(`${start}T00:00:00Z`) + length * 86_400_000).toISOString().slice(0, 10),
    }),
  );
const kinds = fc.constantFrom<Kind>('month', 'week', 'quarter');

describe('the adjusted churn column follows the method chosen', () => {
  test('live formulas for "average" and "start_plus_new" equal CHURN_TABLE(..., method) on random tables', () => {
    fc.assert(
      fc.property(fc.array(customerRow(fc.constant(undefined)), { minLength: 1, maxLength: 40 }), kinds, fc.constantFrom<Method>('average', 'start_plus_new'), (rows, period, method) => {
        const world = wizardWorld(rows, { timeZone: ZONE });
        const engine = churnTableColumn(world, period, method, ZONE);
        const live = world.build({ output: 'formulas', period, method });
        expect(world.apps.formulas(live.sheetName)[1][ADJUSTED]).toMatch(method === 'average' ? /^=IF\(B2>0,\(E2\+F2\)\/\(\(B2\+G2\)\/2\),""\)$/ : /^=IF\(B2>0,\(E2\+F2\)\/\(B2\+C2\+D2\),""\)$/);
        expectSameColumn(sheetColumn(world, live.sheetName), engine, false);
        expectSameColumn(sheetColumn(world, world.build({ output: 'values', period, method }).sheetName), engine, true);
      }),
      { numRuns: 12 },
    );
  });

  test('values for every method are CHURN_TABLE\'s, returning customers counted with the new ones', () => {
    fc.assert(
      fc.property(fc.array(customerRow(fc.constantFrom('a', 'b', 'c', 'd', 'e')), { minLength: 1, maxLength: 30 }), kinds, fc.constantFrom<Method>('start', 'average', 'start_plus_new', 'daily'), (rows, period, method) => {
        const world = wizardWorld(rows, { timeZone: ZONE });
        const built = world.build({ output: 'values', period, method });
        expectSameColumn(sheetColumn(world, built.sheetName), churnTableColumn(world, period, method, ZONE), true);
      }),
      { numRuns: 20 },
    );
  });

  test('the header and its note say how the column is computed', () => {
    const world = wizardWorld(seed004Rows().slice(0, 200));
    const headerOf = (method: Method, output: 'values' | 'formulas' = 'values') => {
      const name = world.build({ output, method }).sheetName;
      return [world.apps.values(name)[0][ADJUSTED], world.apps.cell(name, 'I1').note];
    };
    expect(headerOf('start', 'formulas')).toEqual(['Adjusted churn', 'Adjusted churn = (churned + churned new) / customers at start.']);
    expect(headerOf('average', 'formulas')).toEqual(['Adjusted churn (average)', expect.stringMatching(/\(customers at start \+ customers at end\) \/ 2/)]);
    expect(headerOf('start_plus_new')).toEqual(['Adjusted churn (start + new)', expect.stringMatching(/customers at start \+ new \+ reactivated/)]);
    expect(headerOf('daily')).toEqual(['Daily churn', expect.stringMatching(/customers who left that day/)]);
  });

  test('seed 004: January 2024 by each method, as docs/metrics.md gives it', () => {
    const world = wizardWorld();
    const january = (method: Method) => sheetColumn(world, world.build({ output: method === 'daily' ? 'values' : 'formulas', method }).sheetName).get('2024-01-01') as number;
    expect(january('start').toFixed(4)).toBe('0.0380');
    expect(january('average').toFixed(4)).toBe('0.0322');
    expect(january('start_plus_new').toFixed(4)).toBe('0.0271');
    expect(january('daily').toFixed(4)).toBe('0.0319');
  });
});

describe('segment blocks', () => {
  const rows = seed004Rows().slice(0, 300).map((row, i) => ({ ...row, plan: i % 3 === 0 ? 'Pro' : 'Basic' }));
  const sheet = [['Customer ID', 'Signup date', 'Cancel date', 'Plan'], ...customerSheet(rows).slice(1).map((cells, i) => [...cells, rows[i].plan])];
  const world = wizardWorld([], { sheets: { Customers: sheet } });
  const build = (output: 'values' | 'formulas', method: Method) =>
    world.build({ output, method, segments: true, mapping: { id: 0, start: 1, end: 2, amount: null, segment: 3 } }).sheetName;
  /** Column I of every row of the sheet below the header, blocks and titles included. */
  const columnI = (name: string) => world.apps.values(name).slice(1).map((row) => row[ADJUSTED]);

  test.each<Method>(['average', 'start_plus_new'])('"%s": live formulas show what values hold, block by block', (method) => {
    const live = columnI(build('formulas', method));
    const values = columnI(build('values', method));
    expect(live.length).toBe(values.length);
    expect(values.filter((value) => typeof value === 'number').length).toBeGreaterThan(30);
    live.forEach((shown, i) => (typeof shown === 'number' ? expect(Math.abs(shown - (values[i] as number))).toBeLessThan(1e-12) : expect(shown).toBe(values[i])));
  });

  test('"daily": each block is CHURN_TABLE of that segment\'s customers', () => {
    const name = build('values', 'daily');
    const shown = world.apps.values(name).slice(1);
    for (const plan of ['Basic', 'Pro']) {
      const title = shown.findIndex((row) => row[0] === plan);
      const block = new Map<string, unknown>();
      for (const row of shown.slice(title + 1)) {
        if (!(row[0] instanceof Date)) break;
        block.set(isoInZone(row[0], 'Europe/Oslo'), row[ADJUSTED]);
      }
      expect([title > 0, block.size, [...block.values()].some((value) => typeof value === 'number' && value > 0)]).toEqual([true, 14, true]);
      const own = wizardWorld(rows.filter((row) => row.plan === plan));
      const engine = churnTableColumn(own, 'month', 'daily', 'Europe/Oslo');
      for (const [period, value] of block) expect([period, value]).toEqual([period, engine.get(period) ?? '']);
      expect([...engine.keys()].every((period) => block.has(period))).toBe(true);
    }
  });
});

describe('a method the sheet cannot show is refused before anything is written', () => {
  test.each([
    ['en', { method: 'median' }, catalogue('en')['wizard.badMethod'].replace('{value}', 'median')],
    ['en', { method: 'daily', output: 'formulas' }, catalogue('en')['wizard.dailyNeedsValues']],
    ['lv', { method: 'daily', output: 'formulas' }, catalogue('lv')['wizard.dailyNeedsValues']],
    ['el', { method: 7 }, catalogue('el')['wizard.badMethod'].replace('{value}', '7')],
  ])('%s %j', (language, request, message) => {
    const world = wizardWorld(seed004Rows().slice(0, 50), { userLocale: `${language}_XX` });
    const before = world.apps.sheetNames();
    expect(errorOf(() => world.build(request as never))).toContain(message);
    expect(world.apps.sheetNames()).toEqual(before);
  });
});
