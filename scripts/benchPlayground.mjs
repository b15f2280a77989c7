// Part of `npm run bench`: the playground at full size. A started playground server (in its own
// process) is sent a generated 200,000-row customer CSV over HTTP, as the page uploads a file, then
// the sidebar's calls (wizardInspect, then wizardBuild with live formulas, the default), then the
// page's read of the churn sheet it shows. Goal: under 10 s in total.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ROWS = Number(process.env.PLAYGROUND_ROWS ?? 200_000);
const GOAL_S = 10;

/** The same deterministic customers as scripts/benchCli.mjs: three years of starts, 60 % ended, plan and MRR. */
function customersCsv(count) {
  let seed = 42;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
  const iso = (day) => new Date(Date.UTC(2022, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
  const plans = [['Basic', 19], ['Pro', 49], ['Team', 99]];
  const lines = ['Customer ID,Signup date,Cancel date,MRR,Plan'];
  for (let i = 0; i < count; i++) {
    const start = Math.floor(random() * 1095);
    const end = random() < 0.6 ? iso(start + 1 + Math.floor(random() * 400)) : '';
    const [plan, mrr] = plans[Math.floor(random() * plans.length)];
    lines.push(`C${i},${iso(start)},${end},${mrr},${plan}`);
  }
  return Buffer.from(lines.join('\n') + '\n');
}

/** Starts the playground server (bundled from local/playground/server.ts) in a child process on a free port. */
async function startServer(dir) {
  const bundle = path.join(dir, 'server.cjs');
  await build({
    entryPoints: [path.join(root, 'local/playground/server.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: bundle,
    external: ['exceljs', 'hyperformula', 'jszip', '@duckdb/node-api'],
    logLevel: 'warning',
  });
  const code = `require(${JSON.stringify(bundle)}).startPlayground(${JSON.stringify(root)}, 0).then((p) => console.log(p.url));`;
  // Node resolves hyperformula and exceljs from the project's node_modules.
  const child = spawn(process.execPath, ['-e', code], { cwd: root, env: { ...process.env, NODE_PATH: path.join(root, 'node_modules') }, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    child.stdout.once('data', (data) => resolve(String(data).trim()));
    child.once('exit', (code) => reject(new Error(`the playground server exited (${code})`)));
  });
  return { url, stop: () => child.kill() };
}

async function call(url, target, body, type = 'application/json') {
  const response = await fetch(new URL(target, url), { method: body === undefined ? 'GET' : 'POST', headers: body === undefined ? {} : { 'Content-Type': type }, body });
  const reply = await response.json();
  if (!response.ok || reply.error) throw new Error(`${target}: ${reply.error ?? response.status}`);
  return reply;
}

const run = (url, name, ...args) => call(url, '/run', JSON.stringify({ name, args })).then((reply) => reply.value);

export async function benchPlayground() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'churn-playground-'));
  const server = await startServer(dir);
  try {
    const csv = customersCsv(ROWS);
    const t0 = performance.now();
    const { name } = await call(server.url, '/api/upload?name=customers.csv', csv, 'application/octet-stream');
    const t1 = performance.now();
    const inspection = await run(server.url, 'wizardInspect', name, null);
    const t2 = performance.now();
    // The request the sidebar sends for its defaults (live formulas, monthly, with the chart).
    const summary = await run(server.url, 'wizardBuild', {
      sheetName: name, headerRow: inspection.headerRow, firstColumn: inspection.firstColumn, mapping: inspection.mapping,
      period: 'month', firstPeriod: '', lastPeriod: '', profitPerCustomer: null, output: 'formulas', chart: true,
    });
    const t3 = performance.now();
    const shown = await call(server.url, '/api/workbook?from=0&count=300');
    const t4 = performance.now();
    const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
    console.log(`Playground over HTTP: upload ${ROWS.toLocaleString('en-US')} customers (CSV, ${(csv.length / 1e6).toFixed(1)} MB) and build the churn sheet with live formulas`);
    console.log(`  upload ${seconds(t1 - t0)}, inspect ${seconds(t2 - t1)}, build ${seconds(t3 - t2)}, first view of "${shown.sheet.name}" ${seconds(t4 - t3)}`);
    console.log(`  total ${seconds(t4 - t0)}  (goal: under ${GOAL_S} s) ${t4 - t0 < GOAL_S * 1000 ? 'ok' : 'OVER'}  [${summary.customers} customers, ${summary.periods} periods]`);
  } finally {
    server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchPlayground();
