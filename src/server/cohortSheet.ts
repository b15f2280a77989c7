/**
 * The wizard's cohort retention sheet: a second new sheet beside the churn sheet, with the same
 * periods (the churn sheet's window), planned by cohortSheetPlan.ts and written here with a fixed,
 * small number of service calls whatever the size of the source table: one block write (plus one
 * for the formulas), formats, bold header, notes, frozen header and a colour scale.
 */
import { computeCohorts } from '../core/cohorts';
import type { PeriodSpan } from '../core/churnTable';
import { activityIntervals } from '../core/customers';
import { SPREADSHEET_CELLS } from '../core/limits';
import { periodKeyOfDay, type PeriodKind } from '../core/periods';
import type { CustomerTable } from '../core/table';
import { UserError, translate, type Language, type MessageKey } from '../i18n';
import type { OutputMode } from '../shared/wizard';
import type { SourceColumns } from './churnSheetPlan';
import { FIRST_SHARE_COLUMN, cohortSheetCells, planCohortSheet, type CohortSheetPlan } from './cohortSheetPlan';
import { uniqueSheetName, writeBlock } from './sheets';

export interface CohortSheetInput {
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** The churn sheet just written: it stays the active sheet. */
  churnSheet: GoogleAppsScript.Spreadsheet.Sheet;
  table: CustomerTable;
  kind: PeriodKind;
  window: PeriodSpan;
  output: OutputMode;
  source: SourceColumns;
  language: Language;
}

/** The colour scale: white at 0 % of the cohort still a customer, green at 100 %. */
const SCALE_LOW = '#ffffff';
const SCALE_HIGH = '#57bb8a';

/** Adds the cohort sheet and returns its name. */
export function addCohortSheet(input: CohortSheetInput): string {
  const { spreadsheet, churnSheet, table, kind, window, language } = input;
  // Checked before counting: a weekly sheet over a century would not fit in any spreadsheet.
  const cohorts = periodKeyOfDay(kind, window.lastDay) - periodKeyOfDay(kind, window.firstDay) + 1;
  if (cohortSheetCells(cohorts) > SPREADSHEET_CELLS) {
    throw new UserError(language, 'arg.cohortTooLarge', { fn: translate(language, `cohortSheet.name.${kind}` as MessageKey), rows: cohorts + 1, cols: cohorts + 2 });
  }
  const rows = computeCohorts(activityIntervals(table), kind, table.span!, window);
  const plan = planCohortSheet({ rows, kind, output: input.output, source: input.source, language });

  // A new sheet, never an existing one; inserting it activates it, so the churn sheet is activated again.
  const name = uniqueSheetName(spreadsheet, plan.baseName);
  const sheet = spreadsheet.insertSheet(name);
  try {
    writeCohortSheet(sheet, plan);
    spreadsheet.setActiveSheet(churnSheet);
  } catch (error) {
    spreadsheet.deleteSheet(sheet);
    throw error;
  }
  return name;
}

function writeCohortSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet, plan: CohortSheetPlan): void {
  const cohorts = plan.periodColumn.length;
  const width = plan.header.length;

  // One block: header, cohort starts, and the figures (blanks where formulas go).
  const values: unknown[][] = [plan.header];
  const formats: string[][] = [new Array<string>(width).fill('General')];
  const weights: ('bold' | 'normal')[][] = [new Array<'bold'>(width).fill('bold')];
  const notes: string[][] = [plan.headerNotes];
  for (let r = 0; r < cohorts; r++) {
    values.push([plan.periodColumn[r], ...(plan.bodyIsFormulas ? new Array<string>(width - 1).fill('') : plan.body[r])]);
    formats.push(plan.numberFormats[r]);
    weights.push(new Array<'normal'>(width).fill('normal'));
    notes.push(new Array<string>(width).fill(''));
  }

  // A weekly sheet over years is wider and taller than a new sheet's 1000 x 26 grid: writeBlock grows it.
  writeBlock(sheet, { values, formats, weights, notes });
  if (plan.bodyIsFormulas && cohorts > 0) sheet.getRange(2, 2, cohorts, width - 1).setFormulas(plan.body as string[][]);
  sheet.setFrozenRows(1);

  if (cohorts > 0 && plan.shareColumns > 0) {
    const shares = sheet.getRange(2, FIRST_SHARE_COLUMN, cohorts, plan.shareColumns);
    const number = SpreadsheetApp.InterpolationType.NUMBER;
    const rule = SpreadsheetApp.newConditionalFormatRule()
      .setGradientMinpointWithValue(SCALE_LOW, number, '0')
      .setGradientMaxpointWithValue(SCALE_HIGH, number, '1')
      .setRanges([shares])
      .build();
    sheet.setConditionalFormatRules([rule]);
  }
}
