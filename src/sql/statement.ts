/**
 * One SELECT statement that computes CHURN_TABLE, REVENUE_TABLE or COHORT_TABLE in a database,
 * with the definitions of docs/metrics.md: half-open [start, end), a customer's rows merged by id
 * into stretches, reactivations, expansion and contraction, ISO weeks from Monday, daily churn,
 * and segments as blocks after all customers.
 *
 * The computation is written once; only the spellings in dialects.ts differ. It scales as the
 * engine does: every row becomes a handful of events, events are added up per period (or per
 * day, for the daily churn), and running sums over the periods give the counts at the start of
 * each. A calendar of periods is joined to the aggregated events, never to the customers.
 *
 * Every name that comes from the user (table, columns, time zone, labels) goes through the
 * dialect's quoting; nothing of theirs is pasted into the text as it is.
 */
import type { AdjustedMethod } from '../core/metrics';
import type { CohortMode } from '../core/cohorts';
import type { PeriodKind } from '../core/periods';
import { DIALECTS, quotedTableName, type SqlDialect, type SqlDialectName } from './dialects';

export const SQL_KINDS = ['churn', 'revenue', 'cohort'] as const;
export type SqlKind = (typeof SQL_KINDS)[number];

export interface SqlColumns {
  start: string;
  end?: string;
  id?: string;
  /** With an amount column, rows whose amount is missing, negative or above 1E15 are left out (of a churn or cohort table too). */
  amount?: string;
  segment?: string;
}

export interface SqlRequest {
  dialect: SqlDialectName;
  /** The table's name, quoted part by part (`project.dataset.table`). */
  table?: string;
  /**
   * A FROM item written by this program itself (DuckDB's read_csv of a file, with the path
   * quoted as a literal), used instead of `table`. Never from user input.
   */
  fromItem?: string;
  columns: SqlColumns;
  kind?: SqlKind;
  period?: PeriodKind;
  method?: AdjustedMethod;
  cohortMode?: CohortMode;
  /** COHORT_TABLE has one column per period of the table; SQL fixes its columns when written. */
  cohortColumns?: number;
  /** The zone in which TIMESTAMP columns are turned into calendar days. */
  timeZone?: string;
  /** Which date columns hold instants (TIMESTAMP) to convert; by default both when a zone is given. */
  instants?: { start: boolean; end: boolean };
  /** The labels of the all-customers and no-segment blocks (English by default). */
  labels?: { all: string; blank: string };
}

export const DEFAULT_COHORT_COLUMNS = 24;
/** BigQuery's limit on a result's columns is 10,000; a few are taken by the cohort's start and size. */
export const MAX_COHORT_COLUMNS = 9_990;

/** The result's column names, in the order of the function's spill. */
export function sqlColumnNames(request: Pick<SqlRequest, 'kind' | 'period' | 'method' | 'cohortColumns' | 'columns'>): string[] {
  const kind = request.kind ?? 'churn';
  const names = request.columns.segment === undefined ? [] : ['segment'];
  if (kind === 'churn') {
    const last = request.method === 'daily' ? 'daily_churn' : 'adjusted_churn';
    names.push('period_start', 'customers_at_start', 'new_customers', 'reactivated', 'churned', 'churned_new', 'customers_at_end', 'churn_rate', last);
  } else if (kind === 'revenue') {
    names.push('period_start', 'mrr_at_start', 'new_mrr', 'reactivation_mrr', 'expansion_mrr', 'contraction_mrr', 'churned_mrr', 'mrr_at_end', 'gross_mrr_churn', 'net_mrr_churn', 'net_revenue_retention', 'quick_ratio');
  } else {
    names.push('cohort_start', 'cohort_size');
    const count = request.cohortColumns ?? DEFAULT_COHORT_COLUMNS;
    for (let k = 0; k < count; k++) names.push(`${request.period ?? 'month'}_${k}`);
  }
  return names;
}

/** Day number the engine and the statement use for "no end" while merging rows. */
const NO_END_DAY = 99_999_999;
const FIRST_DATE = "DATE '1900-01-01'";
const LAST_DATE = "DATE '2199-12-31'";
const MAX_AMOUNT = '1000000000000000';

