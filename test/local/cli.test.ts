/**
 * The churn-sheet command line: a customer file in, the wizard's churn sheet out, with the exit
 * codes and messages a script can rely on. Runs local/cli.ts in-process against dist/Code.js.
 */
import { usage as usageText } from '../../local/cli';
import ExcelJS from 'exceljs';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { asSheetValues, parseCsv, readTableFile } from '../../local/tableFile';
import { translate } from '../../src/i18n';
import { SEED_004_MONTHS } from '../fixtures/seed004';
import { isoInZone } from '../helpers/dates';
import { SAMPLE, parseJson, runCli, sampleLines, tempDir, writeInto } from './cliRun';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string | Buffer) => writeInto(dir, name, content);

/** ISO yyyy-mm-dd as 31.01.2024. */
const dotted = (iso: string) => (iso ? iso.split('-').reverse().join('.') : '');

describe('churn-sheet build on the seed 004 sample', () => {
  let reference: unknown[][] = [];

  test('--json gives the two months of the worked example', async () => {
    const result = await runCli(['build', SAMPLE, '--json']);
    const table = parseJson(result);
    expect(table.sheet).toBe('Churn by month');
    expect(table.header.slice(0, 7)).toEqual(['Period start', 'Customers at start', 'New customers', 'Reactivated', 'Churned', 'Churned new', 'Customers at end']);
    expect(table.customers).toBe(1000);
    expect(table.rowsSkipped).toBe(0);
    const january = table.rows.find((row) => row[0] === '2024-01-01')!;
    const february = table.rows.find((row) => row[0] === '2024-02-01')!;
    expect(january.slice(1, 7)).toEqual([500, 200, 0, 15, 4, 681]);
    expect(february.slice(1, 7)).toEqual([681, 300, 0, 20, 5, 956]);
    for (const [row, month] of [[january, SEED_004_MONTHS[0]], [february, SEED_004_MONTHS[1]]] as const) {
      expect(row[7]).toBeCloseTo(month.L / month.S, 12);
      expect(row[8]).toBeCloseTo((month.L + month.Ln) / month.S, 12);
    }
    // The first month has no customers at its start: its rates are blank, never 0 %.
    expect(table.rows[0].slice(7, 10)).toEqual([null, null, null]);
    expect(result.stderr).toMatch(/Done: "Churn by month" has 14 periods for 1000 customers\. \(live formulas/);
    reference = table.rows;
  });

  test('--values and --profit give the same counts and a lost-profit column', async () => {
    const table = parseJson(await runCli(['build', SAMPLE, '--json', '--values', '--profit', '30000']));
    expect(table.header[10]).toBe('Lost profit');
    expect(table.rows.map((row) => row.slice(0, 10))).toEqual(reference);
    expect(table.rows.find((row) => row[0] === '2024-01-01')![10]).toBe(19 * 30000);
  });

  test('the same table as a ;-separated CSV with 31.01.2024 dates, a BOM and CRLF line ends', async () => {
    const lines = sampleLines().map((cells, i) => (i === 0 ? cells : [cells[0], dotted(cells[1]), dotted(cells[2])]));
    const csv = `\uFEFF${lines.map((cells) => cells.join(';')).join('\r\n')}\r\n`;
    const table = parseJson(await runCli(['build', file('semicolons.csv', csv), '--json']));
    expect(table.rows).toEqual(reference);
  });

  test('the same table from an .xlsx with date cells, read in a zone far from the machine\'s', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Customers');
    for (const [i, cells] of sampleLines().entries()) {
      if (i === 0) sheet.addRow(cells);
      else sheet.addRow([cells[0], new Date(`${cells[1]}T00:00:00Z`), cells[2] ? new Date(`${cells[2]}T00:00:00Z`) : null]);
    }
    const target = path.join(dir, 'customers.xlsx');
    await workbook.xlsx.writeFile(target);
    const table = parseJson(await runCli(['build', target, '--json'], { TZ: 'Pacific/Kiritimati' }));
    expect(table.rows).toEqual(reference);
  });

  test('--period quarter groups the same customers by quarter', async () => {
    const table = parseJson(await runCli(['build', SAMPLE, '--json', '--period', 'quarter']));
    expect(table.sheet).toBe('Churn by quarter');
    const q1 = table.rows.find((row) => row[0] === '2024-01-01')!;
    // January's three new customers who leave in February are churned new within the quarter.
    expect(q1.slice(1, 7)).toEqual([500, 500, 0, 15 + 17, 4 + 5 + 3, 956]);
  });
});

