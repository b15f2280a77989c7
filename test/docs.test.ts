import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SEED_004_MONTHS, seed004Csv } from './fixtures/seed004';

const root = path.resolve(__dirname, '..');

/** Rows of the two-month worked example table in a Markdown document. */
function workedExample(markdown: string): { S: number; L: number; N: number; Ln: number; E: number }[] {
  return markdown
    .split('\n')
    .filter((line) => /^\| (January|February) \|/.test(line))
    .map((line) => {
      const cells = line.split('|').map((cell) => cell.trim());
      return { S: +cells[2], L: +cells[3], N: +cells[4], Ln: +cells[5], E: +cells[9] };
    });
}

const expected = SEED_004_MONTHS.map(({ S, L, N, Ln, E }) => ({ S, L, N, Ln, E }));

describe('documentation and samples agree with the tests', () => {
  test('docs/metrics.md states the same two-month example as the fixture', () => {
    expect(workedExample(readFileSync(path.join(root, 'docs/metrics.md'), 'utf8'))).toEqual(expected);
  });

  test('the shared spec, where it is beside the project, states the same numbers', () => {
    const spec = path.join(root, '../shared/churn-spec.md');
    // CI and a fresh clone have ../shared beside the project; a bare checkout checks its own docs.
    const source = existsSync(spec) ? spec : path.join(root, 'docs/metrics.md');
    expect(workedExample(readFileSync(source, 'utf8'))).toEqual(expected);
  });

  test('samples/seed004-customers.csv is the fixture (regenerate with `npm run samples`)', () => {
    expect(readFileSync(path.join(root, 'samples/seed004-customers.csv'), 'utf8')).toBe(seed004Csv());
  });
});
