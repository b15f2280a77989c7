/**
 * SpreadsheetApp, Spreadsheet, Sheet and Range (plus the chart, validation, protection and named
 * range objects hanging off them), backed by the Workbook. The classes work with raw objects and
 * 1-based Bounds; ServiceRegistry proxies them for the add-on (counting calls, unwrapping arguments).
 * Error messages copy the wording of Sheets where tests may match them.
 */
import { MAX_COLUMNS, a1Of, parseA1, quoteSheetName, type Bounds } from './a1';
import {
  type BorderRecord,
  type FakeChartInfo,
  type FakeConditionalFormatRecord,
  type FakeContext,
  type FakeGradient,
  type FakeGradientPoint,
  type FakeValidationRule,
  type ProtectionRecord,
  type SheetExtras,
} from './context';
import type { SheetData } from './workbook';

export const PROTECTION_TYPE = { RANGE: 'RANGE', SHEET: 'SHEET' } as const;
export const BORDER_STYLE = {
  DOTTED: 'DOTTED',
  DASHED: 'DASHED',
  SOLID: 'SOLID',
  SOLID_MEDIUM: 'SOLID_MEDIUM',
  SOLID_THICK: 'SOLID_THICK',
  DOUBLE: 'DOUBLE',
} as const;
export const WRAP_STRATEGY = { WRAP: 'WRAP', OVERFLOW: 'OVERFLOW', CLIP: 'CLIP' } as const;
export const DIMENSION = { COLUMNS: 'COLUMNS', ROWS: 'ROWS' } as const;
export const DATA_VALIDATION_CRITERIA = {
  NUMBER_BETWEEN: 'NUMBER_BETWEEN',
  NUMBER_NOT_BETWEEN: 'NUMBER_NOT_BETWEEN',
  NUMBER_EQUAL_TO: 'NUMBER_EQUAL_TO',
  NUMBER_GREATER_THAN: 'NUMBER_GREATER_THAN',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  NUMBER_LESS_THAN: 'NUMBER_LESS_THAN',
  NUMBER_LESS_THAN_OR_EQUAL_TO: 'NUMBER_LESS_THAN_OR_EQUAL_TO',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
  VALUE_IN_LIST: 'VALUE_IN_LIST',
  VALUE_IN_RANGE: 'VALUE_IN_RANGE',
  CHECKBOX: 'CHECKBOX',
  DATE_IS_VALID_DATE: 'DATE_IS_VALID_DATE',
} as const;
export const INTERPOLATION_TYPE = { NUMBER: 'NUMBER', PERCENT: 'PERCENT', PERCENTILE: 'PERCENTILE', MIN: 'MIN', MAX: 'MAX' } as const;

const DEFAULT_COLUMN_WIDTH = 100;

function typeLabel(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'Object[]';
  const t = typeof value;
  return t === 'number' ? 'number' : t === 'string' ? 'String' : t === 'boolean' ? 'Boolean' : t === 'undefined' ? 'undefined' : 'Object';
}

/** Apps Script's complaint about arguments of the wrong type. */
function signatureError(ctx: FakeContext, method: string, args: readonly unknown[]): never {
  return ctx.fail(`The parameters (${args.map(typeLabel).join(',')}) don't match the method signature for ${method}.`);
}

/** Integer arguments as Apps Script takes them: numbers, truncated; anything else is a signature error. */
function integers(ctx: FakeContext, method: string, args: readonly unknown[]): number[] {
  return args.map((arg) => {
    if (typeof arg !== 'number' || !Number.isFinite(arg)) signatureError(ctx, method, args);
    return Math.trunc(arg as number);
  });
}

/** A range's bounds as Sheets checks them: inside the sheet's grid, which writes never grow. */
function checkBounds(ctx: FakeContext, bounds: Bounds, sheet: SheetData): Bounds {
  if (bounds.row < 1) ctx.fail('The starting row of the range is too small.');
  if (bounds.col < 1) ctx.fail('The starting column of the range is too small.');
  if (bounds.numRows < 1) ctx.fail('The number of rows in the range must be at least 1.');
  if (bounds.numCols < 1) ctx.fail('The number of columns in the range must be at least 1.');
  if (bounds.row + bounds.numRows - 1 > sheet.maxRows || bounds.col + bounds.numCols - 1 > sheet.maxColumns) {
    ctx.fail('The coordinates of the range are outside the dimensions of the sheet.');
  }
  return bounds;
}

function overlaps(a: Bounds, b: Bounds): boolean {
  return a.row < b.row + b.numRows && b.row < a.row + a.numRows && a.col < b.col + b.numCols && b.col < a.col + a.numCols;
}

function contains(outer: Bounds, inner: Bounds): boolean {
  return (
    inner.row >= outer.row &&
    inner.col >= outer.col &&
    inner.row + inner.numRows <= outer.row + outer.numRows &&
    inner.col + inner.numCols <= outer.col + outer.numCols
  );
}

/** Finds a sheet by name for A1 text, or fails like Sheets does for an unknown range. */
function sheetForA1(ctx: FakeContext, a1: string, fallback: SheetData): { sheet: SheetData; bounds: Bounds } {
  let target = fallback;
  const parsed = parseA1(a1, (name) => {
    if (name !== undefined) {
      const named = ctx.workbook.findSheet(name);
      if (!named) ctx.fail('Range not found');
      target = named;
    }
    return { rows: target.maxRows, cols: target.maxColumns };
  });
  if (!parsed) ctx.fail('Range not found');
  return { sheet: target, bounds: parsed.bounds };
}

// ---- SpreadsheetApp ---------------------------------------------------------------------------

export class FakeSpreadsheetApp {
  readonly ProtectionType = PROTECTION_TYPE;
  readonly BorderStyle = BORDER_STYLE;
  readonly WrapStrategy = WRAP_STRATEGY;
  readonly Dimension = DIMENSION;
  readonly DataValidationCriteria = DATA_VALIDATION_CRITERIA;
  readonly InterpolationType = INTERPOLATION_TYPE;

  constructor(
    private readonly ctx: FakeContext,
    private readonly spreadsheet: FakeSpreadsheet,
    private readonly ui: object,
  ) {}

  getActive(): FakeSpreadsheet {
    return this.spreadsheet;
  }
  getActiveSpreadsheet(): FakeSpreadsheet {
    return this.spreadsheet;
  }
  getActiveSheet(): FakeSheet {
    return this.spreadsheet.getActiveSheet();
  }
  getActiveRange(): FakeRange {
    return this.spreadsheet.getActiveRange();
  }
  setActiveSheet(sheet: FakeSheet): FakeSheet {
    return this.spreadsheet.setActiveSheet(sheet);
  }
  setActiveRange(range: FakeRange): FakeRange {
    return this.spreadsheet.setActiveRange(range);
  }
  getUi(): object {
    return this.ui;
  }
  /** Writes are visible at once in the fake; flush only applies queued writes to the engine. */
  flush(): void {
    this.ctx.workbook.flush();
  }
  newDataValidation(): FakeDataValidationBuilder {
    return this.ctx.registry.register('DataValidationBuilder', new FakeDataValidationBuilder(this.ctx));
  }
  newConditionalFormatRule(): FakeConditionalFormatRuleBuilder {
    return this.ctx.registry.register('ConditionalFormatRuleBuilder', new FakeConditionalFormatRuleBuilder(this.ctx, [], {}));
  }
}