describe('reading customer files (local/tableFile.ts)', () => {
  test('RFC 4180 quotes: delimiters, doubled quotes and line breaks inside fields', () => {
    expect(parseCsv('a,b,c\n"x, y","say ""hi""","two\nlines"\r\n1,,3\n\n')).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\nlines'],
      ['1', '', '3'],
    ]);
  });

  test('quotes after a field began, text after a closing quote, a quoted last field without a line break', () => {
    expect(parseCsv('a,b"c,"x"y,"z"')).toEqual([['a', 'b"c', 'xy', 'z']]);
    expect(parseCsv('a,b\r\n1,2')).toEqual([['a', 'b'], ['1', '2']]);
  });

  test('an apostrophe only where a sheet would read the text as something else; other rows are not copied', () => {
    const plain = ['C1', 'Basic', 'Team', 'x=1', new Date(0), 19];
    const hostile = ['=HYPERLINK("x")', '+cmd', '-2', '@SUM', "'quoted", '0042', '.5', ' 12:30', 'TRUE', 'false', '2024-01-31'];
    const [same, marked] = asSheetValues([plain, hostile]);
    expect(same).toBe(plain);
    expect(marked).toEqual(hostile.map((text) => `'${text}`));
    expect(hostile[0]).toBe('=HYPERLINK("x")');
  });

  test('the delimiter comes from the header line: tab, semicolon, comma', () => {
    expect(parseCsv('a\tb\tc;d\n1\t2\t3;4')).toEqual([['a', 'b', 'c;d'], ['1', '2', '3;4']]);
    expect(parseCsv('"a;x";b;c\n1;2;3')).toEqual([['a;x', 'b', 'c'], ['1', '2', '3']]);
    expect(parseCsv('a,b\n1;2,3')).toEqual([['a', 'b'], ['1;2', '3']]);
  });

  test('dates become midnight in the zone, numbers numbers, the rest (and the header) text', async () => {
    const csv = 'Customer ID,Start date,End date,MRR,2024\n0042,01.02.2024,31.03.2024,12.5,x\nC2,13.01.2024,02.03.2024,7,\nC3,2024-01-31,,,\n';
    const rows = await readTableFile('t.csv', Buffer.from(csv), 'Pacific/Auckland', 'en_US');
    const iso = (cell: unknown) => isoInZone(cell as Date, 'Pacific/Auckland');
    expect(rows[0]).toEqual(['Customer ID', 'Start date', 'End date', 'MRR', '2024']);
    expect(rows[1][0]).toBe('0042'); // an id with leading zeros stays text
    // Each column proves itself day-first (13.01.2024, 31.03.2024), so 01.02.2024 is 1 February even in en_US.
    expect(rows.slice(1).map((row) => [iso(row[1]), row[2] === '' ? '' : iso(row[2])])).toEqual([
      ['2024-02-01', '2024-03-31'],
      ['2024-01-13', '2024-03-02'],
      ['2024-01-31', ''],
    ]);
    expect((rows[3][1] as Date).toISOString()).toBe('2024-01-30T11:00:00.000Z'); // midnight in Auckland (UTC+13)
    expect(rows.slice(1).map((row) => row[3])).toEqual([12.5, 7, '']);
    expect(rows[1][4]).toBe('x');
  });

  test('a column with only ambiguous dates follows the locale', async () => {
    const csv = 'Start date\n01/02/2024\n03/04/2024\n';
    const us = await readTableFile('t.csv', Buffer.from(csv), 'UTC', 'en_US');
    const gb = await readTableFile('t.csv', Buffer.from(csv), 'UTC', 'en_GB');
    expect((us[1][0] as Date).toISOString().slice(0, 10)).toBe('2024-01-02');
    expect((gb[1][0] as Date).toISOString().slice(0, 10)).toBe('2024-02-01');
  });

  test('other file types are refused', async () => {
    await expect(readTableFile('t.ods', Buffer.from(''), 'UTC', 'en_GB')).rejects.toThrow(/only \.csv and \.xlsx/);
  });
});

