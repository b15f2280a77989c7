import fc from 'fast-check';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { churnSql, type SqlRequest } from '../../src/sql/statement';
import type { SqlDialectName } from '../../src/sql/dialects';
import { loadBundle, spreadsheetSettings } from '../helpers/bundle';
import { isoInZone, sheetsDate } from '../helpers/dates';
import { postgresBin, startPostgres, type PostgresServer } from '../helpers/postgres';

// The generated SQL run in embedded DuckDB and in a throwaway PostgreSQL server, on random
// customer tables, against CHURN_TABLE, REVENUE_TABLE and COHORT_TABLE of the built bundle: every
// cell of every row the functions spill (the row of rows not counted has no SQL counterpart).
const ZONE = 'Europe/Oslo';
const api = loadBundle(spreadsheetSettings(ZONE, 'en_GB'));

// Column names that need quoting in every dialect.
const COLUMNS = { id: 'Customer "ID"', start: 'Start date', end: 'End; date', amount: 'MRR €', segment: 'Plan' } as const;
const TABLE = 'customer list';

interface Row {
  id: string | null;
  start: string | null;
  end: string | null;
  amount: number | null;
  segment: string | null;
}

const isoOf = (offset: number) => new Date(Date.UTC(2022, 11, 20) + offset * 86_400_000).toISOString().slice(0, 10);
const rowArb: fc.Arbitrary<Row> = fc
  .record({
    id: fc.constantFrom('a', 'b', 'c', 'd', ' a', '', null),
    start: fc.oneof({ weight: 12, arbitrary: fc.integer({ min: 0, max: 420 }) }, { weight: 1, arbitrary: fc.constantFrom<number | null>(null, -45000, 90000) }),
    length: fc.oneof(fc.constant<number | null>(null), fc.constant(0), fc.integer({ min: 1, max: 200 }), fc.constant(-3)),
    amount: fc.oneof({ weight: 10, arbitrary: fc.constantFrom(0, 10, 25, 19.99, 100, 40) }, { weight: 1, arbitrary: fc.constantFrom<number | null>(null, -5) }),
    segment: fc.constantFrom('Pro', 'pro ', 'Basic', 'BASIC', 'Team', '', '  ', null),
  })
  .map(({ id, start, length, amount, segment }) => ({
    id,
    start: start === null ? null : isoOf(start),
    // A start outside 1900-2199 comes without an end, so the rows kept span two years.
    end: start === null ? isoOf(30) : length === null || start < 0 || start > 3000 ? null : isoOf(start + length),
    amount,
    segment,
  }));

interface Config {
  kind: 'churn' | 'revenue' | 'cohort';
  period: 'month' | 'week' | 'quarter' | 'year';
  method: 'start' | 'average' | 'start_plus_new' | 'daily';
  mode: 'share' | 'count';
  ids: boolean;
  segments: boolean;
}
const configArb: fc.Arbitrary<Config> = fc.record({
  kind: fc.constantFrom('churn', 'revenue', 'cohort'),
  period: fc.constantFrom('month', 'week', 'quarter', 'year'),
  method: fc.constantFrom('start', 'average', 'start_plus_new', 'daily'),
  mode: fc.constantFrom('share', 'count'),
  ids: fc.boolean(),
  segments: fc.boolean(),
});

type Cell = string | number;

/** The function's spill as rows of comparable cells, without its header and its row of rows not counted. */
function engineRows(rows: Row[], config: Config): { rows: Cell[][]; periods: number } | 'noRows' {
  const column = (values: unknown[]) => values.map((value) => [value]);
  const date = (iso: string | null) => (iso === null ? '' : sheetsDate(iso, ZONE));
  const starts = column(rows.map((r) => date(r.start)));
  const ends = column(rows.map((r) => date(r.end)));
  const ids = config.ids ? column(rows.map((r) => r.id ?? '')) : '';
  const segments = config.segments ? column(rows.map((r) => r.segment ?? '')) : '';
  let out: unknown[][];
  try {
    if (config.kind === 'churn') out = api.CHURN_TABLE(starts, ends, config.period, ids, segments, config.method) as unknown[][];
    else if (config.kind === 'revenue') out = api.REVENUE_TABLE(starts, ends, column(rows.map((r) => r.amount ?? '')), config.period, ids, segments) as unknown[][];
    else out = api.COHORT_TABLE(starts, ends, config.period, ids, config.mode, segments) as unknown[][];
  } catch (error) {
    if (/no rows|usable/i.test(String((error as Error).message))) return 'noRows';
    throw error;
  }
  const width = out[0].length;
  let body = out.slice(1);
  const last = body[body.length - 1];
  if (last && last.slice(1).every((cell) => cell === '')) body = body.slice(0, -1);
  const periods = width - 2 - (config.segments ? 1 : 0);
  return {
    periods,
    rows: body.map((row) => row.map((cell, i) => (cell instanceof Date ? isoInZone(cell, ZONE) : i === 0 && config.segments ? String(cell).trim().toLowerCase() : (cell as Cell)))),
  };
}

