/**
 * The contract between the sidebar (browser) and the server functions it calls through
 * google.script.run. Types only: both bundles import it, neither ships code from it.
 */
import type { ColumnMapping, ColumnRole } from '../core/columns';
import type { PeriodKind } from '../core/periods';

export type { ColumnMapping, ColumnRole, PeriodKind };

export type OutputMode = 'formulas' | 'values';

export interface SheetChoice {
  name: string;
  active: boolean;
}

export interface PreviewRow {
  row: number;
  start: string;
  end: string;
  id: string;
  amount: string;
  segment: string;
}

export interface TableInspection {
  sheets: SheetChoice[];
  sheetName: string;
  /** 1-based row of the header, 0 when the sheet has no table. */
  headerRow: number;
  /** 1-based sheet column of the table's first column. */
  firstColumn: number;
  /** Data rows below the header (blank rows at the bottom not counted). */
  rowCount: number;
  headers: string[];
  mapping: ColumnMapping;
  /** The first rows as the engine reads them (ISO dates). */
  preview: PreviewRow[];
  problemCount: number;
  problems: string[];
  /** Sentences about how text dates were read, when there were any. */
  dateNotes: string[];
  /** Why live formulas cannot reproduce this table, if they cannot; empty when they can. */
  liveFormulaBlockers: string[];
  /** Why live formulas cannot split this table by its segment column, if they cannot. */
  segmentFormulaBlockers: string[];
  /** The earliest start and the latest start or end (ISO), for the first/last period choice. */
  span: { first: string; last: string } | null;
}

export interface BuildRequest {
  sheetName: string;
  /** Where the inspected table starts (1-based), so the build reads the table that was previewed; 0 to find it again. */
  headerRow: number;
  firstColumn: number;
  mapping: ColumnMapping;
  period: PeriodKind;
  /** ISO date of the first and last period to show; '' for the table's own span. */
  firstPeriod: string;
  lastPeriod: string;
  /** Profit one customer brings, for the lost-profit column; null for none. */
  profitPerCustomer: number | null;
  output: OutputMode;
  chart: boolean;
  /** Also a cohort retention sheet (absent: no). */
  cohorts?: boolean;
  /** One block per segment below the total, when a segment column is mapped (absent: no). */
  segments?: boolean;
  /** Also a "Lost customers" sheet: whom to win back, and the win-back table (absent: no). */
  winBack?: boolean;
}

export interface BuildSummary {
  sheetName: string;
  periods: number;
  customers: number;
  rowsRead: number;
  rowsSkipped: number;
  problems: string[];
  output: OutputMode;
  /** The cohort sheet's name when one was built, else null (google.script.run carries null, not undefined). */
  cohortSheetName: string | null;
  /** The "Lost customers" sheet's name when one was built, else null. */
  lostSheetName: string | null;
  /** How many segment blocks the sheet has (0 without). */
  segments?: number;
}

export interface WizardServer {
  wizardInspect(sheetName: string | null, mapping: ColumnMapping | null): TableInspection;
  wizardBuild(request: BuildRequest): BuildSummary;
  wizardInsertTemplate(withExample: boolean): { sheetName: string };
  wizardSetLanguage(language: string): string;
}