/** The period key of a DATE (months since year 0, ISO weeks since 1970...), as in core/periods.ts. */
function keyOfDate(sql: SqlDialect, period: PeriodKind, date: string): string {
  const part = (unit: string) => `CAST(EXTRACT(${unit} FROM ${date}) AS ${sql.intType})`;
  switch (period) {
    case 'week':
      return keyOfDay(sql, period, sql.dayNumber(date));
    case 'month':
      return `(${part('YEAR')} * 12 + ${part('MONTH')} - 1)`;
    case 'quarter':
      return `(${part('YEAR')} * 4 + ${sql.intDiv(`${part('MONTH')} - 1`, '3')})`;
    case 'year':
      return part('YEAR');
  }
}

/** The period key of a day number. Weeks: 1970-01-01 was a Thursday, so Monday is day -3 of a week. */
function keyOfDay(sql: SqlDialect, period: PeriodKind, day: string): string {
  // Shifted by 100,000 weeks so that the division sees only positive numbers (days before 1970).
  if (period === 'week') return `(${sql.intDiv(`${day} + 700003`, '7')} - 100000)`;
  return keyOfDate(sql, period, sql.dateOfDay(day));
}

/** The first day of the period with key n, as a DATE. */
function startOfKey(sql: SqlDialect, period: PeriodKind, n: string): string {
  switch (period) {
    case 'week':
      return sql.dateOfDay(`${n} * 7 - 3`);
    case 'month':
      return sql.makeDate(sql.intDiv(n, '12'), `${n} - ${sql.intDiv(n, '12')} * 12 + 1`, '1');
    case 'quarter':
      return sql.makeDate(sql.intDiv(n, '4'), `(${n} - ${sql.intDiv(n, '4')} * 4) * 3 + 1`, '1');
    case 'year':
      return sql.makeDate(n, '1', '1');
  }
}

interface Context {
  sql: SqlDialect;
  period: PeriodKind;
  q: (column: string) => string;
  float: (expression: string) => string;
  ratio: (numerator: string, denominator: string, when: string) => string;
  key: (date: string) => string;
  /** `g, k, ` with segments, else '': a window need not sort by the block when there is only one. */
  block: string;
}