// ---- Spreadsheet ------------------------------------------------------------------------------

export class FakeSpreadsheet {
  private readonly sheetObjects = new Map<SheetData, FakeSheet>();

  constructor(private readonly ctx: FakeContext) {}

  /** The one Sheet object of a sheet (Apps Script returns new ones each time; identity does not matter). */
  sheetObject(sheet: SheetData): FakeSheet {
    let object = this.sheetObjects.get(sheet);
    if (!object) {
      object = this.ctx.registry.register('Sheet', new FakeSheet(this.ctx, this, sheet));
      this.sheetObjects.set(sheet, object);
    }
    return object;
  }

  getId(): string {
    return this.ctx.spreadsheetId;
  }
  getName(): string {
    return this.ctx.spreadsheetName;
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.ctx.spreadsheetId}/edit`;
  }
  getSpreadsheetTimeZone(): string {
    return this.ctx.workbook.timeZone;
  }
  getSpreadsheetLocale(): string {
    return this.ctx.workbook.locale;
  }
  getSheets(): FakeSheet[] {
    return this.ctx.workbook.sheets.map((sheet) => this.sheetObject(sheet));
  }
  getNumSheets(): number {
    return this.ctx.workbook.sheets.length;
  }
  getSheetByName(name: string): FakeSheet | null {
    const sheet = this.ctx.workbook.findSheet(String(name));
    return sheet ? this.sheetObject(sheet) : null;
  }
  getSheetById(id: number): FakeSheet | null {
    const sheet = this.ctx.workbook.sheets.find((s) => s.gid === id);
    return sheet ? this.sheetObject(sheet) : null;
  }
  getActiveSheet(): FakeSheet {
    return this.sheetObject(this.ctx.activeSheet);
  }
  setActiveSheet(sheet: FakeSheet): FakeSheet {
    if (!(sheet instanceof FakeSheet)) signatureError(this.ctx, 'SpreadsheetApp.Spreadsheet.setActiveSheet', [sheet]);
    this.ctx.activeSheet = sheet.data;
    return sheet;
  }
  getActiveRange(): FakeRange {
    const sheet = this.ctx.activeSheet;
    return newRange(this.ctx, sheet, this.ctx.extras(sheet).selection);
  }
  getActiveCell(): FakeRange {
    const { row, col } = this.ctx.extras(this.ctx.activeSheet).selection;
    return newRange(this.ctx, this.ctx.activeSheet, { row, col, numRows: 1, numCols: 1 });
  }
  setActiveRange(range: FakeRange): FakeRange {
    if (!(range instanceof FakeRange)) signatureError(this.ctx, 'SpreadsheetApp.Spreadsheet.setActiveRange', [range]);
    this.ctx.activeSheet = range.sheet;
    this.ctx.extras(range.sheet).selection = { ...range.bounds };
    return range;
  }
  /** A1 notation, optionally with a sheet name ('Churn'!A1:C3); without one, the active sheet. */
  getRange(a1: string): FakeRange {
    if (typeof a1 !== 'string') signatureError(this.ctx, 'SpreadsheetApp.Spreadsheet.getRange', [a1]);
    const { sheet, bounds } = sheetForA1(this.ctx, a1, this.ctx.activeSheet);
    return newRange(this.ctx, sheet, checkBounds(this.ctx, bounds, sheet));
  }

  insertSheet(...args: unknown[]): FakeSheet {
    let name: string | undefined;
    let index: number | undefined;
    if (typeof args[0] === 'string') {
      name = args[0];
      if (args.length > 1) index = integers(this.ctx, 'SpreadsheetApp.Spreadsheet.insertSheet', [args[1]])[0];
      if (args.length > 2) this.ctx.fail('Spreadsheet.insertSheet with options (templates) is not implemented by the Apps Script fake');
    } else if (typeof args[0] === 'number') {
      index = integers(this.ctx, 'SpreadsheetApp.Spreadsheet.insertSheet', [args[0]])[0];
    } else if (args.length > 0) {
      signatureError(this.ctx, 'SpreadsheetApp.Spreadsheet.insertSheet', args);
    }
    const sheets = this.ctx.workbook.sheets;
    if (name === undefined) {
      let n = sheets.length + 1;
      while (this.ctx.workbook.findSheet(`Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    if (name.trim() === '') this.ctx.fail('Sheet names cannot be empty.');
    if (this.ctx.workbook.findSheet(name)) {
      this.ctx.fail(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    // Without an index Sheets puts the new sheet right after the active one.
    const position = index ?? sheets.indexOf(this.ctx.activeSheet) + 1;
    if (position < 0 || position > sheets.length) this.ctx.fail(`Invalid sheet index ${position}: the spreadsheet has ${sheets.length} sheets.`);
    const sheet = this.ctx.workbook.addSheet(name, position);
    this.ctx.activeSheet = sheet;
    return this.sheetObject(sheet);
  }

  deleteSheet(sheet: FakeSheet): void {
    if (!(sheet instanceof FakeSheet)) signatureError(this.ctx, 'SpreadsheetApp.Spreadsheet.deleteSheet', [sheet]);
    const sheets = this.ctx.workbook.sheets;
    const index = sheets.indexOf(sheet.data);
    if (index < 0) this.ctx.fail('Sheet not found (it was already deleted).');
    if (sheets.length === 1) this.ctx.fail("You can't remove all the sheets in a document.");
    this.ctx.workbook.removeSheet(sheet.data);
    this.sheetObjects.delete(sheet.data);
    if (this.ctx.activeSheet === sheet.data) this.ctx.activeSheet = sheets[Math.max(0, index - 1)];
  }

  // Named ranges are workbook-wide names the formulas can use, as in Sheets.
  setNamedRange(name: string, range: FakeRange): void {
    if (typeof name !== 'string' || !(range instanceof FakeRange)) signatureError(this.ctx, 'SpreadsheetApp.Spreadsheet.setNamedRange', [name, range]);
    if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^(true|false)$/i.test(name) || /^R\d*C\d*$/i.test(name)) {
      this.ctx.fail(`Named range "${name}" is not a valid name: use letters, digits and underscores, not a cell reference.`);
    }
    this.ctx.workbook.defineName(name, range.sheet, range.bounds);
    this.ctx.namedRanges.set(name, { sheet: range.sheet, bounds: { ...range.bounds } });
  }
  getRangeByName(name: string): FakeRange | null {
    const named = this.ctx.namedRanges.get(name);
    return named && this.ctx.workbook.sheets.includes(named.sheet) ? newRange(this.ctx, named.sheet, named.bounds) : null;
  }
  getNamedRanges(): FakeNamedRange[] {
    return [...this.ctx.namedRanges.keys()].map((name) => this.ctx.registry.register('NamedRange', new FakeNamedRange(this.ctx, this, name)));
  }
  removeNamedRange(name: string): void {
    if (!this.ctx.namedRanges.delete(name)) this.ctx.fail(`Named range "${name}" not found.`);
    this.ctx.workbook.removeName(name);
  }

