/**
 * Billing intervals and monthly recurring revenue (MRR), by ChartMogul's rule: a subscription's
 * MRR is its amount times its quantity spread over the months of its billing interval. A year
 * is 12 months, a quarter 3, a week 12/52 of a month (weekly x 52 / 12) and a day 12/365.
 */

/** The billing interval units an export or a sheet user may write. */
export type IntervalUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** Months in one of each unit. */
const MONTHS: Record<IntervalUnit, number> = { day: 12 / 365, week: 12 / 52, month: 1, quarter: 3, year: 12 };

/** The words billing systems write for each unit (Stripe, Chargebee, Baremetrics, and plain English). */
const WORDS: Record<string, IntervalUnit> = {
  day: 'day', days: 'day', daily: 'day',
  week: 'week', weeks: 'week', weekly: 'week',
  month: 'month', months: 'month', monthly: 'month',
  quarter: 'quarter', quarters: 'quarter', quarterly: 'quarter',
  year: 'year', years: 'year', yearly: 'year', annual: 'year', annually: 'year',
};

/** The interval unit a text names ("month", "Yearly", " annual "), or undefined. */
export function intervalUnit(value: unknown): IntervalUnit | undefined {
  if (typeof value !== 'string') return undefined;
  return WORDS[value.trim().toLowerCase()];
}

export function monthsOf(unit: IntervalUnit): number {
  return MONTHS[unit];
}

/**
 * Monthly amount of a subscription: amount x quantity / (months of the interval x interval
 * count). The caller checks the inputs; a count of 0 gives Infinity, which it must refuse.
 */
export function monthlyAmount(amount: number, unit: IntervalUnit, quantity = 1, intervalCount = 1): number {
  const result = (amount * quantity) / (MONTHS[unit] * intervalCount);
  // -0 would show as 0 anyway; keep sums clean.
  return result === 0 ? 0 : result;
}

/**
 * The interval a plan's own name states, such as Chargebee's plan ids "pro-monthly",
 * "basic_annual" or "Team Yearly". Half-yearly plans are six months. Undefined when the name
 * says nothing about it, or more than one thing.
 */
export function intervalFromPlanName(name: string): { unit: IntervalUnit; count: number } | undefined {
  const words = name.toLowerCase().split(/[^a-z]+/).filter(Boolean);
  if (words.some((word) => /^(semi|half|biannual|semiannual|halfyearly)/.test(word))) return { unit: 'month', count: 6 };
  const units = new Set(words.map((word) => WORDS[word]).filter((unit): unit is IntervalUnit => unit !== undefined));
  if (units.size !== 1) return undefined;
  return { unit: [...units][0], count: 1 };
}