/** The statement's text. Throws on a request that cannot be computed (no amount column for revenue...). */
export function churnSql(request: SqlRequest): string {
  const sql = DIALECTS[request.dialect];
  const kind = request.kind ?? 'churn';
  const period = request.period ?? 'month';
  const { columns } = request;
  if (kind === 'revenue' && columns.amount === undefined) throw new Error('a revenue table needs an amount column');
  const cohortColumns = request.cohortColumns ?? DEFAULT_COHORT_COLUMNS;
  if (kind === 'cohort' && !(Number.isInteger(cohortColumns) && cohortColumns >= 1 && cohortColumns <= MAX_COHORT_COLUMNS)) {
    throw new Error(`cohort columns must be a whole number from 1 to ${MAX_COHORT_COLUMNS}`);
  }
  let from: string;
  if (request.fromItem !== undefined) from = request.fromItem;
  else if (request.table !== undefined) from = quotedTableName(sql, request.table);
  else throw new Error('no table given');

  const ctx: Context = {
    sql,
    period,
    q: (column) => sql.identifier(column),
    float: (e) => `CAST(${e} AS ${sql.floatType})`,
    ratio: (n, d, when) => `CASE WHEN ${when} THEN CAST(${n} AS ${sql.floatType}) / CAST(${d} AS ${sql.floatType}) END`,
    key: (date) => keyOfDate(sql, period, date),
    block: columns.segment === undefined ? '' : 'g, k, ',
  };
  const labels = request.labels ?? { all: 'All customers', blank: '(no segment)' };
  const instants = request.instants ?? { start: true, end: true };
  const zoneOf = (isInstant: boolean) => (request.timeZone !== undefined && isInstant ? request.timeZone : undefined);
  const text = (e: string) => `CAST(${e} AS ${sql.textType})`;
  const ctes: [string, string][] = [];
  const cte = (name: string, body: string) => ctes.push([name, body]);

  // 1. The rows as days, ids as trimmed text (blank: a customer of its own), amounts as decimals.
  // With an amount column, rows without a usable amount are left out of every table, as the wizard does.
  const withAmount = columns.amount !== undefined;
  const sourceColumns = [
    `${sql.toDate(ctx.q(columns.start), zoneOf(instants.start))} AS s`,
    `${columns.end === undefined ? 'CAST(NULL AS DATE)' : sql.toDate(ctx.q(columns.end), zoneOf(instants.end))} AS e`,
    `${columns.id === undefined ? `CAST(NULL AS ${sql.textType})` : `NULLIF(TRIM(${text(ctx.q(columns.id))}), '')`} AS cid`,
    `${withAmount ? ctx.q(columns.amount!) : 'NULL'} AS a`,
    `${columns.segment === undefined ? `CAST(NULL AS ${sql.textType})` : `TRIM(${text(ctx.q(columns.segment))})`} AS seg`,
  ];
  cte('src', `SELECT ${sourceColumns.join(', ')} FROM ${from}`);
  // The rows the engine counts: a start, an end not before it, both within 1900-2199, and with amounts one from 0 to 1E15.
  const amountCheck = withAmount ? ` AND a IS NOT NULL AND a >= 0 AND a <= ${MAX_AMOUNT}` : '';
  cte(
    'kept',
    `SELECT s, e, ${sql.dayNumber('s')} AS sd, COALESCE(${sql.dayNumber('e')}, ${NO_END_DAY}) AS ed, cid, ${withAmount ? sql.decimal('a') : 'NULL'} AS a, COALESCE(seg, '') AS seg, LOWER(COALESCE(seg, '')) AS segkey FROM src` +
      ` WHERE s IS NOT NULL AND s >= ${FIRST_DATE} AND s <= ${LAST_DATE} AND (e IS NULL OR (e >= s AND e <= ${LAST_DATE}))${amountCheck}`,
  );
  // The periods shown: from the period of the first start to that of the last start or end.
  cte('span', `SELECT ${ctx.key('MIN(s)')} AS lo, ${ctx.key('MAX(GREATEST(s, COALESCE(e, s)))')} AS hi FROM kept`);
  cte('periods', sql.series('span.lo', 'span.hi', 'span'));

  // 2. Blocks: all customers (g 0), then every segment (g 1), the blank segment last (g 2).
  const segmented = columns.segment !== undefined;
  const rowColumns = 's, e, sd, ed, cid, a';
  if (segmented) {
    cte('blocked', `SELECT 0 AS g, '' AS k, ${rowColumns} FROM kept UNION ALL SELECT CASE WHEN segkey = '' THEN 2 ELSE 1 END AS g, segkey AS k, ${rowColumns} FROM kept`);
    cte(
      'blocks',
      `SELECT 0 AS g, '' AS k, ${sql.text(labels.all)} AS label UNION ALL ` +
        `SELECT CASE WHEN segkey = '' THEN 2 ELSE 1 END AS g, segkey AS k, CASE WHEN segkey = '' THEN ${sql.text(labels.blank)} ELSE MIN(seg) END AS label FROM kept GROUP BY segkey`,
    );
  } else {
    cte('blocked', `SELECT 0 AS g, '' AS k, ${rowColumns} FROM kept`);
    cte('blocks', `SELECT 0 AS g, '' AS k, ${sql.text(labels.all)} AS label`);
  }
  cte('grid', 'SELECT blocks.g, blocks.k, blocks.label, periods.n FROM blocks CROSS JOIN periods');

  let select: string[];
  let source: string;
  if (kind === 'revenue') {
    revenueCtes(ctx, cte);
    source = 'revenue_rows';
    select = [
      `${startOfKey(sql, period, 'n')} AS period_start`,
      ...['mrr_at_start', 'new_mrr', 'reactivation_mrr', 'expansion_mrr', 'contraction_mrr', 'churned_mrr', 'mrr_at_end'].map((c) => `${ctx.float(c)} AS ${c}`),
      `${ctx.ratio('churned_mrr + contraction_mrr', 'mrr_at_start', 'mrr_at_start > 0')} AS gross_mrr_churn`,
      `${ctx.ratio('churned_mrr + contraction_mrr - expansion_mrr', 'mrr_at_start', 'mrr_at_start > 0')} AS net_mrr_churn`,
      `CASE WHEN mrr_at_start > 0 THEN 1 - ${ctx.ratio('churned_mrr + contraction_mrr - expansion_mrr', 'mrr_at_start', 'TRUE')} END AS net_revenue_retention`,
      `${ctx.ratio('new_mrr + expansion_mrr', 'contraction_mrr + churned_mrr', 'contraction_mrr + churned_mrr > 0')} AS quick_ratio`,
    ];
  } else {
    stretchCtes(ctx, cte, columns.id !== undefined, kind === 'cohort');
    if (kind === 'churn') {
      churnCtes(ctx, cte, request.method === 'daily');
      source = 'churn_rows';
      const count = (c: string) => `CAST(${c} AS ${sql.countType}) AS ${c}`;
      select = [`${startOfKey(sql, period, 'n')} AS period_start`, ...['customers_at_start', 'new_customers', 'reactivated', 'churned', 'churned_new', 'customers_at_end'].map(count), `${ctx.ratio('churned', 'customers_at_start', 'customers_at_start > 0')} AS churn_rate`];
      select.push(lastChurnColumn(ctx, request.method ?? 'start'));
    } else {
      cohortCtes(ctx, cte, cohortColumns);
      source = 'cohort_rows';
      const share = (request.cohortMode ?? 'share') === 'share';
      select = [`${startOfKey(sql, period, 'n')} AS cohort_start`, `CAST(cohort_size AS ${sql.countType}) AS cohort_size`];
      for (let k = 0; k < cohortColumns; k++) {
        const cell = share ? ctx.ratio(`r${k}`, 'cohort_size', 'cohort_size > 0') : `CAST(r${k} AS ${sql.countType})`;
        select.push(`CASE WHEN n + ${k} <= hi THEN ${cell} END AS ${period}_${k}`);
      }
    }
  }
  if (segmented) select.unshift('label AS segment');
  // A CTE read by more than one later step (a UNION ALL of two selects of it, a join) is computed once.
  const final = `SELECT\n  ${select.join(',\n  ')}\nFROM ${source}\nORDER BY g, ${sql.binaryOrder('k')}, n\n`;
  const readers = (name: string, from: number) => {
    const pattern = new RegExp(`\\b${name}\\b`, 'g');
    return [...ctes.slice(from).map(([, body]) => body), final].reduce((sum, text) => sum + (text.match(pattern)?.length ?? 0), 0);
  };
  const withClause = ctes.map(([name, body], i) => `${name} AS ${readers(name, i + 1) > 1 ? sql.materialized : ''}(\n  ${body}\n)`).join(',\n');
  return `WITH\n${withClause}\n${final}`;
}