  getProtections(type: string): FakeProtection[] {
    return this.ctx.workbook.sheets.flatMap((sheet) => this.sheetObject(sheet).getProtections(type));
  }

  toast(message: unknown, title?: unknown, timeoutSeconds?: number): void {
    this.ctx.ui.toasts.push({ message: String(message), title: title === undefined ? '' : String(title), timeoutSeconds });
  }
}

export class FakeNamedRange {
  constructor(
    private readonly ctx: FakeContext,
    private readonly spreadsheet: FakeSpreadsheet,
    private readonly name: string,
  ) {}
  getName(): string {
    return this.name;
  }
  getRange(): FakeRange {
    const range = this.spreadsheet.getRangeByName(this.name);
    if (!range) this.ctx.fail(`Named range "${this.name}" no longer exists.`);
    return range;
  }
  setRange(range: FakeRange): FakeNamedRange {
    this.spreadsheet.setNamedRange(this.name, range);
    return this;
  }
  remove(): void {
    this.spreadsheet.removeNamedRange(this.name);
  }
}

// ---- Sheet ------------------------------------------------------------------------------------

export class FakeSheet {
  constructor(
    private readonly ctx: FakeContext,
    private readonly spreadsheet: FakeSpreadsheet,
    readonly data: SheetData,
  ) {}

  private get extras(): SheetExtras {
    return this.ctx.extras(this.data);
  }

  getName(): string {
    return this.data.name;
  }
  getSheetName(): string {
    return this.data.name;
  }
  getSheetId(): number {
    return this.data.gid;
  }
  /** 1-based position among the sheets. */
  getIndex(): number {
    return this.ctx.workbook.sheets.indexOf(this.data) + 1;
  }
  getParent(): FakeSpreadsheet {
    return this.spreadsheet;
  }
  activate(): FakeSheet {
    this.ctx.activeSheet = this.data;
    return this;
  }
  getActiveRange(): FakeRange {
    return newRange(this.ctx, this.data, this.extras.selection);
  }
  setActiveRange(range: FakeRange): FakeRange {
    return this.spreadsheet.setActiveRange(range);
  }

  /** getRange(row, column[, numRows[, numColumns]]) or getRange(a1Notation). */
  getRange(...args: unknown[]): FakeRange {
    if (typeof args[0] === 'string' && args.length === 1) {
      const { sheet, bounds } = sheetForA1(this.ctx, args[0], this.data);
      return newRange(this.ctx, sheet, checkBounds(this.ctx, bounds, sheet));
    }
    if (args.length < 2 || args.length > 4) signatureError(this.ctx, 'SpreadsheetApp.Sheet.getRange', args);
    const [row, col, numRows = 1, numCols = 1] = integers(this.ctx, 'SpreadsheetApp.Sheet.getRange', args);
    return newRange(this.ctx, this.data, checkBounds(this.ctx, { row, col, numRows, numCols }, this.data));
  }
  getDataRange(): FakeRange {
    const { lastRow, lastCol } = this.ctx.workbook.usedSize(this.data);
    return newRange(this.ctx, this.data, { row: 1, col: 1, numRows: Math.max(1, lastRow), numCols: Math.max(1, lastCol) });
  }
  getSheetValues(row: number, col: number, numRows: number, numCols: number): unknown[][] {
    const used = this.ctx.workbook.usedSize(this.data);
    const bounds = {
      row,
      col,
      numRows: numRows === -1 ? used.lastRow - row + 1 : numRows,
      numCols: numCols === -1 ? used.lastCol - col + 1 : numCols,
    };
    return this.ctx.workbook.values(this.data, checkBounds(this.ctx, bounds, this.data));
  }
  getLastRow(): number {
    return this.ctx.workbook.usedSize(this.data).lastRow;
  }
  getLastColumn(): number {
    return this.ctx.workbook.usedSize(this.data).lastCol;
  }
  getMaxRows(): number {
    return this.data.maxRows;
  }
  getMaxColumns(): number {
    return this.data.maxColumns;
  }
  /** Writes one row after the last used row, as typed input; the sheet grows as needed (documented for appendRow). */
  appendRow(rowContents: unknown[]): FakeSheet {
    if (!Array.isArray(rowContents)) signatureError(this.ctx, 'SpreadsheetApp.Sheet.appendRow', [rowContents]);
    if (rowContents.length > 0) {
      const row0 = this.ctx.workbook.usedSize(this.data).lastRow;
      this.ctx.workbook.fit(this.data, row0 + 1, rowContents.length);
      this.ctx.workbook.write(this.data, row0, 0, [rowContents], undefined, true);
    }
    return this;
  }
  /** Adds empty rows at the end only (inserting in the middle would move cells, which the fake does not do). */
  insertRowsAfter(afterPosition: number, howMany: number): FakeSheet {
    const [after, count] = integers(this.ctx, 'SpreadsheetApp.Sheet.insertRowsAfter', [afterPosition, howMany]);
    if (after < this.ctx.workbook.usedSize(this.data).lastRow) {
      this.ctx.fail('Sheet.insertRowsAfter inside the used area is not implemented by the Apps Script fake (only appending rows at the end)');
    }
    if (count < 1) this.ctx.fail('The number of rows to insert must be at least 1.');
    this.ctx.workbook.resize(this.data, this.data.maxRows + count, this.data.maxColumns);
    return this;
  }
  /** Adds empty columns at the right edge only (inserting in the middle would move cells, which the fake does not do). */
  insertColumnsAfter(afterPosition: number, howMany: number): FakeSheet {
    const [after, count] = integers(this.ctx, 'SpreadsheetApp.Sheet.insertColumnsAfter', [afterPosition, howMany]);
    if (after < this.ctx.workbook.usedSize(this.data).lastCol) {
      this.ctx.fail('Sheet.insertColumnsAfter inside the used area is not implemented by the Apps Script fake (only appending columns at the end)');
    }
    if (count < 1) this.ctx.fail('The number of columns to insert must be at least 1.');
    if (this.data.maxColumns + count > MAX_COLUMNS) this.ctx.fail(`A sheet has at most ${MAX_COLUMNS} columns.`);
    this.ctx.workbook.resize(this.data, this.data.maxRows, this.data.maxColumns + count);
    return this;
  }

