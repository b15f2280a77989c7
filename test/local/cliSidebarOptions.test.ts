/**
 * churn-sheet offers what the sidebar offers (cohorts, segment blocks, columns chosen by header,
 * the first and last period, the churn template) and reads CSV files honestly: comma decimals,
 * a title above the header, no header, an unclosed quote, Windows-1252 bytes, rows split into
 * more fields than the header has.
 */
import { HyperFormula } from 'hyperformula';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseCsv, readTableFile } from '../../local/tableFile';
import { LANGUAGES, translate } from '../../src/i18n';
import { readWorkbook, sheetsForHyperFormula } from '../helpers/xlsx';
import { SAMPLE, parseJson, runCli, tempDir, writeInto } from './cliRun';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string | Buffer) => writeInto(dir, name, content);

/** Customers by plan: A and B on Basic, C on Pro who leaves in February, D on Pro from February. */
const PLANS = 'Customer ID,Signup date,Trial start,Cancel date,Plan,MRR\nA,2024-01-05,2023-12-20,,Basic,10\nB,2024-01-09,2023-12-28,,Basic,10\nC,2024-01-10,2024-01-02,2024-02-15,Pro,30\nD,2024-02-03,2024-01-20,,Pro,30\n';

describe('the sidebar\'s options', () => {
  test('--cohorts adds the cohort sheet, with values and with live formulas', async () => {
    for (const extra of [['--values'], []]) {
      const output = path.join(dir, `cohorts${extra.length}.xlsx`);
      const result = await runCli(['build', SAMPLE, '-o', output, '--cohorts', ...extra]);
      expect(result.code).toBe(0);
      const workbook = await readWorkbook(output);
      expect(workbook.worksheets.map((sheet) => sheet.name)).toContain('Cohorts by month');
    }
  });

  test('--segments adds one block per segment, in --json too', async () => {
    const table = parseJson(await runCli(['build', file('plans.csv', PLANS), '--json', '--values', '--segments']));
    const segments = (table as unknown as { segments: { segment: string; rows: unknown[][] }[] }).segments;
    expect(segments.map((block) => block.segment)).toEqual(['Basic', 'Pro']);
    const february = (rows: unknown[][]) => rows.find((row) => row[0] === '2024-02-01')!;
    // Customers at end in February: 3 in all, 2 on Basic, 1 on Pro.
    expect([february(table.rows)[6], ...segments.map((block) => february(block.rows)[6])]).toEqual([3, 2, 1]);
  });

  test('--start, --end, --id, --amount and --segment choose columns by header, in any case', async () => {
    const found = parseJson(await runCli(['build', file('plans.csv', PLANS), '--json', '--values']));
    expect(found.rows[0][0]).toBe('2024-01-01');
    const trial = parseJson(await runCli(['build', file('plans.csv', PLANS), '--json', '--values', '--start', 'TRIAL START', '--segment', ' plan ', '--amount', 'mrr']));
    // Trials start in December: the table starts a month earlier.
    expect(trial.rows[0][0]).toBe('2023-12-01');
    expect(trial.header).toContain('MRR at start');

    const missing = await runCli(['build', file('plans.csv', PLANS), '--json', '--end', 'Churn date']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      `churn-sheet: ${translate('en', 'cli.noSuchColumn', { option: '--end', value: 'Churn date', columns: '"Customer ID", "Signup date", "Trial start", "Cancel date", "Plan", "MRR"' })}\n`,
    );
  });

  test('--first and --last show the periods between them', async () => {
    const table = parseJson(await runCli(['build', SAMPLE, '--json', '--first', '2024-01', '--last', '2024-02-15']));
    expect(table.rows.map((row) => row[0])).toEqual(['2024-01-01', '2024-02-01']);
    expect(table.rows[0].slice(1, 7)).toEqual([500, 200, 0, 15, 4, 681]);
    for (const [option, value] of [['--first', '2024-13'], ['--last', '2024-02-30'], ['--first', 'January']]) {
      const result = await runCli(['build', SAMPLE, '--json', option, value]);
      expect([result.code, result.stderr.split('\n')[0]]).toEqual([2, `churn-sheet: ${translate('en', 'cli.badMonth', { option, value })}`]);
    }
  });

  test('template -o writes the churn template; --example gives the worked example\'s numbers', async () => {
    const output = path.join(dir, 'template.xlsx');
    const result = await runCli(['template', '-o', output, '--example']);
    expect(result).toEqual({ code: 0, stdout: '', stderr: `${translate('en', 'cli.wroteTemplate', { sheet: 'Churn template', file: output })}\n` });
    const workbook = await readWorkbook(output);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Churn template']);
    // Its live formulas, computed by another engine, give 3.0 %, 3.8 %, 681, 2.94 %, 3.67 %, 956.
    const hf = HyperFormula.buildFromSheets(sheetsForHyperFormula(workbook), { licenseKey: 'gpl-v3' });
    const values = hf.getSheetValues(hf.getSheetId('Churn template')!);
    const header = values.findIndex((row) => row.includes('Churn rate'));
    const at = (r: number, name: string) => values[header + r][values[header].indexOf(name)] as number;
    expect(at(1, 'Churn rate')).toBeCloseTo(0.03, 12);
    expect(at(1, 'Adjusted churn')).toBeCloseTo(0.038, 12);
    expect(at(1, 'Customers at end')).toBe(681);
    expect(at(2, 'Churn rate')).toBeCloseTo(20 / 681, 9);
    expect(at(2, 'Adjusted churn')).toBeCloseTo(25 / 681, 9);
    expect(at(2, 'Customers at end')).toBe(956);
    hf.destroy();

    // Kept without --force, replaced with it; build's options are refused.
    expect((await runCli(['template', '-o', output])).code).toBe(1);
    expect((await runCli(['template', '-o', output, '--force'])).code).toBe(0);
    const wrong = await runCli(['template', '-o', path.join(dir, 'other.xlsx'), '--cohorts']);
    expect([wrong.code, wrong.stderr.split('\n')[0]]).toEqual([2, `churn-sheet: ${translate('en', 'cli.templateOption', { option: '--cohorts' })}`]);
    expect(existsSync(path.join(dir, 'other.xlsx'))).toBe(false);
  });

  test.each(LANGUAGES)('the usage text in %s names the template command and the new options', (language) => {
    const text = translate(language, 'cli.usage');
    for (const word of ['churn-sheet template', '--example', '--cohorts', '--segments', '--start, --end, --id, --amount, --segment', '--first, --last']) expect(text).toContain(word);
  });
});

