import { isoFromDay } from '../../../src/core/calendar';
import { buildChurnTable } from '../../../src/core/churnTable';
import { readBillingExport, recogniseExport, type ChurnDate } from '../../../src/core/exports/billingExport';
import { intervalFromPlanName, intervalUnit, monthlyAmount } from '../../../src/core/exports/interval';
import { buildRevenueTable } from '../../../src/core/revenue';
import { TimeZone } from '../../../src/core/timezone';
import { BAREMETRICS_CSV, CHARGEBEE_CSV, STRIPE_CSV, csvRows } from '../../fixtures/billingExports';

/** Month, customers at start, new, reactivated, churned, churned new, at end. */
type Counts = [string, number, number, number, number, number, number];
/** Month, MRR at start, new, reactivation, expansion, contraction, churned, at end. */
type Mrr = [string, number, number, number, number, number, number, number];

// A zone behind UTC: the 23:45 UTC signup of 31 January must stay in January.
const zone = TimeZone.named('America/New_York');

function read(csv: string, churnAt: ChurnDate = 'serviceEnd', extra: { currency?: string; interval?: 'month' | 'year' } = {}) {
  const [headers, ...rows] = csvRows(csv);
  const recognised = recogniseExport(headers);
  if (!recognised) throw new Error('not recognised');
  return readBillingExport(recognised, headers, rows, { timeZone: zone, localeOrder: 'DMY', firstRowNumber: 2, churnAt, ...extra });
}

function months(csv: string, churnAt: ChurnDate = 'serviceEnd'): { counts: Counts[]; mrr: Mrr[] } {
  const reading = read(csv, churnAt);
  expect(reading.table.problems).toEqual([]);
  const { rows } = buildChurnTable(reading.table, 'month');
  const revenue = buildRevenueTable({ ...reading.table, amounts: reading.table.amounts! }, 'month');
  const month = (day: number) => isoFromDay(day).slice(0, 7);
  const cents = (n: number) => Math.round(n * 100) / 100;
  return {
    counts: rows.map((r) => [month(r.startDay), r.customersAtStart, r.newCustomers, r.reactivated, r.churned, r.churnedNew, r.customersAtEnd]),
    mrr: revenue.map((r) => [month(r.startDay), ...[r.mrrAtStart, r.newMrr, r.reactivationMrr, r.expansionMrr, r.contractionMrr, r.churnedMrr, r.mrrAtEnd].map(cents)] as Mrr),
  };
}

describe('recognising an export by its headers', () => {
  test.each([
    ['Stripe', STRIPE_CSV, 'stripe'],
    ['Chargebee', CHARGEBEE_CSV, 'chargebee'],
    ['Baremetrics', BAREMETRICS_CSV, 'baremetrics'],
  ])('%s', (_name, csv, format) => {
    expect(recogniseExport(csvRows(csv)[0])?.format).toBe(format);
  });

  test('Stripe with "Start Date (UTC)", without the (UTC) suffix, and Chargebee with customers.id', () => {
    expect(recogniseExport(['id', 'Customer ID', 'Plan', 'Quantity', 'Interval', 'Amount', 'Status', 'Start Date (UTC)'])?.columns.start).toBe(7);
    expect(recogniseExport(['id', 'Customer ID', 'Interval', 'Amount', 'Status', 'Created'])?.format).toBe('stripe');
    expect(recogniseExport(['customers.id', 'subscriptions.id', 'subscriptions.plan_unit_price', 'subscriptions.status', 'subscriptions.started_at'])?.columns.customer).toBe(0);
  });

  test('a plain customer table is no export', () => {
    expect(recogniseExport(['Customer ID', 'Signup date', 'Cancel date', 'MRR', 'Plan'])).toBeUndefined();
    expect(recogniseExport(['id', 'Start', 'End', 'Amount'])).toBeUndefined();
  });
});

describe('monthly amounts (ChartMogul: amount x quantity / months of the interval)', () => {
  test('annual, weekly, daily, quarterly and interval counts', () => {
    expect(monthlyAmount(2000, 'year')).toBeCloseTo(166.67, 2);
    expect(monthlyAmount(12, 'week')).toBeCloseTo(52, 10);
    expect(monthlyAmount(1, 'day')).toBeCloseTo(365 / 12, 10);
    expect(monthlyAmount(90, 'month', 2, 3)).toBe(60);
    expect(monthlyAmount(360, 'year', 5)).toBe(150);
    expect(intervalUnit(' Yearly ')).toBe('year');
    expect(intervalUnit('fortnight')).toBeUndefined();
    expect(intervalFromPlanName('basic_annual')).toEqual({ unit: 'year', count: 1 });
    expect(intervalFromPlanName('growth')).toBeUndefined();
    expect(intervalFromPlanName('pro-monthly-to-yearly')).toBeUndefined();
  });
});

