import { HyperFormula } from 'hyperformula';
import { createFakeApps } from '../fakes/appsScript';
import { loadBundle } from '../helpers/bundle';
import { isoInZone } from '../helpers/dates';
import { PORTABLE_FUNCTIONS, functionsIn } from '../helpers/formulaFunctions';
import { wizardWorld } from '../helpers/wizardSetup';

// Issue 4: the template computes with native formulas only: none of the add-on's functions is
// registered in this engine, so a custom function in it would show #NAME?.
function insert(withExample: boolean) {
  const apps = createFakeApps({ timeZone: 'Europe/Riga', sheets: { Data: [['x']] } });
  const addOn = loadBundle(apps.globals);
  const { sheetName } = addOn.wizardInsertTemplate(withExample) as { sheetName: string };
  return { apps, addOn, sheetName };
}

describe('the churn template', () => {
  test('filled with the example, it shows the seed 004 numbers', () => {
    const { apps, sheetName } = insert(true);
    expect(sheetName).toBe('Churn template');
    expect(HyperFormula.getRegisteredFunctionNames('enGB')).not.toContain('CHURN_RATE');
    const cell = (a1: string) => apps.cell(sheetName, a1).value;
    expect(isoInZone(cell('A5') as Date, 'Europe/Riga')).toBe('2024-01-01');
    expect(isoInZone(cell('A6') as Date, 'Europe/Riga')).toBe('2024-02-01');
    expect([cell('B5'), cell('C5'), cell('D5'), cell('E5'), cell('F5')]).toEqual([500, 15, 200, 4, 19]);
    expect(cell('G5')).toBeCloseTo(0.03, 12);
    expect(cell('H5')).toBeCloseTo(0.038, 12);
    expect(cell('I5')).toBe(681);
    expect(cell('K5')).toBe(19 * 30000);
    expect(cell('B6')).toBe(681);
    expect((cell('G6') as number).toFixed(4)).toBe('0.0294');
    expect((cell('H6') as number).toFixed(4)).toBe('0.0367');
    expect(cell('I6')).toBe(956);
  });

  test("changing January's churned changes February's customers at start", () => {
    const { apps, sheetName } = insert(true);
    apps.setValues(sheetName, 'C5', [[25]]);
    expect(apps.cell(sheetName, 'I5').value).toBe(671);
    expect(apps.cell(sheetName, 'B6').value).toBe(671);
    expect(apps.cell(sheetName, 'G6').value).toBeCloseTo(20 / 671, 12);
  });

  test('an empty template has no numbers and no errors until filled in', () => {
    const { apps, sheetName } = insert(false);
    const values = apps.values(sheetName);
    expect(values.flat().filter((v) => typeof v === 'string' && v.startsWith('#'))).toEqual([]);
    expect(apps.cell(sheetName, 'G5').value).toBe('');
  });

  test('inputs are validated: whole numbers of 0 or more, churned not above customers at start', () => {
    const { apps, sheetName } = insert(true);
    const rules = apps.dataValidations(sheetName);
    const churned = rules.find((rule) => rule.a1 === 'C5:C16')!;
    expect(churned.criteria).toBe('CUSTOM_FORMULA');
    expect(churned.allowInvalid).toBe(false);
    expect(churned.helpText).toMatch(/not more than the customers at the start/);
    // The rule's own formula, evaluated at C5 by the spreadsheet engine, rejects what it should.
    const hf = apps.hf;
    const sheetId = hf.getSheetId(sheetName)!;
    const accepts = (value: number) => {
      apps.setValues(sheetName, 'C5', [[value]]);
      return apps.hf.calculateFormula(String(churned.args[0]), sheetId);
    };
    expect(accepts(15)).toBe(true);
    expect(accepts(-1)).toBe(false);
    expect(accepts(2.5)).toBe(false);
    expect(accepts(501)).toBe(false);
    for (const a1 of ['B5', 'D5:D16', 'E5:E16']) expect(rules.map((rule) => rule.a1)).toContain(a1);
  });

  test('computed cells are protected with a warning only; named ranges and notes explain the sheet', () => {
    const { apps, sheetName } = insert(true);
    const protections = apps.sheetInfo(sheetName).protections;
    expect(protections.map((p) => [p.a1, p.warningOnly])).toEqual([
      ['A6:B16', true],
      ['F5:K16', true],
    ]);
    const names = apps.namedRanges();
    expect(names.ProfitPerCustomer).toBe(`'${sheetName}'!B2`);
    expect(names.ChurnRate).toBe(`'${sheetName}'!G5:G16`);
    const notes = apps.values(sheetName).map((row) => row[12]).filter(Boolean);
    expect(notes).toContain('Adjusted churn = (churned + new customers churned) / customers at start.');
    expect(apps.cell(sheetName, 'C5').background).not.toBe(apps.cell(sheetName, 'G5').background);
    expect(apps.charts(sheetName)[0].ranges).toEqual([`'${sheetName}'!A4:A16`, `'${sheetName}'!G4:H16`]);
  });

  test('a second template gets its own sheet and its own range names', () => {
    const { apps, addOn, sheetName } = insert(true);
    const second = (addOn.wizardInsertTemplate(false) as { sheetName: string }).sheetName;
    expect(second).toBe('Churn template (2)');
    expect(apps.namedRanges().ChurnRate).toBe(`'${sheetName}'!G5:G16`);
    expect(apps.namedRanges().ChurnRate_2).toBe(`'${second}'!G5:G16`);
  });

  test('the menu item asks whether to fill in the example', () => {
    const { apps, addOn } = insert(true);
    apps.ui.alertResponses.push('NO');
    addOn.insertChurnTemplate();
    expect(apps.sheetNames()).toContain('Churn template (2)');
    expect(apps.cell('Churn template (2)', 'C5').value).toBe('');
  });

  test('every formula in the template and in both wizard outputs is on the shared allow-list', () => {
    const { apps, sheetName } = insert(true);
    const world = wizardWorld();
    const built = [world.build({ output: 'formulas', profitPerCustomer: 1 }).sheetName, world.build({ output: 'values' }).sheetName];
    const formulas = [
      ...apps.formulas(sheetName).flat(),
      ...apps.dataValidations(sheetName).map((rule) => String(rule.args[0])),
      ...built.flatMap((name) => world.apps.formulas(name).flat()),
    ].filter(Boolean);
    expect(formulas.length).toBeGreaterThan(100);
    for (const formula of formulas) for (const fn of functionsIn(formula)) expect([fn, PORTABLE_FUNCTIONS.has(fn)]).toEqual([fn, true]);
  });
});
