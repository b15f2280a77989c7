// A customer file larger than a spreadsheet holds, end to end: 10 million rows of CSV (ids that
// repeat, a quarter of the rows ended, amounts) to a finished workbook with
// `churn-sheet build`, which hands such a file to DuckDB. Run by `npm run bench`, or alone:
// `node scripts/benchDuckdb.mjs [rows]`. The CSV is written by DuckDB itself (the bench measures
// the build, not the making of the test file) into a temporary directory, deleted afterwards.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function benchDuckdb(rows = 10_000_000) {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'churn-bench-'));
  try {
    const csv = path.join(dir, 'customers.csv');
    const connection = await (await DuckDBInstance.create(':memory:')).connect();
    // Customers of 1 to 3 rows (plan changes and returns), starts over 2015-2024, a quarter ended.
    await connection.run(`COPY (
      SELECT 'C' || CAST(i // 2 AS VARCHAR) AS "Customer ID",
             DATE '2015-01-01' + CAST(hash(i) % 3650 AS INTEGER) AS "Start date",
             CASE WHEN hash(i + 1) % 4 = 0 THEN DATE '2015-01-01' + CAST(hash(i) % 3650 AS INTEGER) + CAST(hash(i + 2) % 700 AS INTEGER) END AS "End date",
             CAST(10 + hash(i + 3) % 90 AS INTEGER) AS "MRR"
      FROM range(${rows}) t(i)
    ) TO '${csv.replace(/'/g, "''")}' (HEADER, DELIMITER ',')`);
    const megabytes = (statSync(csv).size / 2 ** 20).toFixed(0);
    const out = path.join(dir, 'churn.xlsx');
    const started = process.hrtime.bigint();
    const run = spawnSync(process.execPath, [path.join(root, 'bin/churn-sheet.mjs'), 'build', csv, '-o', out], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (run.status !== 0) throw new Error(`churn-sheet build failed: ${run.stderr}`);
    console.log(`\nchurn-sheet build on ${rows.toLocaleString('en-US')} rows of CSV (${megabytes} MB, ids, ends and amounts; DuckDB, ${os.cpus().length} cores)`);
    console.log(`  to a finished workbook (${(statSync(out).size / 1024).toFixed(0)} KB): ${seconds.toFixed(1)} s (goal: under 60 s${seconds < 60 ? ', met' : ', NOT met'})`);
    return seconds;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await benchDuckdb(Number(process.argv[2] ?? 10_000_000));