/** A customer's rows merged into stretches of activity (rows that touch or overlap are one). */
function stretchCtes(ctx: Context, cte: (name: string, body: string) => void, withIds: boolean, cohorts: boolean): void {
  if (!withIds) {
    cte('stretches', `SELECT g, k, s, e, sd, ed, 0 AS react${cohorts ? ', s AS cs' : ''} FROM blocked`);
  } else {
    // Rows without an id are customers of their own and skip the sort: one window partition of
    // all of them would be as large as the table (and one worker's load in BigQuery).
    const customer = `PARTITION BY ${ctx.block}cid ORDER BY sd, ed`;
    cte('ordered', `SELECT g, k, cid, s, e, sd, ed, MAX(ed) OVER (${customer} ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_end FROM blocked WHERE cid IS NOT NULL`);
    cte('numbered', `SELECT g, k, cid, s, e, sd, ed, SUM(CASE WHEN prev_end IS NULL OR sd > prev_end THEN 1 ELSE 0 END) OVER (${customer} ROWS UNBOUNDED PRECEDING) AS stretch FROM ordered`);
    // The cohort is the customer's first start, kept by a reactivation.
    const cohortOfId = cohorts ? `, MIN(MIN(s)) OVER (PARTITION BY ${ctx.block}cid) AS cs` : '';
    cte(
      'stretches',
      `SELECT g, k, MIN(s) AS s, CASE WHEN MAX(ed) = ${NO_END_DAY} THEN NULL ELSE MAX(e) END AS e, MIN(sd) AS sd, MAX(ed) AS ed, ` +
        `CASE WHEN stretch > 1 THEN 1 ELSE 0 END AS react${cohortOfId} FROM numbered GROUP BY g, k, cid, stretch` +
        ` UNION ALL SELECT g, k, s, e, sd, ed, 0 AS react${cohorts ? ', s AS cs' : ''} FROM blocked WHERE cid IS NULL`,
    );
  }
  cte('keyed', `SELECT g, k, s, e, sd, ed, react${cohorts ? ', cs' : ''}, ${ctx.key('s')} AS sp, ${ctx.key('e')} AS ep FROM stretches`);
}

