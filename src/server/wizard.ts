/**
 * The sidebar's server side: the functions google.script.run calls. Each validates everything
 * it receives before touching the spreadsheet, so a wrong request gets a clear message and
 * never a half-built sheet. The source table is only ever read.
 */
import { computePeriodTable } from '../core/churnTable';
import { activityIntervals } from '../core/customers';
import { COLUMN_ROLES, detectColumns, type ColumnMapping, type ColumnRole } from '../core/columns';
import { MAX_DAY, MIN_DAY, civilFromDay, dayFromCivil, isoFromDay, validDayFromCivil } from '../core/calendar';
import { DateReader, dateOrderOfLocale, type DateOrder } from '../core/dates';
import { monthNamesOf } from '../core/monthNames';
import { isPeriodKind, periodKeyOfDay, type PeriodKind } from '../core/periods';
import { isAdjustedMethod, type AdjustedMethod } from '../core/metrics';
import { decimalSeparatorOfLocale, parseNumberText } from '../core/numbers';
import { buildRevenueTable, type RevenueInput } from '../core/revenue';
import { SPREADSHEET_CELLS } from '../core/limits';
import { splitBySegment } from '../core/segments';
import { isBlankCell, readCustomerTable, type CustomerTable } from '../core/table';
import { recogniseExport, type RecognisedExport } from '../core/exports/billingExport';
import { locateTable, type GridCell, type TableLocation } from '../core/tableLocation';
import type { TimeZone } from '../core/timezone';
import { UserError, translate, type Language, type MessageKey } from '../i18n';
import type { BuildRequest, BuildSummary, ExportChoices, PreviewRow, TableInspection } from '../shared/wizard';
import { exportBlockers, exportMapping, exportPreview, inspectExport, readExport, validExportChoices, valuesOnlyReason, type ExportSource } from './exportWizard';
import { planChurnSheet, type PlanBlock, type SourceColumns } from './churnSheetPlan';
import { addCohortSheet } from './cohortSheet';
import { addLostSheet } from './lostSheet';
import { winBackCells } from './lostSheetPlan';
import { cohortSheetCells } from './cohortSheetPlan';
import { uniqueSheetName } from './sheets';
import { userLanguage } from './language';
import { writeChurnSheet } from './sheetWriter';
import { spreadsheetTimeZone } from './timeZone';
import { adjustedChurnColumn } from '../functions/churnTableFunction';

/** The language of the person this run serves; set as each entry point starts. */
let language: Language = 'en';
const PREVIEW_ROWS = 5;
const LISTED_PROBLEMS = 5;
const LOCK_WAIT_MS = 5_000;

type Grid = unknown[][];
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const fail = (key: MessageKey, params: Record<string, string | number> = {}): never => {
  throw new UserError(language, key, params);
};

interface LoadedTable {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  sheetName: string;
  grid: Grid;
  location: TableLocation;
  timeZone: TimeZone;
  locale: string;
}

/**
 * Reads the whole sheet in one call and finds the table around `anchor` (0-based grid cell);
 * the locale is only asked for when dates are written as text.
 */
function loadTable(spreadsheet: Spreadsheet, sheetName: string, anchor?: GridCell): LoadedTable {
  const sheet = spreadsheet.getSheetByName(sheetName);
  if (!sheet) return fail('wizard.noSheet', { name: sheetName });
  const grid = sheet.getDataRange().getValues() as Grid;
  const timeZone = spreadsheetTimeZone(spreadsheet.getSpreadsheetTimeZone(), language);
  return {
    sheet,
    sheetName,
    grid,
    // Dates in the header are shown as the spreadsheet's calendar day.
    location: locateTable(grid, anchor, timeZone),
    timeZone,
    locale: '',
  };
}

function hasText(grid: Grid, column: number | null): boolean {
  if (column === null) return false;
  for (let r = 0; r < grid.length; r++) if (typeof grid[r][column] === 'string' && grid[r][column] !== '') return true;
  return false;
}

