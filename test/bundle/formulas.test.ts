import { DetailedCellError, HyperFormula } from 'hyperformula';
import { registerCustomFunctions } from '../../local/appsScript/customFunctionPlugin';
import { loadBundle } from '../helpers/bundle';

// Formulas typed in cells, evaluated by a real spreadsheet engine calling the built bundle.
const api = loadBundle();
const NAMES = ['CHURN_RATE', 'ADJUSTED_CHURN', 'RETENTION_RATE', 'CHURN_COST', 'CUSTOMER_LIFETIME'];
// Registered before any sheet below is built: HyperFormula resolves names when it parses.
const unregister = registerCustomFunctions(api, NAMES);
afterAll(() => unregister());

function sheet(rows: unknown[][]) {
  // '' is a value to HyperFormula, and would block a spill; blank cells are null.
  const cells = rows.map((row) => row.map((cell) => (cell === '' ? null : cell)));
  const hf = HyperFormula.buildFromArray(cells as never, { licenseKey: 'gpl-v3' });
  return {
    value: (a1: string) => hf.getCellValue(hf.simpleCellAddressFromString(a1, 0)!),
    hf,
  };
}

describe('custom functions in cells', () => {
  // The seed 004 months laid out as a user would: one row per month.
  const rows = [
    ['Month', 'At start', 'Lost', 'New', 'New lost', 'Churn', 'Adjusted', 'Cost', 'Retention', 'Lifetime'],
    ['January', 500, 15, 200, 4, '=CHURN_RATE(B2, C2)', '=ADJUSTED_CHURN(B2, C2, D2, E2)', '=CHURN_COST(C2+E2, 30000)', '=RETENTION_RATE(B2, C2)', '=CUSTOMER_LIFETIME(F2)'],
    ['February', '=B2-C2+D2-E2', 20, 300, 5, '=CHURN_RATE(B3, C3)', '', '', '', ''],
    ['', '', '', '', '', '', '=ADJUSTED_CHURN(B2:B3, C2:C3, D2:D3, E2:E3)', '', '', ''],
    ['', '', '', '', '', '', '', '', '', ''],
    ['', '', '', '', '', '', '=ADJUSTED_CHURN(B2:B3, C2:C3, D2:D3, E2:E3, "average")', '', '', ''],
  ];
  const { value } = sheet(rows);

  test('single cells give the seed numbers', () => {
    expect(value('F2')).toBeCloseTo(0.03, 12);
    expect(value('G2')).toBeCloseTo(0.038, 12);
    expect(value('H2')).toBe(19 * 30000);
    expect(value('I2')).toBeCloseTo(0.97, 12);
    expect(value('J2')).toBeCloseTo(100 / 3, 8); // HyperFormula rounds results to 10 digits
    expect(value('B3')).toBe(681);
    expect((value('F3') as number).toFixed(4)).toBe('0.0294');
  });

  test('a range formula spills one result per row', () => {
    expect(value('G4')).toBeCloseTo(0.038, 12);
    expect((value('G5') as number).toFixed(4)).toBe('0.0367');
    expect(value('G6')).toBeCloseTo(19 / ((500 + 681) / 2), 12);
    expect(value('G7')).toBeCloseTo(25 / ((681 + 956) / 2), 12);
  });

  test('bad input shows #ERROR! with the reason', () => {
    const { value: bad } = sheet([[0, 5, '=CHURN_RATE(A1, B1)', '=ADJUSTED_CHURN(500, 15, 200, 4, "median")']]);
    const error = bad('C1') as DetailedCellError;
    expect(error).toBeInstanceOf(DetailedCellError);
    expect(error.value).toBe('#ERROR!');
    expect(error.message).toMatch(/CHURN_RATE: customers_at_start must be greater than 0, but the value is 0/);
    expect((bad('D1') as DetailedCellError).message).toMatch(/method "median" is not known/);
  });
});
