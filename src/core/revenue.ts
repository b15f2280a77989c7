/**
 * Revenue (MRR) churn: the period table of a customer table with an amount column.
 *
 * A customer's MRR at a moment is the sum of the amounts of its rows active then (start
 * inclusive, end exclusive); without ids every row is its own customer. Each customer's start
 * and end events are walked day by day, and the change of its MRR over a day is classified:
 *   0 -> >0   new MRR (the first time it pays) or reactivation MRR (a later return)
 *   >0 -> 0   churned MRR (the MRR it had)
 *   >0 -> >0  expansion (up) or contraction (down) by the difference
 * Events of one customer on one day net out: a plan change that ends one row and starts another
 * the same day is expansion or contraction, not churn plus new. A row that starts and ends on the
 * same day while the customer pays nothing either side of it is a new (or returning) customer of
 * that day who churns the same day, as in the churn table.
 *
 * Sorting each customer's events costs O(rows log rows); the periods are filled by difference
 * arrays, O(periods). Amounts are added up as whole multiples of the smallest decimal unit they
 * use (cents, at most millionths), so sums are exact and a change of plan to the same price is no
 * change at all, without rounding dust.
 */
import type { PeriodSpan } from './churnTable';
import { mrrChurn, netRevenueRetention, quickRatio } from './metrics';
import { PeriodIndex, type PeriodKind } from './periods';
import { NO_END, type CustomerTable } from './table';

export interface RevenueRow {
  /** Day number of the first day of the period. */
  startDay: number;
  /** MRR just before the period's first day. */
  mrrAtStart: number;
  newMrr: number;
  reactivationMrr: number;
  expansionMrr: number;
  contractionMrr: number;
  churnedMrr: number;
  /** MRR at start + new + reactivation + expansion - contraction - churned: the next period's MRR at start. */
  mrrAtEnd: number;
}

export interface RevenueRates {
  /** (churned + contraction) / MRR at start. */
  grossMrrChurn: number | undefined;
  /** (churned + contraction - expansion) / MRR at start; negative when expansion outweighs the losses. */
  netMrrChurn: number | undefined;
  /** 1 - net MRR churn. */
  netRevenueRetention: number | undefined;
  /** (new + expansion) / (contraction + churned). */
  quickRatio: number | undefined;
}

/** What the revenue table needs of a customer table: dates, ids when given, and amounts. */
export type RevenueInput = Pick<CustomerTable, 'startDays' | 'endDays' | 'ids' | 'span'> & { amounts: Float64Array };

const MAX_DECIMALS = 6;

/**
 * The amounts as whole numbers of a decimal unit: the smallest of 1, 1/10, ... 1/10^6 that holds
 * every amount exactly (amounts with more decimals are rounded to millionths), made coarser when
 * the sums could pass 2^53, where whole numbers stop being exact.
 */
export function amountUnits(amounts: Float64Array): { units: Float64Array; scale: number } {
  let decimals = 0;
  let total = 0;
  for (let i = 0; i < amounts.length; i++) {
    const amount = amounts[i];
    total += amount;
    while (decimals < MAX_DECIMALS && Math.round(amount * 10 ** decimals) / 10 ** decimals !== amount) decimals++;
  }
  // Every sum of the table is at most twice the total of all amounts (each row starts and ends once).
  while (decimals > 0 && 2 * total * 10 ** decimals > Number.MAX_SAFE_INTEGER) decimals--;
  const scale = 10 ** decimals;
  const units = new Float64Array(amounts.length);
  for (let i = 0; i < amounts.length; i++) units[i] = Math.round(amounts[i] * scale);
  return { units, scale };
}

/** Each row's customer: rows sharing a non-blank id are one customer; otherwise a row is its own. */
function customersOf(rowCount: number, ids: readonly string[] | undefined): { customerOf: Int32Array; customerCount: number } {
  const customerOf = new Int32Array(rowCount);
  if (!ids) {
    for (let i = 0; i < rowCount; i++) customerOf[i] = i;
    return { customerOf, customerCount: rowCount };
  }
  const known = new Map<string, number>();
  let customerCount = 0;
  for (let i = 0; i < rowCount; i++) {
    const id = ids[i];
    if (id === '') {
      customerOf[i] = customerCount++;
      continue;
    }
    let customer = known.get(id);
    if (customer === undefined) {
      customer = customerCount++;
      known.set(id, customer);
    }
    customerOf[i] = customer;
  }
  return { customerOf, customerCount };
}

/** Event kinds: a row starts, a row ends, or a row starts and ends on the same day. */
const START = 1;
const END = -1;
const BLIP = 0;

/** Sorts order[from..to) by day; a customer usually has a handful of events. */
function sortByDay(order: Int32Array, from: number, to: number, day: Int32Array): void {
  if (to - from <= 16) {
    for (let k = from + 1; k < to; k++) {
      const event = order[k];
      let j = k - 1;
      while (j >= from && day[order[j]] > day[event]) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = event;
    }
    return;
  }
  const sorted = Array.from(order.subarray(from, to)).sort((a, b) => day[a] - day[b]);
  order.set(sorted, from);
}

/**
 * The revenue table of periods of `kind`. The periods run from the first start to the last start
 * or end (as in buildChurnTable); a window given by the caller narrows or widens that.
 */