function readWithMapping(spreadsheet: Spreadsheet, loaded: LoadedTable, mapping: ColumnMapping): CustomerTable {
  const rows = loaded.grid.slice(loaded.location.headerIndex + 1, loaded.location.headerIndex + 1 + loaded.location.rowCount);
  const absolute = (index: number | null) => (index === null ? null : loaded.location.firstColumn + index);
  const textColumns = [mapping.start, mapping.end, mapping.amount].map(absolute);
  if (!loaded.locale && textColumns.some((column) => hasText(rows, column))) {
    loaded.locale = spreadsheet.getSpreadsheetLocale();
  }
  const offset = loaded.location.firstColumn;
  const column = (index: number | null) => (index === null ? undefined : { rows, index: offset + index });
  return readCustomerTable(
    { start: column(mapping.start)!, end: column(mapping.end), ids: column(mapping.id), amounts: column(mapping.amount), segments: column(mapping.segment) },
    {
      timeZone: loaded.timeZone,
      localeOrder: dateOrderOfLocale(loaded.locale || undefined),
      monthNames: monthNamesOf(loaded.locale || undefined),
      firstRowNumber: loaded.location.headerIndex + 2,
      decimalSeparator: decimalSeparatorOfLocale(loaded.locale || undefined),
    },
  );
}

/** The sheet as an export is read from it; an export's texts are read in the spreadsheet locale's way. */
function exportSource(spreadsheet: Spreadsheet, loaded: LoadedTable): ExportSource {
  if (!loaded.locale) loaded.locale = spreadsheet.getSpreadsheetLocale();
  return loaded;
}

/** A recognised export's rows for a build; stops when the choices leave it unreadable (several currencies, plans without an interval). */
function exportTable(spreadsheet: Spreadsheet, loaded: LoadedTable, recognised: RecognisedExport, choices: ExportChoices): CustomerTable {
  const reading = readExport(exportSource(spreadsheet, loaded), recognised, choices);
  const blockers = exportBlockers(language, reading, choices);
  if (blockers.length > 0) fail('export.blocked', { reasons: blockers.join(' ') });
  return reading.table;
}

function validMapping(mapping: unknown, columnCount: number): ColumnMapping {
  if (typeof mapping !== 'object' || mapping === null) return fail('wizard.noStartColumn');
  const result = {} as ColumnMapping;
  for (const role of COLUMN_ROLES) {
    const value = (mapping as Record<string, unknown>)[role];
    if (value === null || value === undefined) result[role] = null;
    else if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < columnCount) result[role] = value;
    else fail('wizard.badColumn', { role: translate(language, `wizard.role.${role}` as MessageKey), count: columnCount });
  }
  if (result.start === null) fail('wizard.noStartColumn');
  if (result.end !== null && result.end === result.start) fail('wizard.sameColumn');
  return result;
}

const ORDER_KEYS: Record<DateOrder, MessageKey> = { DMY: 'wizard.dateOrder.DMY', MDY: 'wizard.dateOrder.MDY', YMD: 'wizard.dateOrder.YMD' };
const roleName = (role: ColumnRole) => translate(language, `wizard.role.${role}` as MessageKey);

/** Problems that leave a row out of the engine's counts while its start date would still match COUNTIFS. */
const MISCOUNTED_PROBLEMS = new Set<MessageKey>(['row.endNotDate', 'row.endBeforeStart', 'row.dateOutOfRange', 'row.amountMissing', 'row.amountNotNumber', 'row.amountNegative', 'row.amountTooLarge']);

/**
 * Segment cells that COUNTIFS, given the segment's name as its criterion, would not match the
 * way the engine does: blanks, spaces at the ends, wildcards (* ? ~), comparison signs at the
 * start, numbers or number-like text (a criterion "5" also matches the number 5), and text that
 * reads as a boolean or a date.
 */