function requestOf(config: Config, dialect: SqlDialectName, cohortColumns: number): SqlRequest {
  return {
    dialect,
    table: TABLE,
    columns: { start: COLUMNS.start, end: COLUMNS.end, ...(config.ids ? { id: COLUMNS.id } : {}), ...(config.kind === 'revenue' ? { amount: COLUMNS.amount } : {}), ...(config.segments ? { segment: COLUMNS.segment } : {}) },
    kind: config.kind,
    period: config.period,
    method: config.method,
    cohortMode: config.mode,
    cohortColumns,
  };
}

/** SQL cells as the engine's: NULL a blank, counts and amounts numbers, segment names compared as COUNTIFS does. */
function normalise(rows: (string | number | null)[][], segments: boolean): Cell[][] {
  return rows.map((row) =>
    row.map((cell, i) => {
      if (cell === null) return '';
      if (i === 0 && segments) return String(cell).trim().toLowerCase();
      if (typeof cell === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(cell)) return cell;
      return Number(cell);
    }),
  );
}

function expectSame(actual: Cell[][], expected: Cell[][], context: string): void {
  expect(actual.length).toBe(expected.length);
  for (let r = 0; r < expected.length; r++) {
    expect(actual[r].length).toBe(expected[r].length);
    for (let c = 0; c < expected[r].length; c++) {
      const [a, e] = [actual[r][c], expected[r][c]];
      const same = typeof a === 'number' && typeof e === 'number' ? Math.abs(a - e) <= 1e-9 * Math.max(1, Math.abs(e)) : a === e;
      if (!same) throw new Error(`${context}: row ${r + 1}, column ${c + 1}: SQL ${JSON.stringify(a)}, engine ${JSON.stringify(e)}\nSQL row ${JSON.stringify(actual[r])}\nengine row ${JSON.stringify(expected[r])}`);
    }
  }
}

const literal = (value: string | number | null, type: string) => (value === null ? `CAST(NULL AS ${type})` : typeof value === 'number' ? String(value) : `'${value.replace(/'/g, "''")}'`);
function insertSql(rows: Row[], amountType: string): string {
  const values = rows.map((r) => `(${literal(r.id, 'TEXT')}, ${literal(r.start, 'DATE')}, ${literal(r.end, 'DATE')}, ${literal(r.amount, amountType)}, ${literal(r.segment, 'TEXT')})`);
  return `INSERT INTO "${TABLE}" VALUES ${values.join(', ')};`;
}
const createSql = (amountType: string) =>
  `DROP TABLE IF EXISTS "${TABLE}"; CREATE TABLE "${TABLE}" ("Customer ""ID""" TEXT, "Start date" DATE, "End; date" DATE, "MRR €" ${amountType}, "Plan" TEXT);`;

let duck: DuckDBConnection;
beforeAll(async () => {
  duck = await (await DuckDBInstance.create(':memory:')).connect();
});

async function runDuckDb(rows: Row[], sql: string): Promise<(string | number | null)[][]> {
  await duck.run(createSql('DOUBLE'));
  if (rows.length > 0) await duck.run(insertSql(rows, 'DOUBLE'));
  const reader = await duck.runAndReadAll(sql);
  return reader.getRowsJson() as (string | number | null)[][];
}

/** Tables where some rows start on the day the row before ends, for the same customer: a plan change, one stretch. */
const tables = fc.array(fc.tuple(rowArb, fc.boolean()), { minLength: 1, maxLength: 40 }).map((pairs) => {
  const rows = pairs.map(([row]) => ({ ...row }));
  for (let i = 1; i < rows.length; i++) {
    const before = rows[i - 1];
    if (!pairs[i][1] || before.end === null || before.start === null || rows[i].start === null || before.end < before.start) continue;
    const length = rows[i].end === null ? null : (Date.parse(rows[i].end!) - Date.parse(rows[i].start!)) / 86_400_000;
    rows[i] = { ...rows[i], id: before.id, start: before.end, end: length === null ? null : isoOf((Date.parse(before.end) - Date.UTC(2022, 11, 20)) / 86_400_000 + length) };
  }
  return rows;
});

function check(rows: Row[], config: Config, run: (sql: string) => (string | number | null)[][] | Promise<(string | number | null)[][]>, dialect: SqlDialectName) {
  const expected = engineRows(rows, config);
  const sql = churnSql(requestOf(config, dialect, expected === 'noRows' ? 3 : Math.max(1, expected.periods)));
  return Promise.resolve(run(sql)).then((result) => {
    const actual = normalise(result, config.segments);
    if (expected === 'noRows') expect(actual).toEqual([]);
    else expectSame(actual, expected.rows, `${dialect} ${JSON.stringify(config)}\n${JSON.stringify(rows)}`);
  });
}

