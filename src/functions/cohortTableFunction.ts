/**
 * COHORT_TABLE(start_dates, end_dates, [period], [ids], [mode], [segments]): cohort retention of a customer
 * list, spilled as a header row (cohort start, cohort size, then "Month 0", "Month 1"... periods
 * since start) and one row per cohort. Cells are the share of the cohort that is a customer at
 * the end of each period (mode "count": the number of them); blank past the last period. Rows
 * that could not be used are listed in one last row, as in CHURN_TABLE.
 */
import { buildCohortTable, cohortFigures, COHORT_MODES, isCohortMode, type CohortMode } from '../core/cohorts';
import type { PeriodKind } from '../core/periods';
import { translate, type MessageKey } from '../i18n';
import { displayValue, fail, optionText, type CallContext, type Cell, type Grid } from './args';
import { parsePeriod } from './churnTableFunction';
import { describeProblems, periodCount, periodStarts, readTableArgs, tableOutput, type SheetSettings, type TableCell } from './tableArgs';

const SINCE_KEYS: Record<PeriodKind, MessageKey> = {
  month: 'cohort.since.month',
  week: 'cohort.since.week',
  quarter: 'cohort.since.quarter',
  year: 'cohort.since.year',
};

export function parseCohortMode(ctx: CallContext, value: Cell | Grid): CohortMode {
  const text = optionText(value);
  if (text === '') return 'share';
  if (isCohortMode(text)) return text;
  return fail(ctx, 'arg.unknownMode', { value: displayValue(value), allowed: COHORT_MODES.map((mode) => `"${mode}"`).join(', ') });
}

/** The header row: cohort start, cohort size, then the periods since start in the user's words. */
export function cohortHeader(ctx: CallContext, kind: PeriodKind, columns: number): string[] {
  const header = [translate(ctx.language, 'cohort.start'), translate(ctx.language, 'cohort.size')];
  for (let k = 0; k < columns; k++) header.push(translate(ctx.language, SINCE_KEYS[kind], { n: k }));
  return header;
}

export function COHORT_TABLE(
  ctx: CallContext,
  settings: SheetSettings,
  startDates: Cell | Grid,
  endDates: Cell | Grid,
  period?: Cell | Grid,
  ids?: Cell | Grid,
  mode?: Cell | Grid,
  segments?: Cell | Grid,
): TableCell[][] {
  const kind = parsePeriod(ctx, period);
  const cohortMode = parseCohortMode(ctx, mode);
  const { table, timeZone } = readTableArgs(ctx, settings, { start_dates: startDates, end_dates: endDates, ids, segments });
  if (!table.span) {
    return fail(ctx, 'arg.noUsableRows', { arg: 'start_dates', problems: describeProblems(ctx.language, table.problems, table.problemCount) });
  }

  // One column per period since start: tableOutput refuses a table too large before counting.
  const periods = periodCount(kind, table.span);
  const startOf = periodStarts(timeZone);
  return tableOutput(ctx, table, kind, cohortHeader(ctx, kind, periods), (part) =>
    buildCohortTable(part, kind).rows.map((row) => [startOf(row.startDay), ...cohortFigures(row, periods, cohortMode)]),
  );
}