function segmentFormulaBlockers(loaded: LoadedTable, mapping: ColumnMapping): string[] {
  if (mapping.segment === null) return [];
  const { grid, location } = loaded;
  const column = location.firstColumn + mapping.segment;
  const first = location.headerIndex + 1;
  const dateText = new DateReader(loaded.timeZone, 'DMY', monthNamesOf(loaded.locale || undefined));
  for (let r = first; r <= first + location.rowCount - 1; r++) {
    const cell = grid[r][column];
    if (isBlankCell(cell)) {
      // A wholly blank row is no customer at all.
      if (!isBlankCell(grid[r][location.firstColumn + mapping.start!])) return [translate(language, 'wizard.blocker.blankSegment', { row: r + 1 })];
      continue;
    }
    const text = cell instanceof Date ? '' : String(cell);
    // A criterion that reads as a boolean or a date (TRUE, 2024-01-31) is compared as one, not as the text.
    const risky =
      typeof cell !== 'string' ||
      text !== text.trim() ||
      /[*?~]/.test(text) ||
      /^[=<>]/.test(text) ||
      /^(true|false)$/i.test(text) ||
      parseNumberText(text) !== undefined ||
      dateText.read(text).kind === 'day';
    if (risky) return [translate(language, 'wizard.blocker.segment', { value: String(cell), row: r + 1 })];
  }
  return [];
}

/** Reasons why COUNTIFS formulas would count this table differently from the engine. */
function liveFormulaBlockers(loaded: LoadedTable, mapping: ColumnMapping, table: CustomerTable): string[] {
  const reasons: string[] = [];
  const { grid, location } = loaded;
  const first = location.headerIndex + 1;
  const textReader = new DateReader(loaded.timeZone, 'DMY', monthNamesOf(loaded.locale || undefined));
  for (const role of ['start', 'end'] as const) {
    if (mapping[role] === null) continue;
    const column = location.firstColumn + mapping[role]!;
    for (let r = first; r <= first + location.rowCount - 1; r++) {
      const cell = grid[r][column];
      if (typeof cell === 'string' && cell.trim() !== '' && textReader.read(cell).kind === 'day') {
        reasons.push(translate(language, 'wizard.blocker.textDates', { role: roleName(role), row: r + 1, value: cell }));
        break;
      }
    }
  }
  // SUMIFS adds numbers only; the engine also reads amounts written as text.
  if (mapping.amount !== null) {
    const column = location.firstColumn + mapping.amount;
    for (let r = first; r <= first + location.rowCount - 1; r++) {
      const cell = grid[r][column];
      if (typeof cell === 'string' && cell.trim() !== '') {
        reasons.push(translate(language, 'wizard.blocker.textAmounts', { row: r + 1, value: cell }));
        break;
      }
    }
  }
  // Rows the engine leaves out but COUNTIFS would still count somewhere.
  const miscounted = table.problems.filter((p) => MISCOUNTED_PROBLEMS.has(p.key));
  if (miscounted.length > 0) {
    reasons.push(
      translate(language, 'wizard.blocker.rows', {
        count: miscounted.length,
        first: miscounted.slice(0, 3).map((p) => translate(language, p.key, p.params)).join(' '),
      }),
    );
  }
  if (mapping.id !== null) {
    const seen = new Map<string, number>();
    for (let r = first; r <= first + location.rowCount - 1; r++) {
      const id = String(grid[r][location.firstColumn + mapping.id] ?? '').trim();
      if (!id) continue;
      const earlier = seen.get(id);
      if (earlier !== undefined) {
        reasons.push(translate(language, 'wizard.blocker.repeatedIds', { id, rows: `${earlier + 1}, ${r + 1}` }));
        break;
      }
      seen.set(id, r);
    }
  }
  return reasons;
}

