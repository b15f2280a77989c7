import { computeCohorts } from '../../src/core/cohorts';
import { activityIntervals } from '../../src/core/customers';
import type { PeriodKind } from '../../src/core/periods';
import { columnOf, readCustomerTable } from '../../src/core/table';
import { TimeZone } from '../../src/core/timezone';
import type { Language } from '../../src/i18n';
import type { SourceColumns } from '../../src/server/churnSheetPlan';
import { planCohortSheet, type CohortSheetPlan } from '../../src/server/cohortSheetPlan';
import type { OutputMode } from '../../src/shared/wizard';
import type { Row } from '../helpers/bruteForce';
import { serialOf, sheetsDate } from '../helpers/dates';
import { PORTABLE_FUNCTIONS, functionsIn } from '../helpers/formulaFunctions';

const ZONE = 'America/Sao_Paulo';
const zone = TimeZone.named(ZONE);

const ROWS: Row[] = [
  { start: '2024-01-10', end: '2024-02-15' },
  { start: '2024-01-20', end: '' },
  { start: '2024-01-25', end: '2024-01-28' },
  { start: '2024-02-05', end: '2024-04-01' },
  { start: '2024-03-10', end: '' },
];

function plan(kind: PeriodKind, output: OutputMode, source: Partial<SourceColumns> = {}, language: Language = 'en'): CohortSheetPlan {
  const table = readCustomerTable(
    { start: columnOf(ROWS.map((r) => sheetsDate(r.start, ZONE))), end: columnOf(ROWS.map((r) => (r.end ? sheetsDate(r.end, ZONE) : ''))) },
    { timeZone: zone, localeOrder: 'DMY', firstRowNumber: 2 },
  );
  return planCohortSheet({
    rows: computeCohorts(activityIntervals(table), kind, table.span!),
    kind,
    output,
    source: { sheetName: "O'Brien's customers", startColumn: 2, endColumn: 3, firstDataRow: 2, lastRow: 6, wholeColumns: true, ...source },
    language,
  });
}

describe('the cohort sheet plan', () => {
  test('values: one row per month, size then shares, the triangle past the last month blank', () => {
    const values = plan('month', 'values');
    expect(values.baseName).toBe('Cohorts by month');
    expect(values.header).toEqual(['Cohort start', 'Cohort size', 'Month 0', 'Month 1', 'Month 2', 'Month 3']);
    expect(values.headerNotes[2]).toBe(values.headerNotes[5]);
    // Whole days as serials, never a Date (which Sheets would store as the day's first instant).
    expect(values.periodColumn).toEqual(['2024-01-01', '2024-02-01', '2024-03-01', '2024-04-01'].map(serialOf));
    expect(values.body).toEqual([
      [3, 2 / 3, 1 / 3, 1 / 3, 1 / 3],
      [1, 1, 1, 0, ''],
      [1, 1, 1, '', ''],
      [0, '', '', '', ''],
    ]);
    expect(values.numberFormats[0]).toEqual(['mmm yyyy', '#,##0', '0.0%', '0.0%', '0.0%', '0.0%']);
    expect(values.shareColumns).toBe(4);
    expect(values.bodyIsFormulas).toBe(false);
  });

  test('formulas: size and shares count the source rows; the same shape as the values', () => {
    const formulas = plan('month', 'formulas');
    expect(formulas.bodyIsFormulas).toBe(true);
    const inCohort = `'O''Brien''s customers'!$B:$B,">="&$A3,'O''Brien''s customers'!$B:$B,"<"&EDATE($A3,1)`;
    expect(formulas.body[1]).toEqual([
      `=COUNTIFS(${inCohort})`,
      `=IF($B3>0,($B3-COUNTIFS(${inCohort},'O''Brien''s customers'!$C:$C,"<"&EDATE($A3,1)))/$B3,"")`,
      `=IF($B3>0,($B3-COUNTIFS(${inCohort},'O''Brien''s customers'!$C:$C,"<"&EDATE($A3,2)))/$B3,"")`,
      `=IF($B3>0,($B3-COUNTIFS(${inCohort},'O''Brien''s customers'!$C:$C,"<"&EDATE($A3,3)))/$B3,"")`,
      '',
    ]);
    // Cohort r has a size and 4 - r shares; the rest of its row is the blank triangle.
    formulas.body.forEach((row, r) => row.forEach((cell, c) => expect([r, c, cell === '']).toEqual([r, c, c > 4 - r])));
    for (const formula of formulas.body.flat().filter(Boolean) as string[]) {
      for (const fn of functionsIn(formula)) expect(PORTABLE_FUNCTIONS.has(fn)).toBe(true);
    }
  });

  test('weeks add days, quarters and years add months; bounded ranges; no end column', () => {
    expect(plan('week', 'formulas').body[0][2]).toContain('"<"&$A2+14)');
    expect(plan('quarter', 'formulas').body[0][1]).toContain('"<"&EDATE($A2,3))');
    expect(plan('year', 'formulas').body[0][1]).toContain('"<"&EDATE($A2,12))');
    const bounded = plan('month', 'formulas', { wholeColumns: false, endColumn: null });
    expect(bounded.body[0][1]).toBe(
      `=IF($B2>0,$B2/$B2,"")`,
    );
  });

  test('in the user\'s language', () => {
    const nb = plan('quarter', 'values', {}, 'nb');
    expect(nb.baseName).not.toBe('Cohorts by quarter');
    expect(nb.header.slice(0, 3)).toEqual(['Kohortstart', 'Kohortstørrelse', 'Kvartal 0']);
  });
});
