import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { DuckDBInstance } from '@duckdb/node-api';
import { routeBuild } from '../../local/duckdbBuild';
import { SAMPLE, runCli, tempDir } from './cliRun';

// churn-sheet sql (the statement alone on stdout) and churn-sheet build on DuckDB, whose workbook
// must hold the same churn sheet as the add-on's own build of the same file.

describe('churn-sheet sql', () => {
  test('prints one statement and nothing else on stdout; it runs in DuckDB and gives the seed example', async () => {
    const result = await runCli(['sql', '--dialect', 'duckdb', '--table', 'seed', '--start', 'Start date', '--end', 'End date', '--id', 'Customer ID']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.startsWith('WITH\n')).toBe(true);
    expect(result.stdout.trimEnd().endsWith(';')).toBe(true);
    expect(result.stdout.match(/;/g)).toHaveLength(1);
    const connection = await (await DuckDBInstance.create(':memory:')).connect();
    await connection.run(`CREATE TABLE seed AS SELECT * FROM read_csv('${SAMPLE.replace(/'/g, "''")}')`);
    const rows = (await connection.runAndReadAll(result.stdout)).getRowsJson();
    const byMonth = new Map(rows.map((row) => [row[0], row.slice(1).map(Number)]));
    expect(byMonth.get('2024-01-01')).toEqual([500, 200, 0, 15, 4, 681, 0.03, 0.038]);
    expect(byMonth.get('2024-02-01')!.slice(0, 6)).toEqual([681, 300, 0, 20, 5, 956]);
  });

  test('every option reaches the statement: BigQuery names quoted part by part, revenue, segments, weeks, daily churn, time zone', async () => {
    const result = await runCli(['sql', '--dialect=bigquery', '--table', 'my-project.sales.customers', '--start', 'Signup', '--end', 'Cancel', '--id', 'Customer', '--amount', 'MRR', '--segment', 'Plan', '--period', 'week', '--kind', 'revenue', '--time-zone', 'Europe/Riga']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('FROM `my-project`.`sales`.`customers`');
    for (const name of ['`Signup`', '`Cancel`', '`Customer`', '`MRR`', '`Plan`', "'Europe/Riga'", 'net_revenue_retention']) expect(result.stdout).toContain(name);
    const daily = await runCli(['sql', '--dialect', 'postgres', '--table', 'public.customers', '--start', 'start', '--method', 'daily']);
    expect(daily.stdout).toContain('FROM "public"."customers"');
    expect(daily.stdout).toContain('daily_churn');
  });

  test.each([
    [['--table', 't', '--start', 's'], '--dialect is required.'],
    [['--dialect', 'mysql', '--table', 't', '--start', 's'], '--dialect must be one of bigquery, duckdb, postgres, not "mysql".'],
    [['--dialect', 'duckdb', '--table', 't', '--start', 's', '--kind', 'revenue'], '--kind revenue needs an amount column: add --amount <column>.'],
    [['--dialect', 'duckdb', '--table', 'a..b', '--start', 's'], '"a..b" is not a table name'],
    [['--dialect', 'duckdb', '--table', 't', '--start', 's', '--time-zone', 'Mars/Olympus'], '--time-zone must be a time zone name'],
    [['--dialect', 'duckdb', '--table', 't', '--start', 's', '--cohort-columns', '0'], '--cohort-columns must be a whole number'],
    [['--dialect', 'duckdb', '--table', 't', '--start', 's', '--bogus', 'x'], 'unknown option "--bogus"'],
  ])('a usage error prints nothing on stdout and exits with 2: %j', async (args, message) => {
    const result = await runCli(['sql', ...args]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
  });
});

/** JSON numbers to 12 significant digits: the two engines may differ in the last bits of a rate. */
const rounded = (_key: string, value: unknown) => (typeof value === 'number' ? Number(value.toPrecision(12)) : value);

describe('churn-sheet build on DuckDB', () => {
  const dir = tempDir();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function churnSheet(file: string): Promise<{ names: string[]; cells: unknown[][] }> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('Churn by month')!;
    const cells: unknown[][] = [];
    // The table's columns: up to the empty column before the info block beside it.
    let width = 0;
    while (sheet.getRow(1).getCell(width + 1).value !== null) width++;
    sheet.eachRow((row, r) => {
      const values: unknown[] = [];
      for (let c = 1; c <= width; c++) {
        const value = row.getCell(c).value;
        values.push(value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'number' ? Number(value.toPrecision(12)) : value);
      }
      if (r > 0) cells.push(values);
    });
    return { names: workbook.worksheets.map((s) => s.name), cells };
  }

  test('goes to DuckDB with --engine duckdb, for Parquet, and for a CSV of more than two million rows; --engine add-on keeps the add-on', () => {
    expect(routeBuild(['build', 'a.csv', '-o', 'b.xlsx', '--engine', 'duckdb']).engine).toBe('duckdb');
    expect(routeBuild(['build', 'a.parquet', '-o', 'b.xlsx']).engine).toBe('duckdb');
    expect(routeBuild(['build', SAMPLE, '-o', 'b.xlsx'])).toEqual({ engine: 'add-on', argv: ['build', SAMPLE, '-o', 'b.xlsx'] });
    expect(routeBuild(['build', 'x.parquet', '--engine=add-on'])).toEqual({ engine: 'add-on', argv: ['build', 'x.parquet'] });
  });

  test('the seed example: the same churn sheet as the add-on, and an About sheet instead of the customer table', async () => {
    const viaAddOn = path.join(dir, 'seed-add-on.xlsx');
    const viaDuckDb = path.join(dir, 'seed-duckdb.xlsx');
    expect((await runCli(['build', SAMPLE, '-o', viaAddOn, '--values'])).code).toBe(0);
    const result = await runCli(['build', SAMPLE, '-o', viaDuckDb, '--engine', 'duckdb']);
    expect(result.code).toBe(0);
    const [a, b] = [await churnSheet(viaAddOn), await churnSheet(viaDuckDb)];
    expect(b.cells).toEqual(a.cells);
    expect(a.cells[0]).toHaveLength(10);
    expect(b.names).toEqual(['Churn by month', 'About']);
    expect(a.names).toContain('Customers');
  });

  test('random tables with repeated ids, returns, same-day rows, blank ends and amounts: every cell of the churn sheet agrees', async () => {
    const row = fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
      start: fc.integer({ min: 0, max: 500 }),
      length: fc.option(fc.integer({ min: 0, max: 300 })),
      amount: fc.constantFrom(0, 10, 19.99, 50, 100),
    });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 30 }), async (rows) => {
        run++;
        const iso = (offset: number) => new Date(Date.UTC(2023, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
        const csv = path.join(dir, `random-${run}.csv`);
        writeFileSync(csv, ['Customer ID,Start date,End date,MRR', ...rows.map((r) => `${r.id},${iso(r.start)},${r.length === null ? '' : iso(r.start + r.length)},${r.amount}`)].join('\n') + '\n');
        const [viaAddOn, viaDuckDb] = [path.join(dir, `random-${run}-a.xlsx`), path.join(dir, `random-${run}-d.xlsx`)];
        expect((await runCli(['build', csv, '-o', viaAddOn, '--values'])).code).toBe(0);
        expect((await runCli(['build', csv, '-o', viaDuckDb, '--engine', 'duckdb'])).code).toBe(0);
        const expected = (await churnSheet(viaAddOn)).cells;
        expect(expected[0]).toHaveLength(21); // the churn columns and the revenue columns
        expect((await churnSheet(viaDuckDb)).cells).toEqual(expected);
      }),
      { numRuns: 12 },
    );
  });

  test('--segments: every cell of every segment block agrees, blocks in the add-on\'s order, and --json prints the same table', async () => {
    const row = fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'),
      start: fc.integer({ min: 0, max: 500 }),
      length: fc.option(fc.integer({ min: 0, max: 300 })),
      amount: fc.constantFrom(0, 10, 19.99, 50),
      // Accents and numbers order differently by code point than as names: Équipe before Pro, Plan 9 before Plan 10.
      plan: fc.constantFrom('Pro', 'Basic', 'Équipe', 'zeta', 'Plan 9', 'Plan 10', ''),
    });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 30 }), async (rows) => {
        run++;
        const iso = (offset: number) => new Date(Date.UTC(2023, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
        const csv = path.join(dir, `segments-${run}.csv`);
        writeFileSync(csv, ['Customer ID,Start date,End date,MRR,Plan', ...rows.map((r) => `${r.id},${iso(r.start)},${r.length === null ? '' : iso(r.start + r.length)},${r.amount},${r.plan}`)].join('\n') + '\n');
        const [viaAddOn, viaDuckDb] = [path.join(dir, `segments-${run}-a.xlsx`), path.join(dir, `segments-${run}-d.xlsx`)];
        const addOn = await runCli(['build', csv, '-o', viaAddOn, '--values', '--segments', '--json']);
        const duckDb = await runCli(['build', csv, '-o', viaDuckDb, '--segments', '--json', '--engine', 'duckdb']);
        expect([addOn.code, duckDb.code]).toEqual([0, 0]);
        expect((await churnSheet(viaDuckDb)).cells).toEqual((await churnSheet(viaAddOn)).cells);
        const [a, d] = [JSON.parse(addOn.stdout), JSON.parse(duckDb.stdout)];
        const named = new Set(rows.map((r) => r.plan).filter((plan) => plan !== ''));
        expect(a.segments.map((s: { segment: string }) => s.segment).filter((name: string) => name !== '(no segment)')).toHaveLength(named.size);
        for (const key of ['header', 'rows', 'segments']) expect([key, JSON.stringify(d[key], rounded)]).toEqual([key, JSON.stringify(a[key], rounded)]);
      }),
      { numRuns: 8 },
    );
  });

  test('--segments with no segment column in the file says so', async () => {
    const result = await runCli(['build', SAMPLE, '-o', path.join(dir, 'no-segments.xlsx'), '--segments', '--engine', 'duckdb']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Choose a segment column to add one block per segment.');
  });

  test('options that need the add-on are refused by name; an existing output is kept', async () => {
    const refused = await runCli(['build', SAMPLE, '-o', path.join(dir, 'x.xlsx'), '--engine', 'duckdb', '--win-back']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--win-back is not available when the table is computed in DuckDB');
    const existing = path.join(dir, 'seed-duckdb.xlsx');
    expect(existsSync(existing)).toBe(true);
    const kept = await runCli(['build', SAMPLE, '-o', existing, '--engine', 'duckdb']);
    expect(kept.code).toBe(1);
    expect(kept.stderr).toContain('already exists');
  });
});