  setFrozenRows(rows: number): void {
    this.extras.frozenRows = integers(this.ctx, 'SpreadsheetApp.Sheet.setFrozenRows', [rows])[0];
  }
  getFrozenRows(): number {
    return this.extras.frozenRows;
  }
  setFrozenColumns(columns: number): void {
    this.extras.frozenColumns = integers(this.ctx, 'SpreadsheetApp.Sheet.setFrozenColumns', [columns])[0];
  }
  getFrozenColumns(): number {
    return this.extras.frozenColumns;
  }
  setColumnWidth(column: number, width: number): FakeSheet {
    const [col, px] = integers(this.ctx, 'SpreadsheetApp.Sheet.setColumnWidth', [column, width]);
    this.extras.columnWidths.set(col, px);
    return this;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): FakeSheet {
    const [start, count, px] = integers(this.ctx, 'SpreadsheetApp.Sheet.setColumnWidths', [startColumn, numColumns, width]);
    for (let c = start; c < start + count; c++) this.extras.columnWidths.set(c, px);
    return this;
  }
  getColumnWidth(column: number): number {
    return this.extras.columnWidths.get(column) ?? DEFAULT_COLUMN_WIDTH;
  }
  autoResizeColumns(startColumn: number, numColumns: number): FakeSheet {
    const [start, count] = integers(this.ctx, 'SpreadsheetApp.Sheet.autoResizeColumns', [startColumn, numColumns]);
    for (let c = start; c < start + count; c++) this.extras.autoResized.push(c);
    return this;
  }
  autoResizeColumn(column: number): FakeSheet {
    return this.autoResizeColumns(column, 1);
  }
  hideColumns(columnIndex: number, numColumns = 1): void {
    const [start, count] = integers(this.ctx, 'SpreadsheetApp.Sheet.hideColumns', [columnIndex, numColumns]);
    for (let c = start; c < start + count; c++) this.extras.hiddenColumns.add(c);
  }
  showColumns(columnIndex: number, numColumns = 1): void {
    const [start, count] = integers(this.ctx, 'SpreadsheetApp.Sheet.showColumns', [columnIndex, numColumns]);
    for (let c = start; c < start + count; c++) this.extras.hiddenColumns.delete(c);
  }
  isColumnHiddenByUser(columnPosition: number): boolean {
    return this.extras.hiddenColumns.has(columnPosition);
  }
  hideRows(rowIndex: number, numRows = 1): void {
    const [start, count] = integers(this.ctx, 'SpreadsheetApp.Sheet.hideRows', [rowIndex, numRows]);
    for (let r = start; r < start + count; r++) this.extras.hiddenRows.add(r);
  }
  setTabColor(color: string | null): FakeSheet {
    this.extras.tabColor = color;
    return this;
  }
  getTabColor(): string | null {
    return this.extras.tabColor;
  }

  /** Clears contents and formats (notes stay); clear({contentsOnly: true}) or ({formatOnly: true}) for one of them. */
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): FakeSheet {
    if (options?.formatOnly) return this.clearFormats();
    if (options?.contentsOnly) return this.clearContents();
    this.ctx.workbook.clearSheet(this.data, ['note']);
    this.extras.merges = [];
    return this;
  }
  clearContents(): FakeSheet {
    const used = this.ctx.workbook.usedSize(this.data);
    if (used.lastRow > 0) this.ctx.workbook.clearContents(this.data, { row: 1, col: 1, numRows: used.lastRow, numCols: used.lastCol });
    return this;
  }
  clearFormats(): FakeSheet {
    this.ctx.workbook.clearProps(this.data, ['note']);
    return this;
  }

  // Conditional formatting: the sheet's whole list of rules is replaced at once, as in Sheets.
  setConditionalFormatRules(rules: unknown): void {
    const method = 'SpreadsheetApp.Sheet.setConditionalFormatRules';
    if (!Array.isArray(rules)) signatureError(this.ctx, method, [rules]);
    const raw = rules.map((rule) => this.ctx.registry.unwrap(rule));
    if (!raw.every((rule) => rule instanceof FakeConditionalFormatRule)) signatureError(this.ctx, method, [rules]);
    const records: FakeConditionalFormatRecord[] = [];
    for (const rule of raw as FakeConditionalFormatRule[]) {
      if (rule.ranges.length === 0) this.ctx.fail('A conditional format rule needs at least one range (setRanges).');
      if (rule.ranges.some((range) => range.sheet !== this.data)) this.ctx.fail('A conditional format rule cannot reference a different sheet.');
      records.push({ ranges: rule.ranges.map((range) => ({ ...range.bounds })), gradient: structuredClone(rule.gradient) });
    }
    this.extras.conditionalFormats = records;
  }
  getConditionalFormatRules(): FakeConditionalFormatRule[] {
    return this.extras.conditionalFormats.map((record) =>
      this.ctx.registry.register(
        'ConditionalFormatRule',
        new FakeConditionalFormatRule(
          this.ctx,
          record.ranges.map((bounds) => newRange(this.ctx, this.data, bounds)),
          structuredClone(record.gradient),
        ),
      ),
    );
  }

  // Charts
  newChart(): FakeChartBuilder {
    return this.ctx.registry.register('EmbeddedChartBuilder', new FakeChartBuilder(this.ctx, this.data, undefined));
  }
  insertChart(chart: FakeChart): void {
    if (!(chart instanceof FakeChart)) signatureError(this.ctx, 'SpreadsheetApp.Sheet.insertChart', [chart]);
    if (chart.sheet !== this.data) this.ctx.fail('The chart was built for another sheet.');
    const info: FakeChartInfo = { ...structuredClone(chart.info), chartId: this.ctx.nextChartId++ };
    this.extras.charts.push(info);
  }
  updateChart(chart: FakeChart): void {
    if (!(chart instanceof FakeChart)) signatureError(this.ctx, 'SpreadsheetApp.Sheet.updateChart', [chart]);
    const index = this.extras.charts.findIndex((c) => c.chartId === chart.info.chartId);
    if (index < 0) this.ctx.fail('Chart not found on this sheet; insert it first.');
    this.extras.charts[index] = structuredClone(chart.info);
  }
  removeChart(chart: FakeChart): void {
    if (!(chart instanceof FakeChart)) signatureError(this.ctx, 'SpreadsheetApp.Sheet.removeChart', [chart]);
    this.extras.charts = this.extras.charts.filter((c) => c.chartId !== chart.info.chartId);
  }
  getCharts(): FakeChart[] {
    return this.extras.charts.map((info) => this.ctx.registry.register('EmbeddedChart', new FakeChart(this.ctx, this.data, structuredClone(info))));
  }

  // Protection: a sheet has at most one sheet protection; protect() returns it if it exists.
  protect(): FakeProtection {
    let record = this.extras.protections.find((p) => p.type === 'SHEET' && !p.removed);
    if (!record) {
      record = { type: 'SHEET', sheet: this.data, bounds: null, description: '', warningOnly: false, unprotected: [], removed: false };
      this.extras.protections.push(record);
    }
    return this.ctx.registry.register('Protection', new FakeProtection(this.ctx, record));
  }
  getProtections(type: string): FakeProtection[] {
    if (type !== 'RANGE' && type !== 'SHEET') signatureError(this.ctx, 'SpreadsheetApp.Sheet.getProtections', [type]);
    return this.extras.protections
      .filter((p) => p.type === type && !p.removed)
      .map((record) => this.ctx.registry.register('Protection', new FakeProtection(this.ctx, record)));
  }
}

// ---- Range ------------------------------------------------------------------------------------

export function newRange(ctx: FakeContext, sheet: SheetData, bounds: Bounds): FakeRange {
  return ctx.registry.register('Range', new FakeRange(ctx, sheet, { ...bounds }));
}

