/**
 * The contract between the sidebar (browser) and the server functions it calls through
 * google.script.run. Types only: both bundles import it, neither ships code from it.
 */
import type { ColumnMapping, ColumnRole } from '../core/columns';
import type { AdjustedMethod } from '../core/metrics';
import type { PeriodKind } from '../core/periods';

export type { AdjustedMethod, ColumnMapping, ColumnRole, PeriodKind };

export type OutputMode = 'formulas' | 'values';

/** Billing systems whose subscription exports the wizard reads by their own rules. */
export type ExportFormat = 'stripe' | 'chargebee' | 'baremetrics';
/** When a cancelled subscription is churn: when its paid service ends, or when the customer cancelled. */
export type ChurnDate = 'serviceEnd' | 'cancelRequest';
export type BillingInterval = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** The user's choices for reading a recognised export. */
export interface ExportChoices {
  churnAt: ChurnDate;
  /** The one currency to build for, when the export has several; null otherwise. */
  currency: string | null;
  /** The billing interval of plans the export does not time; null when none is needed. */
  interval: BillingInterval | null;
}

/** What the wizard found in a recognised subscription export. */
export interface ExportInspection {
  format: ExportFormat;
  /** "Recognised: Stripe subscriptions export. ..." */
  title: string;
  /** Sentences on trials, where billing periods came from, and why the sheet holds values. */
  notes: string[];
  currencies: string[];
  /** Plans whose billing interval nothing in the export tells: the user must choose one. */
  plansWithoutInterval: string[];
  /** Why the build would stop with the current choices (several currencies, plans without an interval); empty when it can go. */
  blockers: string[];
  choices: ExportChoices;
}

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
  /** A recognised billing export (its columns are then read by the export's rules, not the mapping); null for any other table. */
  billingExport?: ExportInspection | null;
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
  /** What the adjusted churn column divides by, as CHURN_TABLE's method (absent: 'start'); 'daily' only with values. */
  method?: AdjustedMethod;
  /** How to read a recognised billing export (absent: churn when service ends, no currency or interval chosen). */
  billingExport?: ExportChoices;
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
  wizardInspect(sheetName: string | null, mapping: ColumnMapping | null, exportChoices?: ExportChoices | null): TableInspection;
  wizardBuild(request: BuildRequest): BuildSummary;
  wizardInsertTemplate(withExample: boolean): { sheetName: string };
  wizardSetLanguage(language: string): string;
}
