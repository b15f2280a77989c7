/**
 * The churn metrics of the spec, on counts. Every rate is undefined (not 0, not Infinity) when
 * its denominator is 0; callers decide whether that shows as a blank cell or an error.
 */

/** Churn rate: customers lost in the period over customers at its start. */
export function churnRate(customersAtStart: number, customersLost: number): number | undefined {
  return customersAtStart > 0 ? customersLost / customersAtStart : undefined;
}

export function retentionRate(customersAtStart: number, customersLost: number): number | undefined {
  const rate = churnRate(customersAtStart, customersLost);
  return rate === undefined ? undefined : 1 - rate;
}

/**
 * Denominators for the adjusted churn (L + Ln) / denominator:
 * - start: customers at start, as seed 004 counts it (19 / 500 = 3.8 %);
 * - average: the mean of customers at start and at end;
 * - start_plus_new: customers at start plus new customers (Stripe's subscriber churn).
 */
export const ADJUSTED_METHODS = ['start', 'average', 'start_plus_new'] as const;
export type AdjustedMethod = (typeof ADJUSTED_METHODS)[number];

export function isAdjustedMethod(value: string): value is AdjustedMethod {
  return (ADJUSTED_METHODS as readonly string[]).includes(value);
}

export interface PeriodCounts {
  customersAtStart: number;
  churned: number;
  newCustomers: number;
  churnedNew: number;
}

/** Customers at the end of the period: S + N - L - Ln. */
export function customersAtEnd(counts: PeriodCounts): number {
  return counts.customersAtStart + counts.newCustomers - counts.churned - counts.churnedNew;
}

export function adjustedChurnDenominator(counts: PeriodCounts, method: AdjustedMethod): number {
  switch (method) {
    case 'start':
      return counts.customersAtStart;
    case 'average':
      return (counts.customersAtStart + customersAtEnd(counts)) / 2;
    case 'start_plus_new':
      return counts.customersAtStart + counts.newCustomers;
  }
}

export function adjustedChurn(counts: PeriodCounts, method: AdjustedMethod = 'start'): number | undefined {
  if (counts.customersAtStart <= 0) return undefined;
  const denominator = adjustedChurnDenominator(counts, method);
  return denominator > 0 ? (counts.churned + counts.churnedNew) / denominator : undefined;
}

/** Net customer loss (S - E) / S, the seeds' FAQ formula; negative when the base grows. */
export function netCustomerLoss(customersAtStart: number, customersAtEndOfPeriod: number): number | undefined {
  return customersAtStart > 0 ? (customersAtStart - customersAtEndOfPeriod) / customersAtStart : undefined;
}

/** Lost profit: customers lost times the profit one customer brings. */
export function lostProfit(customersLost: number, profitPerCustomer: number): number {
  return customersLost * profitPerCustomer;
}

/** Expected customer lifetime in periods at a constant churn rate: 1 / churn rate. */
export function customerLifetime(rate: number): number | undefined {
  return rate > 0 ? 1 / rate : undefined;
}