/**
 * Per stretch: new or reactivated in its start period; churned new there when it ends in the
 * same period, otherwise churned in its end period. The customers at the start of a period are
 * the running sum of +1 at the start period and -1 at the end period, over the periods before it.
 */
function churnCtes(ctx: Context, cte: (name: string, body: string) => void, daily: boolean): void {
  const samePeriod = 'ep IS NOT NULL AND ep = sp';
  cte(
    'events',
    `SELECT g, k, sp AS n, 1 - react AS nw, react AS re, 0 AS lo, CASE WHEN ${samePeriod} THEN 1 ELSE 0 END AS ln, CASE WHEN ${samePeriod} THEN 0 ELSE 1 END AS d FROM keyed` +
      ` UNION ALL SELECT g, k, ep AS n, 0 AS nw, 0 AS re, 1 AS lo, 0 AS ln, -1 AS d FROM keyed WHERE ep IS NOT NULL AND ep <> sp`,
  );
  cte('period_events', 'SELECT g, k, n, SUM(nw) AS nw, SUM(re) AS re, SUM(lo) AS lo, SUM(ln) AS ln, SUM(d) AS d FROM events GROUP BY g, k, n');
  cte(
    'counted',
    'SELECT grid.g, grid.k, grid.label, grid.n, ' +
      'COALESCE(SUM(COALESCE(pe.d, 0)) OVER (PARTITION BY grid.g, grid.k ORDER BY grid.n ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS customers_at_start, ' +
      'COALESCE(pe.nw, 0) AS new_customers, COALESCE(pe.re, 0) AS reactivated, COALESCE(pe.lo, 0) AS churned, COALESCE(pe.ln, 0) AS churned_new ' +
      'FROM grid LEFT JOIN period_events pe ON pe.g = grid.g AND pe.k = grid.k AND pe.n = grid.n',
  );
  let dailyJoin = '';
  let dailyColumns = '';
  if (daily) {
    // Active at the start of day d: started before d and not ended before d (from start + 1 to end);
    // left on day d: ended on d. A same-day stretch is never active at a day's start.
    cte(
      'day_events',
      'SELECT g, k, sd + 1 AS dd, 1 AS d, 0 AS lf FROM stretches WHERE ed > sd' +
        ` UNION ALL SELECT g, k, ed AS dd, 0 AS d, 1 AS lf FROM stretches WHERE ed > sd AND ed <> ${NO_END_DAY}` +
        ` UNION ALL SELECT g, k, ed + 1 AS dd, -1 AS d, 0 AS lf FROM stretches WHERE ed > sd AND ed <> ${NO_END_DAY}`,
    );
    cte('days', 'SELECT g, k, dd, SUM(d) AS d, SUM(lf) AS lf FROM day_events GROUP BY g, k, dd');
    cte('active_days', `SELECT g, k, dd, lf, SUM(d) OVER (${ctx.block ? 'PARTITION BY g, k ' : ''}ORDER BY dd ROWS UNBOUNDED PRECEDING) AS active FROM days`);
    const n = keyOfDay(ctx.sql, ctx.period, 'dd');
    cte(
      'daily',
      `SELECT g, k, ${n} AS n, SUM(CASE WHEN lf > 0 THEN ${ctx.float('lf')} / ${ctx.float('active')} ELSE 0 END) AS rate_sum, MAX(CASE WHEN active > 0 THEN 1 ELSE 0 END) AS any_active FROM active_days GROUP BY g, k, ${n}`,
    );
    dailyJoin = ' LEFT JOIN daily ON daily.g = counted.g AND daily.k = counted.k AND daily.n = counted.n';
    dailyColumns = ', daily.rate_sum, daily.any_active';
  }
  cte(
    'churn_rows',
    `SELECT counted.g, counted.k, counted.label, counted.n, customers_at_start, new_customers, reactivated, churned, churned_new, ` +
      `customers_at_start + new_customers + reactivated - churned - churned_new AS customers_at_end${dailyColumns} FROM counted${dailyJoin}`,
  );
}

