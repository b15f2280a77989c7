/**
 * The few things BigQuery, DuckDB and PostgreSQL spell differently, as one small table: the
 * statement itself (statement.ts) is written once against this interface, so the three texts
 * cannot drift apart. Plain TypeScript with no Apps Script or Node in it: the sidebar bundle
 * uses it too.
 */

export const SQL_DIALECTS = ['bigquery', 'duckdb', 'postgres'] as const;
export type SqlDialectName = (typeof SQL_DIALECTS)[number];

export function isSqlDialect(value: string): value is SqlDialectName {
  return (SQL_DIALECTS as readonly string[]).includes(value);
}

export interface SqlDialect {
  name: SqlDialectName;
  /** One identifier, quoted whatever it holds. */
  identifier(name: string): string;
  /** A text literal. */
  text(value: string): string;
  intType: string;
  floatType: string;
  /** Counts in the result (sums of integers widen differently in each database). */
  countType: string;
  textType: string;
  /** An amount as an exact decimal with six places (the engine's finest unit, a millionth). */
  decimal(expression: string): string;
  /** Integer division of two non-negative integers. */
  intDiv(a: string, b: string): string;
  /** Days since 1970-01-01 of a DATE. */
  dayNumber(date: string): string;
  /** The DATE of a day number. */
  dateOfDay(day: string): string;
  /** The DATE of a year, month and day. */
  makeDate(year: string, month: string, day: string): string;
  /** A column read as a calendar day; with a zone, an instant is converted to that zone's day. */
  toDate(expression: string, timeZone?: string): string;
  /** A SELECT of one column `n` holding lo..hi, the bounds read from the one-row CTE `from`. */
  series(lo: string, hi: string, from: string): string;
  /** An ORDER BY term that compares text by code point, as the other dialects do by default. */
  binaryOrder(expression: string): string;
  /** Written before a CTE used more than once, so that it is computed once ('' where the database decides). */
  materialized: string;
}

/** "a""b": the SQL standard's quoting, doubled quotes inside. */
const doubleQuoted = (name: string) => `"${name.replace(/"/g, '""')}"`;
const singleQuoted = (value: string) => `'${value.replace(/'/g, "''")}'`;

/**
 * BigQuery's quoted identifiers and strings take backslash escapes; a quote is never closed
 * early, a backslash never escapes what follows it, and control characters are written as
 * escapes so that no text can end a line comment or the statement.
 */
function backslashEscaped(value: string, quote: string): string {
  let out = '';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\' || ch === quote) out += `\\${ch}`;
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${quote}${out}${quote}`;
}

const EPOCH = "DATE '1970-01-01'";

const duckdb: SqlDialect = {
  name: 'duckdb',
  identifier: doubleQuoted,
  text: singleQuoted,
  intType: 'INTEGER',
  floatType: 'DOUBLE',
  countType: 'BIGINT',
  textType: 'VARCHAR',
  decimal: (e) => `CAST(${e} AS DECIMAL(38, 6))`,
  intDiv: (a, b) => `((${a}) // (${b}))`,
  dayNumber: (d) => `CAST(date_diff('day', ${EPOCH}, ${d}) AS INTEGER)`,
  dateOfDay: (n) => `CAST(${EPOCH} + CAST(${n} AS INTEGER) AS DATE)`,
  makeDate: (y, m, d) => `make_date(CAST(${y} AS INTEGER), CAST(${m} AS INTEGER), CAST(${d} AS INTEGER))`,
  toDate: (e, zone) => (zone === undefined ? `CAST(${e} AS DATE)` : `CAST(timezone(${singleQuoted(zone)}, CAST(${e} AS TIMESTAMPTZ)) AS DATE)`),
  series: (lo, hi, from) => `SELECT CAST(unnest(generate_series(${lo}, ${hi})) AS INTEGER) AS n FROM ${from}`,
  binaryOrder: (e) => e,
  materialized: 'MATERIALIZED ',
};

const postgres: SqlDialect = {
  name: 'postgres',
  identifier: doubleQuoted,
  text: singleQuoted,
  intType: 'INTEGER',
  floatType: 'DOUBLE PRECISION',
  countType: 'BIGINT',
  textType: 'TEXT',
  decimal: (e) => `CAST(${e} AS NUMERIC(38, 6))`,
  intDiv: (a, b) => `((${a}) / (${b}))`,
  dayNumber: (d) => `(${d} - ${EPOCH})`,
  dateOfDay: (n) => `(${EPOCH} + CAST(${n} AS INTEGER))`,
  makeDate: (y, m, d) => `make_date(CAST(${y} AS INTEGER), CAST(${m} AS INTEGER), CAST(${d} AS INTEGER))`,
  toDate: (e, zone) => (zone === undefined ? `CAST(${e} AS DATE)` : `CAST(CAST(${e} AS TIMESTAMPTZ) AT TIME ZONE ${singleQuoted(zone)} AS DATE)`),
  series: (lo, hi, from) => `SELECT CAST(generate_series(${lo}, ${hi}) AS INTEGER) AS n FROM ${from}`,
  binaryOrder: (e) => `${e} COLLATE "C"`,
  materialized: 'MATERIALIZED ',
};

const bigquery: SqlDialect = {
  name: 'bigquery',
  identifier: (name) => backslashEscaped(name, '`'),
  text: (value) => backslashEscaped(value, "'"),
  intType: 'INT64',
  floatType: 'FLOAT64',
  countType: 'INT64',
  textType: 'STRING',
  decimal: (e) => `ROUND(CAST(${e} AS NUMERIC), 6)`,
  intDiv: (a, b) => `DIV(${a}, ${b})`,
  dayNumber: (d) => `DATE_DIFF(${d}, ${EPOCH}, DAY)`,
  dateOfDay: (n) => `DATE_ADD(${EPOCH}, INTERVAL ${n} DAY)`,
  makeDate: (y, m, d) => `DATE(${y}, ${m}, ${d})`,
  toDate: (e, zone) => (zone === undefined ? `CAST(${e} AS DATE)` : `DATE(CAST(${e} AS TIMESTAMP), ${backslashEscaped(zone, "'")})`),
  series: (lo, hi, from) => `SELECT n FROM ${from}, UNNEST(GENERATE_ARRAY(${lo}, ${hi})) AS n`,
  binaryOrder: (e) => e,
  materialized: '',
};

export const DIALECTS: Record<SqlDialectName, SqlDialect> = { bigquery, duckdb, postgres };

/**
 * A table name, quoted part by part: `project.dataset.table` in BigQuery, `schema.table` in
 * PostgreSQL and DuckDB. Empty parts (a leading, trailing or doubled dot) are refused.
 */
export function quotedTableName(dialect: SqlDialect, name: string): string {
  const parts = name.split('.');
  if (parts.some((part) => part.trim() === '')) throw new Error(`not a table name: ${JSON.stringify(name)}`);
  return parts.map((part) => dialect.identifier(part)).join('.');
}
