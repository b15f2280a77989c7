/**
 * Subscription exports of billing systems (Stripe, Chargebee, Baremetrics' import template),
 * recognised by their headers and read into the engine's customer table by ChartMogul's rules:
 *
 * - a row is a subscription, its customer is the export's customer id (never the subscription
 *   id), so ending one of a customer's subscriptions is contraction and ending the last is churn;
 * - MRR = amount x quantity / months of the billing interval (interval.ts);
 * - a trial is not a customer: a subscription counts from the end of its trial, and one that
 *   ended before its trial did, or is still in trial, never counts;
 * - churn is dated when the paid service ends (or, as chosen, when the customer cancelled);
 * - past-due subscriptions count until they are cancelled.
 *
 * Dates are read as the day they are written in the export (Stripe writes UTC), whatever the
 * spreadsheet's time zone: a date cell shows that day, and a text is read as written.
 */
import { civilFromDay, dayFromCivil, isoFromDay } from '../calendar';
import { DateReader, type DateOrder } from '../dates';
import { MAX_AMOUNT, quoted } from '../limits';
import { monthNamesOf } from '../monthNames';
import { NO_END, PROBLEM_DETAIL_LIMIT, isBlankCell, readAmount, type CustomerTable, type RowProblem } from '../table';
import type { TimeZone } from '../timezone';
import type { Message } from '../../i18n';
import { intervalFromPlanName, intervalUnit, monthlyAmount, type IntervalUnit } from './interval';

export type ExportFormat = 'stripe' | 'chargebee' | 'baremetrics';

/** When a cancelled subscription stops counting: when its paid service ends (default) or when the customer cancelled. */
export type ChurnDate = 'serviceEnd' | 'cancelRequest';

type Field =
  | 'subscription' | 'customer' | 'plan' | 'quantity' | 'currency' | 'interval' | 'intervalCount' | 'amount' | 'status'
  | 'created' | 'start' | 'termStart' | 'termEnd' | 'trialEnd' | 'canceledAt' | 'endedAt';

export type ExportColumns = Partial<Record<Field, number>>;

export interface RecognisedExport {
  format: ExportFormat;
  /** Column index (0-based, within the table) of each field the export has. */
  columns: ExportColumns;
}

interface FormatSpec {
  format: ExportFormat;
  names: Record<string, Field>;
  /** Each entry: at least one of these fields must be present. */
  required: Field[][];
}

const FORMATS: FormatSpec[] = [
  {
    format: 'chargebee',
    names: {
      'subscriptions.id': 'subscription',
      'subscriptions.customer_id': 'customer',
      'customers.id': 'customer',
      'subscriptions.plan_id': 'plan',
      'subscriptions.plan_quantity': 'quantity',
      'subscriptions.plan_unit_price': 'amount',
      'subscriptions.currency_code': 'currency',
      'subscriptions.billing_period_unit': 'interval',
      'subscriptions.billing_period': 'intervalCount',
      'subscriptions.status': 'status',
      'subscriptions.trial_end': 'trialEnd',
      'subscriptions.current_term_start': 'termStart',
      'subscriptions.current_term_end': 'termEnd',
      'subscriptions.started_at': 'start',
      'subscriptions.created_at': 'created',
      'subscriptions.cancelled_at': 'endedAt',
    },
    required: [['customer'], ['amount'], ['status'], ['start', 'created']],
  },
  {
    format: 'baremetrics',
    names: {
      subscription_oid: 'subscription',
      customer_oid: 'customer',
      plan_name: 'plan',
      plan_currency: 'currency',
      plan_amount: 'amount',
      plan_interval: 'interval',
      plan_interval_count: 'intervalCount',
      subscription_started_at: 'start',
      subscription_canceled_at: 'canceledAt',
      subscription_quantity: 'quantity',
    },
    required: [['customer'], ['amount'], ['interval'], ['start']],
  },
  {
    format: 'stripe',
    names: {
      id: 'subscription',
      'customer id': 'customer',
      customer: 'customer',
      plan: 'plan',
      quantity: 'quantity',
      currency: 'currency',
      interval: 'interval',
      'interval count': 'intervalCount',
      amount: 'amount',
      status: 'status',
      created: 'created',
      start: 'start',
      'start date': 'start',
      'current period start': 'termStart',
      'current period end': 'termEnd',
      'trial end': 'trialEnd',
      'canceled at': 'canceledAt',
      'ended at': 'endedAt',
    },
    required: [['subscription'], ['customer'], ['amount'], ['interval'], ['status'], ['start', 'created']],
  },
];

/** A header as the formats name it: lower case, single spaces, without Stripe's " (UTC)". */
function exportHeader(header: unknown): string {
  return String(header ?? '').trim().toLowerCase().replace(/\s+/g, ' ').replace(/ \(utc\)$/, '');
}