export class FakeRange {
  constructor(
    private readonly ctx: FakeContext,
    readonly sheet: SheetData,
    readonly bounds: Bounds,
  ) {}

  private get workbook() {
    return this.ctx.workbook;
  }
  private get topLeft(): Bounds {
    return { row: this.bounds.row, col: this.bounds.col, numRows: 1, numCols: 1 };
  }

  /** The 2-D shape Sheets insists on, with its messages. */
  #checkShape(method: string, data: unknown): asserts data is unknown[][] {
    if (!Array.isArray(data)) signatureError(this.ctx, `SpreadsheetApp.Range.${method}`, [data]);
    const { numRows, numCols } = this.bounds;
    if (data.length !== numRows) {
      this.ctx.fail(`The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${numRows}.`);
    }
    for (const row of data) {
      if (!Array.isArray(row)) signatureError(this.ctx, `SpreadsheetApp.Range.${method}`, [data]);
      if (row.length !== numCols) {
        this.ctx.fail(
          `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${numCols}.`,
        );
      }
    }
  }

  /** One value on every cell; a formula is filled (relative references move), as Sheets does. */
  #fill(value: unknown): void {
    const block: unknown[][] = [];
    for (let i = 0; i < this.bounds.numRows; i++) block.push(new Array(this.bounds.numCols).fill(value));
    this.workbook.write(this.sheet, this.bounds.row - 1, this.bounds.col - 1, block, { row0: this.bounds.row - 1, col0: this.bounds.col - 1 }, true);
  }

  #prop(name: string, fallback: unknown): unknown {
    return this.workbook.props(this.sheet, name, this.topLeft, fallback)[0][0];
  }

  #setProp(name: string, value: unknown): FakeRange {
    this.workbook.setProps(this.sheet, name, this.bounds, value);
    return this;
  }

  #setPropGrid(method: string, name: string, values: unknown): FakeRange {
    this.#checkShape(method, values);
    this.workbook.setProps(this.sheet, name, this.bounds, values, true);
    return this;
  }

  // Values
  getValues(): unknown[][] {
    return this.workbook.values(this.sheet, this.bounds);
  }
  getValue(): unknown {
    return this.workbook.values(this.sheet, this.topLeft)[0][0];
  }
  getDisplayValues(): string[][] {
    return this.workbook.displayValues(this.sheet, this.bounds);
  }
  getDisplayValue(): string {
    return this.workbook.displayValues(this.sheet, this.topLeft)[0][0];
  }
  setValues(values: unknown[][]): FakeRange {
    this.#checkShape('setValues', values);
    this.workbook.write(this.sheet, this.bounds.row - 1, this.bounds.col - 1, values, undefined, true);
    return this;
  }
  setValue(value: unknown): FakeRange {
    this.#fill(value);
    return this;
  }
  isBlank(): boolean {
    return this.workbook.values(this.sheet, this.bounds).every((row) => row.every((v) => v === '')) && this.getFormulas().every((row) => row.every((f) => f === ''));
  }

  // Formulas
  getFormulas(): string[][] {
    return this.workbook.formulas(this.sheet, this.bounds);
  }
  getFormula(): string {
    return this.workbook.formulas(this.sheet, this.topLeft)[0][0];
  }
  setFormulas(formulas: string[][]): FakeRange {
    this.#checkShape('setFormulas', formulas);
    for (const row of formulas) for (const f of row) if (typeof f !== 'string') signatureError(this.ctx, 'SpreadsheetApp.Range.setFormulas', [formulas]);
    this.workbook.write(this.sheet, this.bounds.row - 1, this.bounds.col - 1, formulas, undefined, true);
    return this;
  }
  setFormula(formula: string): FakeRange {
    if (typeof formula !== 'string') signatureError(this.ctx, 'SpreadsheetApp.Range.setFormula', [formula]);
    this.#fill(formula);
    return this;
  }

  // Number formats
  getNumberFormats(): string[][] {
    return this.workbook.numberFormats(this.sheet, this.bounds);
  }
  getNumberFormat(): string {
    return this.workbook.numberFormats(this.sheet, this.topLeft)[0][0];
  }
  setNumberFormat(format: string): FakeRange {
    if (typeof format !== 'string') signatureError(this.ctx, 'SpreadsheetApp.Range.setNumberFormat', [format]);
    return this.#setProp('numberFormat', format);
  }
  setNumberFormats(formats: string[][]): FakeRange {
    return this.#setPropGrid('setNumberFormats', 'numberFormat', formats);
  }

  // Text style and layout (recorded per cell, read back by the getters and the test helpers)
  setFontWeight(weight: string | null): FakeRange {
    return this.#setProp('fontWeight', weight === 'normal' ? null : weight);
  }
  setFontWeights(weights: (string | null)[][]): FakeRange {
    return this.#setPropGrid('setFontWeights', 'fontWeight', weights);
  }
  getFontWeight(): string {
    return this.#prop('fontWeight', 'normal') as string;
  }
  getFontWeights(): string[][] {
    return this.workbook.props(this.sheet, 'fontWeight', this.bounds, 'normal') as string[][];
  }
  setFontStyle(style: string | null): FakeRange {
    return this.#setProp('fontStyle', style === 'normal' ? null : style);
  }
  setFontSize(size: number): FakeRange {
    return this.#setProp('fontSize', size);
  }
  setFontColor(color: string | null): FakeRange {
    return this.#setProp('fontColor', color);
  }
  setFontColors(colors: (string | null)[][]): FakeRange {
    return this.#setPropGrid('setFontColors', 'fontColor', colors);
  }
  getFontColor(): string {
    return this.#prop('fontColor', '#000000') as string;
  }
  setBackground(color: string | null): FakeRange {
    return this.#setProp('background', color);
  }
  setBackgrounds(colors: (string | null)[][]): FakeRange {
    return this.#setPropGrid('setBackgrounds', 'background', colors);
  }
  getBackground(): string {
    return this.#prop('background', '#ffffff') as string;
  }
  getBackgrounds(): string[][] {
    return this.workbook.props(this.sheet, 'background', this.bounds, '#ffffff') as string[][];
  }
  setHorizontalAlignment(alignment: string | null): FakeRange {
    return this.#setProp('horizontalAlignment', alignment);
  }
  setHorizontalAlignments(alignments: (string | null)[][]): FakeRange {
    return this.#setPropGrid('setHorizontalAlignments', 'horizontalAlignment', alignments);
  }
  getHorizontalAlignment(): string {
    return this.#prop('horizontalAlignment', 'general') as string;
  }
  setVerticalAlignment(alignment: string | null): FakeRange {
    return this.#setProp('verticalAlignment', alignment);
  }
  setWrap(wrap: boolean): FakeRange {
    return this.#setProp('wrap', wrap ? true : null);
  }
  getWrap(): boolean {
    return this.#prop('wrap', false) as boolean;
  }
  setWrapStrategy(strategy: string): FakeRange {
    return this.#setProp('wrapStrategy', strategy);
  }
  getWrapStrategy(): string {
    return this.#prop('wrapStrategy', WRAP_STRATEGY.OVERFLOW) as string;
  }

  // Notes
  setNote(note: string | null): FakeRange {
    return this.#setProp('note', note === null ? null : String(note));
  }
  setNotes(notes: (string | null)[][]): FakeRange {
    return this.#setPropGrid('setNotes', 'note', notes);
  }
  getNote(): string {
    return this.#prop('note', '') as string;
  }
  getNotes(): string[][] {
    return this.workbook.props(this.sheet, 'note', this.bounds, '') as string[][];
  }
  clearNote(): FakeRange {
    return this.#setProp('note', null);
  }

  // Data validation: rules apply to blocks; a new rule replaces the ones it covers.
  setDataValidation(rule: FakeDataValidation | null): FakeRange {
    if (rule !== null && !(rule instanceof FakeDataValidation)) signatureError(this.ctx, 'SpreadsheetApp.Range.setDataValidation', [rule]);
    const extras = this.ctx.extras(this.sheet);
    extras.validations = extras.validations.filter((v) => !contains(this.bounds, v.bounds));
    if (rule) extras.validations.push({ bounds: { ...this.bounds }, rule: { ...rule.rule, args: [...rule.rule.args] } });
    return this;
  }
  clearDataValidations(): FakeRange {
    return this.setDataValidation(null);
  }
  getDataValidation(): FakeDataValidation | null {
    const found = [...this.ctx.extras(this.sheet).validations].reverse().find((v) => contains(v.bounds, this.topLeft));
    return found ? this.ctx.registry.register('DataValidation', new FakeDataValidation({ ...found.rule })) : null;
  }

  // Geometry
  getRow(): number {
    return this.bounds.row;
  }
  getRowIndex(): number {
    return this.bounds.row;
  }
  getColumn(): number {
    return this.bounds.col;
  }
  getNumRows(): number {
    return this.bounds.numRows;
  }
  getNumColumns(): number {
    return this.bounds.numCols;
  }
  getHeight(): number {
    return this.bounds.numRows;
  }
  getWidth(): number {
    return this.bounds.numCols;
  }
  getLastRow(): number {
    return this.bounds.row + this.bounds.numRows - 1;
  }
  getLastColumn(): number {
    return this.bounds.col + this.bounds.numCols - 1;
  }
  getA1Notation(): string {
    return a1Of(this.bounds);
  }
  getSheet(): FakeSheet {
    return this.ctx.sheetObject(this.sheet);
  }
  getGridId(): number {
    return this.sheet.gid;
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): FakeRange {
    const args = [rowOffset, columnOffset, ...(numRows === undefined ? [] : [numRows]), ...(numColumns === undefined ? [] : [numColumns])];
    const [dr, dc, rows = this.bounds.numRows, cols = this.bounds.numCols] = integers(this.ctx, 'SpreadsheetApp.Range.offset', args);
    return newRange(this.ctx, this.sheet, checkBounds(this.ctx, { row: this.bounds.row + dr, col: this.bounds.col + dc, numRows: rows, numCols: cols }, this.sheet));
  }
  getCell(row: number, column: number): FakeRange {
    const [r, c] = integers(this.ctx, 'SpreadsheetApp.Range.getCell', [row, column]);
    if (r < 1 || c < 1 || r > this.bounds.numRows || c > this.bounds.numCols) this.ctx.fail('The coordinates of the cell are outside the range.');
    return newRange(this.ctx, this.sheet, { row: this.bounds.row + r - 1, col: this.bounds.col + c - 1, numRows: 1, numCols: 1 });
  }
  activate(): FakeRange {
    this.ctx.activeSheet = this.sheet;
    this.ctx.extras(this.sheet).selection = { ...this.bounds };
    return this;
  }

  // Clearing
  clearContent(): FakeRange {
    this.workbook.clearContents(this.sheet, this.bounds);
    return this;
  }
  clearFormat(): FakeRange {
    for (const name of this.sheet.props.keys()) if (name !== 'note') this.workbook.setProps(this.sheet, name, this.bounds, null);
    return this;
  }
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): FakeRange {
    if (!options?.formatOnly) this.clearContent();
    if (!options?.contentsOnly) this.clearFormat();
    return this;
  }

  // Merges and borders
  merge(): FakeRange {
    const extras = this.ctx.extras(this.sheet);
    extras.merges = extras.merges.filter((m) => !overlaps(m, this.bounds));
    extras.merges.push({ ...this.bounds });
    return this;
  }
  breakApart(): FakeRange {
    const extras = this.ctx.extras(this.sheet);
    extras.merges = extras.merges.filter((m) => !overlaps(m, this.bounds));
    return this;
  }
  setBorder(
    top: boolean | null,
    left: boolean | null,
    bottom: boolean | null,
    right: boolean | null,
    vertical: boolean | null,
    horizontal: boolean | null,
    color?: string | null,
    style?: string | null,
  ): FakeRange {
    const record: BorderRecord = { a1: a1Of(this.bounds), top, left, bottom, right, vertical, horizontal, color: color ?? null, style: style ?? null };
    this.ctx.extras(this.sheet).borders.push(record);
    return this;
  }

  protect(): FakeProtection {
    const record: ProtectionRecord = {
      type: 'RANGE',
      sheet: this.sheet,
      bounds: { ...this.bounds },
      description: '',
      warningOnly: false,
      unprotected: [],
      removed: false,
    };
    this.ctx.extras(this.sheet).protections.push(record);
    return this.ctx.registry.register('Protection', new FakeProtection(this.ctx, record));
  }
}