describe('errors about the input exit with 1 and say what is wrong', () => {
  test('a missing file', async () => {
    const result = await runCli(['build', path.join(dir, 'nope.csv'), '-o', path.join(dir, 'nope.xlsx')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/nope\.csv: no such file/);
    expect(existsSync(path.join(dir, 'nope.xlsx'))).toBe(false);
  });

  test('a table without a start date column names the columns it saw', async () => {
    const input = file('no-start.csv', 'Customer ID,Plan,Owner\nC1,Pro,Ann\nC2,Basic,Bob\n');
    const result = await runCli(['build', input, '--json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no start date column found\. Choose the column that holds the start dates\. The columns are "Customer ID", "Plan", "Owner"/);
    expect(result.stdout).toBe('');
  });

  test('a table whose rows have no usable start date', async () => {
    const input = file('unusable.csv', 'Customer ID,Start date,End date\nC1,soon,\nC2,,2024-01-01\n');
    const result = await runCli(['build', input, '--json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/No row of the table has a usable start date\. Row 2: the start date "soon" is not a date\. Row 3: the start date is empty\./);
  });

  test('an empty file', async () => {
    const result = await runCli(['build', file('empty.csv', ''), '--json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/there is no customer table in it/);
  });

  test('a file type it cannot read', async () => {
    const result = await runCli(['build', file('customers.ods', 'x'), '--json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/only \.csv and \.xlsx files can be read/);
  });

  test('a table live formulas cannot reproduce asks for --values, which then works', async () => {
    const input = file('repeated.csv', 'Customer ID,Start date,End date\nC1,2024-01-05,2024-02-10\nC1,2024-02-10,\nC2,2024-01-20,\n');
    const live = await runCli(['build', input, '--json']);
    expect(live.code).toBe(1);
    expect(live.stderr).toMatch(/customer "C1" has more than one row.*--values/);
    const values = parseJson(await runCli(['build', input, '--json', '--values']));
    expect(values.rows.map((row) => row.slice(0, 7))).toEqual([
      ['2024-01-01', 0, 2, 0, 0, 0, 2],
      ['2024-02-01', 2, 0, 0, 0, 0, 2],
    ]);
  });
});

describe('usage errors exit with 2 and show the usage', () => {
  test.each([
    [[], /no command given/],
    [['convert', SAMPLE], /unknown command "convert"/],
    [['build', SAMPLE, '--json', '--colour'], /unknown option "--colour"/],
    [['build', SAMPLE], /-o <churn\.xlsx> is missing/],
    [['build', '-o', 'x.xlsx'], /the customer file is missing/],
    [['build', SAMPLE, 'other.csv', '--json'], /one customer file at a time/],
    [['build', SAMPLE, '--json', '--period', 'fortnight'], /--period must be month, week, quarter or year, not "fortnight"/],
    [['build', SAMPLE, '--json', '--period'], /--period needs a value/],
    [['build', SAMPLE, '--json', '--profit', '-5'], /--profit must be a number of 0 or more, such as 30000, not "-5"/],
    [['build', SAMPLE, '--json', '--profit=30k'], /--profit must be a number of 0 or more, such as 30000, not "30k"/],
    [['build', SAMPLE, '-o', 'churn.csv'], /the output file must end in \.xlsx/],
    [['build', SAMPLE, '--json', '--locale', 'english'], /--locale must look like en_GB/],
  ])('%j', async (args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/Usage: churn-sheet build <customers\.csv\|customers\.xlsx> -o <churn\.xlsx>/);
    expect(result.stdout).toBe('');
  });

  test('--help prints the usage and exits with 0', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: churn-sheet build/);
  });
});

describe('the language of the environment', () => {
  test('LANG=pl_PL.UTF-8: a usage error and a missing file are reported in Polish', async () => {
    const env = { TZ: 'Europe/Oslo', LANG: 'pl_PL.UTF-8' };
    const usage = await runCli(['build', SAMPLE, '--json', '--period', 'fortnight'], env);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toBe(`churn-sheet: ${translate('pl', 'cli.badPeriod', { value: 'fortnight' })}\n\n${usageText('pl')}`);
    expect(usage.stderr).toMatch(/^churn-sheet: --period musi /);
    expect(usage.stderr).toMatch(/Użycie: churn-sheet build/);

    const missing = path.join(dir, 'brak.csv');
    const result = await runCli(['build', missing, '-o', path.join(dir, 'brak.xlsx')], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`churn-sheet: ${translate('pl', 'cli.noSuchFile', { file: missing })}\n`);
    expect(result.stderr).toContain('nie ma takiego pliku');
  });

  test('LANG=el_GR.UTF-8: the missing file is reported in Greek; LC_ALL wins over LANG', async () => {
    const missing = path.join(dir, 'nope.csv');
    const greek = await runCli(['build', missing, '--json'], { TZ: 'Europe/Oslo', LANG: 'el_GR.UTF-8' });
    expect(greek.code).toBe(1);
    expect(greek.stderr).toBe(`churn-sheet: ${translate('el', 'cli.noSuchFile', { file: missing })}\n`);
    expect(greek.stderr).toContain('δεν υπάρχει τέτοιο αρχείο');
    const english = await runCli(['build', missing, '--json'], { TZ: 'Europe/Oslo', LC_ALL: 'C', LANG: 'el_GR.UTF-8' });
    expect(english.stderr).toMatch(/nope\.csv: no such file/);
  });

  test('a build in Norwegian: the sheet and the summary line speak Norwegian', async () => {
    const result = await runCli(['build', SAMPLE, '--json'], { TZ: 'Europe/Oslo', LANG: 'nb_NO.UTF-8' });
    const json = parseJson(result);
    expect(json.sheet).toBe(translate('nb', 'sheet.name.month'));
    expect(json.header[7]).toBe(translate('nb', 'table.churnRate'));
    expect(result.stderr).toMatch(/Ferdig: arket "Kundelekkasje per måned" er laget \(perioder: 14, kunder: 1000\)\. \(dynamiske formler; kolonner: startdato /);
  });
});

describe('the output file', () => {
  test('is written, and an existing one is only replaced with --force', async () => {
    const out = path.join(dir, 'churn.xlsx');
    expect((await runCli(['build', SAMPLE, '-o', out])).code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');

    writeFileSync(out, 'my own work');
    const refused = await runCli(['build', SAMPLE, '-o', out, '--values']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/churn\.xlsx already exists; it was left as it is\..*--force/);
    expect(readFileSync(out, 'utf8')).toBe('my own work');

    const forced = await runCli(['build', SAMPLE, '-o', out, '--values', '--force']);
    expect(forced.code).toBe(0);
    expect(statSync(out).size).toBeGreaterThan(1000);
  });
});

describe('large inputs', () => {
  test('over 10,000 rows: a progress line per step on stderr', async () => {
    const lines = ['Customer ID,Start date,End date'];
    for (let i = 0; i < 10_500; i++) {
      const start = new Date(Date.UTC(2023, 0, 1 + (i % 400))).toISOString().slice(0, 10);
      const end = i % 3 === 0 ? new Date(Date.UTC(2023, 0, 30 + (i % 400))).toISOString().slice(0, 10) : '';
      lines.push(`C${i},${start},${end}`);
    }
    const input = file('large.csv', `${lines.join('\n')}\n`);
    const out = path.join(dir, 'large.xlsx');
    const result = await runCli(['build', input, '-o', out, '--values']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^reading .*large\.csv\.\.\.\nread 10500 rows of .*large\.csv\nbuilding the churn sheet from 10500 rows\.\.\.\n[\s\S]*writing .*large\.xlsx\.\.\.\n(writing .*large\.xlsx: "Customers", \d+ of 10501 rows\n)+/,
    );
    expect((await runCli(['build', SAMPLE, '--json'])).stderr).not.toMatch(/reading|building|writing/);
  });
});