describe('CSV files read honestly', () => {
  test('a ;-separated file with comma decimals has numbers for amounts, so live formulas are offered', async () => {
    const csv = 'Customer ID;Start date;End date;MRR\nA;05.01.2024;;149,5\nB;09.01.2024;01.02.2024;20\nC;10.02.2024;;0,5\n';
    const rows = await readTableFile('x.csv', Buffer.from(csv), 'UTC', 'en_GB');
    expect(rows.map((row) => row[3])).toEqual(['MRR', 149.5, 20, 0.5]);
    const table = parseJson(await runCli(['build', file('decimals.csv', csv), '--json', '--values']));
    expect(table.rows.find((row) => row[0] === '2024-01-01')![table.header.indexOf('MRR at end')]).toBe(169.5);
    const live = await runCli(['build', file('decimals.csv', csv), '--json']);
    expect(live.code).toBe(0);
    // With , as the separator, a comma is a decimal only in a locale that writes one (a quoted "149,5").
    const commas = 'Customer ID,Start date,End date,MRR\nA,2024-01-05,,"149,5"\n';
    expect((await readTableFile('x.csv', Buffer.from(commas), 'UTC', 'en_GB'))[1][3]).toBe('149,5');
    expect((await readTableFile('x.csv', Buffer.from(commas), 'UTC', 'lv_LV'))[1][3]).toBe(149.5);
  });

  test('a title line above the header row: the table below it is read, rows numbered as in the file', async () => {
    const plain = parseJson(await runCli(['build', SAMPLE, '--json']));
    const titled = await runCli(['build', file('titled.csv', `Customer export, May 2024\n${readFileSync(SAMPLE, 'utf8')}`), '--json']);
    expect(parseJson(titled).rows).toEqual(plain.rows);
    const problem = await runCli(['build', file('titled-bad.csv', 'Customers;;\nCustomer ID;Start date;End date\nA;2024-01-05;\nB;soon;\n'), '--json', '--values']);
    expect(parseJson(problem).problems).toEqual([translate('en', 'row.startNotDate', { row: 4, value: 'soon' })]);
  });

  test('no header row: says so, naming what the first row holds', async () => {
    const result = await runCli(['build', file('nohead.csv', 'A,2024-01-05,\nB,2024-01-09,2024-02-01\n'), '--json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`churn-sheet: ${translate('en', 'cli.noHeaderRow', { file: path.join(dir, 'nohead.csv'), count: 10, columns: '"A", "2024-01-05"' })}\n`);
  });

  test('an unclosed quote: names the row where the quoted field begins', async () => {
    const name = file('quote.csv', 'Customer ID,Start date,End date\nA,2024-01-05,\n"B,2024-01-09,2024-02-01\nC,2024-01-09,\n');
    const result = await runCli(['build', name, '--json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`churn-sheet: ${translate('en', 'file.unclosedQuote', { file: name, row: 3 })}\n`);
    const open: { unclosedQuoteRow?: number } = {};
    parseCsv('a,b\n1,"2\n', ',', open);
    expect(open.unclosedQuoteRow).toBe(2);
  });

  test('a Windows-1252 (Latin-1) file is decoded as such, and the CLI says so', async () => {
    const bytes = Buffer.concat([Buffer.from('Kunde;Startdato;Sluttdato;Plan\nA;05.01.2024;;'), Buffer.from([0xc6]), Buffer.from('ble\nB;09.01.2024;01.02.2024;Basis\n')]);
    const name = file('latin1.csv', bytes);
    expect((await readTableFile(name, bytes, 'UTC', 'nb_NO'))[1][3]).toBe('Æble');
    const result = await runCli(['build', name, '--json', '--values', '--segments']);
    expect(result.stderr).toContain(translate('en', 'cli.latin1', { file: name }));
    expect((parseJson(result) as unknown as { segments: { segment: string }[] }).segments.map((block) => block.segment)).toEqual(['Æble', 'Basis']);
    // UTF-8 stays UTF-8, without a note.
    const utf8 = await runCli(['build', file('utf8.csv', bytes.toString('latin1')), '--json', '--values']);
    expect(utf8.stderr).not.toContain('Windows-1252');
  });

  test('rows with more fields than the header are reported by their numbers', async () => {
    const name = file('long.csv', 'Customer ID,Start date,End date,MRR\nA,2024-01-05,,149,5\nB,2024-01-09,2024-02-01,20\nC,2024-01-09,,3,25\nD,2024-01-09,,3,,\n');
    const result = await runCli(['build', name, '--json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`churn-sheet: ${translate('en', 'cli.longRows', { file: name, rows: '2, 4', count: 4 })}\n`);
  });
});