/** The last column of the churn table by method (docs/metrics.md, "Adjusted churn: which denominator"). */
function lastChurnColumn(ctx: Context, method: AdjustedMethod): string {
  const lost = 'churned + churned_new';
  switch (method) {
    case 'start':
      return `${ctx.ratio(lost, 'customers_at_start', 'customers_at_start > 0')} AS adjusted_churn`;
    case 'average':
      return `CASE WHEN customers_at_start > 0 THEN ${ctx.float(lost)} / (${ctx.float('customers_at_start + customers_at_end')} / 2) END AS adjusted_churn`;
    case 'start_plus_new':
      return `${ctx.ratio(lost, 'customers_at_start + new_customers + reactivated', 'customers_at_start > 0')} AS adjusted_churn`;
    case 'daily':
      // A period none of whose days began with an active customer has no daily churn.
      return 'CASE WHEN customers_at_start > 0 OR any_active = 1 THEN COALESCE(rate_sum, 0) END AS daily_churn';
  }
}

/**
 * A customer's MRR followed day by day (docs/metrics.md, "Revenue (MRR) churn"). Rows without an
 * id are customers of their own: new MRR at their start, churned MRR at their end. Rows with an id
 * are netted per customer and day, and the change of the running MRR is classified.
 */
function revenueCtes(ctx: Context, cte: (name: string, body: string) => void): void {
  const zero = ctx.sql.decimal('0');
  cte(
    'own_events',
    `SELECT g, k, s AS dt, a AS nw, ${zero} AS re, ${zero} AS ex, ${zero} AS ct, CASE WHEN ed = sd THEN a ELSE ${zero} END AS lo, CASE WHEN ed = sd THEN ${zero} ELSE a END AS d FROM blocked WHERE cid IS NULL` +
      ` UNION ALL SELECT g, k, e AS dt, ${zero} AS nw, ${zero} AS re, ${zero} AS ex, ${zero} AS ct, a AS lo, -a AS d FROM blocked WHERE cid IS NULL AND e IS NOT NULL AND ed > sd`,
  );
  // Per customer and day: the change of its MRR, what started and ended the same day (blip), and
  // whether a paying row started (its first such day is when it first paid).
  cte(
    'customer_events',
    `SELECT g, k, cid, sd AS dd, s AS dt, CASE WHEN ed > sd THEN a ELSE ${zero} END AS ch, CASE WHEN ed = sd THEN a ELSE ${zero} END AS bl, CASE WHEN a > 0 THEN 1 ELSE 0 END AS pays FROM blocked WHERE cid IS NOT NULL` +
      ` UNION ALL SELECT g, k, cid, ed AS dd, e AS dt, -a AS ch, ${zero} AS bl, 0 AS pays FROM blocked WHERE cid IS NOT NULL AND e IS NOT NULL AND ed > sd`,
  );
  cte('customer_days', 'SELECT g, k, cid, dd, MIN(dt) AS dt, SUM(ch) AS ch, SUM(bl) AS bl, MAX(pays) AS pays FROM customer_events GROUP BY g, k, cid, dd');
  cte(
    'customer_mrr',
    // One sort serves both: the running MRR, and whether a paying row started on an earlier day.
    `SELECT g, k, dt, ch, bl, SUM(ch) OVER (PARTITION BY ${ctx.block}cid ORDER BY dd ROWS UNBOUNDED PRECEDING) AS after_mrr, ` +
      `COALESCE(MAX(pays) OVER (PARTITION BY ${ctx.block}cid ORDER BY dd ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS paid_before FROM customer_days`,
  );
  const returning = 'paid_before = 1';
  const idle = 'after_mrr - ch = 0 AND after_mrr = 0';
  const joins = 'after_mrr - ch = 0 AND after_mrr > 0';
  cte(
    'customer_changes',
    'SELECT g, k, dt, ' +
      `CASE WHEN ${idle} AND NOT (${returning}) THEN bl WHEN ${joins} AND NOT (${returning}) THEN after_mrr ELSE ${zero} END AS nw, ` +
      `CASE WHEN ${idle} AND ${returning} THEN bl WHEN ${joins} AND ${returning} THEN after_mrr ELSE ${zero} END AS re, ` +
      `CASE WHEN after_mrr - ch > 0 AND after_mrr > after_mrr - ch THEN ch ELSE ${zero} END AS ex, ` +
      `CASE WHEN after_mrr - ch > 0 AND after_mrr > 0 AND after_mrr < after_mrr - ch THEN -ch ELSE ${zero} END AS ct, ` +
      `CASE WHEN ${idle} THEN bl WHEN after_mrr - ch > 0 AND after_mrr = 0 THEN after_mrr - ch ELSE ${zero} END AS lo, ch AS d FROM customer_mrr`,
  );
  cte(
    'money_events',
    `SELECT g, k, ${ctx.key('dt')} AS n, nw, re, ex, ct, lo, d FROM own_events UNION ALL SELECT g, k, ${ctx.key('dt')} AS n, nw, re, ex, ct, lo, d FROM customer_changes`,
  );
  cte('period_money', 'SELECT g, k, n, SUM(nw) AS nw, SUM(re) AS re, SUM(ex) AS ex, SUM(ct) AS ct, SUM(lo) AS lo, SUM(d) AS d FROM money_events GROUP BY g, k, n');
  cte(
    'money',
    'SELECT grid.g, grid.k, grid.label, grid.n, ' +
      `COALESCE(SUM(COALESCE(pm.d, ${zero})) OVER (PARTITION BY grid.g, grid.k ORDER BY grid.n ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), ${zero}) AS mrr_at_start, ` +
      `COALESCE(pm.nw, ${zero}) AS new_mrr, COALESCE(pm.re, ${zero}) AS reactivation_mrr, COALESCE(pm.ex, ${zero}) AS expansion_mrr, ` +
      `COALESCE(pm.ct, ${zero}) AS contraction_mrr, COALESCE(pm.lo, ${zero}) AS churned_mrr, COALESCE(pm.d, ${zero}) AS change_mrr ` +
      'FROM grid LEFT JOIN period_money pm ON pm.g = grid.g AND pm.k = grid.k AND pm.n = grid.n',
  );
  cte(
    'revenue_rows',
    'SELECT g, k, label, n, mrr_at_start, new_mrr, reactivation_mrr, expansion_mrr, contraction_mrr, churned_mrr, mrr_at_start + change_mrr AS mrr_at_end FROM money',
  );
}

