/** churn-sheet build on billing exports: recognised by their headers, built as values by ChartMogul's rules. */
import { rmSync } from 'node:fs';
import { BAREMETRICS_CSV, STRIPE_CSV } from '../fixtures/billingExports';
import { parseJson, runCli, tempDir, writeInto } from './cliRun';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// Behind UTC: the export's 23:45 UTC signup on 31 January stays in January.
const env = { TZ: 'America/Los_Angeles' };

/** The JSON table's months with the columns named, rounded to cents. */
function months(json: ReturnType<typeof parseJson>, names: string[]): unknown[][] {
  const columns = names.map((name) => json.header.indexOf(name));
  expect(columns).not.toContain(-1);
  return json.rows.map((row) => [String(row[0]).slice(0, 7), ...columns.map((c) => Math.round((row[c] as number) * 100) / 100)]);
}

const NAMES = ['Customers at start', 'New customers', 'Reactivated', 'Churned', 'Customers at end', 'MRR at start', 'New MRR', 'Reactivation MRR', 'Expansion MRR', 'Contraction MRR', 'Churned MRR', 'MRR at end'];

test('a Stripe export with no options: recognised, values, customers by Customer ID and MRR per month', async () => {
  const file = writeInto(dir, 'subscriptions.csv', STRIPE_CSV);
  const result = await runCli(['build', file, '--json'], env);
  expect(result.stderr).toContain('Recognised: Stripe subscriptions export.');
  const json = parseJson(result);
  expect(json.customers).toBe(11);
  expect(JSON.parse(result.stdout).output).toBe('values');
  expect(months(json, NAMES)).toEqual([
    ['2023-10', 0, 1, 0, 0, 1, 0, 100, 0, 0, 0, 0, 100],
    ['2023-11', 1, 2, 0, 0, 3, 100, 300, 0, 0, 0, 0, 400],
    ['2023-12', 3, 2, 0, 0, 5, 400, 120, 0, 0, 0, 0, 520],
    ['2024-01', 5, 2, 0, 1, 6, 520, 80, 0, 10, 0, 100, 510],
    ['2024-02', 6, 3, 0, 1, 8, 510, 270, 0, 0, 0, 100, 680],
    ['2024-03', 8, 1, 1, 1, 9, 680, 52, 100, 0, 10, 60, 762],
  ]);
});

test('--churn-at cancel dates churn when the customer cancelled', async () => {
  const file = writeInto(dir, 'baremetrics.csv', BAREMETRICS_CSV);
  const serviceEnd = parseJson(await runCli(['build', file, '--json'], env));
  const cancel = parseJson(await runCli(['build', file, '--json', '--churn-at', 'cancel'], env));
  // Four asked to cancel on 20 February and had paid to 15 March.
  expect(months(serviceEnd, ['Churned', 'Churned MRR', 'MRR at end'])).toEqual([
    ['2024-01', 0, 0, 78],
    ['2024-02', 0, 0, 138],
    ['2024-03', 1, 29, 109],
  ]);
  expect(months(cancel, ['Churned', 'Churned MRR', 'MRR at end'])).toEqual([
    ['2024-01', 0, 0, 78],
    ['2024-02', 1, 29, 109],
  ]);
});

test('several currencies stop with their names; --currency builds one', async () => {
  const file = writeInto(dir, 'mixed.csv', STRIPE_CSV.replace('Team Annual,5,usd', 'Team Annual,5,eur'));
  const stopped = await runCli(['build', file, '--json'], env);
  expect(stopped.code).toBe(1);
  expect(stopped.stderr).toContain('The export has subscriptions in EUR, USD, and MRR in different currencies cannot be added up.');
  const euro = parseJson(await runCli(['build', file, '--json', '--currency', 'eur'], env));
  expect(euro.customers).toBe(1);
});

test('bad export options are usage errors', async () => {
  for (const args of [['--churn-at', 'later'], ['--currency', 'dollars'], ['--billing-interval', 'fortnight']]) {
    const result = await runCli(['build', 'x.csv', '--json', ...args], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^churn-sheet: ${args[0]} must be`));
  }
});
