import fc from 'fast-check';
import { segmentKey } from '../../src/core/segments';
import { translate } from '../../src/i18n';
import { loadBundle, spreadsheetSettings } from '../helpers/bundle';
import { bruteForceTable, type Row } from '../helpers/bruteForce';
import { bruteForceCohorts } from '../helpers/bruteForceCohorts';
import { isoInZone, sheetsDate } from '../helpers/dates';
import { errorOf } from '../helpers/errors';

// The segments argument of CHURN_TABLE, REVENUE_TABLE and COHORT_TABLE on the built bundle.
// The spreadsheet is in Oslo, the script in New York, the machine in Honolulu (jest.config.cjs).
const ZONE = 'Europe/Oslo';
const api = loadBundle(spreadsheetSettings(ZONE, 'en_GB', 'America/New_York'));
type Table = unknown[][];
type PlanRow = Row & { plan: string; amount: number };

const column = (values: unknown[]) => values.map((value) => [value]);
const argsOf = (rows: PlanRow[]) => ({
  starts: column(rows.map((r) => sheetsDate(r.start, ZONE))),
  ends: column(rows.map((r) => (r.end ? sheetsDate(r.end, ZONE) : ''))),
  amounts: column(rows.map((r) => r.amount)),
  plans: column(rows.map((r) => r.plan)),
});
const iso = (table: Table) => table.map((row) => row.map((cell) => (cell instanceof Date ? isoInZone(cell, ZONE) : cell)));

/** Rows of a segmented spill grouped by their Segment cell, in order of appearance. */
function blocks(table: Table): Map<string, Table> {
  const byName = new Map<string, Table>();
  for (const row of table.slice(1)) byName.set(String(row[0]), [...(byName.get(String(row[0])) ?? []), row.slice(1)]);
  return byName;
}

const day = fc.integer({ min: 0, max: 500 }).map((d) => new Date(Date.UTC(2023, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
const planRow = fc
  .record({ start: day, length: fc.oneof(fc.constant(-1), fc.integer({ min: 1, max: 200 })), plan: fc.constantFrom('Pro', 'pro', 'Basic', ''), amount: fc.integer({ min: 0, max: 90 }) })
  .map(({ start, length, plan, amount }): PlanRow => ({
    start,
    end: length < 0 ? '' : new Date(Date.parse(`${start}T00:00:00Z`) + length * 86_400_000).toISOString().slice(0, 10),
    plan,
    amount,
  }));

describe('CHURN_TABLE(..., segments)', () => {
  test('a Segment column, all customers first (as without segments), then each segment counted alone over the same periods', () => {
    fc.assert(
      fc.property(fc.array(planRow, { minLength: 1, maxLength: 30 }), (rows) => {
        const { starts, ends, plans } = argsOf(rows);
        const table = iso(api.CHURN_TABLE(starts, ends, 'month', '', plans) as Table);
        const plain = iso(api.CHURN_TABLE(starts, ends, 'month') as Table);
        expect(table[0]).toEqual([translate('en', 'table.segment'), ...plain[0]]);
        const byName = blocks(table);
        const names = [...byName.keys()];
        expect(names[0]).toBe(translate('en', 'table.allSegments'));
        expect(byName.get(names[0])).toEqual(plain.slice(1));
        const segmentNames = new Set(rows.map((r) => segmentKey(r.plan)));
        expect(names.length - 1).toBe(segmentNames.size);
        for (const name of names.slice(1)) {
          const key = name === translate('en', 'table.blankSegment') ? '' : segmentKey(name);
          const own = rows.filter((r) => segmentKey(r.plan) === key);
          const expected = bruteForceTable('month', own, false, rows).map((c) => [c.periodStart, c.S, c.N, c.R, c.L, c.Ln, c.E]);
          expect(byName.get(name)!.map((r) => r.slice(0, 7))).toEqual(expected);
        }
      }),
      { numRuns: 60 },
    );
  });

  test('a segments range of another length is refused by name', () => {
    const { starts, ends, plans } = argsOf([
      { start: '2024-01-05', end: '', plan: 'Pro', amount: 1 },
      { start: '2024-01-06', end: '', plan: 'Pro', amount: 1 },
    ]);
    expect(errorOf(() => api.CHURN_TABLE(starts, ends, 'month', '', plans.slice(0, 1)))).toContain('segments');
  });
});

describe('REVENUE_TABLE and COHORT_TABLE split the same way', () => {
  const rows: PlanRow[] = [
    { start: '2024-01-05', end: '', plan: 'Pro', amount: 50 },
    { start: '2024-01-20', end: '2024-02-10', plan: 'Basic', amount: 20 },
    { start: '2024-02-03', end: '', plan: 'Basic', amount: 20 },
  ];
  const { starts, ends, amounts, plans } = argsOf(rows);

  test('REVENUE_TABLE: all customers as without segments, then each plan\'s MRR', () => {
    const table = iso(api.REVENUE_TABLE(starts, ends, amounts, 'month', '', plans) as Table);
    const plain = iso(api.REVENUE_TABLE(starts, ends, amounts, 'month') as Table);
    const byName = blocks(table);
    expect([...byName.keys()]).toEqual([translate('en', 'table.allSegments'), 'Basic', 'Pro']);
    expect(byName.get(translate('en', 'table.allSegments'))).toEqual(plain.slice(1));
    // Basic in February: 20 at start, 20 new, 20 churned, 20 at end.
    expect(byName.get('Basic')![1].slice(0, 8)).toEqual(['2024-02-01', 20, 20, 0, 0, 0, 20, 20]);
    expect(byName.get('Pro')![1].slice(0, 8)).toEqual(['2024-02-01', 50, 0, 0, 0, 0, 0, 50]);
  });

  test('COHORT_TABLE: all customers as without segments, then each plan\'s cohorts', () => {
    const table = iso(api.COHORT_TABLE(starts, ends, 'month', '', 'count', plans) as Table);
    const plain = iso(api.COHORT_TABLE(starts, ends, 'month', '', 'count') as Table);
    const byName = blocks(table);
    expect(byName.get(translate('en', 'table.allSegments'))).toEqual(plain.slice(1));
    const basic = bruteForceCohorts('month', rows.filter((r) => r.plan === 'Basic'), false);
    expect(byName.get('Basic')![0].slice(0, 4)).toEqual(['2024-01-01', 1, ...basic[0].retained.slice(0, 2)]);
  });
});
