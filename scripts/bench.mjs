// Benchmarks of the built add-on (dist/Code.js, as Apps Script runs it), printed as figures.
//   npm run bench
// CHURN_TABLE on 10k, 100k and 1M customers with dates as Date objects (as Sheets passes
// them), best of several runs in one process; target: 1M customers under 100 ms. Then
// COHORT_TABLE and CHURN_TABLE(..., "daily") on 100k and 1M customers and the ratio of the two
// times (linear growth: about 10x). Then the
// extra memory one call needs, measured in fresh processes, for monthly and weekly periods:
// it should follow the number of rows, not rows x periods. Last, the wizard's build at 10k and
// 200k rows: time and Spreadsheet service calls. Last, churn-sheet build on 200k and 1M rows
// beside a pandas + openpyxl reference (scripts/benchCli.mjs). Then the playground over HTTP:
// upload of 200k rows and the sidebar's build (scripts/benchPlayground.mjs), goal under 10 s.
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const self = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(self), '..');
const TIME_ZONE = 'Europe/Riga';
const RUNS = 7;

// The bundle runs in this process's own global scope, as in Apps Script. (A separate vm context
// would route every global lookup, Math or Date, through Node's context interceptor and measure
// that instead of the add-on.)
function loadBundle() {
  const spreadsheet = { getSpreadsheetTimeZone: () => TIME_ZONE, getSpreadsheetLocale: () => 'lv_LV' };
  globalThis.SpreadsheetApp = { getActive: () => spreadsheet };
  globalThis.Session = { getScriptTimeZone: () => 'UTC' };
  new vm.Script(readFileSync(path.join(root, 'dist/Code.js'), 'utf8'), { filename: 'Code.js' }).runInThisContext();
  return globalThis;
}

/** A deterministic pseudo-random customer list over three years: starts, and ends for about 60 %. */
function customerColumns(count) {
  let seed = 42;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
  const first = Date.UTC(2022, 0, 1) - 2 * 3_600_000; // midnight in Riga (UTC+2 in winter)
  const starts = new Array(count);
  const ends = new Array(count);
  for (let i = 0; i < count; i++) {
    const startDay = Math.floor(random() * 1095);
    starts[i] = [new Date(first + startDay * 86_400_000)];
    ends[i] = [random() < 0.6 ? new Date(first + (startDay + Math.floor(random() * 400)) * 86_400_000) : ''];
  }
  return { starts, ends };
}

function timing() {
  const api = loadBundle();
  console.log(`CHURN_TABLE, monthly, dates as Date objects, best of ${RUNS} runs (dist/Code.js)`);
  for (const count of [10_000, 100_000, 1_000_000]) {
    const { starts, ends } = customerColumns(count);
    let best = Infinity;
    let periods = 0;
    for (let run = 0; run < RUNS; run++) {
      const t0 = performance.now();
      periods = api.CHURN_TABLE(starts, ends).length - 1;
      best = Math.min(best, performance.now() - t0);
    }
    console.log(`  ${count.toLocaleString('en-US').padStart(9)} customers: ${best.toFixed(1).padStart(6)} ms  (${periods} periods)`);
  }
}

/**
 * Cohorts and daily churn: COHORT_TABLE and CHURN_TABLE(..., "daily") on 100k and 1M
 * customers, best of a few runs. Both are O(rows + periods) (daily: rows + days), so the 1M time
 * should be about 10 times the 100k time.
 */
function cohortsAndDailyTiming() {
  const api = loadBundle();
  const runs = 5;
  const calls = {
    'COHORT_TABLE': (starts, ends) => api.COHORT_TABLE(starts, ends),
    'CHURN_TABLE "daily"': (starts, ends) => api.CHURN_TABLE(starts, ends, 'month', '', '', 'daily'),
  };
  console.log(`COHORT_TABLE and CHURN_TABLE(..., "daily"), monthly, dates as Date objects, best of ${runs} runs after a warm-up (dist/Code.js)`);
  const warmUp = customerColumns(10_000);
  for (const call of Object.values(calls)) for (let run = 0; run < runs; run++) call(warmUp.starts, warmUp.ends);
  const times = {};
  for (const count of [100_000, 1_000_000]) {
    const { starts, ends } = customerColumns(count);
    for (const [name, call] of Object.entries(calls)) {
      let best = Infinity;
      let rows = 0;
      for (let run = 0; run < runs; run++) {
        const t0 = performance.now();
        rows = call(starts, ends).length - 1;
        best = Math.min(best, performance.now() - t0);
      }
      (times[name] ??= []).push(best);
      console.log(`  ${name.padEnd(19)} ${count.toLocaleString('en-US').padStart(9)} customers: ${best.toFixed(1).padStart(7)} ms  (${rows} rows)`);
    }
  }
  for (const [name, [small, large]] of Object.entries(times)) {
    console.log(`  ${name.padEnd(19)} 1M / 100k: ${(large / small).toFixed(1)}x (linear growth: about 10x)`);
  }
}

/** Child process: peak memory one call adds on top of its input. */
function memory(count, period) {
  const api = loadBundle();
  const { starts, ends } = customerColumns(count);
  api.CHURN_TABLE(starts.slice(0, 1000), ends.slice(0, 1000), period); // compile and warm up
  const before = process.resourceUsage().maxRSS;
  const table = api.CHURN_TABLE(starts, ends, period);
  const after = process.resourceUsage().maxRSS;
  console.log(JSON.stringify({ extraMB: (after - before) / 1024, periods: table.length - 1 }));
}

function memoryReport() {
  console.log('Extra memory of one CHURN_TABLE call (peak RSS beyond the loaded input, fresh process each)');
  for (const count of [100_000, 1_000_000]) {
    for (const period of ['month', 'week']) {
      const output = execFileSync(process.execPath, [self, '--memory', String(count), period], { encoding: 'utf8' });
      const { extraMB, periods } = JSON.parse(output);
      console.log(`  ${count.toLocaleString('en-US').padStart(9)} customers, ${period.padEnd(5)}: ${extraMB.toFixed(0).padStart(4)} MB  (${periods} periods)`);
    }
  }
}

/** The wizard benchmark uses the TypeScript fakes of the Apps Script services: bundle, then run. */
async function wizardReport() {
  const outfile = path.join(root, 'node_modules/.cache/churn-sheet/bench-wizard.cjs');
  await build({ entryPoints: [path.join(root, 'scripts/benchWizard.ts')], bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'warning' });
  const { createRequire } = await import('node:module');
  createRequire(import.meta.url)(outfile).benchWizard(root);
}

if (process.argv[2] === '--memory') {
  memory(Number(process.argv[3]), process.argv[4]);
} else {
  timing();
  cohortsAndDailyTiming();
  memoryReport();
  await wizardReport();
  const { benchCli } = await import('./benchCli.mjs');
  await benchCli();
  const { benchDuckdb } = await import('./benchDuckdb.mjs');
  await benchDuckdb();
  const { benchPlayground } = await import('./benchPlayground.mjs');
  await benchPlayground();
}