function previewRows(loaded: LoadedTable, mapping: ColumnMapping, table: CustomerTable): PreviewRow[] {
  const orderOf = (role: 'start' | 'end') => table.dateOrders.find((o) => o.column === role)?.order ?? 'DMY';
  const names = monthNamesOf(loaded.locale || undefined);
  const readers = { start: new DateReader(loaded.timeZone, orderOf('start'), names), end: new DateReader(loaded.timeZone, orderOf('end'), names) };
  const shown = (role: 'start' | 'end', cell: unknown) => {
    const reading = readers[role].read(cell);
    return reading.kind === 'day' ? isoFromDay(reading.day) : reading.kind === 'blank' ? '' : `? ${String(cell)}`;
  };
  const offset = loaded.location.firstColumn;
  const text = (index: number | null, row: unknown[]) => (index === null ? '' : String(row[offset + index] ?? ''));
  const first = loaded.location.headerIndex + 1;
  return loaded.grid.slice(first, first + Math.min(PREVIEW_ROWS, loaded.location.rowCount)).map((row, i) => ({
    row: first + i + 1,
    start: shown('start', row[offset + mapping.start!]),
    end: mapping.end === null ? '' : shown('end', row[offset + mapping.end]),
    id: text(mapping.id, row),
    amount: text(mapping.amount, row),
    segment: text(mapping.segment, row),
  }));
}

function problemTexts(table: CustomerTable): string[] {
  return table.problems.slice(0, LISTED_PROBLEMS).map((p) => translate(language, p.key, p.params));
}

export function wizardInspect(sheetName: string | null, mapping: ColumnMapping | null, exportChoices?: ExportChoices | null): TableInspection {
  language = userLanguage();
  if (sheetName !== null && typeof sheetName !== 'string') fail('wizard.noSheet', { name: String(sheetName) });
  const spreadsheet = SpreadsheetApp.getActive();
  const activeSheet = spreadsheet.getActiveSheet();
  const active = activeSheet.getName();
  const sheets = spreadsheet.getSheets().map((sheet) => sheet.getName());
  // On the active sheet, the table around the selection; on another sheet, its first table.
  let anchor: GridCell | undefined;
  if (sheetName === null || sheetName === active) {
    const selection = spreadsheet.getActiveRange();
    if (selection) anchor = { row: selection.getRow() - 1, col: selection.getColumn() - 1 };
  }
  const loaded = loadTable(spreadsheet, sheetName ?? active, anchor);
  const { location } = loaded;
  const base: TableInspection = {
    sheets: sheets.map((name) => ({ name, active: name === active })),
    sheetName: loaded.sheetName,
    headerRow: location.headerIndex + 1,
    firstColumn: location.firstColumn + 1,
    rowCount: location.rowCount,
    headers: location.headers,
    mapping: { start: null, end: null, id: null, amount: null, segment: null },
    preview: [],
    problemCount: 0,
    problems: [],
    dateNotes: [],
    liveFormulaBlockers: [],
    segmentFormulaBlockers: [],
    span: null,
    billingExport: null,
  };
  if (location.headerIndex < 0) return base;
  // A billing system's export is read by its own rules, whatever columns are chosen.
  const recognised = recogniseExport(location.headers);
  if (recognised) {
    const choices = validExportChoices(exportChoices, language);
    const reading = readExport(exportSource(spreadsheet, loaded), recognised, choices);
    const { table } = reading;
    base.mapping = exportMapping(recognised);
    base.billingExport = inspectExport(language, recognised, reading, choices);
    base.preview = exportPreview(reading, PREVIEW_ROWS);
    base.problemCount = table.problemCount;
    base.problems = problemTexts(table);
    base.liveFormulaBlockers = [valuesOnlyReason(language, recognised)];
    base.span = table.span ? { first: isoFromDay(table.span.firstDay), last: isoFromDay(table.span.lastDay) } : null;
    return base;
  }
  const chosen = mapping === null ? detectColumns(location.headers) : validMapping(mapping, location.headers.length);
  base.mapping = chosen;
  if (chosen.start === null) return base;

  const table = readWithMapping(spreadsheet, loaded, chosen);
  base.preview = previewRows(loaded, chosen, table);
  base.problemCount = table.problemCount;
  base.problems = problemTexts(table);
  base.dateNotes = table.dateOrders.map((report) =>
    translate(language, 'wizard.dateOrder', {
      role: roleName(report.column),
      order: translate(language, ORDER_KEYS[report.order]),
      why: report.fromLocale ? translate(language, 'wizard.dateOrder.fromLocale') : '',
    }),
  );
  base.liveFormulaBlockers = liveFormulaBlockers(loaded, chosen, table);
  base.segmentFormulaBlockers = segmentFormulaBlockers(loaded, chosen);
  base.span = table.span ? { first: isoFromDay(table.span.firstDay), last: isoFromDay(table.span.lastDay) } : null;
  return base;
}