// ---- Protection -------------------------------------------------------------------------------

export class FakeProtection {
  constructor(
    private readonly ctx: FakeContext,
    private readonly record: ProtectionRecord,
  ) {}
  getProtectionType(): string {
    return this.record.type;
  }
  setWarningOnly(warningOnly: boolean): FakeProtection {
    this.record.warningOnly = Boolean(warningOnly);
    return this;
  }
  isWarningOnly(): boolean {
    return this.record.warningOnly;
  }
  setDescription(description: string): FakeProtection {
    this.record.description = String(description);
    return this;
  }
  getDescription(): string {
    return this.record.description;
  }
  getRange(): FakeRange {
    const bounds = this.record.bounds ?? { row: 1, col: 1, numRows: this.record.sheet.maxRows, numCols: this.record.sheet.maxColumns };
    return newRange(this.ctx, this.record.sheet, bounds);
  }
  setUnprotectedRanges(ranges: FakeRange[]): FakeProtection {
    if (this.record.type !== 'SHEET') this.ctx.fail('Unprotected ranges can only be set on a sheet protection.');
    this.record.unprotected = ranges.map((r) => ({ sheet: r.sheet, bounds: { ...r.bounds } }));
    return this;
  }
  getUnprotectedRanges(): FakeRange[] {
    return this.record.unprotected.map((u) => newRange(this.ctx, u.sheet, u.bounds));
  }
  remove(): void {
    this.record.removed = true;
  }
  canEdit(): boolean {
    return true;
  }
  getEditors(): unknown[] {
    return [];
  }
  addEditor(): FakeProtection {
    return this;
  }
  addEditors(): FakeProtection {
    return this;
  }
  removeEditor(): FakeProtection {
    return this;
  }
  removeEditors(): FakeProtection {
    return this;
  }
  setDomainEdit(): FakeProtection {
    return this;
  }
  canDomainEdit(): boolean {
    return false;
  }
}