/** The billing export whose headers these are, or undefined for any other table. */
export function recogniseExport(headers: readonly unknown[]): RecognisedExport | undefined {
  const normalized = headers.map(exportHeader);
  for (const spec of FORMATS) {
    const columns: ExportColumns = {};
    normalized.forEach((header, index) => {
      const field = spec.names[header];
      // The first column of a name wins; Stripe's "Start" beats "Start Date" only by coming first.
      if (field !== undefined && columns[field] === undefined) columns[field] = index;
    });
    if (spec.required.every((anyOf) => anyOf.some((field) => columns[field] !== undefined))) return { format: spec.format, columns };
  }
  return undefined;
}

export interface ExportReadOptions {
  timeZone: TimeZone;
  localeOrder: DateOrder;
  monthNames?: Map<string, number>;
  /** Row number shown for the first data row. */
  firstRowNumber: number;
  decimalSeparator?: '.' | ',';
  churnAt: ChurnDate;
  /** Only this currency's subscriptions (case ignored); all when absent. */
  currency?: string;
  /** The billing interval of subscriptions whose export row does not tell it. */
  interval?: IntervalUnit;
}

/** Where the billing interval of the counted subscriptions came from, and how many each. */
export interface PeriodSources {
  column: number;
  term: number;
  planName: number;
  chosen: number;
}

export interface ExportReading {
  format: ExportFormat;
  /** The engine's rows: customer id, first paid day, end by the chosen rule, MRR, plan as segment. */
  table: CustomerTable;
  /** The currencies of the export's subscriptions, upper case, sorted. */
  currencies: string[];
  subscriptions: number;
  /** Subscriptions still in their trial: not customers yet. */
  inTrial: number;
  /** Subscriptions that ended before their trial did: never customers. */
  trialNotConverted: number;
  /** Subscriptions that never started paying (Stripe incomplete, Chargebee future). */
  notStarted: number;
  /** Subscriptions left out for another currency than the chosen one. */
  otherCurrency: number;
  periodSources: PeriodSources;
  /** Plans whose billing interval nothing tells (no column, term or word in the name), when none was chosen. */
  plansWithoutInterval: string[];
  /** The row number of each of the table's rows, for previews. */
  rowNumbers: number[];
}

const IN_TRIAL = new Set(['trialing', 'in trial', 'in_trial', 'intrial']);
const NOT_STARTED = new Set(['incomplete', 'incomplete_expired', 'future']);
const CANCELLED = new Set(['canceled', 'cancelled']);

/** A day `months` calendar months after `day`, on the same date or the month's last day when it has fewer. */
function addMonths(day: number, months: number): number {
  const { year, month, day: date } = civilFromDay(day);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const lastDate = civilFromDay(dayFromCivil(targetYear, targetMonth + 1, 1) - 1).day;
  return dayFromCivil(targetYear, targetMonth, Math.min(date, lastDate));
}

const isLastOfMonth = (day: number) => civilFromDay(day + 1).day === 1;

/**
 * The billing interval a term (current period) spans: a whole number of months (the same date,
 * or month ends), or of weeks, or days. Undefined for a term of another length.
 */
function intervalFromTerm(start: number, end: number): { unit: IntervalUnit; count: number } | undefined {
  if (end <= start) return undefined;
  const a = civilFromDay(start);
  const b = civilFromDay(end);
  const months = (b.year - a.year) * 12 + (b.month - a.month);
  const sameDate = b.day === a.day || (b.day < a.day && isLastOfMonth(end)) || (isLastOfMonth(start) && isLastOfMonth(end));
  if (months > 0 && sameDate) return months % 12 === 0 ? { unit: 'year', count: months / 12 } : { unit: 'month', count: months };
  const days = end - start;
  if (days < 28 && days % 7 === 0) return { unit: 'week', count: days / 7 };
  if (days < 7) return { unit: 'day', count: days };
  return undefined;
}

/** The first renewal after `start` on or after `day`: when a period in which the customer cancelled runs out. */
function periodEndAfter(start: number, unit: IntervalUnit, count: number, day: number): number {
  if (unit === 'day' || unit === 'week') {
    const step = (unit === 'day' ? 1 : 7) * count;
    return start + step * Math.max(1, Math.ceil((day - start) / step));
  }
  const stepMonths = (unit === 'year' ? 12 : unit === 'quarter' ? 3 : 1) * count;
  const a = civilFromDay(start);
  const b = civilFromDay(day);
  let k = Math.max(1, Math.floor(((b.year - a.year) * 12 + (b.month - a.month)) / stepMonths));
  while (k > 1 && addMonths(start, (k - 1) * stepMonths) >= day) k--;
  while (addMonths(start, k * stepMonths) < day) k++;
  return addMonths(start, k * stepMonths);
}

