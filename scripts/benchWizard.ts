// Part of `npm run bench`: the wizard's build of a churn sheet from a customer table of 10k and
// 200k rows, by the built dist/Code.js against the in-memory spreadsheet (local/appsScript), with the
// number of Spreadsheet service calls it made. Bundled by scripts/bench.mjs before it runs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { createFakeApps } from '../local/appsScript/appsScript';

const ZONE = 'Europe/Riga';

function customers(count: number): unknown[][] {
  const rows: unknown[][] = [['Customer ID', 'Signup date', 'Cancel date']];
  const first = Date.UTC(2022, 0, 1) - 2 * 3_600_000;
  let seed = 7;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
  for (let i = 0; i < count; i++) {
    const start = Math.floor(random() * 1095);
    rows.push([`C${i}`, new Date(first + start * 86_400_000), random() < 0.5 ? new Date(first + (start + 1 + Math.floor(random() * 300)) * 86_400_000) : '']);
  }
  return rows;
}

export function benchWizard(root: string): void {
  const code = readFileSync(path.join(root, 'dist/Code.js'), 'utf8');
  console.log('Wizard build (wizardBuild, dist/Code.js against the in-memory spreadsheet)');
  for (const count of [10_000, 200_000]) {
    for (const output of ['values', 'formulas'] as const) {
      const apps = createFakeApps({ timeZone: ZONE, sheets: { Customers: customers(count) } });
      // Same realm as this script, as in Apps Script where Sheets' Dates are the script's Dates.
      const context = vm.createContext({ ...apps.globals, Date });
      vm.runInContext(code, context);
      apps.resetCalls();
      const t0 = performance.now();
      const summary = context.wizardBuild({
        sheetName: 'Customers',
        headerRow: 0,
        firstColumn: 0,
        mapping: { id: 0, start: 1, end: 2, amount: null, segment: null },
        period: 'month',
        firstPeriod: '',
        lastPeriod: '',
        profitPerCustomer: 30000,
        output,
        chart: true,
      });
      const ms = performance.now() - t0;
      console.log(
        `  ${count.toLocaleString('en-US').padStart(7)} rows, ${output.padEnd(8)}: ${ms.toFixed(0).padStart(5)} ms, ` +
          `${apps.calls.total} service calls (${summary.periods} periods)`,
      );
    }
  }
}
