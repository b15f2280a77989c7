import fc from 'fast-check';
import { bundleSource, loadBundle, spreadsheetSettings } from '../helpers/bundle';
import { withCpuMs } from '../helpers/cpuTime';
import { build, outcomeProblem, scalarCall, tableCall, type CallRecipe } from '../helpers/junk';

// Every custom function of the built bundle on junk arguments must give Sheets something it
// shows: a finite number, a blank, a rectangular table of shown cells within a spreadsheet's
// limits, or an error that names the function; and answer within 5 seconds of processor time.
// FUZZ_RUNS sets the runs per function (`npm run fuzz -- 10000` for a release).
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
// npm test draws the same junk every time, so a red run means the code changed, not the draw;
// `npm run fuzz` draws afresh (FUZZ_SEED), and replays a failure by its seed.
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_202);
const CALL_MS = 5000;

// East and west of UTC, +14 hours, and three locales (date order, decimal comma, language).
const sheets = [
  loadBundle(spreadsheetSettings('Asia/Tokyo', 'pl_PL', 'America/New_York')),
  loadBundle(spreadsheetSettings('America/Los_Angeles', 'en_US', 'Europe/Oslo')),
  loadBundle(spreadsheetSettings('Pacific/Kiritimati', 'lv_LV', 'UTC')),
];

const PERIODS = ['month', 'week', 'quarter', 'year', 'Week', ' year ', 'day', ''];
const DATES = ['2024-01-31', '31.01.2024', 45_000, '', 'soon', new Date(Date.UTC(2023, 5, 1)), new Date(Number.NaN), -1];
const calls: Record<string, fc.Arbitrary<CallRecipe>> = {
  CHURN_RATE: scalarCall('CHURN_RATE', 2, sheets.length),
  ADJUSTED_CHURN: scalarCall('ADJUSTED_CHURN', 5, sheets.length),
  RETENTION_RATE: scalarCall('RETENTION_RATE', 2, sheets.length),
  CHURN_COST: scalarCall('CHURN_COST', 2, sheets.length),
  CUSTOMER_LIFETIME: scalarCall('CUSTOMER_LIFETIME', 1, sheets.length),
  MRR_CHURN: scalarCall('MRR_CHURN', 5, sheets.length),
  CUSTOMER_LTV: scalarCall('CUSTOMER_LTV', 3, sheets.length),
  CHURN_TABLE: tableCall(
    'CHURN_TABLE',
    ['starts', 'ends', { option: PERIODS }, 'ids', 'segments', { option: ['start', 'average', 'start_plus_new', 'daily', 'median', ''] }],
    sheets.length,
  ),
  NORMALIZED_MRR: tableCall('NORMALIZED_MRR', ['amounts', { option: ['month', 'year', 'Yearly', 'week', 'day', 'quarter', 'fortnight', '', 0] }, 'amounts', 'amounts'], sheets.length),
  REVENUE_TABLE: tableCall('REVENUE_TABLE', ['starts', 'ends', 'amounts', { option: PERIODS }, 'ids', 'distinct'], sheets.length),
  COHORT_TABLE: tableCall('COHORT_TABLE', ['starts', 'ends', { option: PERIODS }, 'ids', { option: ['share', 'count', 'percent', ''] }, 'segments'], sheets.length),
  LOST_CUSTOMERS: tableCall('LOST_CUSTOMERS', ['starts', 'ends', 'ids', 'amounts', { option: DATES }, { option: DATES }], sheets.length),
  WINBACK_TABLE: tableCall('WINBACK_TABLE', ['starts', 'ends', 'ids', { option: PERIODS }], sheets.length),
};

test('every custom function of the bundle is fuzzed', () => {
  const declared = [...bundleSource().matchAll(/@customfunction\s*\*\/\s*function (\w+)/g)].map((m) => m[1]);
  expect(Object.keys(calls).sort()).toEqual(declared.sort());
});

describe.each(Object.keys(calls))('%s on junk arguments', (fn) => {
  test(`${RUNS} calls: each a value Sheets shows or an error naming ${fn}, within ${CALL_MS / 1000} s`, () => {
    fc.assert(
      fc.property(calls[fn], (recipe) => {
        const args = recipe.args.map(build);
        const { result: outcome, ms } = withCpuMs((): { value: unknown } | { error: unknown } => {
          try {
            return { value: sheets[recipe.sheet][fn](...args) };
          } catch (error) {
            return { error };
          }
        });
        const problem = outcomeProblem(fn, outcome) ?? (ms > CALL_MS ? `took ${Math.round(ms)} ms of processor time` : undefined);
        if (problem) throw new Error(`${fn} ${problem}`);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  });
});