// ---- Data validation --------------------------------------------------------------------------

export class FakeDataValidation {
  constructor(readonly rule: FakeValidationRule) {}
  getCriteriaType(): string {
    return this.rule.criteria;
  }
  getCriteriaValues(): unknown[] {
    return [...this.rule.args];
  }
  getAllowInvalid(): boolean {
    return this.rule.allowInvalid;
  }
  getHelpText(): string | null {
    return this.rule.helpText;
  }
}

export class FakeDataValidationBuilder {
  private criteria: string | null = null;
  private args: unknown[] = [];
  private allowInvalid = true; // Sheets' default: show a warning, keep the value
  private helpText: string | null = null;

  constructor(private readonly ctx: FakeContext) {}

  #require(criteria: string, ...args: unknown[]): FakeDataValidationBuilder {
    this.criteria = criteria;
    this.args = args;
    return this;
  }
  requireNumberBetween(start: number, end: number): FakeDataValidationBuilder {
    return this.#require('NUMBER_BETWEEN', start, end);
  }
  requireNumberNotBetween(start: number, end: number): FakeDataValidationBuilder {
    return this.#require('NUMBER_NOT_BETWEEN', start, end);
  }
  requireNumberEqualTo(n: number): FakeDataValidationBuilder {
    return this.#require('NUMBER_EQUAL_TO', n);
  }
  requireNumberGreaterThan(n: number): FakeDataValidationBuilder {
    return this.#require('NUMBER_GREATER_THAN', n);
  }
  requireNumberGreaterThanOrEqualTo(n: number): FakeDataValidationBuilder {
    return this.#require('NUMBER_GREATER_THAN_OR_EQUAL_TO', n);
  }
  requireNumberLessThan(n: number): FakeDataValidationBuilder {
    return this.#require('NUMBER_LESS_THAN', n);
  }
  requireNumberLessThanOrEqualTo(n: number): FakeDataValidationBuilder {
    return this.#require('NUMBER_LESS_THAN_OR_EQUAL_TO', n);
  }
  requireFormulaSatisfied(formula: string): FakeDataValidationBuilder {
    if (typeof formula !== 'string' || !formula.startsWith('=')) this.ctx.fail(`A custom formula rule needs a formula starting with '=': got ${String(formula)}`);
    return this.#require('CUSTOM_FORMULA', formula);
  }
  requireValueInList(values: string[], showDropdown = true): FakeDataValidationBuilder {
    return this.#require('VALUE_IN_LIST', [...values], showDropdown);
  }
  requireValueInRange(range: FakeRange, showDropdown = true): FakeDataValidationBuilder {
    return this.#require('VALUE_IN_RANGE', `${quoteSheetName(range.sheet.name)}!${a1Of(range.bounds)}`, showDropdown);
  }
  requireCheckbox(checked?: unknown, unchecked?: unknown): FakeDataValidationBuilder {
    return this.#require('CHECKBOX', ...(checked === undefined ? [] : [checked]), ...(unchecked === undefined ? [] : [unchecked]));
  }
  requireDate(): FakeDataValidationBuilder {
    return this.#require('DATE_IS_VALID_DATE');
  }
  setAllowInvalid(allowInvalid: boolean): FakeDataValidationBuilder {
    this.allowInvalid = Boolean(allowInvalid);
    return this;
  }
  setHelpText(text: string): FakeDataValidationBuilder {
    this.helpText = String(text);
    return this;
  }
  build(): FakeDataValidation {
    if (this.criteria === null) this.ctx.fail('You must specify a validation criterion before building the rule.');
    const rule = { criteria: this.criteria, args: [...this.args], allowInvalid: this.allowInvalid, helpText: this.helpText };
    return this.ctx.registry.register('DataValidation', new FakeDataValidation(rule));
  }
}

// ---- Charts -----------------------------------------------------------------------------------

export class FakeChart {
  constructor(
    private readonly ctx: FakeContext,
    readonly sheet: SheetData,
    readonly info: FakeChartInfo,
  ) {}
  getChartId(): number | null {
    return this.info.chartId < 0 ? null : this.info.chartId;
  }
  getId(): string {
    return `fake-chart-${this.info.chartId}`;
  }
  getRanges(): FakeRange[] {
    return this.info.ranges.map((text) => {
      const { sheet, bounds } = sheetForA1(this.ctx, text, this.sheet);
      return newRange(this.ctx, sheet, bounds);
    });
  }
  getOptions(): { get(option: string): unknown } {
    const options = this.info.options;
    return { get: (option: string) => options[option] ?? null };
  }
  getContainerInfo(): { getAnchorRow(): number; getAnchorColumn(): number; getOffsetX(): number; getOffsetY(): number } {
    const p = this.info.position ?? { row: 1, column: 1, offsetX: 0, offsetY: 0 };
    return { getAnchorRow: () => p.row, getAnchorColumn: () => p.column, getOffsetX: () => p.offsetX, getOffsetY: () => p.offsetY };
  }
  modify(): FakeChartBuilder {
    return this.ctx.registry.register('EmbeddedChartBuilder', new FakeChartBuilder(this.ctx, this.sheet, structuredClone(this.info)));
  }
}

export class FakeChartBuilder {
  private readonly info: FakeChartInfo;

  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: SheetData,
    from: FakeChartInfo | undefined,
  ) {
    this.info = from ?? {
      chartId: -1,
      chartType: null,
      ranges: [],
      position: null,
      options: {},
      numHeaders: null,
      transposeRowsAndColumns: false,
      mergeStrategy: null,
      hiddenDimensionStrategy: null,
    };
  }

  addRange(range: FakeRange): FakeChartBuilder {
    if (!(range instanceof FakeRange)) signatureError(this.ctx, 'SpreadsheetApp.EmbeddedChartBuilder.addRange', [range]);
    this.info.ranges.push(`${quoteSheetName(range.sheet.name)}!${a1Of(range.bounds)}`);
    return this;
  }
  removeRange(range: FakeRange): FakeChartBuilder {
    const text = `${quoteSheetName(range.sheet.name)}!${a1Of(range.bounds)}`;
    this.info.ranges = this.info.ranges.filter((r) => r !== text);
    return this;
  }
  clearRanges(): FakeChartBuilder {
    this.info.ranges = [];
    return this;
  }
  getRanges(): FakeRange[] {
    return new FakeChart(this.ctx, this.sheet, this.info).getRanges();
  }
  setChartType(type: string): FakeChartBuilder {
    this.info.chartType = String(type);
    return this;
  }
  getChartType(): string | null {
    return this.info.chartType;
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): FakeChartBuilder {
    const [row, column, x, y] = integers(this.ctx, 'SpreadsheetApp.EmbeddedChartBuilder.setPosition', [anchorRowPos, anchorColPos, offsetX, offsetY]);
    this.info.position = { row, column, offsetX: x, offsetY: y };
    return this;
  }
  setOption(option: string, value: unknown): FakeChartBuilder {
    this.info.options[option] = structuredClone(value);
    return this;
  }
  setNumHeaders(headers: number): FakeChartBuilder {
    this.info.numHeaders = integers(this.ctx, 'SpreadsheetApp.EmbeddedChartBuilder.setNumHeaders', [headers])[0];
    return this;
  }
  setTransposeRowsAndColumns(transpose: boolean): FakeChartBuilder {
    this.info.transposeRowsAndColumns = Boolean(transpose);
    return this;
  }
  setMergeStrategy(strategy: string): FakeChartBuilder {
    this.info.mergeStrategy = String(strategy);
    return this;
  }
  setHiddenDimensionStrategy(strategy: string): FakeChartBuilder {
    this.info.hiddenDimensionStrategy = String(strategy);
    return this;
  }
  build(): FakeChart {
    if (this.info.chartType === null) this.ctx.fail('The chart type must be set (setChartType) before build().');
    if (this.info.ranges.length === 0) this.ctx.fail('A chart needs at least one range (addRange) before build().');
    return this.ctx.registry.register('EmbeddedChart', new FakeChart(this.ctx, this.sheet, structuredClone(this.info)));
  }
}