describe('Stripe subscriptions export', () => {
  test('each row becomes the customer\'s paid stretch with its MRR', () => {
    const reading = read(STRIPE_CSV);
    expect(reading.subscriptions).toBe(16);
    expect(reading.inTrial).toBe(1); // cus_E
    expect(reading.trialNotConverted).toBe(1); // cus_D
    expect(reading.notStarted).toBe(1); // cus_N, incomplete_expired
    expect(reading.table.startDays.length).toBe(13);
    expect(new Set(reading.table.ids).size).toBe(11); // customers, not subscriptions
    expect(reading.currencies).toEqual(['USD']);
    expect(reading.periodSources).toEqual({ column: 13, term: 0, planName: 0, chosen: 0 });
  });

  test('months when service ends (the default)', () => {
    const { counts, mrr } = months(STRIPE_CSV);
    expect(counts).toEqual<Counts[]>([
      ['2023-10', 0, 1, 0, 0, 0, 1], // G
      ['2023-11', 1, 2, 0, 0, 0, 3], // B, I
      ['2023-12', 3, 2, 0, 0, 0, 5], // A, H
      ['2024-01', 5, 2, 0, 1, 0, 6], // F, J (23:45 UTC on the 31st) new; I leaves
      ['2024-02', 6, 3, 0, 1, 0, 8], // C after its trial, K past due, L; G cancelled at once
      ['2024-03', 8, 1, 1, 1, 0, 9], // M; I back; F's period runs out on the 8th
    ]);
    expect(mrr).toEqual<Mrr[]>([
      ['2023-10', 0, 100, 0, 0, 0, 0, 100],
      ['2023-11', 100, 300, 0, 0, 0, 0, 400], // B's 2,400 a year is 200 a month
      ['2023-12', 400, 120, 0, 0, 0, 0, 520], // A: 3 x 30
      ['2024-01', 520, 80, 0, 10, 0, 100, 510], // F 2 x 30, J 20; H's add-on +10; I -100
      ['2024-02', 510, 270, 0, 0, 0, 100, 680], // C 20, K 100, L 5 x 360 / 12 = 150; G -100
      ['2024-03', 680, 52, 100, 0, 10, 60, 762], // M 12 a week = 52; I 1,200 a year; H's add-on ends; F
    ]);
  });

  test('months when the customer cancels', () => {
    const { counts, mrr } = months(STRIPE_CSV, 'cancelRequest');
    expect(counts.slice(4)).toEqual<Counts[]>([
      ['2024-02', 6, 3, 0, 2, 0, 7], // G and F (asked on the 14th)
      ['2024-03', 7, 1, 1, 0, 0, 9],
    ]);
    expect(mrr.slice(4)).toEqual<Mrr[]>([
      ['2024-02', 510, 270, 0, 0, 10, 160, 610], // H asked to drop its add-on on the 20th
      ['2024-03', 610, 52, 100, 0, 0, 0, 762],
    ]);
  });

  test('several currencies are told apart; one can be chosen', () => {
    const mixed = STRIPE_CSV.replace('Team Annual,5,usd', 'Team Annual,5,eur');
    expect(read(mixed).currencies).toEqual(['EUR', 'USD']);
    const euro = read(mixed, 'serviceEnd', { currency: 'eur' });
    expect(euro.table.ids).toEqual(['cus_L']);
    expect(euro.otherCurrency).toBe(16 - 3); // all but cus_L, the trial and the subscription that never paid
  });
});

