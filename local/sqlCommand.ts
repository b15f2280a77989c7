/**
 * churn-sheet sql: prints the SELECT statement that computes a table function in a database
 * (src/sql/statement.ts). The statement alone goes to stdout, so it can be piped into a client
 * (`npx churn-sheet sql ... | duckdb`, `| psql`, `| bq query`); messages go to stderr.
 */
import { ADJUSTED_METHODS, type AdjustedMethod } from '../src/core/metrics';
import { COHORT_MODES, type CohortMode } from '../src/core/cohorts';
import { PERIOD_KINDS, type PeriodKind } from '../src/core/periods';
import { TimeZone } from '../src/core/timezone';
import { translate, type Language, type MessageKey, type MessageParams } from '../src/i18n';
import { nextOption } from './cliOptions';
import { SQL_DIALECTS, type SqlDialectName } from '../src/sql/dialects';
import { MAX_COHORT_COLUMNS, SQL_KINDS, churnSql, type SqlColumns, type SqlKind, type SqlRequest } from '../src/sql/statement';

export class SqlUsageError extends Error {}

const fail = (language: Language, key: MessageKey, params: MessageParams = {}): never => {
  throw new SqlUsageError(translate(language, key, params));
};

/** A table name's parts: non-empty, with no spaces at their ends (a stray space is a typing mistake). */
export function isTableName(name: string): boolean {
  return name.split('.').every((part) => part !== '' && part.trim() === part);
}

/** The statement's request from the command line's arguments (after `sql`). */
export function parseSqlArgs(argv: string[], language: Language): SqlRequest | 'help' {
  const args = [...argv];
  const values = new Map<string, string>();
  const choice = <T extends string>(option: string, allowed: readonly T[], fallback: T): T => {
    const value = values.get(option);
    if (value === undefined) return fallback;
    if (!(allowed as readonly string[]).includes(value)) fail(language, 'cli.sql.badChoice', { option, value, choices: allowed.join(', ') });
    return value as T;
  };
  const known = ['--dialect', '--table', '--start', '--end', '--id', '--amount', '--segment', '--period', '--kind', '--method', '--cohort-mode', '--cohort-columns', '--time-zone'];
  while (args.length > 0) {
    if (args[0] === '-h' || args[0] === '--help') return 'help';
    const { arg, valueOf } = nextOption(args, (key, params) => fail(language, key, params));
    if (!known.includes(arg)) fail(language, 'cli.unknownOption', { option: arg });
    const value = valueOf();
    values.set(arg, value);
  }
  for (const option of ['--dialect', '--table', '--start']) if (!values.has(option)) fail(language, 'cli.sql.missing', { option });
  const dialect = choice<SqlDialectName>('--dialect', SQL_DIALECTS, 'duckdb');
  const table = values.get('--table')!;
  if (!isTableName(table)) fail(language, 'cli.sql.badTable', { value: table });
  const kind = choice<SqlKind>('--kind', SQL_KINDS, 'churn');
  const columns: SqlColumns = { start: values.get('--start')! };
  for (const [option, key] of [['--end', 'end'], ['--id', 'id'], ['--amount', 'amount'], ['--segment', 'segment']] as const) {
    const value = values.get(option);
    if (value !== undefined) columns[key] = value;
  }
  if (kind === 'revenue' && columns.amount === undefined) fail(language, 'cli.sql.needsAmount');
  const cohortText = values.get('--cohort-columns');
  let cohortColumns: number | undefined;
  if (cohortText !== undefined) {
    cohortColumns = /^\d+$/.test(cohortText) ? Number(cohortText) : NaN;
    if (!(cohortColumns >= 1 && cohortColumns <= MAX_COHORT_COLUMNS)) fail(language, 'cli.sql.badColumns', { value: cohortText, max: MAX_COHORT_COLUMNS });
  }
  const timeZone = values.get('--time-zone');
  if (timeZone !== undefined && !TimeZone.isValid(timeZone)) fail(language, 'cli.sql.badTimeZone', { value: timeZone });
  return {
    dialect,
    table,
    columns,
    kind,
    period: choice<PeriodKind>('--period', PERIOD_KINDS, 'month'),
    method: choice<AdjustedMethod>('--method', ADJUSTED_METHODS, 'start'),
    cohortMode: choice<CohortMode>('--cohort-mode', COHORT_MODES, 'share'),
    cohortColumns,
    timeZone,
    labels: { all: translate(language, 'table.allSegments'), blank: translate(language, 'table.blankSegment') },
  };
}

export interface SqlIo {
  stdout(s: string): void;
  stderr(s: string): void;
}

/** Runs `churn-sheet sql ...`: 0 printed, 2 a usage error. */
export function runSqlCommand(argv: string[], io: SqlIo, language: Language, usage: string): number {
  let request: SqlRequest | 'help';
  try {
    request = parseSqlArgs(argv, language);
  } catch (error) {
    if (!(error instanceof SqlUsageError)) throw error;
    io.stderr(`churn-sheet: ${error.message}\n${usage}`);
    return 2;
  }
  if (request === 'help') {
    io.stdout(usage);
    return 0;
  }
  io.stdout(`${churnSql(request).trimEnd()};\n`);
  return 0;
}
