/**
 * The playground server answers only its own page on this machine: other hosts (DNS rebinding),
 * other origins and simple cross-site requests are refused before they can read or change
 * anything. What a loaded file holds stays data, and any file name makes a sheet the .xlsx
 * download can hold. Plain HTTP requests from node against the real server.
 */
import ExcelJS from 'exceljs';
import http from 'node:http';
import path from 'node:path';
import { startPlayground, type Playground } from '../../local/playground/server';
import { MAX_SHEET_NAME_LENGTH, sheetNameForFile, sheetNameProblem } from '../../local/sheetName';
import { translate, type MessageKey } from '../../src/i18n';
import { STRIPE_CSV } from '../fixtures/billingExports';
import type { BuildSummary, TableInspection } from '../../src/shared/wizard';
import { HOSTILE_HEADER, foreignFormulas, formulaCells, hostileCsv, riskyFields } from '../helpers/hostileTable';

const ROOT = path.resolve(__dirname, '../..');
let playground: Playground;
let port = 0;
beforeAll(async () => {
  playground = await startPlayground(ROOT, 0);
  port = Number(new URL(playground.url).port);
});
afterAll(() => playground?.close());

interface Reply {
  status: number;
  type: string;
  body: Buffer;
}

/** A request to the playground with exactly these headers (Host included). */
function request(method: string, target: string, headers: Record<string, string>, body?: string | Buffer): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: target, headers: { host: `localhost:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
const own = () => `http://localhost:${port}`;
const postJson = (target: string, value: unknown, headers: Record<string, string> = {}) =>
  request('POST', target, { 'content-type': 'application/json', origin: own(), 'sec-fetch-site': 'same-origin', ...headers }, JSON.stringify(value));
const json = (reply: Reply) => JSON.parse(reply.body.toString('utf8'));
const cellB2 = () => playground.host.apps.cell('Customers', 'B2').formula || String(playground.host.apps.cell('Customers', 'B2').value);

describe('only the playground\'s own page on this machine is answered', () => {
  test('the page and its API answer requests from localhost, 127.0.0.1 and [::1] on the server\'s port', async () => {
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]) {
      expect((await request('GET', '/', { host })).status).toBe(200);
      const workbook = await request('GET', '/api/workbook', { host, 'sec-fetch-site': 'same-origin' });
      expect(workbook.status).toBe(200);
      expect(json(workbook).names).toContain('Customers');
    }
  });

  test.each([
    ['a foreign Host (DNS rebinding)', 'GET', '/api/workbook', { host: `evil.example:${port}` }],
    ['a foreign Host on the page itself', 'GET', '/', { host: `evil.example:${port}` }],
    ['localhost on another port', 'GET', '/api/workbook', { host: `localhost:${port + 1}` }],
    ['a cross-site read', 'GET', '/api/workbook', { 'sec-fetch-site': 'cross-site' }],
    ['a cross-site download', 'GET', '/api/download.xlsx', { 'sec-fetch-site': 'same-site' }],
    ['a sidebar framed by another site', 'GET', '/sidebar', { 'sec-fetch-site': 'cross-site' }],
    ['a foreign Origin', 'GET', '/api/workbook', { origin: 'http://evil.example' }],
  ])('%s: 403', async (_what, method, target, headers) => {
    const reply = await request(method, target, headers as Record<string, string>);
    expect(reply.status).toBe(403);
    expect(reply.body.toString('utf8')).toBe(translate('en', 'play.forbidden', { url: `http://localhost:${port}/` }));
  });

  test.each([
    ['a text/plain POST (a cross-site form or a simple fetch)', { 'content-type': 'text/plain' }],
    ['a form POST', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['a POST without a content type', { 'content-type': '' }],
    ['a JSON POST from another origin', { origin: 'http://evil.example' }],
    ['a JSON POST from the same host on another port', { origin: `http://localhost:${port + 1}` }],
    ['a JSON POST from a sandboxed page', { origin: 'null' }],
    ['a JSON POST to a foreign Host', { host: `evil.example:${port}`, origin: `http://evil.example:${port}` }],
  ])('%s cannot change a cell or run the add-on: 403', async (_what, headers) => {
    const before = cellB2();
    const cell = await postJson('/api/cell', { sheet: 'Customers', a1: 'B2', input: '=HYPERLINK("http://evil.example/","x")' }, headers);
    expect(cell.status).toBe(403);
    const run = await postJson('/run', { name: 'wizardInsertTemplate', args: [true] }, headers);
    expect(run.status).toBe(403);
    expect(cellB2()).toBe(before);
    expect(playground.host.apps.sheetNames()).toEqual(['Customers', 'Larger sample']);
  });

  test('an upload must carry the file as application/octet-stream from the page', async () => {
    const names = playground.host.apps.sheetNames();
    const csv = 'Customer ID,Start date\nC1,2024-01-01\n';
    for (const headers of [{ 'content-type': 'text/plain' }, { 'content-type': 'application/octet-stream', origin: 'http://evil.example' }]) {
      expect((await request('POST', '/api/upload?name=x.csv', { origin: own(), ...headers }, csv)).status).toBe(403);
    }
    expect(playground.host.apps.sheetNames()).toEqual(names);
  });

  test('the answers say that only the playground\'s own page may frame them', async () => {
    const headers = await new Promise<http.IncomingHttpHeaders>((resolve, reject) =>
      http
        .get({ host: '127.0.0.1', port, path: '/', headers: { host: `localhost:${port}` } }, (res) => {
          res.resume();
          resolve(res.headers);
        })
        .on('error', reject),
    );
    expect(headers['x-frame-options']).toBe('SAMEORIGIN');
  });
});