describe('the generated SQL in DuckDB', () => {
  test('every cell equals the function on the built add-on, for random tables and options', async () => {
    await fc.assert(
      fc.asyncProperty(tables, configArb, (rows, config) => check(rows, config, (sql) => runDuckDb(rows, sql), 'duckdb')),
      { numRuns: 300 },
    );
  });

  test('the seed example: January 500 / 200 / 15 / 4 / 681, 3.0 % and 3.8 %', async () => {
    await duck.run(`CREATE OR REPLACE TABLE seed AS SELECT * FROM read_csv('samples/seed004-customers.csv')`);
    const sql = churnSql({ dialect: 'duckdb', table: 'seed', columns: { start: 'Start date', end: 'End date', id: 'Customer ID' } });
    const rows = (await duck.runAndReadAll(sql)).getRowsJson();
    const january = rows.find((row) => row[0] === '2024-01-01')!;
    expect(january.slice(1).map(Number)).toEqual([500, 200, 0, 15, 4, 681, 0.03, 0.038]);
  });

  test('TIMESTAMP columns are turned into calendar days in the given zone', async () => {
    for (const zone of ['America/New_York', 'Asia/Kolkata']) {
      const zoned = loadBundle(spreadsheetSettings(zone, 'en_GB'));
      await fc.assert(
        fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: 0, max: 400 * 24 }), fc.option(fc.integer({ min: 0, max: 90 * 24 }))), { minLength: 1, maxLength: 25 }), async (hours) => {
          const base = Date.UTC(2023, 0, 1);
          const instants = hours.map(([start, length]) => [base + start * 3_600_000, length === null ? null : base + (start + length) * 3_600_000] as const);
          await duck.run('CREATE OR REPLACE TABLE stamps (s TIMESTAMPTZ, e TIMESTAMPTZ)');
          const ts = (ms: number | null) => (ms === null ? 'NULL' : `TIMESTAMPTZ '${new Date(ms).toISOString()}'`);
          await duck.run(`INSERT INTO stamps VALUES ${instants.map(([s, e]) => `(${ts(s)}, ${ts(e)})`).join(', ')}`);
          const sql = churnSql({ dialect: 'duckdb', table: 'stamps', columns: { start: 's', end: 'e' }, timeZone: zone });
          const actual = normalise((await duck.runAndReadAll(sql)).getRowsJson() as (string | number | null)[][], false);
          const out = zoned.CHURN_TABLE(
            instants.map(([s]) => [new Date(s)]),
            instants.map(([, e]) => [e === null ? '' : new Date(e)]),
          ) as unknown[][];
          const expected = out.slice(1).map((row) => row.map((cell) => (cell instanceof Date ? isoInZone(cell, zone) : (cell as Cell))));
          expectSame(actual, expected, zone);
        }),
        { numRuns: 20 },
      );
    }
  });
});

const bin = postgresBin();
if (!bin) {
  console.warn(
    '\n*** PostgreSQL NOT FOUND: the generated SQL is NOT tested in PostgreSQL on this machine. ***\n' +
      "*** Install Debian's postgresql package (.ci/run does) to run these tests. ***\n",
  );
}
(bin ? describe : describe.skip)('the generated SQL in PostgreSQL', () => {
  let server: PostgresServer;
  beforeAll(() => {
    server = startPostgres(bin!);
  });
  afterAll(() => server?.stop());

  test('every cell equals the function on the built add-on, for random tables and options', async () => {
    await fc.assert(
      fc.asyncProperty(tables, configArb, (rows, config) =>
        check(rows, config, (sql) => server.query(`${createSql('NUMERIC')} ${insertSql(rows, 'NUMERIC')}\n${sql};`), 'postgres'),
      ),
      { numRuns: 150 },
    );
  });

  test('TIMESTAMPTZ columns are turned into calendar days in the given zone', () => {
    const zone = 'America/Los_Angeles';
    const zoned = loadBundle(spreadsheetSettings(zone, 'en_GB'));
    const instants = [Date.UTC(2024, 0, 1, 5), Date.UTC(2024, 1, 1, 7, 59), Date.UTC(2024, 1, 1, 8), Date.UTC(2024, 2, 31, 6, 30)];
    const sql = churnSql({ dialect: 'postgres', table: 'stamps', columns: { start: 's' }, timeZone: zone, period: 'month' });
    const ts = (ms: number) => `TIMESTAMPTZ '${new Date(ms).toISOString()}'`;
    const result = server.query(`CREATE TEMP TABLE stamps (s TIMESTAMPTZ); INSERT INTO stamps VALUES ${instants.map((ms) => `(${ts(ms)})`).join(', ')};\n${sql};`);
    const out = zoned.CHURN_TABLE(instants.map((ms) => [new Date(ms)]), instants.map(() => [''])) as unknown[][];
    const expected = out.slice(1).map((row) => row.map((cell) => (cell instanceof Date ? isoInZone(cell, zone) : (cell as Cell))));
    expectSame(normalise(result, false), expected, zone);
    // In Los Angeles 2024-01-01 05:00 UTC is still December and 2024-02-01 07:59 UTC still January.
    expect(expected.map((row) => [row[0], row[2]])).toEqual([['2023-12-01', 1], ['2024-01-01', 1], ['2024-02-01', 1], ['2024-03-01', 1]]);
  });
});