function parseIsoDay(which: string, value: unknown): number | undefined {
  if (value === '' || value === null || value === undefined) return undefined;
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  const day = match ? validDayFromCivil(+match[1], +match[2], +match[3]) : undefined;
  return day ?? fail('wizard.badDate', { which, value: String(value) });
}

/** How far the first and last period may reach beyond the table's own dates. */
const YEARS_BEYOND_TABLE = 10;
/**
 * The most rows a churn sheet is built with (all blocks together): well within what Sheets
 * holds, and few enough that its live formulas still recompute in reasonable time.
 */
const MAX_CHURN_SHEET_ROWS = 50_000;

const yearsAfter = (day: number, years: number) => {
  const { year, month, day: date } = civilFromDay(day);
  return dayFromCivil(year + years, month, date);
};

/**
 * The window of periods the sheet covers, checked before anything is written: each of the first
 * and last period within YEARS_BEYOND_TABLE years of the table's dates (and in the years dates
 * are read in), and the sheets it makes within MAX_CHURN_SHEET_ROWS rows and Sheets' cells.
 */
function checkedWindow(request: BuildRequest, span: { firstDay: number; lastDay: number }, firstDay: number | undefined, lastDay: number | undefined, segments: number) {
  const earliest = Math.max(MIN_DAY, yearsAfter(span.firstDay, -YEARS_BEYOND_TABLE));
  const latest = Math.min(MAX_DAY, yearsAfter(span.lastDay, YEARS_BEYOND_TABLE));
  const fields = { first: translate(language, 'ui.firstPeriod'), last: translate(language, 'ui.lastPeriod') };
  for (const [field, day, value] of [[fields.first, firstDay, request.firstPeriod], [fields.last, lastDay, request.lastPeriod]] as const) {
    if (day !== undefined && (day < earliest || day > latest)) {
      fail('wizard.periodOutOfReach', {
        field,
        value: String(value),
        first: isoFromDay(span.firstDay),
        last: isoFromDay(span.lastDay),
        earliest: isoFromDay(earliest),
        latest: isoFromDay(latest),
        years: YEARS_BEYOND_TABLE,
      });
    }
  }
  const window = { firstDay: firstDay ?? span.firstDay, lastDay: lastDay ?? span.lastDay };
  const kind = request.period as PeriodKind;
  const periods = periodKeyOfDay(kind, window.lastDay) - periodKeyOfDay(kind, window.firstDay) + 1;
  // One bound given and past the table's other end: the periods would run backwards.
  if (periods < 1) {
    const dates = { first: isoFromDay(window.firstDay), last: isoFromDay(window.lastDay) };
    fail(lastDay === undefined ? 'wizard.firstAfterTable' : firstDay === undefined ? 'wizard.lastBeforeTable' : 'wizard.badRange', dates);
  }
  // The header, the total's periods, and per segment a blank row, its title and its periods.
  const rows = 1 + periods + segments * (periods + 2);
  if (rows > MAX_CHURN_SHEET_ROWS) fail('wizard.tooManyRows', { rows, max: MAX_CHURN_SHEET_ROWS, ...fields });
  if (request.cohorts === true && cohortSheetCells(periods) > SPREADSHEET_CELLS) {
    fail('wizard.tooManyCells', { cells: cohortSheetCells(periods), max: SPREADSHEET_CELLS, ...fields });
  }
  // The win-back table covers the table's own periods, whatever the window.
  const tablePeriods = periodKeyOfDay(kind, span.lastDay) - periodKeyOfDay(kind, span.firstDay) + 1;
  if (request.winBack === true && winBackCells(tablePeriods) > SPREADSHEET_CELLS) {
    fail('wizard.winBackTooLarge', { periods: tablePeriods, cells: winBackCells(tablePeriods), max: SPREADSHEET_CELLS });
  }
  return window;
}

