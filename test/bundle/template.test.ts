import { HyperFormula } from 'hyperformula';
import { en } from '../../src/i18n/en';
import { nb } from '../../src/i18n/nb';
import { createFakeApps } from '../../local/appsScript/appsScript';
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
    expect(apps.values(sheetName)[3].slice(0, 7)).toEqual(['Month', 'Customers at start', 'Churned', 'New customers', 'New customers churned', 'Won back', 'Total churned']);
    // Seed 004 wins nobody back: won back is 0 and every number is the article's.
    expect([cell('B5'), cell('C5'), cell('D5'), cell('E5'), cell('F5'), cell('G5')]).toEqual([500, 15, 200, 4, 0, 19]);
    expect(cell('H5')).toBeCloseTo(0.03, 12);
    expect(cell('I5')).toBeCloseTo(0.038, 12);
    expect(cell('J5')).toBe(681);
    expect(cell('K5')).toBeCloseTo(0.97, 12);
    expect(cell('L5')).toBe(19 * 30000);
    expect(cell('B6')).toBe(681);
    expect(cell('F6')).toBe(0);
    expect((cell('H6') as number).toFixed(4)).toBe('0.0294');
    expect((cell('I6') as number).toFixed(4)).toBe('0.0367');
    expect(cell('J6')).toBe(956);
    // March has nothing typed in yet: its customers at start follow, its rates and lost profit stay blank (not 0 % churn).
    expect(cell('B7')).toBe(956);
    expect([cell('H7'), cell('I7'), cell('K7'), cell('L7')]).toEqual(['', '', '', '']);
  });

  test("changing January's churned changes February's customers at start", () => {
    const { apps, sheetName } = insert(true);
    apps.setValues(sheetName, 'C5', [[25]]);
    expect(apps.cell(sheetName, 'J5').value).toBe(671);
    expect(apps.cell(sheetName, 'B6').value).toBe(671);
    expect(apps.cell(sheetName, 'H6').value).toBeCloseTo(20 / 671, 12);
  });

  // Issue 7: customers won back (S + N + R - L - Ln = E) join the customers at end, not the rates.
  test("won back in January raises January's end and February's start, and leaves January's churn rate", () => {
    const { apps, sheetName } = insert(true);
    const cell = (a1: string) => apps.cell(sheetName, a1).value;
    apps.setValues(sheetName, 'F5', [[10]]);
    expect(cell('J5')).toBe(691);
    expect(cell('B6')).toBe(691);
    expect(cell('H5')).toBeCloseTo(15 / 500, 12);
    expect(cell('I5')).toBeCloseTo(19 / 500, 12);
    expect(cell('G5')).toBe(19);
    expect(cell('L5')).toBe(19 * 30000);
    expect(cell('J6')).toBe(966);
    expect(cell('H6')).toBeCloseTo(20 / 691, 12);
  });

  test('an empty template has no numbers and no errors until filled in', () => {
    const { apps, sheetName } = insert(false);
    const values = apps.values(sheetName);
    expect(values.flat().filter((v) => typeof v === 'string' && v.startsWith('#'))).toEqual([]);
    expect(apps.cell(sheetName, 'H5').value).toBe('');
    // Won back starts at 0 in every month: typing it is only needed when someone came back.
    expect(values.slice(4, 16).map((row) => row[5])).toEqual(new Array(12).fill(0));
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
    for (const a1 of ['B5', 'D5:D16', 'E5:E16', 'F5:F16']) expect(rules.map((rule) => rule.a1)).toContain(a1);
  });

  test('won back takes whole numbers of 0 or more, with a message in the user\'s language', () => {
    const { apps, sheetName } = insert(true);
    const wonBack = apps.dataValidations(sheetName).find((rule) => rule.a1 === 'F5:F16')!;
    expect(wonBack.criteria).toBe('CUSTOM_FORMULA');
    expect(wonBack.allowInvalid).toBe(false);
    expect(wonBack.helpText).toBe('Enter a whole number, 0 or more: the customers who had left before and came back this month.');
    const sheetId = apps.hf.getSheetId(sheetName)!;
    const accepts = (value: number) => {
      apps.setValues(sheetName, 'F5', [[value]]);
      return apps.hf.calculateFormula(String(wonBack.args[0]), sheetId);
    };
    expect(accepts(0)).toBe(true);
    expect(accepts(10)).toBe(true);
    // More than were lost in the sheet's months is allowed: customers lost earlier may come back.
    expect(accepts(600)).toBe(true);
    expect(accepts(-1)).toBe(false);
    expect(accepts(1.5)).toBe(false);
  });

  test('in Norwegian the won back column, its rule and its note speak Norwegian', () => {
    const apps = createFakeApps({ timeZone: 'Europe/Oslo', locale: 'nb_NO', userLocale: 'nb', sheets: { Data: [['x']] } });
    const addOn = loadBundle(apps.globals);
    const { sheetName } = addOn.wizardInsertTemplate(true) as { sheetName: string };
    expect(apps.cell(sheetName, 'F4').value).toBe(nb['template.wonBack']);
    expect(apps.dataValidations(sheetName).find((rule) => rule.a1 === 'F5:F16')!.helpText).toBe(nb['template.help.wonBack']);
    expect(apps.values(sheetName).map((row) => row[13])).toContain(nb['template.note.wonBack']);
    expect(apps.cell(sheetName, 'J5').value).toBe(681);
  });

  test('computed cells are protected with a warning only; named ranges and notes explain the sheet', () => {
    const { apps, sheetName } = insert(true);
    const protections = apps.sheetInfo(sheetName).protections;
    expect(protections.map((p) => [p.a1, p.warningOnly])).toEqual([
      ['A6:B16', true],
      ['G5:L16', true],
    ]);
    // Every formula cell is under a protection, and no input cell is.
    const formulas = apps.formulas(sheetName);
    const protectedCell = (row: number, column: number) =>
      (row >= 6 && row <= 16 && column <= 2) || (row >= 5 && row <= 16 && column >= 7 && column <= 12);
    formulas.forEach((cells, r) =>
      cells.forEach((formula, c) => expect([r + 1, c + 1, protectedCell(r + 1, c + 1)]).toEqual([r + 1, c + 1, Boolean(formula)])),
    );
    const names = apps.namedRanges();
    expect(names.ProfitPerCustomer).toBe(`'${sheetName}'!B2`);
    expect(names.WonBack).toBe(`'${sheetName}'!F5:F16`);
    expect(names.TotalChurned).toBe(`'${sheetName}'!G5:G16`);
    expect(names.ChurnRate).toBe(`'${sheetName}'!H5:H16`);
    expect(names.CustomersAtEnd).toBe(`'${sheetName}'!J5:J16`);
    expect(names.LostProfit).toBe(`'${sheetName}'!L5:L16`);
    const notes = apps.values(sheetName).map((row) => row[13]).filter(Boolean);
    expect(notes).toContain('Adjusted churn = (churned + new customers churned) / customers at start.');
    expect(notes).toContain('Customers at end = customers at start + new customers + won back - churned - new customers churned.');
    expect(notes).toContain(en['template.note.wonBack']);
    for (const a1 of ['C5', 'F5', 'F16']) expect(apps.cell(sheetName, a1).background).toBe(apps.cell(sheetName, 'D5').background);
    expect(apps.cell(sheetName, 'F5').fontColor).toBe(apps.cell(sheetName, 'D5').fontColor);
    expect(apps.cell(sheetName, 'C5').background).not.toBe(apps.cell(sheetName, 'H5').background);
    expect(apps.charts(sheetName)[0].ranges).toEqual([`'${sheetName}'!A4:A16`, `'${sheetName}'!H4:I16`]);
  });

  test('a second template gets its own sheet and its own range names', () => {
    const { apps, addOn, sheetName } = insert(true);
    const second = (addOn.wizardInsertTemplate(false) as { sheetName: string }).sheetName;
    expect(second).toBe('Churn template (2)');
    expect(apps.namedRanges().ChurnRate).toBe(`'${sheetName}'!H5:H16`);
    expect(apps.namedRanges().ChurnRate_2).toBe(`'${second}'!H5:H16`);
    expect(apps.namedRanges().WonBack_2).toBe(`'${second}'!F5:F16`);
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