export function buildRevenueTable(table: RevenueInput, kind: PeriodKind, window?: PeriodSpan): RevenueRow[] {
  const { startDays, endDays, span } = table;
  if (!span) return [];
  const shown = window ?? span;
  const rowCount = startDays.length;
  const index = new PeriodIndex(kind, Math.min(span.firstDay, shown.firstDay), Math.max(span.lastDay, shown.lastDay));
  const count = index.count;
  const { units, scale } = amountUnits(table.amounts);
  const { customerOf, customerCount } = customersOf(rowCount, table.ids);

  // Events, grouped by customer with a counting sort, then each customer's sorted by day.
  const eventDay = new Int32Array(2 * rowCount);
  const eventRow = new Int32Array(2 * rowCount);
  const eventKind = new Int8Array(2 * rowCount);
  const eventCustomer = new Int32Array(2 * rowCount);
  let events = 0;
  const addEvent = (row: number, day: number, what: number) => {
    eventDay[events] = day;
    eventRow[events] = row;
    eventKind[events] = what;
    eventCustomer[events] = customerOf[row];
    events++;
  };
  for (let i = 0; i < rowCount; i++) {
    const start = startDays[i];
    const end = endDays[i];
    if (end === start) {
      addEvent(i, start, BLIP);
      continue;
    }
    addEvent(i, start, START);
    if (end !== NO_END) addEvent(i, end, END);
  }
  const firstEvent = new Int32Array(customerCount + 1);
  for (let e = 0; e < events; e++) firstEvent[eventCustomer[e] + 1]++;
  for (let c = 0; c < customerCount; c++) firstEvent[c + 1] += firstEvent[c];
  const order = new Int32Array(events);
  const fill = firstEvent.slice(0, customerCount);
  for (let e = 0; e < events; e++) order[fill[eventCustomer[e]]++] = e;

  const atStartChange = new Float64Array(count + 1); // difference array for MRR at start
  const gained = new Float64Array(count);
  const returned = new Float64Array(count);
  const expanded = new Float64Array(count);
  const contracted = new Float64Array(count);
  const lost = new Float64Array(count);

  for (let c = 0; c < customerCount; c++) {
    const from = firstEvent[c];
    const to = firstEvent[c + 1];
    sortByDay(order, from, to, eventDay);
    let mrr = 0;
    let payingRows = 0; // active rows with an amount above 0: MRR > 0 exactly when this is
    let hasPaid = false;
    let k = from;
    while (k < to) {
      const day = eventDay[order[k]];
      let change = 0;
      let payingChange = 0;
      let blip = 0;
      for (; k < to && eventDay[order[k]] === day; k++) {
        const event = order[k];
        const amount = units[eventRow[event]];
        const what = eventKind[event];
        if (what === BLIP) blip += amount;
        else {
          change += what * amount;
          if (amount > 0) payingChange += what;
        }
      }
      const before = mrr;
      const wasPaying = payingRows > 0;
      payingRows += payingChange;
      mrr = payingRows > 0 ? mrr + change : 0;
      const p = index.indexOf(day);
      if (!wasPaying && payingRows === 0) {
        // Paying nothing before and after the day: only a same-day row shows, new and churned at once.
        if (blip > 0) {
          (hasPaid ? returned : gained)[p] += blip;
          lost[p] += blip;
          hasPaid = true;
        }
        continue;
      }
      if (!wasPaying) {
        (hasPaid ? returned : gained)[p] += mrr;
        hasPaid = true;
      } else if (payingRows === 0) lost[p] += before;
      else if (mrr > before) expanded[p] += mrr - before;
      else if (mrr < before) contracted[p] += before - mrr;
      atStartChange[p + 1] += mrr - before;
    }
  }

  const firstIndex = index.indexOf(shown.firstDay);
  const lastIndex = index.indexOf(shown.lastDay);
  const rows: RevenueRow[] = [];
  let atStart = 0;
  for (let p = 0; p <= lastIndex; p++) {
    atStart += atStartChange[p];
    if (p < firstIndex) continue;
    rows.push({
      startDay: index.startDay(p),
      mrrAtStart: atStart / scale,
      newMrr: gained[p] / scale,
      reactivationMrr: returned[p] / scale,
      expansionMrr: expanded[p] / scale,
      contractionMrr: contracted[p] / scale,
      churnedMrr: lost[p] / scale,
      mrrAtEnd: (atStart + atStartChange[p + 1]) / scale,
    });
  }
  return rows;
}

/** A period's rates; undefined where the denominator is 0. */
export function revenueRates(row: RevenueRow): RevenueRates {
  return {
    grossMrrChurn: mrrChurn(row.mrrAtStart, row.churnedMrr, row.contractionMrr, row.expansionMrr, false),
    netMrrChurn: mrrChurn(row.mrrAtStart, row.churnedMrr, row.contractionMrr, row.expansionMrr, true),
    netRevenueRetention: netRevenueRetention(row.mrrAtStart, row.churnedMrr, row.contractionMrr, row.expansionMrr),
    quickRatio: quickRatio(row.newMrr, row.expansionMrr, row.contractionMrr, row.churnedMrr),
  };
}

/**
 * A period's figures in table order: MRR at start, new, reactivation, expansion, contraction,
 * churned, MRR at end, gross MRR churn, net MRR churn, net revenue retention and quick ratio;
 * '' where a rate is undefined, never 0, NaN or Infinity.
 */
export function revenueFigures(row: RevenueRow): (number | '')[] {
  const rates = revenueRates(row);
  const rate = (value: number | undefined): number | '' => (value === undefined ? '' : value);
  return [
    row.mrrAtStart,
    row.newMrr,
    row.reactivationMrr,
    row.expansionMrr,
    row.contractionMrr,
    row.churnedMrr,
    row.mrrAtEnd,
    rate(rates.grossMrrChurn),
    rate(rates.netMrrChurn),
    rate(rates.netRevenueRetention),
    rate(rates.quickRatio),
  ];
}
