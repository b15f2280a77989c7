// `npm start`: the add-on's main job on this machine, no Google account needed. Loads the built
// dist/Code.js as Apps Script would, runs CHURN_TABLE on the bundled sample customer table
// (samples/seed004-customers.csv, the seed 004 example) and prints the monthly churn table.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const file = process.argv[2] ?? path.join(root, 'samples/seed004-customers.csv');
const timeZone = process.env.SHEET_TIME_ZONE ?? Intl.DateTimeFormat().resolvedOptions().timeZone;

const spreadsheet = { getSpreadsheetTimeZone: () => timeZone, getSpreadsheetLocale: () => 'en_GB' };
const context = vm.createContext({ Date, SpreadsheetApp: { getActive: () => spreadsheet }, Session: { getScriptTimeZone: () => timeZone } });
vm.runInContext(readFileSync(path.join(root, 'dist/Code.js'), 'utf8'), context, { filename: 'Code.js' });

const [header, ...lines] = readFileSync(file, 'utf8').trim().split(/\r?\n/).map((line) => line.split(','));
const column = (name) => {
  const index = header.findIndex((title) => title.trim().toLowerCase() === name);
  if (index < 0) throw new Error(`${file} has no "${name}" column (columns: ${header.join(', ')})`);
  return lines.map((cells) => [cells[index] ?? '']);
};
const table = context.CHURN_TABLE(column('start date'), column('end date'), 'month', column('customer id'));

const percent = (value) => (value === '' ? '' : `${(value * 100).toFixed(2)} %`);
const month = (date) => new Intl.DateTimeFormat('en-GB', { timeZone, month: 'short', year: 'numeric' }).format(date);
console.log(`Churn by month for ${path.relative(process.cwd(), file)} (${lines.length} rows, time zone ${timeZone})\n`);
const rows = table.map((row, i) =>
  i === 0 ? row : row[0] instanceof Date ? [month(row[0]), ...row.slice(1, 7), percent(row[7]), percent(row[8])] : row,
);
const widths = rows[0].map((_, c) => Math.max(...rows.filter((r) => r.length > 1 || c === 0).map((r) => String(r[c] ?? '').length)));
for (const row of rows) console.log(row.map((cell, c) => String(cell).padStart(c === 0 ? 0 : widths[c]).padEnd(c === 0 ? widths[0] : 0)).join('  '));
console.log(`\nSeed 004: ADJUSTED_CHURN(500, 15, 200, 4) = ${percent(context.ADJUSTED_CHURN(500, 15, 200, 4))}, ` +
  `CHURN_COST(15, 30000) = ${context.CHURN_COST(15, 30000).toLocaleString('en-GB')}`);
