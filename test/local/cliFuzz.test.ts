/**
 * The command line on junk files: random CSV text (separators, quotes, BOMs, title lines, ragged
 * rows, dates in many spellings, formula text, long fields) with random options, run in-process.
 * Each run ends with exit code 0, 1 or 2; an error is one line on stderr starting "churn-sheet:"
 * (never a stack trace), stdout stays empty unless --json was asked for and then holds JSON, and
 * the input file is never changed.
 */
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../local/cli';
import { ROOT } from './cliRun';

const RUNS = Number(process.env.CLI_FUZZ_RUNS ?? 60);
// The same draw in every npm test; `npm run fuzz` sets a fresh FUZZ_SEED.
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_202);
const dir = mkdtempSync(path.join(os.tmpdir(), 'churn-cli-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const junk = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('', ' ', '2024-02-30', '31 stycznia 2024', '45000', '=1+1', '@SUM(A1)', '+1', '-1', 'TRUE', '(no segment)', 'n/a') },
  { weight: 2, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.constantFrom('"quoted, with comma"', '"unclosed', 'a""b', '"line\nbreak"', 'x'.repeat(60_000), '\u0000', '\uFEFF') },
);
/** Mostly what the column holds, now and then junk. */
const mostly = (usual: fc.Arbitrary<string>) => fc.oneof({ weight: 8, arbitrary: usual }, { weight: 1, arbitrary: junk });
const day = fc.integer({ min: 0, max: 900 }).map((n) => new Date(Date.UTC(2022, 0, 1) + n * 86_400_000));
const COLUMNS: [string, fc.Arbitrary<string>][] = [
  ['Customer ID', mostly(fc.integer({ min: 1, max: 400 }).map((n) => `C${n}`))],
  ['Start date', mostly(fc.oneof(day.map((d) => d.toISOString().slice(0, 10)), day.map((d) => `${String(d.getUTCDate()).padStart(2, '0')}.${String(d.getUTCMonth() + 1).padStart(2, '0')}.${d.getUTCFullYear()}`)))],
  ['End date', mostly(fc.oneof(fc.constant(''), day.map((d) => d.toISOString().slice(0, 10))))],
  ['MRR', mostly(fc.constantFrom('0', '49', '49.90', '1 234,50', '€ 49', '100'))],
  ['Plan', mostly(fc.constantFrom('Pro', 'Basic', 'pro ', 'Équipe', ''))],
];
const csv = fc
  .record({
    // The start column nearly always: without it every file is refused the same way.
    columns: fc.oneof({ weight: 9, arbitrary: fc.shuffledSubarray(COLUMNS.slice(2)).chain((rest) => fc.shuffledSubarray([COLUMNS[0], COLUMNS[1], ...rest], { minLength: rest.length + 2, maxLength: rest.length + 2 })) }, { weight: 1, arbitrary: fc.shuffledSubarray(COLUMNS, { minLength: 1 }) }),
    rows: fc.integer({ min: 0, max: 25 }),
    separator: fc.constantFrom(',', ';', '\t'),
    newline: fc.constantFrom('\n', '\r\n'),
    bom: fc.boolean(),
    title: fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    ragged: fc.oneof({ weight: 5, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  })
  .chain(({ columns, rows, separator, newline, bom, title, ragged }) =>
    fc.array(fc.tuple(...columns.map(([, cell]) => cell)), { minLength: rows, maxLength: rows }).map((body) => {
      const lines = [...(title ? ['Customers of 2024', ''] : []), columns.map(([name]) => name).join(separator), ...body.map((row, r) => (ragged && r % 5 === 2 ? row.slice(1) : row).join(separator))];
      return `${bom ? '\uFEFF' : ''}${lines.join(newline)}${newline}`;
    }),
  );
const usualOptions = fc.constantFrom<string[]>(
  ['--values'], ['--values'], ['--json'], ['--period', 'week'], ['--period', 'quarter'], ['--cohorts'], ['--segments'], ['--win-back'], ['--profit', '30000'],
  ['--first', '2022-06'], ['--last', '2024-03'], ['--method', 'average'], ['--segment', 'Plan'], ['--locale', 'lv_LV'],
);
const oddOptions = fc.constantFrom<string[]>(['--period', 'fortnight'], ['--profit', 'lots'], ['--first', '2030-01'], ['--method', 'daily'], ['--start', 'Signup'], ['--id', 'Nope'], ['--bogus'], ['--engine', 'add-on']);
const options = fc.array(fc.oneof({ weight: 9, arbitrary: usualOptions }, { weight: 1, arbitrary: oddOptions }), { maxLength: 4 });

let run = 0;
test(`${RUNS} junk files and option sets: exit 0, 1 or 2, one-line errors, the input unchanged`, async () => {
  await fc.assert(
    fc.asyncProperty(csv, options, fc.oneof({ weight: 9, arbitrary: fc.constant('csv') }, { weight: 1, arbitrary: fc.constant('txt') }), async (content, chosen, extension) => {
      run++;
      const input = path.join(dir, `in-${run}.${extension}`);
      const output = path.join(dir, `out-${run}.xlsx`);
      writeFileSync(input, content);
      let stdout = '';
      let stderr = '';
      const code = await main(['build', input, '-o', output, '--quiet', ...chosen.flat()], {
        stdout: (s) => (stdout += s),
        stderr: (s) => (stderr += s),
        root: ROOT,
        env: { TZ: 'Europe/Riga', LANG: 'en_US.UTF-8' },
      });
      expect([0, 1, 2]).toContain(code);
      expect(readFileSync(input, 'utf8')).toBe(content);
      expect(stderr).not.toMatch(/\n\s+at |TypeError|RangeError|ReferenceError|undefined/);
      if (code === 0) {
        expect(existsSync(output)).toBe(true);
        if (chosen.some((option) => option[0] === '--json')) expect(() => JSON.parse(stdout)).not.toThrow();
        else expect(stdout).toBe('');
      } else {
        expect(stdout).toBe('');
        expect(stderr).toMatch(/^churn-sheet: \S/);
        expect(existsSync(output)).toBe(false);
      }
    }),
    { numRuns: RUNS, seed: SEED },
  );
}, 240_000);
