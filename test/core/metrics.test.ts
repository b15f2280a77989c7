import { adjustedChurn, churnRate, customerLifetime, customersAtEnd, lostProfit, netCustomerLoss, retentionRate } from '../../src/core/metrics';

describe('metrics on the seeds\' numbers', () => {
  const january = { customersAtStart: 500, churned: 15, newCustomers: 200, churnedNew: 4 };
  const february = { customersAtStart: 681, churned: 20, newCustomers: 300, churnedNew: 5 };

  test('churn rate: 15 of 500 is 3 %, 5 of 150 is 3.3 %, 20 of 681 is 2.94 %', () => {
    expect(churnRate(500, 15)).toBeCloseTo(0.03, 12);
    expect(churnRate(150, 5)!.toFixed(3)).toBe('0.033');
    expect(churnRate(681, 20)!.toFixed(4)).toBe('0.0294');
  });

  test('adjusted churn: 19 / 500 = 3.8 % and 25 / 681 = 3.67 %; ends 681 and 956', () => {
    expect(adjustedChurn(january)).toBeCloseTo(0.038, 12);
    expect(adjustedChurn(february)!.toFixed(4)).toBe('0.0367');
    expect(customersAtEnd(january)).toBe(681);
    expect(customersAtEnd(february)).toBe(956);
  });

  test('other denominators by name', () => {
    expect(adjustedChurn(january, 'average')).toBeCloseTo(19 / ((500 + 681) / 2), 12);
    expect(adjustedChurn(january, 'start_plus_new')).toBeCloseTo(19 / 700, 12);
  });

  test('net customer loss: (1000 - 200) / 1000 = 80 %, negative when the base grows', () => {
    expect(netCustomerLoss(1000, 200)).toBeCloseTo(0.8, 12);
    expect(netCustomerLoss(500, 681)).toBeLessThan(0);
  });

  test('lost profit: 15 x 30 000 = 450 000, retention and lifetime', () => {
    expect(lostProfit(15, 30_000)).toBe(450_000);
    expect(retentionRate(500, 15)).toBeCloseTo(0.97, 12);
    expect(customerLifetime(0.03)).toBeCloseTo(33.333, 3);
  });

  test('no customers at the start: every rate is undefined, never 0, NaN or Infinity', () => {
    expect(churnRate(0, 0)).toBeUndefined();
    expect(retentionRate(0, 0)).toBeUndefined();
    expect(adjustedChurn({ customersAtStart: 0, churned: 0, newCustomers: 5, churnedNew: 1 })).toBeUndefined();
    expect(netCustomerLoss(0, 4)).toBeUndefined();
    expect(customerLifetime(0)).toBeUndefined();
  });
});
