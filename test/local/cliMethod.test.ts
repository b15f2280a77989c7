/** churn-sheet build --method: the adjusted churn column by CHURN_TABLE's method, in the workbook and in --json. */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { LANGUAGES, translate } from '../../src/i18n';
import { readWorkbook } from '../helpers/xlsx';
import { SAMPLE, parseJson, runCli, tempDir } from './cliRun';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ADJUSTED = 8;
const row = (rows: unknown[][], period: string) => rows.find((r) => r[0] === period)!;

describe('--method', () => {
  test('"average" and "start_plus_new": live formulas and values report the same column', async () => {
    for (const [method, header, denominator] of [
      ['average', 'Adjusted churn (average)', (r: number[]) => (r[1] + r[6]) / 2],
      ['start_plus_new', 'Adjusted churn (start + new)', (r: number[]) => r[1] + r[2] + r[3]],
    ] as const) {
      const live = parseJson(await runCli(['build', SAMPLE, '--json', '--method', method]));
      const values = parseJson(await runCli(['build', SAMPLE, '--json', '--values', `--method=${method}`]));
      expect(live.header[ADJUSTED]).toBe(header);
      expect(values.header[ADJUSTED]).toBe(header);
      expect(live.rows).toEqual(values.rows);
      for (const r of values.rows as number[][]) {
        if (r[1] === 0) expect(r[ADJUSTED]).toBeNull();
        else expect(r[ADJUSTED]).toBeCloseTo((r[4] + r[5]) / denominator(r), 12);
      }
    }
    const average = parseJson(await runCli(['build', SAMPLE, '--json', '--method', 'average']));
    expect((row(average.rows, '2024-01-01')[ADJUSTED] as number).toFixed(4)).toBe('0.0322');
  });

  test('the workbook holds the method\'s formula, with the engine\'s number cached', async () => {
    const output = path.join(dir, 'average.xlsx');
    expect((await runCli(['build', SAMPLE, '-o', output, '--method', 'average'])).code).toBe(0);
    const sheet = (await readWorkbook(output)).getWorksheet('Churn by month')!;
    expect(sheet.getCell('I1').value).toBe('Adjusted churn (average)');
    const cell = sheet.getCell('I2').value as { formula: string; result: unknown };
    expect(cell.formula).toBe('IF(B2>0,(E2+F2)/((B2+G2)/2),"")');
  });

  test('"daily" needs --values, and then reports the daily churn', async () => {
    const refused = await runCli(['build', SAMPLE, '--json', '--method', 'daily']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(translate('en', 'cli.dailyNeedsValues'));
    const daily = parseJson(await runCli(['build', SAMPLE, '--json', '--values', '--method', 'daily']));
    expect(daily.header[ADJUSTED]).toBe('Daily churn');
    expect((row(daily.rows, '2024-01-01')[ADJUSTED] as number).toFixed(4)).toBe('0.0319');
    expect((row(daily.rows, '2024-02-01')[ADJUSTED] as number).toFixed(4)).toBe('0.0314');
  });

  test('an unknown method is a usage error, in the user\'s language', async () => {
    const result = await runCli(['build', SAMPLE, '--json', '--method', 'median'], { TZ: 'Europe/Oslo', LANG: 'pl_PL.UTF-8' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(translate('pl', 'cli.badMethod', { value: 'median' }));
  });

  test.each(LANGUAGES)('the usage text in %s names --method and its choices', (language) => {
    expect(translate(language, 'cli.usage')).toMatch(/--method <[^>]+> .*start.*average.*start_plus_new.*daily.*--values/s);
  });
});