describe('Chargebee Subscriptions.csv', () => {
  test('billing periods from the current term, else the plan id', () => {
    const reading = read(CHARGEBEE_CSV);
    expect(reading.inTrial).toBe(1);
    expect(reading.trialNotConverted).toBe(1);
    expect(reading.notStarted).toBe(1);
    expect(reading.periodSources).toEqual({ column: 0, term: 6, planName: 2, chosen: 0 });
    expect(reading.plansWithoutInterval).toEqual([]);
  });

  test('months', () => {
    const { counts, mrr } = months(CHARGEBEE_CSV);
    expect(counts).toEqual<Counts[]>([
      ['2023-11', 0, 1, 0, 0, 0, 1], // h
      ['2023-12', 1, 1, 0, 0, 0, 2], // g
      ['2024-01', 2, 2, 0, 0, 0, 4], // a, b
      ['2024-02', 4, 2, 0, 1, 0, 5], // c, f after its trial; h
      ['2024-03', 5, 0, 1, 0, 0, 6], // h back
      ['2024-04', 6, 0, 0, 1, 0, 5], // g, Non Renewing to 1 April
    ]);
    expect(mrr).toEqual<Mrr[]>([
      ['2023-11', 0, 25, 0, 0, 0, 0, 25],
      ['2023-12', 25, 100, 0, 0, 0, 0, 125],
      ['2024-01', 125, 150, 0, 0, 0, 0, 275], // a 2 x 25, b 1,200 a year
      ['2024-02', 275, 75, 0, 10, 0, 25, 335], // c 600 a year (its term is a year), f 25; a's add-on
      ['2024-03', 335, 0, 100, 0, 10, 0, 425],
      ['2024-04', 425, 0, 0, 0, 0, 100, 325],
    ]);
  });

  test('a plan that neither a term nor its name times is listed, and read with the interval chosen', () => {
    const csv = CHARGEBEE_CSV.replace('sub_c1,cust_c,growth,1,600.00,USD,Active,,,2024-02-01 08:00:00,2025-02-01 08:00:00', 'sub_c1,cust_c,growth,1,600.00,USD,Active,,,,');
    expect(read(csv).plansWithoutInterval).toEqual(['growth']);
    const yearly = read(csv, 'serviceEnd', { interval: 'year' });
    expect(yearly.plansWithoutInterval).toEqual([]);
    expect(yearly.periodSources.chosen).toBe(1);
    expect(yearly.table.amounts![yearly.table.ids!.indexOf('cust_c')]).toBe(50);
  });
});

describe('Baremetrics import template', () => {
  test('cents, interval counts, and the cancel date read to the end of its period', () => {
    expect(months(BAREMETRICS_CSV)).toEqual({
      counts: [
        ['2024-01', 0, 3, 0, 0, 0, 3],
        ['2024-02', 3, 1, 0, 0, 0, 4],
        ['2024-03', 4, 0, 0, 1, 0, 3], // asked on 20 February, paid to 15 March
      ],
      mrr: [
        ['2024-01', 0, 78, 0, 0, 0, 0, 78], // 29 + 240 / 12 + 29
        ['2024-02', 78, 60, 0, 0, 0, 0, 138], // 2 x 90 a quarter
        ['2024-03', 138, 0, 0, 0, 0, 29, 109],
      ],
    });
    expect(months(BAREMETRICS_CSV, 'cancelRequest').counts).toEqual([
      ['2024-01', 0, 3, 0, 0, 0, 3],
      ['2024-02', 3, 1, 0, 1, 0, 3],
    ]);
  });
});

test('Stripe\'s Interval Count: every three months is a third of the amount a month, a blank count is one', () => {
  const lines = STRIPE_CSV.trim().split('\n');
  const headers = lines[0].split(',');
  const interval = headers.indexOf('Interval');
  const withCount = [
    [...headers.slice(0, interval + 1), 'Interval Count', ...headers.slice(interval + 1)].join(','),
    ...lines.slice(1).map((line) => {
      const cells = line.split(',');
      const count = cells[0] === 'sub_1A' ? '3' : cells[0] === 'sub_1B' ? '' : '1';
      return [...cells.slice(0, interval + 1), count, ...cells.slice(interval + 1)].join(',');
    }),
  ].join('\n');
  const reading = read(withCount);
  expect(reading.table.problems).toEqual([]);
  const amountOf = (customer: string) => reading.table.amounts![reading.table.ids!.indexOf(customer)];
  expect(amountOf('cus_A')).toBe(30); // 3 seats x 30.00 every 3 months
  expect(amountOf('cus_B')).toBe(200); // 2400.00 a year, no count given
  expect(amountOf('cus_C')).toBe(20);
});

test('rows that cannot be read are reported with their row number', () => {
  const csv = STRIPE_CSV.replace('Pro Monthly,1,usd,month,100.00,past_due', 'Pro Monthly,1,usd,fortnight,100.00,past_due').replace(',Maple Co,m@maple.test,Weekly Box,1,', ',Maple Co,m@maple.test,Weekly Box,lots,');
  const reading = read(csv);
  expect(reading.table.problems.map((p) => [p.row, p.key])).toEqual([
    [14, 'row.exportBadInterval'],
    [16, 'row.exportBadQuantity'],
  ]);
});