// ---- Conditional formatting -------------------------------------------------------------------
// Colour scales (gradients) only; boolean conditions (whenNumberBetween, ...) are not implemented.

export class FakeGradientCondition {
  constructor(private readonly gradient: FakeGradient) {}
  getMinColor(): string {
    return this.gradient.min.color;
  }
  getMinType(): string {
    return this.gradient.min.type;
  }
  getMinValue(): string {
    return this.gradient.min.value;
  }
  getMidColor(): string {
    return this.gradient.mid?.color ?? '';
  }
  getMidType(): string | null {
    return this.gradient.mid?.type ?? null;
  }
  getMidValue(): string {
    return this.gradient.mid?.value ?? '';
  }
  getMaxColor(): string {
    return this.gradient.max.color;
  }
  getMaxType(): string {
    return this.gradient.max.type;
  }
  getMaxValue(): string {
    return this.gradient.max.value;
  }
}

export class FakeConditionalFormatRule {
  constructor(
    private readonly ctx: FakeContext,
    readonly ranges: FakeRange[],
    readonly gradient: FakeGradient,
  ) {}
  getRanges(): FakeRange[] {
    return this.ranges.map((range) => newRange(this.ctx, range.sheet, range.bounds));
  }
  getGradientCondition(): FakeGradientCondition {
    return this.ctx.registry.register('GradientCondition', new FakeGradientCondition(structuredClone(this.gradient)));
  }
  getBooleanCondition(): null {
    return null;
  }
  copy(): FakeConditionalFormatRuleBuilder {
    return this.ctx.registry.register('ConditionalFormatRuleBuilder', new FakeConditionalFormatRuleBuilder(this.ctx, [...this.ranges], structuredClone(this.gradient)));
  }
}

type PartialGradient = { min?: FakeGradientPoint; mid?: FakeGradientPoint | null; max?: FakeGradientPoint };

export class FakeConditionalFormatRuleBuilder {
  constructor(
    private readonly ctx: FakeContext,
    private ranges: FakeRange[],
    private readonly gradient: PartialGradient,
  ) {}

  /** A point as Apps Script takes it: (String color, InterpolationType, String value); MIN and MAX take no value. */
  #point(method: string, args: unknown[], fixedType?: string): FakeGradientPoint {
    const [color, type = fixedType, value = ''] = args;
    const types = Object.values(INTERPOLATION_TYPE) as string[];
    const expected = fixedType === undefined ? 3 : 1;
    if (args.length !== expected || typeof color !== 'string' || typeof type !== 'string' || !types.includes(type) || typeof value !== 'string') {
      signatureError(this.ctx, `SpreadsheetApp.ConditionalFormatRuleBuilder.${method}`, args);
    }
    if ((type === 'NUMBER' || type === 'PERCENT' || type === 'PERCENTILE') && value.trim() === '') {
      this.ctx.fail(`A ${type} point of a colour scale needs a value.`);
    }
    return { color, type, value: type === 'MIN' || type === 'MAX' ? '' : value };
  }
  setGradientMinpoint(...args: unknown[]): FakeConditionalFormatRuleBuilder {
    this.gradient.min = this.#point('setGradientMinpoint', args, 'MIN');
    return this;
  }
  setGradientMaxpoint(...args: unknown[]): FakeConditionalFormatRuleBuilder {
    this.gradient.max = this.#point('setGradientMaxpoint', args, 'MAX');
    return this;
  }
  setGradientMinpointWithValue(...args: unknown[]): FakeConditionalFormatRuleBuilder {
    this.gradient.min = this.#point('setGradientMinpointWithValue', args);
    return this;
  }
  setGradientMidpointWithValue(...args: unknown[]): FakeConditionalFormatRuleBuilder {
    this.gradient.mid = this.#point('setGradientMidpointWithValue', args);
    return this;
  }
  setGradientMaxpointWithValue(...args: unknown[]): FakeConditionalFormatRuleBuilder {
    this.gradient.max = this.#point('setGradientMaxpointWithValue', args);
    return this;
  }
  setRanges(ranges: unknown): FakeConditionalFormatRuleBuilder {
    const raw = Array.isArray(ranges) ? ranges.map((range) => this.ctx.registry.unwrap(range)) : null;
    if (!raw || !raw.every((range) => range instanceof FakeRange)) signatureError(this.ctx, 'SpreadsheetApp.ConditionalFormatRuleBuilder.setRanges', [ranges]);
    this.ranges = raw as FakeRange[];
    return this;
  }
  getRanges(): FakeRange[] {
    return this.ranges.map((range) => newRange(this.ctx, range.sheet, range.bounds));
  }
  getGradientCondition(): FakeGradientCondition | null {
    const { min, mid, max } = this.gradient;
    return min && max ? this.ctx.registry.register('GradientCondition', new FakeGradientCondition(structuredClone({ min, mid: mid ?? null, max }))) : null;
  }
  getBooleanCondition(): null {
    return null;
  }
  copy(): FakeConditionalFormatRuleBuilder {
    return this.ctx.registry.register('ConditionalFormatRuleBuilder', new FakeConditionalFormatRuleBuilder(this.ctx, [...this.ranges], structuredClone(this.gradient)));
  }
  build(): FakeConditionalFormatRule {
    const { min, mid, max } = this.gradient;
    if (!min && !max && mid === undefined) this.ctx.fail('A conditional format rule needs a condition: the fake implements colour scales (setGradientMinpoint..., setGradientMaxpoint...).');
    if (!min || !max) this.ctx.fail('A colour scale needs a minimum and a maximum point.');
    const gradient: FakeGradient = structuredClone({ min, mid: mid ?? null, max });
    return this.ctx.registry.register('ConditionalFormatRule', new FakeConditionalFormatRule(this.ctx, [...this.ranges], gradient));
  }
}
