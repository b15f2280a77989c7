/**
 * The playground's built sheets follow edits of a small customer table, as Sheets recounts live
 * formulas: plain HTTP requests against the real server, as the page sends them.
 */
import http from 'node:http';
import path from 'node:path';
import { startPlayground, type Playground } from '../../local/playground/server';
import type { BuildSummary, TableInspection } from '../../src/shared/wizard';
import { isoInZone } from '../helpers/dates';

const ROOT = path.resolve(__dirname, '../..');
let playground: Playground;
let port = 0;
beforeAll(async () => {
  playground = await startPlayground(ROOT, 0);
  port = Number(new URL(playground.url).port);
});
afterAll(() => playground?.close());

function post(target: string, value: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const origin = `http://localhost:${port}`;
    const req = http.request(
      { host: '127.0.0.1', port, method: 'POST', path: target, headers: { host: `localhost:${port}`, origin, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(value));
  });
}

test('clearing a cancellation in the 1,000-row sample recounts January in the built sheet', async () => {
  const { value: inspection } = (await post('/run', { name: 'wizardInspect', args: ['Customers', null] })) as { value: TableInspection };
  const { value: summary } = (await post('/run', {
    name: 'wizardBuild',
    args: [{ sheetName: 'Customers', headerRow: inspection.headerRow, firstColumn: inspection.firstColumn, mapping: inspection.mapping, period: 'month', firstPeriod: '', lastPeriod: '', profitPerCustomer: null, output: 'formulas', chart: false }],
  })) as { value: BuildSummary };
  const apps = playground.host.apps;
  const january = () => {
    const row = apps.values(summary.sheetName).find((cells) => cells[0] instanceof Date && isoInZone(cells[0], playground.host.timeZone) === '2024-01-01')!;
    return row.slice(1, 7);
  };
  expect(january()).toEqual([500, 200, 0, 15, 4, 681]);
  // C0001 left on 2024-01-01 (row 2): it is a customer again once its end date is cleared.
  expect(apps.values('Customers')[1][0]).toBe('C0001');
  await post('/api/cell', { sheet: 'Customers', a1: 'C2', input: '' });
  expect(january()).toEqual([500, 200, 0, 14, 4, 682]);
});