/**
 * Cohort c, k periods later: the customers of cohort c active at the end of period c + k. A
 * stretch adds +1 from its start period to the period before its end period (the last period + 1
 * when it has not ended), as a difference row per cohort; the columns are running sums of it.
 */
function cohortCtes(ctx: Context, cte: (name: string, body: string) => void, columns: number): void {
  cte('cohort_keyed', `SELECT g, k, react, ${ctx.key('cs')} AS c, sp, COALESCE(ep, span.hi + 1) AS ep FROM keyed CROSS JOIN span`);
  cte(
    'cohort_events',
    'SELECT g, k, c, -1 AS j, 0 AS d, 1 - react AS sz FROM cohort_keyed' +
      ' UNION ALL SELECT g, k, c, sp - c AS j, 1 AS d, 0 AS sz FROM cohort_keyed WHERE ep > sp' +
      ' UNION ALL SELECT g, k, c, ep - c AS j, -1 AS d, 0 AS sz FROM cohort_keyed WHERE ep > sp',
  );
  cte('cohort_steps', 'SELECT g, k, c, j, SUM(d) AS d, SUM(sz) AS sz FROM cohort_events GROUP BY g, k, c, j');
  const cells: string[] = [];
  for (let k = 0; k < columns; k++) cells.push(`SUM(CASE WHEN j >= 0 AND j <= ${k} THEN d ELSE 0 END) AS r${k}`);
  cte('cohort_cells', `SELECT g, k, c, SUM(sz) AS cohort_size, ${cells.join(', ')} FROM cohort_steps GROUP BY g, k, c`);
  const filled: string[] = [];
  for (let k = 0; k < columns; k++) filled.push(`COALESCE(cc.r${k}, 0) AS r${k}`);
  cte(
    'cohort_rows',
    `SELECT grid.g, grid.k, grid.label, grid.n, span.hi, COALESCE(cc.cohort_size, 0) AS cohort_size, ${filled.join(', ')} ` +
      'FROM grid CROSS JOIN span LEFT JOIN cohort_cells cc ON cc.g = grid.g AND cc.k = grid.k AND cc.c = grid.n',
  );
}
