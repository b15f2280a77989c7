import { loadBundle } from '../helpers/bundle';
import { errorOf } from '../helpers/errors';

// The custom functions as dist/Code.js ships them.
const api = loadBundle();
const call = (name: string, ...args: unknown[]) => api[name](...args);

describe('CHURN_RATE and friends on the seeds', () => {
  test('CHURN_RATE(500, 15) = 3 % and CHURN_RATE(150, 5) = 3.33 %', () => {
    expect(call('CHURN_RATE', 500, 15)).toBeCloseTo(0.03, 12);
    expect((call('CHURN_RATE', 150, 5) as number).toFixed(4)).toBe('0.0333');
  });

  test('ADJUSTED_CHURN follows seed 004 by default and names the other denominators', () => {
    expect(call('ADJUSTED_CHURN', 500, 15, 200, 4)).toBeCloseTo(0.038, 12);
    expect((call('ADJUSTED_CHURN', 681, 20, 300, 5) as number).toFixed(4)).toBe('0.0367');
    expect(call('ADJUSTED_CHURN', 500, 15, 200, 4, 'average')).toBeCloseTo(19 / ((500 + 681) / 2), 12);
    expect(call('ADJUSTED_CHURN', 500, 15, 200, 4, 'Start plus new')).toBeCloseTo(19 / 700, 12);
    expect(call('ADJUSTED_CHURN', 500, 15, 200, 4, '')).toBeCloseTo(0.038, 12);
  });

  test('RETENTION_RATE, CHURN_COST and CUSTOMER_LIFETIME', () => {
    expect(call('RETENTION_RATE', 500, 15)).toBeCloseTo(0.97, 12);
    expect(call('CHURN_COST', 15, 30000)).toBe(450000);
    expect(call('CUSTOMER_LIFETIME', 0.03)).toBeCloseTo(100 / 3, 10);
    expect(call('CUSTOMER_LIFETIME', '3%')).toBeCloseTo(100 / 3, 10);
  });

  test('numbers typed as text are read, with comma decimals too', () => {
    expect(call('CHURN_RATE', '500', ' 15 ')).toBeCloseTo(0.03, 12);
    expect(call('CHURN_COST', 15, '30 000')).toBe(450000);
    expect(call('CUSTOMER_LIFETIME', '0,03')).toBeCloseTo(100 / 3, 10);
  });
});

describe('ranges', () => {
  test('a range gives a result of the same shape, row by row', () => {
    expect(call('ADJUSTED_CHURN', [[500], [681]], [[15], [20]], [[200], [300]], [[4], [5]])).toEqual([
      [expect.closeTo(0.038, 12)],
      [expect.closeTo(25 / 681, 12)],
    ]);
  });

  test('a scalar is used in every row; blank rows give blank cells', () => {
    expect(call('CHURN_COST', [[15], [20], ['']], 30000)).toEqual([[450000], [600000], ['']]);
    expect(call('CHURN_RATE', [[500], [''], [681]], [[15], [''], [20]])).toEqual([[expect.closeTo(0.03, 12)], [''], [expect.closeTo(20 / 681, 12)]]);
  });
});

describe('bad input throws a message naming the function, the argument and the value', () => {
  test.each([
    [['CHURN_RATE', 0, 0], /CHURN_RATE: customers_at_start must be greater than 0, but the value is 0/],
    [['CHURN_RATE', -5, 1], /CHURN_RATE: customers_at_start must be greater than 0, but the value is -5/],
    [['CHURN_RATE', 'many', 1], /CHURN_RATE: customers_at_start must be a number, but the value is "many"/],
    [['CHURN_RATE', 100, -1], /CHURN_RATE: customers_lost cannot be negative, but the value is -1/],
    [['CHURN_RATE', 100, 101], /CHURN_RATE: customers_lost \(101\) is larger than customers_at_start \(100\)/],
    [['CHURN_RATE', 100, true], /customers_lost must be a number, but the value is "true"/],
    [['ADJUSTED_CHURN', 500, 15, 4, 5], /ADJUSTED_CHURN: new_customers_lost \(5\) is larger than new_customers \(4\)/],
    [['ADJUSTED_CHURN', 500, 15, 200, 4, 'median'], /ADJUSTED_CHURN: method "median" is not known. Use "start", "average", "start_plus_new"/],
    [['ADJUSTED_CHURN', 500, 15, 200], /ADJUSTED_CHURN: the argument new_customers_lost is missing/],
    [['CHURN_COST', 15, -1], /CHURN_COST: profit_per_customer cannot be negative/],
    [['CHURN_COST', 1e308, 10], /CHURN_COST: the result is too large to show/],
    [['CUSTOMER_LIFETIME', 0], /CUSTOMER_LIFETIME: churn_rate is 0/],
    [['CUSTOMER_LIFETIME', 3], /CUSTOMER_LIFETIME: churn_rate must be a share between 0 and 1/],
    [['CHURN_RATE', [[500], [100]], [[15], [150]]], /customers_lost \(150\) is larger than customers_at_start \(100\) in row 2, column 1 of the range/],
    [['CHURN_RATE', [[500], [100]], [[15]]], /CHURN_RATE: customers_lost has 1 x 1 cells but customers_at_start has 2 x 1/],
  ])('%j', (args, expected) => {
    const [name, ...rest] = args as [string, ...unknown[]];
    expect(errorOf(() => call(name, ...rest))).toMatch(expected);
  });

  test('no result is ever NaN, Infinity or undefined', () => {
    const values = [0, 1, 2, 5, 100, 0.5, '', 'x', -1, 1e308];
    for (const start of values) {
      for (const lost of values) {
        for (const name of ['CHURN_RATE', 'RETENTION_RATE', 'CHURN_COST']) {
          let result: unknown;
          try {
            result = call(name, start, lost);
          } catch {
            continue;
          }
          expect(result === '' || (typeof result === 'number' && Number.isFinite(result))).toBe(true);
        }
      }
    }
  });
});
