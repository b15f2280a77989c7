/**
 * State shared by all objects of one fake: the workbook, the proxy registry, and the records the
 * test helpers read (menus, sidebars, charts, protections, ...).
 */
import type { Bounds } from './a1';
import type { ServiceRegistry } from './serviceProxy';
import type { FakeSheet } from './spreadsheet';
import type { SheetData, Workbook } from './workbook';

export interface FakeMenuItem {
  caption: string;
  functionName: string;
}

export interface FakeMenu {
  name: string;
  /** True for createAddonMenu() (shown under Extensions > add-on name). */
  addon: boolean;
  items: FakeMenuItem[];
  subMenus: FakeMenu[];
  separators: number;
}

export interface FakeUiRecord {
  menus: FakeMenu[];
  sidebars: { title: string; html: string }[];
  dialogs: { title: string; html: string; modal: boolean }[];
  /** The arguments of each ui.alert call. */
  alerts: unknown[][];
  /** The arguments of each ui.prompt call. */
  prompts: unknown[][];
  toasts: { message: string; title: string; timeoutSeconds: number | undefined }[];
  /** Queued answers for ui.alert (Button names, e.g. 'NO'); when empty the affirmative button is answered. */
  alertResponses: string[];
  /** Queued answers for ui.prompt; when empty the answer is OK with ''. */
  promptResponses: { text: string; button?: string }[];
}

export interface FakeChartInfo {
  chartId: number;
  chartType: string | null;
  /** 'Sheet!A1:B10' for each addRange, in order. */
  ranges: string[];
  position: { row: number; column: number; offsetX: number; offsetY: number } | null;
  options: Record<string, unknown>;
  numHeaders: number | null;
  transposeRowsAndColumns: boolean;
  mergeStrategy: string | null;
  hiddenDimensionStrategy: string | null;
}

export interface FakeValidationRule {
  criteria: string;
  args: unknown[];
  allowInvalid: boolean;
  helpText: string | null;
}

export interface FakeDataValidationInfo extends FakeValidationRule {
  a1: string;
}

export interface ProtectionRecord {
  type: 'RANGE' | 'SHEET';
  sheet: SheetData;
  bounds: Bounds | null;
  description: string;
  warningOnly: boolean;
  unprotected: { sheet: SheetData; bounds: Bounds }[];
  removed: boolean;
}

export interface BorderRecord {
  a1: string;
  top: boolean | null;
  left: boolean | null;
  bottom: boolean | null;
  right: boolean | null;
  vertical: boolean | null;
  horizontal: boolean | null;
  color: string | null;
  style: string | null;
}

/** One point of a colour scale: its colour, how its value is read (SpreadsheetApp.InterpolationType) and the value ('' for MIN and MAX). */
export interface FakeGradientPoint {
  color: string;
  type: string;
  value: string;
}

export interface FakeGradient {
  min: FakeGradientPoint;
  mid: FakeGradientPoint | null;
  max: FakeGradientPoint;
}

/** A conditional format rule as set on a sheet (Sheet.setConditionalFormatRules). */
export interface FakeConditionalFormatRecord {
  ranges: Bounds[];
  gradient: FakeGradient;
}

/** A conditional format rule as the test helper reports it: the A1 blocks it covers and its colour scale. */
export interface FakeConditionalFormatInfo {
  ranges: string[];
  gradient: FakeGradient;
}

/** Sheet-level state that is not cell contents. */
export class SheetExtras {
  frozenRows = 0;
  frozenColumns = 0;
  tabColor: string | null = null;
  readonly hiddenColumns = new Set<number>();
  readonly hiddenRows = new Set<number>();
  readonly columnWidths = new Map<number, number>();
  /** Columns passed to autoResizeColumns, in call order. */
  readonly autoResized: number[] = [];
  charts: FakeChartInfo[] = [];
  readonly protections: ProtectionRecord[] = [];
  validations: { bounds: Bounds; rule: FakeValidationRule }[] = [];
  conditionalFormats: FakeConditionalFormatRecord[] = [];
  merges: Bounds[] = [];
  readonly borders: BorderRecord[] = [];
  selection: Bounds = { row: 1, col: 1, numRows: 1, numCols: 1 };
}

export interface FakeContext {
  readonly workbook: Workbook;
  readonly registry: ServiceRegistry;
  readonly spreadsheetId: string;
  readonly spreadsheetName: string;
  activeSheet: SheetData;
  readonly namedRanges: Map<string, { sheet: SheetData; bounds: Bounds }>;
  readonly ui: FakeUiRecord;
  nextChartId: number;
  extras(sheet: SheetData): SheetExtras;
  /** The Sheet service object of a sheet. */
  sheetObject(sheet: SheetData): FakeSheet;
  /** Throws an Error of the add-on's realm (so `e instanceof Error` holds inside a vm context). */
  fail(message: string): never;
}