export function wizardBuild(request: BuildRequest): BuildSummary {
  language = userLanguage();
  // Everything about the request is checked before the spreadsheet is touched.
  if (typeof request !== 'object' || request === null) return fail('wizard.noStartColumn');
  if (typeof request.sheetName !== 'string') fail('wizard.noSheet', { name: String(request.sheetName) });
  for (const position of [request.headerRow, request.firstColumn]) {
    if (typeof position !== 'number' || !Number.isInteger(position) || position < 0) fail('wizard.badPosition');
  }
  if (typeof request.period !== 'string' || !isPeriodKind(request.period)) fail('wizard.badPeriod');
  if (request.output !== 'formulas' && request.output !== 'values') fail('wizard.badOutput');
  const method: AdjustedMethod = request.method ?? 'start';
  if (typeof method !== 'string' || !isAdjustedMethod(method)) fail('wizard.badMethod', { value: String(method) });
  // Daily churn sums each day's rate from the customers' dates: no COUNTIFS on a period gives it.
  if (method === 'daily' && request.output === 'formulas') fail('wizard.dailyNeedsValues');
  for (const flag of [request.chart, request.cohorts, request.segments, request.winBack]) {
    if (flag !== undefined && typeof flag !== 'boolean') fail('wizard.badOption');
  }
  const profit = request.profitPerCustomer;
  if (profit !== null && profit !== undefined && (typeof profit !== 'number' || !Number.isFinite(profit) || profit < 0)) fail('wizard.badProfit');
  const firstDay = parseIsoDay(translate(language, 'ui.firstPeriod'), request.firstPeriod);
  const lastDay = parseIsoDay(translate(language, 'ui.lastPeriod'), request.lastPeriod);
  const exportChoices = validExportChoices(request.billingExport, language);
  if (firstDay !== undefined && lastDay !== undefined && firstDay > lastDay) {
    fail('wizard.badRange', { first: request.firstPeriod, last: request.lastPeriod });
  }

  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) fail('wizard.busy');
  try {
    const spreadsheet = SpreadsheetApp.getActive();
    const anchor = request.headerRow > 0 && request.firstColumn > 0 ? { row: request.headerRow - 1, col: request.firstColumn - 1 } : undefined;
    const loaded = loadTable(spreadsheet, request.sheetName, anchor);
    if (loaded.location.headerIndex < 0) fail('wizard.emptySheet', { name: request.sheetName });
    const recognised = recogniseExport(loaded.location.headers);
    const mapping = recognised ? exportMapping(recognised) : validMapping(request.mapping, loaded.location.headers.length);
    const table = recognised ? exportTable(spreadsheet, loaded, recognised, exportChoices) : readWithMapping(spreadsheet, loaded, mapping);
    if (!table.span) fail('wizard.noUsableRows', { problems: problemTexts(table).join(' ') });
    const bySegment = request.segments === true;
    if (bySegment && mapping.segment === null) fail('wizard.noSegmentColumn');
    if (request.output === 'formulas') {
      const blockers = recognised ? [valuesOnlyReason(language, recognised)] : liveFormulaBlockers(loaded, mapping, table);
      if (bySegment) blockers.push(...segmentFormulaBlockers(loaded, mapping));
      if (blockers.length > 0) fail('wizard.liveBlocked', { reasons: blockers.join(' ') });
    }

    const span = table.span!;
    const parts = bySegment ? splitBySegment(table as CustomerTable & { segments: string[] }) : [];
    const window = checkedWindow(request, span, firstDay, lastDay, parts.length);
    const intervals = activityIntervals(table);
    const rows = computePeriodTable(intervals, request.period, span, window);
    const customerCount = intervals.customerCount;
    // Values by another method are CHURN_TABLE's own; live formulas compute them on the sheet.
    const adjustedOf = (of: typeof intervals, periods: typeof rows) =>
      method === 'start' || request.output !== 'values' ? undefined : adjustedChurnColumn(of, periods, method, request.period, span, window);
    // With an amount column, the revenue of the same periods goes beside the counts.
    const revenueOf = (part: CustomerTable) => (part.amounts ? buildRevenueTable(part as RevenueInput, request.period, window) : undefined);
    const blocks: PlanBlock[] = [{ title: null, rows, revenue: revenueOf(table), adjusted: adjustedOf(intervals, rows) }];
    if (bySegment) {
      // Each segment over the whole table's periods, so its block lines up with the total.
      for (const part of parts) {
        const title = part.blank ? translate(language, 'table.blankSegment') : part.name;
        const partIntervals = activityIntervals(part.table);
        const partRows = computePeriodTable(partIntervals, request.period, span, window);
        blocks.push({ title, rows: partRows, revenue: revenueOf(part.table), adjusted: adjustedOf(partIntervals, partRows) });
      }
    }
    const source: SourceColumns = {
      sheetName: loaded.sheetName,
      startColumn: loaded.location.firstColumn + mapping.start! + 1,
      endColumn: mapping.end === null ? null : loaded.location.firstColumn + mapping.end + 1,
      firstDataRow: loaded.location.headerIndex + 2,
      // Explicit bounds reach to the sheet's last row, so rows added below the table count too.
      lastRow: loaded.location.headerIndex === 0 ? loaded.grid.length : loaded.sheet.getMaxRows(),
      wholeColumns: loaded.location.headerIndex === 0,
      segmentColumn: bySegment ? loaded.location.firstColumn + mapping.segment! + 1 : null,
      amountColumn: mapping.amount === null ? null : loaded.location.firstColumn + mapping.amount + 1,
    };
    const plan = planChurnSheet({
      blocks,
      kind: request.period,
      output: request.output,
      source,
      profitPerCustomer: profit ?? null,
      language: language,
      method,
    });

    // A new sheet, never an existing one; it becomes the active sheet as it is inserted.
    const sheetName = uniqueSheetName(spreadsheet, plan.baseName);
    const sheet = spreadsheet.insertSheet(sheetName);
    let cohortSheetName: string | null = null;
    let lostSheetName: string | null = null;
    try {
      writeChurnSheet(sheet, plan, request.chart === true, language);
      if (request.cohorts === true) {
        cohortSheetName = addCohortSheet({ spreadsheet, churnSheet: sheet, table, kind: request.period, window, output: request.output, source, language });
      }
      if (request.winBack === true) {
        const { grid, location, timeZone } = loaded;
        lostSheetName = addLostSheet({ spreadsheet, churnSheet: sheet, table, grid, location, mapping, kind: request.period, timeZone, language });
      }
    } catch (error) {
      // No half-built sheet is left behind (the cohort and lost sheets remove themselves when they fail).
      if (cohortSheetName !== null) spreadsheet.deleteSheet(spreadsheet.getSheetByName(cohortSheetName)!);
      spreadsheet.deleteSheet(sheet);
      throw error;
    }
    return {
      sheetName,
      periods: rows.length,
      customers: customerCount,
      rowsRead: table.startDays.length,
      rowsSkipped: table.problemCount,
      problems: problemTexts(table),
      output: request.output,
      segments: blocks.length - 1,
      cohortSheetName,
      lostSheetName,
    };
  } finally {
    lock.releaseLock();
  }
}