describe('a loaded file is data', () => {
  const upload = (name: string, content: string) =>
    request('POST', `/api/upload?name=${encodeURIComponent(name)}`, { 'content-type': 'application/octet-stream', origin: own(), 'sec-fetch-site': 'same-origin' }, content);
  const download = async () => {
    const reply = await request('GET', '/api/download.xlsx', { 'sec-fetch-site': 'same-origin' });
    expect(reply.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(reply.body as unknown as ExcelJS.Buffer);
    return workbook;
  };

  test('a hostile CSV: no formula in its sheet or in the download except the churn sheet\'s own, the header is text, "=1+1 #5" and "=1+1 #6" two customers', async () => {
    const reply = await upload('hostile.csv', hostileCsv(false));
    expect(reply.status).toBe(200);
    const name = json(reply).name as string;
    expect(name).toBe('hostile');
    const apps = playground.host.apps;
    expect(apps.formulas(name).flat().filter((f) => f !== '')).toEqual([]);
    for (const { row, col, text } of riskyFields(false)) expect([row, col, apps.values(name)[row][col]]).toEqual([row, col, text]);

    const inspection = json(await postJson('/run', { name: 'wizardInspect', args: [name, null] })).value as TableInspection;
    expect(inspection.headers[0]).toBe(HOSTILE_HEADER);
    expect(inspection.liveFormulaBlockers).toEqual([]);
    const built = json(
      await postJson('/run', {
        name: 'wizardBuild',
        args: [{ sheetName: name, headerRow: inspection.headerRow, firstColumn: inspection.firstColumn, mapping: inspection.mapping, period: 'month', firstPeriod: '', lastPeriod: '', profitPerCustomer: null, output: 'formulas', chart: true }],
      }),
    );
    const summary = built.value as BuildSummary;
    expect(summary.customers).toBe(4);

    const workbook = await download();
    const formulas = formulaCells(workbook);
    expect(formulas.length).toBeGreaterThan(0);
    expect(foreignFormulas(formulas, summary.sheetName)).toEqual([]);
    const sheet = workbook.getWorksheet(name)!;
    for (const { row, col, text } of riskyFields(false)) expect([row, col, sheet.getRow(row + 1).getCell(col + 1).value]).toEqual([row, col, text]);
  });

  test('a Stripe subscriptions export is read by its rules: customers, trials and MRR as the wizard counts them', async () => {
    const reply = await upload('subscriptions.csv', STRIPE_CSV);
    expect(reply.status).toBe(200);
    const name = json(reply).name as string;
    const inspection = json(await postJson('/run', { name: 'wizardInspect', args: [name, null] })).value as TableInspection;
    expect(inspection.billingExport?.format).toBe('stripe');
    expect(inspection.headers[inspection.mapping.id!]).toBe('Customer ID');
    const request = { sheetName: name, headerRow: inspection.headerRow, firstColumn: inspection.firstColumn, mapping: inspection.mapping, period: 'month', firstPeriod: '', lastPeriod: '', profitPerCustomer: null, output: 'values', chart: false };
    const summary = json(await postJson('/run', { name: 'wizardBuild', args: [request] })).value as BuildSummary;
    // The months worked out by hand from ChartMogul's rules (test/core/exports): customers at
    // start, new, churned, at end; MRR at end.
    const values = playground.host.apps.values(summary.sheetName);
    const header = values[0].map(String);
    const column = (key: MessageKey) => header.indexOf(translate('en', key));
    const months = values.slice(1).filter((row) => row[0] instanceof Date);
    expect(summary.customers).toBe(11);
    expect(months.map((row) => [row[column('table.customersAtStart')], row[column('table.newCustomers')], row[column('table.churned')], row[column('table.customersAtEnd')], row[column('revenue.mrrAtEnd')]])).toEqual([
      [0, 1, 0, 1, 100],
      [1, 2, 0, 3, 400],
      [3, 2, 0, 5, 520],
      [5, 2, 1, 6, 510],
      [6, 3, 1, 8, 680],
      [8, 1, 1, 9, 762],
    ]);
  });

  test('any file name makes a sheet name the download can hold', async () => {
    const csv = 'Customer ID,Start date\nC1,2024-01-01\n';
    const names: string[] = [];
    for (const file of ["'x'.csv", "'x'.csv", 'a[1]:b*?.csv', `${'a long file name '.repeat(8)}.csv`, 'History.csv', '.csv', "''.csv", 'C:\\Users\\me\\list.csv']) {
      const reply = await upload(file, csv);
      expect([file, reply.status]).toEqual([file, 200]);
      names.push(json(reply).name);
    }
    expect(names.slice(0, 3)).toEqual(['x', 'x (2)', 'a 1 b']);
    for (const name of names) expect([name, sheetNameProblem(name)]).toEqual([name, null]);
    const workbook = await download();
    for (const name of names) expect(workbook.getWorksheet(name)?.getCell('A2').value).toBe('C1');
  });
});

describe('sheet names from file names (local/sheetName.ts)', () => {
  test.each([
    ["'x'.csv", 'x'],
    ["''quoted''.xlsx", 'quoted'],
    ['a[1]:b*?/c.csv', 'c'],
    ['a[1]:b*?.csv', 'a 1 b'],
    ['tab\there.csv', 'tab here'],
    ['.csv', 'Upload'],
    ["'''.csv", 'Upload'],
    ['History.csv', 'History (2)'],
    ['C:\\data\\customers 2024.csv', 'customers 2024'],
    ['no extension', 'no extension'],
  ])('%j -> %j', (file, name) => {
    expect(sheetNameForFile(file, [])).toBe(name);
    expect(sheetNameProblem(name)).toBeNull();
  });

  test('long names are cut to 31 characters, whole characters only, and numbered within them', () => {
    const long = `${'Ωμέγα 😀 '.repeat(10)}.csv`;
    const first = sheetNameForFile(long, []);
    expect(first.length).toBeLessThanOrEqual(MAX_SHEET_NAME_LENGTH);
    expect(first).not.toMatch(/[\uD800-\uDBFF]$/);
    const second = sheetNameForFile(long, [first.toUpperCase()]);
    expect(second).toMatch(/ \(2\)$/);
    expect(second.length).toBeLessThanOrEqual(MAX_SHEET_NAME_LENGTH);
    expect(sheetNameProblem(second)).toBeNull();
  });

  test('sheetNameProblem names what is wrong', () => {
    expect(sheetNameProblem("'x'")).toMatch(/apostrophe/);
    expect(sheetNameProblem('a/b')).toMatch(/\[ \] : \* \? \/ \\/);
    expect(sheetNameProblem('x'.repeat(32))).toMatch(/31/);
    expect(sheetNameProblem(' ')).toMatch(/empty/);
  });
});
