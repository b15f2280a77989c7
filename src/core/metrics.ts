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
 * Denominators for the adjusted churn (L + Ln) / denominator, computed from a period's counts:
 * - start: customers at start, as seed 004 counts it (19 / 500 = 3.8 %);
 * - average: the mean of customers at start and at end;
 * - start_plus_new: customers at start plus new customers (Stripe's subscriber churn).
 */
export const COUNT_METHODS = ['start', 'average', 'start_plus_new'] as const;
export type CountMethod = (typeof COUNT_METHODS)[number];

/**
 * Every way to compute the adjusted churn. "daily" (ChartMogul's B2C churn, see dailyChurn.ts)
 * sums a rate per day, so it needs the customers' dates: a period's counts cannot give it.
 */
export const ADJUSTED_METHODS = [...COUNT_METHODS, 'daily'] as const;
export type AdjustedMethod = (typeof ADJUSTED_METHODS)[number];

export function isAdjustedMethod(value: string): value is AdjustedMethod {
  return (ADJUSTED_METHODS as readonly string[]).includes(value);
}

export function isCountMethod(value: string): value is CountMethod {
  return (COUNT_METHODS as readonly string[]).includes(value);
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

export function adjustedChurnDenominator(counts: PeriodCounts, method: CountMethod): number {
  switch (method) {
    case 'start':
      return counts.customersAtStart;
    case 'average':
      return (counts.customersAtStart + customersAtEnd(counts)) / 2;
    case 'start_plus_new':
      return counts.customersAtStart + counts.newCustomers;
  }
}

export function adjustedChurn(counts: PeriodCounts, method: CountMethod = 'start'): number | undefined {
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

/**
 * MRR churn: MRR lost from customers who left plus MRR lost to downgrades (contraction), over
 * the MRR at the start of the period (gross). Net MRR churn also subtracts the MRR gained from
 * upgrades (expansion), so it is negative when expansion outweighs the losses.
 */
export function mrrChurn(mrrAtStart: number, mrrLost: number, contraction = 0, expansion = 0, net = false): number | undefined {
  if (!(mrrAtStart > 0)) return undefined;
  return (mrrLost + contraction - (net ? expansion : 0)) / mrrAtStart;
}

/** Net revenue retention: 1 - net MRR churn (above 1 when expansion outweighs the losses). */
export function netRevenueRetention(mrrAtStart: number, mrrLost: number, contraction: number, expansion: number): number | undefined {
  const net = mrrChurn(mrrAtStart, mrrLost, contraction, expansion, true);
  return net === undefined ? undefined : 1 - net;
}

/** Quick ratio: MRR gained (new + expansion) per MRR lost (contraction + churned). */
export function quickRatio(newMrr: number, expansion: number, contraction: number, churnedMrr: number): number | undefined {
  const lost = contraction + churnedMrr;
  return lost > 0 ? (newMrr + expansion) / lost : undefined;
}

/** Customer lifetime value: average revenue per account x gross margin / churn rate, per period. */
export function customerLtv(arpa: number, rate: number, grossMargin = 1): number | undefined {
  return rate > 0 ? (arpa * grossMargin) / rate : undefined;
}
