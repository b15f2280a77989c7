import { DetailedCellError, HyperFormula } from 'hyperformula';
import { registerCustomFunctions } from '../../local/appsScript/customFunctionPlugin';
import { loadBundle } from '../helpers/bundle';

// MRR_CHURN and CUSTOMER_LTV typed in cells, evaluated by a real spreadsheet engine calling the built bundle.
const api = loadBundle();
const unregister = registerCustomFunctions(api, ['MRR_CHURN', 'CUSTOMER_LTV']);
afterAll(() => unregister());

function sheet(rows: unknown[][]) {
  // '' is a value to HyperFormula, and would block a spill; blank cells are null.
  const cells = rows.map((row) => row.map((cell) => (cell === '' ? null : cell)));
  const hf = HyperFormula.buildFromArray(cells as never, { licenseKey: 'gpl-v3' });
  return (a1: string) => hf.getCellValue(hf.simpleCellAddressFromString(a1, 0)!);
}

describe('revenue functions in cells', () => {
  // Seed 004's January at 100 a month, and the docs' March with an upgrade of 30 on 140.
  const value = sheet([
    ['Month', 'MRR at start', 'Churned', 'Contraction', 'Expansion', 'Gross', 'Net', 'ARPA', 'LTV', 'Net?'],
    ['January', 50000, 1900, 0, 0, '=MRR_CHURN(B2, C2, D2, E2)', '=MRR_CHURN(B2, C2, D2, E2, J2)', 100, '=CUSTOMER_LTV(H2, F2, 80%)', true],
    ['March', 140, 0, 0, 30, '=MRR_CHURN(B3, C3)', '=MRR_CHURN(B3, C3, D3, E3, J3)', 100, '=CUSTOMER_LTV(H3, F3)', true],
    ['', '', '', '', '', '', '=MRR_CHURN(B2:B3, C2:C3, D2:D3, E2:E3, TRUE())', '', '=CUSTOMER_LTV(100, 3%)', ''],
    ['', '', '', '', '', '', '', '', '=CUSTOMER_LTV(H2:H3, 0.05, "80 %")', ''],
  ]);

  test('single cells: gross 3.8 %, net negative churn, lifetime value', () => {
    expect(value('F2')).toBeCloseTo(0.038, 10);
    expect(value('G2')).toBeCloseTo(0.038, 10);
    expect(value('F3')).toBe(0);
    expect(value('G3')).toBeCloseTo(-30 / 140, 10); // HyperFormula rounds results to 10 digits
    expect(value('I2')).toBeCloseTo((100 * 0.8) / 0.038, 6);
    expect(value('I4')).toBeCloseTo(10000 / 3, 6);
  });

  test('range formulas spill one result per row', () => {
    expect(value('G4')).toBeCloseTo(0.038, 10);
    expect(value('G5')).toBeCloseTo(-30 / 140, 10);
    expect(value('I5')).toBeCloseTo(1600, 6);
    expect(value('I6')).toBeCloseTo(1600, 6);
  });

  test('a rate of 0 or an impossible loss shows #ERROR! with the reason', () => {
    const error = value('I3') as DetailedCellError;
    expect(error).toBeInstanceOf(DetailedCellError);
    expect(error.message).toMatch(/CUSTOMER_LTV: churn_rate is 0/);
    const bad = sheet([[100, 80, 30, '=MRR_CHURN(A1, B1, C1)']]);
    expect((bad('D1') as DetailedCellError).message).toMatch(/MRR_CHURN: mrr_lost \+ mrr_contraction \(110\) is larger than mrr_at_start \(100\)/);
  });
});
