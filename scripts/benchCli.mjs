// Part of `npm run bench`: `churn-sheet build` on generated customer tables of 200,000 and
// 1,000,000 rows (live formulas, the default, and --values for 200k), timed as a child process
// with its peak memory (max RSS), beside a pandas + openpyxl script doing the same job
// (scripts/pandas_reference.py). Goals: 200k with live formulas in at most half the reference's
// time and under 1 GB; 1M under 60 s and 1.5 GB. Debian's python3-pandas and python3-openpyxl
// are installed with apt when missing and possible; otherwise the reference is skipped with a note.
import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A customer CSV: unique ids (so live formulas are offered), three years of starts, 60 % ended, plan and MRR. */
async function writeCustomers(file, count) {
  const out = createWriteStream(file);
  let seed = 42;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
  const iso = (day) => new Date(Date.UTC(2022, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
  const plans = [['Basic', 19], ['Pro', 49], ['Team', 99]];
  let chunk = 'Customer ID,Signup date,Cancel date,MRR,Plan\n';
  for (let i = 0; i < count; i++) {
    const start = Math.floor(random() * 1095);
    const end = random() < 0.6 ? iso(start + 1 + Math.floor(random() * 400)) : '';
    const [plan, mrr] = plans[Math.floor(random() * plans.length)];
    chunk += `C${i},${iso(start)},${end},${mrr},${plan}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise((resolve) => out.once('drain', resolve));
      chunk = '';
    }
  }
  await new Promise((resolve) => out.end(chunk, resolve));
}

/** Runs `node args` and returns seconds and peak memory in MB. */
function timedNode(args, dir) {
  const rssFile = path.join(dir, 'rss');
  const t0 = performance.now();
  const result = spawnSync(process.execPath, ['--import', pathToFileURL(path.join(root, 'scripts/maxRss.mjs')).href, ...args], {
    env: { ...process.env, CHURN_BENCH_RSS_FILE: rssFile, TZ: 'UTC' },
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  const seconds = (performance.now() - t0) / 1000;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return { seconds, mb: Number(readFileSync(rssFile, 'utf8')) / 1024 };
}

/** A Python with pandas and openpyxl: the one on PATH, or Debian's (where apt installs them), or null. */
function pythonWithPandas() {
  for (const python of ['python3', '/usr/bin/python3']) {
    if (spawnSync(python, ['-c', 'import pandas, openpyxl'], { stdio: 'ignore' }).status === 0) return python;
  }
  return null;
}

/** pandas and openpyxl from Debian's packages, when apt can install them here. */
function ensurePandas() {
  const found = pythonWithPandas();
  if (found) return found;
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) return null;
  console.log('  (installing python3-pandas and python3-openpyxl with apt-get for the reference)');
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'python3-pandas', 'python3-openpyxl'], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  } catch {
    return null;
  }
  return pythonWithPandas();
}

const fmt = ({ seconds, mb }) => `${seconds.toFixed(1).padStart(5)} s, peak ${mb.toFixed(0).padStart(4)} MB`;

export async function benchCli() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'churn-bench-'));
  const cli = path.join(root, 'bin/churn-sheet.mjs');
  try {
    console.log('churn-sheet build on generated customer CSVs (child process, wall time and max RSS)');
    const csv200k = path.join(dir, 'customers-200k.csv');
    await writeCustomers(csv200k, 200_000);
    let reference = null;
    const python = ensurePandas();
    if (python) {
      const t0 = performance.now();
      const result = spawnSync(python, [path.join(root, 'scripts/pandas_reference.py'), csv200k, path.join(dir, 'pandas.xlsx')], { encoding: 'utf8' });
      if (result.status === 0) {
        reference = (performance.now() - t0) / 1000;
        console.log(`  pandas + openpyxl reference, 200k rows:    ${reference.toFixed(1).padStart(5)} s`);
      } else console.log(`  pandas + openpyxl reference failed: ${result.stderr.trim().split('\n').pop()}`);
    } else {
      console.log('  pandas + openpyxl reference skipped: python3-pandas and python3-openpyxl are not installed and apt-get cannot install them here');
    }
    const live = timedNode([cli, 'build', csv200k, '-o', path.join(dir, 'live.xlsx'), '--quiet'], dir);
    const ratio = reference ? ` = ${(live.seconds / reference).toFixed(2)}x the reference (goal at most 0.5x)` : '';
    console.log(`  200k rows, live formulas:                 ${fmt(live)}${ratio}; goal under 1 GB`);
    const values = timedNode([cli, 'build', csv200k, '-o', path.join(dir, 'values.xlsx'), '--values', '--quiet'], dir);
    console.log(`  200k rows, --values:                      ${fmt(values)}`);
    rmSync(csv200k);
    const csv1m = path.join(dir, 'customers-1m.csv');
    await writeCustomers(csv1m, 1_000_000);
    const million = timedNode([cli, 'build', csv1m, '-o', path.join(dir, 'live-1m.xlsx'), '--quiet'], dir);
    console.log(`  1M rows, live formulas:                   ${fmt(million)}; goal under 60 s and 1.5 GB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
