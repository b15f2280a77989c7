/**
 * The wizard on junk: random tables (titles, blank rows, dates valid and not, text dates, numbers,
 * long text, repeated ids, billing-export headers) and random requests (columns out of range,
 * unknown periods and methods, odd first/last periods and profits), on the built bundle against
 * the in-memory spreadsheet. Every build either makes its sheets and leaves the table as it was,
 * or refuses with a message for the user (UserError) and leaves the spreadsheet as it was; the
 * sidebar's calls never fail with a programming error, and never hand back undefined.
 */
import fc from 'fast-check';
import { createFakeApps } from '../../local/appsScript/appsScript';
import { loadBundle } from '../helpers/bundle';

// Each run loads the bundle into a fresh spreadsheet. WIZARD_FUZZ_RUNS sets more runs; past about
// a thousand in one process, Node keeps discarded vm contexts long enough to need more heap.
const RUNS = Number(process.env.WIZARD_FUZZ_RUNS ?? 150);
// The same draw in every npm test; `npm run fuzz` sets a fresh FUZZ_SEED.
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_202);
const DAY = 86_400_000;

const HEADERS = ['Customer ID', 'Start date', 'End date', 'MRR', 'Plan', 'Name', 'E-mail', 'Signup', 'Cancelled', 'id', 'Customer ID', 'Interval', 'Amount', 'Status', 'Created (UTC)', '', 'x', 42];
const dateCell = fc.integer({ min: Date.UTC(1850, 0, 1) / DAY, max: Date.UTC(2250, 0, 1) / DAY }).map((day) => new Date(day * DAY));
const recentDate = fc.integer({ min: Date.UTC(2022, 0, 1) / DAY, max: Date.UTC(2024, 11, 31) / DAY }).map((day) => new Date(day * DAY));
const junkCell = fc.oneof(
  fc.constantFrom<unknown>('', ' ', 'abc', '=1+1', '007', '1e3', 'TRUE', '31.01.2024', '2024-02-30', '1/31/2024', '(no segment)', 'Pro', 'pro ', 'month', 'active', 'trialing', 'canceled', 'year', '249.00'),
  fc.constantFrom<unknown>(0, -1, 1.5, 45_000, 1e15, 2e15, -0, true, false),
  fc.integer({ min: 0, max: 20 }).map((n) => `C${n}`),
  fc.constantFrom('x'.repeat(50_000), 'é'.repeat(300)),
);
const columnCell = (kind: number) =>
  kind === 0 ? fc.oneof({ weight: 6, arbitrary: recentDate }, { weight: 1, arbitrary: dateCell }, { weight: 1, arbitrary: junkCell }) :
  kind === 1 ? fc.oneof({ weight: 3, arbitrary: recentDate }, { weight: 3, arbitrary: fc.constant('') }, { weight: 1, arbitrary: junkCell }) :
  kind === 2 ? fc.oneof(fc.integer({ min: 0, max: 12 }).map((n) => `C${n}`), junkCell) :
  fc.oneof(fc.constantFrom<unknown>(0, 10, 49.9, 'Pro', 'Basic', ''), junkCell);

const table = fc
  .record({
    kinds: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 6 }),
    headers: fc.array(fc.constantFrom(...HEADERS), { minLength: 6, maxLength: 6 }),
    rows: fc.integer({ min: 0, max: 40 }),
    title: fc.boolean(),
    blankRows: fc.boolean(),
  })
  .chain(({ kinds, headers, rows, title, blankRows }) =>
    fc.array(fc.tuple(...kinds.map(columnCell)), { minLength: rows, maxLength: rows }).map((body) => {
      const grid: unknown[][] = [];
      if (title) grid.push(['Our customers', ...kinds.slice(1).map(() => '')], kinds.map(() => ''));
      grid.push(kinds.map((_, c) => headers[c]));
      body.forEach((row, r) => {
        grid.push(row);
        if (blankRows && r % 7 === 3) grid.push(kinds.map(() => ''));
      });
      return grid;
    }),
  );

/** Mostly a value the sidebar sends, now and then one it never would. */
const mostly = <T>(usual: T[], odd: T[]) => fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...usual) }, { weight: 1, arbitrary: fc.constantFrom(...odd) });