/**
 * Reads the export's rows into the engine's customer table. Rows whose dates, amount,
 * quantity or interval cannot be read are left out and reported, as for any customer table.
 */
export function readBillingExport(recognised: RecognisedExport, headers: readonly unknown[], rows: ArrayLike<ArrayLike<unknown>>, options: ExportReadOptions): ExportReading {
  const { format, columns } = recognised;
  const decimalSeparator = options.decimalSeparator ?? '.';
  const reader = new DateReader(options.timeZone, options.localeOrder, options.monthNames ?? monthNamesOf('en'));
  const wantedCurrency = options.currency?.trim().toUpperCase();
  const startDays: number[] = [];
  const endDays: number[] = [];
  const ids: string[] = [];
  const amounts: number[] = [];
  const segments: string[] | undefined = columns.plan === undefined ? undefined : [];
  const rowNumbers: number[] = [];
  const problems: RowProblem[] = [];
  let problemCount = 0;
  let blankRows = 0;
  const currencies = new Set<string>();
  const reading: Omit<ExportReading, 'table' | 'currencies' | 'plansWithoutInterval' | 'rowNumbers'> = {
    format,
    subscriptions: 0,
    inTrial: 0,
    trialNotConverted: 0,
    notStarted: 0,
    otherCurrency: 0,
    periodSources: { column: 0, term: 0, planName: 0, chosen: 0 },
  };
  const plansWithoutInterval = new Set<string>();

  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const rowNumber = options.firstRowNumber + i;
    const cell = (field: Field): unknown => (columns[field] === undefined ? undefined : row[columns[field]!]);
    let blank = true;
    for (let c = 0; c < row.length && blank; c++) blank = isBlankCell(row[c]);
    if (blank) {
      blankRows++;
      continue;
    }
    reading.subscriptions++;
    const report = (key: Message['key'], params: Message['params'] = {}) => {
      problemCount++;
      if (problems.length < PROBLEM_DETAIL_LIMIT) problems.push({ row: rowNumber, key, params: { row: rowNumber, ...params } });
    };
    /** A date field: its day, NO_END when blank, or undefined (reported) when it is not a date. */
    const day = (field: Field): number | undefined => {
      const value = cell(field);
      const read = reader.read(value);
      if (read.kind === 'day') return read.day;
      if (read.kind === 'blank') return NO_END;
      report(read.kind === 'outOfRange' ? 'row.dateOutOfRange' : 'row.exportBadDate', { column: String(headers[columns[field]!] ?? ''), value: quoted(String(value)) });
      return undefined;
    };

    const status = String(cell('status') ?? '').trim().toLowerCase();
    if (NOT_STARTED.has(status)) {
      reading.notStarted++;
      continue;
    }
    if (IN_TRIAL.has(status)) {
      reading.inTrial++;
      continue;
    }
    const customerCell = cell('customer');
    if (isBlankCell(customerCell)) {
      report('row.exportNoCustomer');
      continue;
    }
    const customer = String(customerCell).trim();

    const currency = String(cell('currency') ?? '').trim().toUpperCase();
    if (currency) currencies.add(currency);
    if (wantedCurrency && currency !== wantedCurrency) {
      reading.otherCurrency++;
      continue;
    }

    let start = day('start');
    if (start === NO_END) start = day('created');
    if (start === NO_END) {
      report('row.startMissing');
      continue;
    }
    const trialEnd = day('trialEnd');
    const endedAt = day('endedAt');
    const canceledAt = day('canceledAt');
    const termStart = day('termStart');
    const termEnd = day('termEnd');
    if ([start, trialEnd, endedAt, canceledAt, termStart, termEnd].includes(undefined)) continue;

    // The billing interval: its column, else the current term's length, else the plan's name, else the user's choice.
    const plan = String(cell('plan') ?? '').trim();
    let interval: { unit: IntervalUnit; count: number } | undefined;
    let source: keyof PeriodSources | undefined;
    const intervalCell = cell('interval');
    if (!isBlankCell(intervalCell)) {
      const unit = intervalUnit(intervalCell);
      if (!unit) {
        report('row.exportBadInterval', { value: quoted(String(intervalCell)) });
        continue;
      }
      const countCell = cell('intervalCount');
      const count = isBlankCell(countCell) ? 1 : readAmount(countCell, decimalSeparator);
      const countValue = typeof count === 'number' ? count : count.kind === 'amount' ? count.value : 0;
      if (!(countValue > 0)) {
        report('row.exportBadInterval', { value: quoted(`${String(intervalCell)} x ${String(countCell)}`) });
        continue;
      }
      interval = { unit, count: countValue };
      source = 'column';
    } else if (termStart !== NO_END && termEnd !== NO_END && (interval = intervalFromTerm(termStart!, termEnd!))) {
      source = 'term';
    } else if ((interval = intervalFromPlanName(plan))) {
      source = 'planName';
    } else if (options.interval) {
      interval = { unit: options.interval, count: 1 };
      source = 'chosen';
    } else {
      plansWithoutInterval.add(plan);
      continue;
    }

    const amountCell = cell('amount');
    const amountReading = readAmount(amountCell, decimalSeparator);
    if (amountReading.kind !== 'amount') {
      const key = { blank: 'row.amountMissing', notNumber: 'row.amountNotNumber', negative: 'row.amountNegative', tooLarge: 'row.amountTooLarge' }[amountReading.kind] as Message['key'];
      report(key, { value: quoted(String(amountCell)), max: MAX_AMOUNT.toExponential().replace('e+', 'E') });
      continue;
    }
    // Baremetrics writes plan amounts in cents.
    const amount = format === 'baremetrics' ? amountReading.value / 100 : amountReading.value;
    const quantityCell = cell('quantity');
    const quantityReading = isBlankCell(quantityCell) ? undefined : readAmount(quantityCell, decimalSeparator);
    if (quantityReading && quantityReading.kind !== 'amount') {
      report('row.exportBadQuantity', { value: quoted(String(quantityCell)) });
      continue;
    }
    const mrr = monthlyAmount(amount, interval.unit, quantityReading ? quantityReading.value : 1, interval.count);
    if (!(mrr <= MAX_AMOUNT)) {
      report('row.amountTooLarge', { value: quoted(String(amountCell)), max: MAX_AMOUNT.toExponential().replace('e+', 'E') });
      continue;
    }

    // When the paid service ends, and when the customer asked for it.
    let serviceEnd: number;
    let requestEnd: number;
    if (format === 'stripe') {
      // Cancelled at period end and not ended yet: service runs to the end of the current period.
      const cancelled = canceledAt !== NO_END || CANCELLED.has(status);
      serviceEnd = endedAt !== NO_END ? endedAt! : cancelled ? (termEnd !== NO_END ? termEnd! : canceledAt!) : NO_END;
      requestEnd = canceledAt !== NO_END ? canceledAt! : serviceEnd;
    } else if (format === 'chargebee') {
      // Chargebee's cancelled_at is when service ends (in the future for Non Renewing); it has no request date.
      serviceEnd = endedAt !== NO_END ? endedAt! : CANCELLED.has(status) && termEnd !== NO_END ? termEnd! : NO_END;
      requestEnd = serviceEnd;
    } else {
      // Baremetrics' cancel date is the request: service runs to the end of the period it falls in.
      requestEnd = canceledAt!;
      serviceEnd = canceledAt === NO_END ? NO_END : periodEndAfter(start!, interval.unit, interval.count, canceledAt!);
    }

    // A trial is not a customer: count from its end, and not at all when service ended by then.
    const paidStart = trialEnd !== NO_END && trialEnd! > start! ? trialEnd! : start!;
    if (paidStart > start! && serviceEnd !== NO_END && serviceEnd <= paidStart) {
      reading.trialNotConverted++;
      continue;
    }
    let end = options.churnAt === 'cancelRequest' ? requestEnd : serviceEnd;
    // Cancelled during the trial but served past it: the paid period still counts, from its first day.
    if (end !== NO_END && end < paidStart) end = paidStart;

    reading.periodSources[source!]++;
    startDays.push(paidStart);
    endDays.push(end);
    ids.push(customer);
    amounts.push(mrr);
    segments?.push(plan);
    rowNumbers.push(rowNumber);
  }

  let firstDay = Infinity;
  let lastDay = -Infinity;
  for (let i = 0; i < startDays.length; i++) {
    firstDay = Math.min(firstDay, startDays[i]);
    lastDay = Math.max(lastDay, endDays[i] === NO_END ? startDays[i] : endDays[i]);
  }
  const table: CustomerTable = {
    startDays: Int32Array.from(startDays),
    endDays: Int32Array.from(endDays),
    ids,
    amounts: Float64Array.from(amounts),
    segments,
    span: startDays.length > 0 ? { firstDay, lastDay } : undefined,
    problems,
    problemCount,
    blankRows,
    dateOrders: [],
  };
  return { ...reading, table, currencies: [...currencies].sort(), plansWithoutInterval: [...plansWithoutInterval].sort(), rowNumbers };
}

/** An export row's day as ISO, for previews. */
export const exportDayText = (day: number): string => (day === NO_END ? '' : isoFromDay(day));