const request = fc.record({
  useInspection: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  mapping: fc.record({
    id: fc.option(fc.integer({ min: -1, max: 7 })),
    start: fc.option(fc.integer({ min: -1, max: 7 })),
    end: fc.option(fc.integer({ min: -1, max: 7 })),
    amount: fc.option(fc.integer({ min: -1, max: 7 })),
    segment: fc.option(fc.integer({ min: -1, max: 7 })),
  }),
  period: mostly(['month', 'week', 'quarter', 'year'], ['day', '']),
  firstPeriod: mostly(['', '', '', '2023-01-01'], ['2024-06-15', '1900-01-01', '9999-12-31', 'soon']),
  lastPeriod: mostly(['', '', '', '2024-12-31'], ['2023-01-01', '2199-12-31', '31.12.2024']),
  profitPerCustomer: mostly<unknown>([null, 30_000], [0, -5, 1e308, 'abc']),
  output: mostly(['values', 'formulas'], ['both']),
  chart: fc.boolean(),
  cohorts: fc.boolean(),
  segments: fc.boolean(),
  winBack: fc.boolean(),
  method: mostly<unknown>([undefined, 'start', 'average', 'start_plus_new', 'daily'], ['median']),
});

const settings = fc.record({
  timeZone: fc.constantFrom('UTC', 'Pacific/Kiritimati', 'America/Asuncion', 'Europe/Riga', 'Pacific/Honolulu'),
  locale: fc.constantFrom('en_US', 'lv_LV', 'pl_PL', 'el_GR'),
});

/** Where in a value google.script.run would meet undefined or a value it cannot carry. */
function badValue(value: unknown, at = 'result'): string | undefined {
  if (value === undefined) return at;
  if (typeof value === 'number' && !Number.isFinite(value)) return `${at} (${value})`;
  if (Array.isArray(value)) return value.map((v, i) => badValue(v, `${at}[${i}]`)).find(Boolean);
  if (value && typeof value === 'object' && !(value instanceof Date)) return Object.entries(value).map(([k, v]) => badValue(v, `${at}.${k}`)).find(Boolean);
  return undefined;
}

test(`${RUNS} junk tables and requests: a build or a message for the user, and the table untouched`, () => {
  fc.assert(
    fc.property(table, request, settings, (grid, req, where) => {
      const apps = createFakeApps({ timeZone: where.timeZone, locale: where.locale, sheets: { Data: grid }, activeSheet: 'Data' });
      const addOn = loadBundle(apps.globals);
      const snapshot = () => JSON.stringify({ values: apps.values('Data'), formulas: apps.formulas('Data') });
      const before = snapshot();
      const names = apps.sheetNames();
      const attempt = (call: () => unknown): { value: unknown } | { error: { name?: string; message?: string } } => {
        try {
          return { value: call() };
        } catch (error) {
          return { error: error as { name?: string; message?: string } };
        }
      };
      const inspected = attempt(() => addOn.wizardInspect('Data', null));
      if ('error' in inspected) {
        expect([inspected.error.name, inspected.error.message]).toEqual(['UserError', expect.any(String)]);
        return;
      }
      expect(badValue(inspected.value)).toBeUndefined();
      const inspection = inspected.value as { headerRow: number; firstColumn: number; mapping: unknown };
      const built = attempt(() =>
        addOn.wizardBuild({
          sheetName: 'Data',
          headerRow: inspection.headerRow,
          firstColumn: inspection.firstColumn,
          mapping: req.useInspection ? inspection.mapping : req.mapping,
          period: req.period,
          firstPeriod: req.firstPeriod,
          lastPeriod: req.lastPeriod,
          profitPerCustomer: req.profitPerCustomer,
          output: req.output,
          chart: req.chart,
          cohorts: req.cohorts,
          segments: req.segments,
          winBack: req.winBack,
          method: req.method,
        }),
      );
      expect(snapshot()).toBe(before);
      if ('error' in built) {
        expect([built.error.name, built.error.message]).toEqual(['UserError', expect.any(String)]);
        expect(apps.sheetNames()).toEqual(names);
        return;
      }
      expect(badValue(built.value)).toBeUndefined();
      const summary = built.value as { sheetName: string; cohortSheetName: string | null; lostSheetName: string | null };
      const added = apps.sheetNames().filter((name) => !names.includes(name));
      expect(added.sort()).toEqual([summary.sheetName, summary.cohortSheetName, summary.lostSheetName].filter((name): name is string => name !== null).sort());
    }),
    { numRuns: RUNS, seed: SEED },
  );
  // A run with dates centuries apart writes a cohort sheet of a million cells: seconds, now and then.
}, 180_000);
