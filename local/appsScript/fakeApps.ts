/**
 * An in-memory stand-in for the Apps Script services the add-on uses, with a formula engine handed
 * in (HyperFormula through ./appsScript's createFakeApps, so formulas written into cells really
 * evaluate) or none (the command line: formulas keep results it gives them). Used by tests that
 * load dist/Code.js into a vm context with `globals`, by the local playground and the CLI.
 *
 *   const apps = createFakeApps({ timeZone: 'Pacific/Auckland', sheets: { Customers: rows } });
 *   const context = loadBundle(apps.globals);        // test/helpers/bundle.ts
 *   context.buildChurnSheet();
 *   expect(apps.values('Churn')).toEqual(...);
 *
 * What the fake promises (cell semantics, differences from Sheets) is in local/appsScript/README.md.
 *
 * Custom functions: HyperFormula registers function plugins globally and an engine only knows the
 * plugins registered before it was built. Register them first (registerCustomFunctions from
 * ./customFunctionPlugin, or HyperFormula.registerFunctionPlugin), or pass `functionPlugins`.
 *
 * Realms: a Date made by the fake is a Date of this module's realm. test/helpers/bundle.ts shares
 * the host Date with the vm context, so that is enough there; a context with its own Date can call
 * setRealm({ Date: vm.runInContext('Date', context), ... }) so getValues hands out its Dates.
 */
// Types only: the engine comes in through EngineSupport (./engine.ts for HyperFormula).
import type { ConfigParams, FunctionPluginDefinition, HyperFormula } from 'hyperformula';

/** Function-name translations by language, as HyperFormula.registerFunctionPlugin takes them. */
type FunctionTranslationsPackage = Parameters<typeof HyperFormula.registerFunctionPlugin>[1];
import { a1Of, parseA1, quoteSheetName, type Bounds } from './a1';
import {
  SheetExtras,
  type FakeChartInfo,
  type FakeConditionalFormatInfo,
  type FakeContext,
  type FakeDataValidationInfo,
  type FakeGradient,
  type FakeGradientPoint,
  type FakeMenu,
  type FakeMenuItem,
  type FakeUiRecord,
} from './context';
import { ServiceRegistry, type CallCounts } from './serviceProxy';
import {
  FakeCharts,
  FakeHtmlService,
  FakeLockService,
  FakeLogger,
  FakePropertiesService,
  FakeSession,
  FakeUi,
  FakeUtilities,
  LockSlot,
  recordingConsole,
  type LockKind,
} from './services';
import { FakeSpreadsheet, FakeSpreadsheetApp } from './spreadsheet';
import { Workbook, isDate, type EngineFactory, type Realm, type SheetData } from './workbook';

export type { FakeChartInfo, FakeConditionalFormatInfo, FakeDataValidationInfo, FakeGradient, FakeGradientPoint, FakeMenu, FakeMenuItem, FakeUiRecord, LockKind, Realm };

export interface FakeOptions {
  /** Spreadsheet time zone (Spreadsheet.getSpreadsheetTimeZone); dates are stored in it. Default 'Europe/Riga'. */
  timeZone?: string;
  /** Spreadsheet locale (Spreadsheet.getSpreadsheetLocale). Default 'en_US'. */
  locale?: string;
  /** Session.getScriptTimeZone(). Default 'America/New_York'. */
  scriptTimeZone?: string;
  /** Session.getActiveUserLocale(). Default 'en'. */
  userLocale?: string;
  /**
   * Initial sheets in order: name -> rows of values (Dates allowed; '=...' strings are formulas;
   * other strings stay text, as in a sheet whose cells hold text). A sheet's grid is the default
   * 1000 x 26 or as large as its rows. Default one empty 'Sheet1'.
   */
  sheets?: Record<string, unknown[][]>;
  /** Name of the active sheet. Default the first. */
  activeSheet?: string;
  /** Spreadsheet.getName(). Default 'Untitled spreadsheet'. */
  spreadsheetName?: string;
  /** Spreadsheet.getId(). Default 'fake-spreadsheet-id'. */
  spreadsheetId?: string;
  /** HyperFormula function plugins to register (globally, once) before the engine is built. */
  functionPlugins?: { plugin: FunctionPluginDefinition; translations?: FunctionTranslationsPackage }[];
  /** HyperFormula settings to override; the defaults match Sheets (see Workbook). */
  engineConfig?: Partial<ConfigParams>;
  /** Constructors of the add-on's realm for values handed out (Date, Array, Error). Default this realm's. */
  realm?: Partial<Realm>;
  /**
   * Push a sheet into the engine only when a formula the engine computes needs it (it holds such a
   * formula, or one names it). Default false: every sheet goes in with its writes.
   */
  lazyEngine?: boolean;
  /**
   * getValues hands every cell of one result that holds the same date the same Date object, for a
   * caller that never changes the Dates it reads (the command line's add-on). Default false.
   */
  shareDates?: boolean;
}

/** A lock slot as the test sees it: hold it from "another execution", release it, or look. */
export interface FakeLockControl {
  readonly held: boolean;
  hold(): void;
  release(): void;
}

/** Everything the fake knows about one cell (test helper). */
export interface FakeCellInfo {
  value: unknown;
  formula: string;
  numberFormat: string;
  note: string;
  fontWeight: string;
  fontColor: string | null;
  background: string | null;
  horizontalAlignment: string | null;
  wrap: boolean;
  wrapStrategy: string | null;
}

/** Sheet-level state (test helper). */
export interface FakeSheetInfo {
  index: number;
  sheetId: number;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  tabColor: string | null;
  hiddenColumns: number[];
  columnWidths: Record<number, number>;
  autoResizedColumns: number[];
  merges: string[];
  borders: { a1: string; top: boolean | null; left: boolean | null; bottom: boolean | null; right: boolean | null; color: string | null; style: string | null }[];
  protections: { type: 'RANGE' | 'SHEET'; a1: string | null; description: string; warningOnly: boolean; unprotected: string[] }[];
}

export interface FakeApps {
  /** SpreadsheetApp, Session, HtmlService, LockService, PropertiesService, Charts, Utilities, Logger, console. */
  globals: Record<string, unknown>;
  /** Calls of SpreadsheetApp, Spreadsheet, Sheet and Range methods ('Range.setValues': n). Helpers below do not count. */
  calls: CallCounts;
  resetCalls(): void;
  /** The engine behind the cells, with every sheet in it and every queued write applied (throws when the fake has none). */
  readonly hf: HyperFormula;
  /** The engine if it holds this sheet's cells, else null (a lazy engine holds what formulas need). */
  engineFor(sheetName: string): HyperFormula | null;
  /**
   * Gives the formula cells of `sheetName` the values of the cells at the same positions of
   * `resultSheet` as their results ('' where that cell is empty). With an engine too, those
   * formulas keep these results: the engine sees them as values, never evaluates them.
   */
  cacheFormulaResults(sheetName: string, resultSheet: string): void;
  /**
   * Runs `run` with the formulas it writes holding '' instead of going to the engine, until
   * cacheFormulaResults gives them results; those left without one go to the engine afterwards.
   */
  holdFormulas<T>(run: () => T): T;
  /**
   * Gives the engine the formulas holding given results that may depend on `sheetName` (on it, or
   * naming it), for after an edit of its cells: they are evaluated from then on.
   */
  releaseFormulaResults(sheetName: string): void;
  /**
   * Rows `row0` to `row0 + count - 1` (0-based) of the used area as stored: numbers (date cells as
   * their serial), text, booleans, formula results and error texts, '' for empty cells; and the
   * formulas, '' for other cells; the number formats set ('' where none), and the used area's
   * size. For writing files: no Dates are made.
   */
  rawRows(sheetName: string, row0: number, count: number): { values: unknown[][]; formulas: string[][]; formats: string[][]; lastRow: number; lastCol: number };
  /** Deletes a sheet (as Spreadsheet.deleteSheet, not counted). */
  removeSheet(sheetName: string): void;
  sheetNames(): string[];
  /** Values as getValues returns them, over the used area (A1 to last row/column); [] for an empty sheet. */
  values(sheetName: string): unknown[][];
  /** Texts as getDisplayValues returns them (simplified formatting), over the used area (or `count` of its rows from `row0`, 0-based). */
  displayValues(sheetName: string, row0?: number, count?: number): string[][];
  /** Formulas as written, '' for cells without one, over the used area (or `count` of its rows from `row0`). */
  formulas(sheetName: string, row0?: number, count?: number): string[][];
  /** Number formats set on cells, '' where none was set (getNumberFormats reports '0.###############' there), over the used area. */
  numberFormats(sheetName: string): string[][];
  /** Charts inserted with sheet.insertChart(builder.build()). */
  charts(sheetName: string): FakeChartInfo[];
  frozenRows(sheetName: string): number;
  /** Validation rules set with range.setDataValidation, with their A1 blocks. */
  dataValidations(sheetName: string): FakeDataValidationInfo[];
  /** Conditional format rules set with sheet.setConditionalFormatRules, in order: their A1 blocks and colour scale points. */
  conditionalFormats(sheetName: string): FakeConditionalFormatInfo[];
  /** One cell ('B2') with its value and formatting. */
  cell(sheetName: string, a1: string): FakeCellInfo;
  sheetInfo(sheetName: string): FakeSheetInfo;
  /** Named ranges: name -> 'Sheet'!A1:B2. */
  namedRanges(): Record<string, string>;
  /**
   * Puts rows at an A1 position without counting, as a loaded file or a test's setup would have
   * them: strings stay text ('=...' are formulas), Dates become dates. A missing sheet is created
   * with a grid large enough (like an imported file); on an existing sheet the rows must fit its grid.
   */
  setValues(sheetName: string, a1: string, rows: unknown[][]): void;
  /** Menus added to the UI, sidebars and dialogs shown, alerts, prompts and toasts; queue answers here. */
  ui: FakeUiRecord;
  userProperties: Map<string, string>;
  documentProperties: Map<string, string>;
  scriptProperties: Map<string, string>;
  /** Files served by HtmlService.createHtmlOutputFromFile / createTemplateFromFile (name with or without '.html'). */
  htmlFiles: Record<string, string>;
  locks: Record<LockKind, FakeLockControl>;
  /** Lines written with Logger.log and console.*. */
  logs: string[];
  /** Changes the constructors used for values handed to the add-on (see the top of this file). */
  setRealm(realm: Partial<Realm>): void;
  /** Changes what Session.getActiveUserLocale() answers from now on. */
  setUserLocale(locale: string): void;
}

const COUNTED_KINDS = ['SpreadsheetApp', 'Spreadsheet', 'Sheet', 'Range'];

/** Grows a sheet being set up so rows written at (row0, col0) fit in its grid. */
function fitRows(workbook: Workbook, sheet: SheetData, row0: number, col0: number, rows: readonly (readonly unknown[])[]): void {
  const width = rows.reduce((widest, row) => Math.max(widest, row.length), 0);
  workbook.fit(sheet, row0 + rows.length, col0 + width);
}

/** A formula engine for the fake: how to build one, and how to register function plugins with it. */
export interface EngineSupport {
  build: EngineFactory;
  registerPlugins(plugins: NonNullable<FakeOptions['functionPlugins']>): void;
}

/**
 * The fake with the given engine, or with none (`null`): formulas are then stored as written and
 * read as the results given with `cacheFormulaResults` ('' until then). createFakeApps (./appsScript)
 * is this with HyperFormula.
 */
export function createFakeAppsWith(options: FakeOptions, engine: EngineSupport | null): FakeApps {
  if (options.functionPlugins && options.functionPlugins.length > 0) {
    if (!engine) throw new Error('createFakeAppsWith: function plugins need a formula engine');
    engine.registerPlugins(options.functionPlugins);
  }
  const workbook = new Workbook({
    timeZone: options.timeZone ?? 'Europe/Riga',
    locale: options.locale ?? 'en_US',
    engineConfig: options.engineConfig,
    engine: engine ? engine.build : null,
    lazy: options.lazyEngine,
    shareDates: options.shareDates,
  });
  if (options.realm) workbook.realm = { ...workbook.realm, ...options.realm };
  const registry = new ServiceRegistry(COUNTED_KINDS);

  const initial = options.sheets ?? { Sheet1: [] };
  const names = Object.keys(initial);
  if (names.length === 0) throw new Error('createFakeApps: `sheets` needs at least one sheet');
  for (const name of names) {
    const sheet = workbook.addSheet(name);
    const rows = initial[name];
    fitRows(workbook, sheet, 0, 0, rows);
    if (rows.length > 0) workbook.write(sheet, 0, 0, rows);
  }
  const active = options.activeSheet === undefined ? workbook.sheets[0] : workbook.findSheet(options.activeSheet);
  if (!active) throw new Error(`createFakeApps: activeSheet "${options.activeSheet}" is not among the sheets (${names.join(', ')})`);

  const ui: FakeUiRecord = { menus: [], sidebars: [], dialogs: [], alerts: [], prompts: [], toasts: [], alertResponses: [], promptResponses: [] };
  const extrasBySheet = new Map<SheetData, SheetExtras>();
  const ctx: FakeContext = {
    workbook,
    registry,
    spreadsheetId: options.spreadsheetId ?? 'fake-spreadsheet-id',
    spreadsheetName: options.spreadsheetName ?? 'Untitled spreadsheet',
    activeSheet: active,
    namedRanges: new Map(),
    ui,
    nextChartId: 1,
    extras(sheet) {
      let extras = extrasBySheet.get(sheet);
      if (!extras) extrasBySheet.set(sheet, (extras = new SheetExtras()));
      return extras;
    },
    // Called only after `spreadsheet` below exists (the Spreadsheet owns the Sheet objects).
    sheetObject: (sheet) => spreadsheet.sheetObject(sheet),
    fail(message): never {
      throw new workbook.realm.Error(message);
    },
  };
  const spreadsheet = registry.register('Spreadsheet', new FakeSpreadsheet(ctx));

  const userProperties = new Map<string, string>();
  const documentProperties = new Map<string, string>();
  const scriptProperties = new Map<string, string>();
  const htmlFiles: Record<string, string> = {};
  const logs: string[] = [];
  const slots: Record<LockKind, LockSlot> = { document: new LockSlot(), script: new LockSlot(), user: new LockSlot() };

  const fakeUi = registry.register('Ui', new FakeUi(ctx));
  const session = new FakeSession(ctx, options.scriptTimeZone ?? 'America/New_York', options.userLocale ?? 'en');
  const globals: Record<string, unknown> = {
    SpreadsheetApp: registry.expose(registry.register('SpreadsheetApp', new FakeSpreadsheetApp(ctx, spreadsheet, fakeUi))),
    Session: registry.expose(registry.register('Session', session)),
    HtmlService: registry.expose(registry.register('HtmlService', new FakeHtmlService(ctx, htmlFiles))),
    LockService: registry.expose(registry.register('LockService', new FakeLockService(ctx, slots))),
    PropertiesService: registry.expose(
      registry.register('PropertiesService', new FakePropertiesService(ctx, { user: userProperties, document: documentProperties, script: scriptProperties })),
    ),
    Charts: registry.expose(registry.register('Charts', new FakeCharts())),
    Utilities: registry.expose(registry.register('Utilities', new FakeUtilities(ctx))),
    Logger: registry.expose(registry.register('Logger', new FakeLogger(logs))),
    console: { ...recordingConsole(logs), time: () => {}, timeEnd: () => {} },
  };

  /** Helpers look sheets up by exact name and say which exist when one does not. */
  const sheetNamed = (name: string): SheetData => {
    const sheet = workbook.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`No sheet named "${name}" (sheets: ${workbook.sheets.map((s) => s.name).join(', ')})`);
    return sheet;
  };
  const usedArea = (sheet: SheetData, row0 = 0, count = Infinity): Bounds | undefined => {
    const { lastRow, lastCol } = workbook.usedSize(sheet);
    const numRows = Math.min(count, lastRow - row0);
    return numRows <= 0 || lastCol === 0 ? undefined : { row: row0 + 1, col: 1, numRows, numCols: lastCol };
  };
  const lockControl = (slot: LockSlot): FakeLockControl => ({
    get held() {
      return slot.holder !== null;
    },
    hold() {
      slot.holder = 'outside';
    },
    release() {
      slot.holder = null;
    },
  });

  return {
    globals,
    calls: registry.calls,
    resetCalls: () => registry.resetCalls(),
    get hf() {
      return workbook.hf;
    },
    engineFor: (sheetName) => workbook.engineWith(sheetNamed(sheetName)),
    holdFormulas: (run) => workbook.holdFormulas(run),
    releaseFormulaResults: (sheetName) => workbook.releaseResults(sheetNamed(sheetName)),
    cacheFormulaResults(sheetName, resultSheet) {
      const sheet = sheetNamed(sheetName);
      const source = sheetNamed(resultSheet);
      const results: (number | string | boolean)[][] = sheet.rows.map((row, r) =>
        (row ?? []).map((_, c) => {
          const stored = source.cell(r, c);
          return typeof stored === 'number' || typeof stored === 'string' || typeof stored === 'boolean' ? stored : '';
        }),
      );
      workbook.cacheResults(sheet, 0, 0, results);
    },
    rawRows(sheetName, row0, count) {
      const sheet = sheetNamed(sheetName);
      const { lastRow, lastCol } = workbook.usedSize(sheet);
      const numRows = Math.max(0, Math.min(count, lastRow - row0));
      if (numRows === 0 || lastCol === 0) return { values: [], formulas: [], formats: [], lastRow, lastCol };
      const bounds = { row: row0 + 1, col: 1, numRows, numCols: lastCol };
      const formulas = workbook.formulas(sheet, bounds);
      const formats = workbook.numberFormats(sheet, bounds, '');
      if (sheet.formulaKeys.size === 0) {
        const values = [];
        for (let i = 0; i < numRows; i++) {
          const row = sheet.rows[row0 + i] ?? [];
          const out = new Array<unknown>(lastCol);
          for (let j = 0; j < lastCol; j++) out[j] = row[j] ?? '';
          values.push(out);
        }
        return { values, formulas, formats, lastRow, lastCol };
      }
      const values = workbook.values(sheet, bounds).map((row) => row.map((v) => (isDate(v) ? workbook.clock.serialOf(v.getTime()) : v)));
      return { values, formulas, formats, lastRow, lastCol };
    },
    removeSheet(sheetName) {
      const sheet = sheetNamed(sheetName);
      if (ctx.activeSheet === sheet) ctx.activeSheet = workbook.sheets.find((s) => s !== sheet) ?? sheet;
      extrasBySheet.delete(sheet);
      workbook.removeSheet(sheet);
    },
    sheetNames: () => workbook.sheets.map((s) => s.name),
    values(sheetName) {
      const sheet = sheetNamed(sheetName);
      const area = usedArea(sheet);
      return area ? workbook.values(sheet, area) : [];
    },
    displayValues(sheetName, row0, count) {
      const sheet = sheetNamed(sheetName);
      const area = usedArea(sheet, row0, count);
      return area ? workbook.displayValues(sheet, area) : [];
    },
    formulas(sheetName, row0, count) {
      const sheet = sheetNamed(sheetName);
      const area = usedArea(sheet, row0, count);
      return area ? workbook.formulas(sheet, area) : [];
    },
    numberFormats(sheetName) {
      const sheet = sheetNamed(sheetName);
      const area = usedArea(sheet);
      return area ? workbook.numberFormats(sheet, area, '') : [];
    },
    charts: (sheetName) => structuredClone(ctx.extras(sheetNamed(sheetName)).charts),
    frozenRows: (sheetName) => ctx.extras(sheetNamed(sheetName)).frozenRows,
    dataValidations: (sheetName) =>
      ctx.extras(sheetNamed(sheetName)).validations.map(({ bounds, rule }) => ({ a1: a1Of(bounds), ...rule, args: structuredClone(rule.args) })),
    conditionalFormats: (sheetName) =>
      ctx.extras(sheetNamed(sheetName)).conditionalFormats.map(({ ranges, gradient }) => ({ ranges: ranges.map(a1Of), gradient: structuredClone(gradient) })),
    cell(sheetName, a1) {
      const sheet = sheetNamed(sheetName);
      const parsed = parseA1(a1, () => ({ rows: sheet.maxRows, cols: sheet.maxColumns }));
      if (!parsed || parsed.bounds.numRows !== 1 || parsed.bounds.numCols !== 1) throw new Error(`cell(): "${a1}" is not one cell`);
      const b = parsed.bounds;
      const prop = (name: string, fallback: unknown) => workbook.props(sheet, name, b, fallback)[0][0];
      return {
        value: workbook.values(sheet, b)[0][0],
        formula: workbook.formulas(sheet, b)[0][0],
        numberFormat: prop('numberFormat', '') as string,
        note: prop('note', '') as string,
        fontWeight: prop('fontWeight', 'normal') as string,
        fontColor: prop('fontColor', null) as string | null,
        background: prop('background', null) as string | null,
        horizontalAlignment: prop('horizontalAlignment', null) as string | null,
        wrap: prop('wrap', false) as boolean,
        wrapStrategy: prop('wrapStrategy', null) as string | null,
      };
    },
    sheetInfo(sheetName) {
      const sheet = sheetNamed(sheetName);
      const extras = ctx.extras(sheet);
      return {
        index: workbook.sheets.indexOf(sheet) + 1,
        sheetId: sheet.gid,
        maxRows: sheet.maxRows,
        maxColumns: sheet.maxColumns,
        frozenRows: extras.frozenRows,
        frozenColumns: extras.frozenColumns,
        tabColor: extras.tabColor,
        hiddenColumns: [...extras.hiddenColumns].sort((a, b) => a - b),
        columnWidths: Object.fromEntries(extras.columnWidths),
        autoResizedColumns: [...extras.autoResized],
        merges: extras.merges.map(a1Of),
        borders: extras.borders.map(({ a1, top, left, bottom, right, color, style }) => ({ a1, top, left, bottom, right, color, style })),
        protections: extras.protections
          .filter((p) => !p.removed)
          .map((p) => ({
            type: p.type,
            a1: p.bounds && a1Of(p.bounds),
            description: p.description,
            warningOnly: p.warningOnly,
            unprotected: p.unprotected.map((u) => `${quoteSheetName(u.sheet.name)}!${a1Of(u.bounds)}`),
          })),
      };
    },
    namedRanges: () =>
      Object.fromEntries([...ctx.namedRanges].map(([name, { sheet, bounds }]) => [name, `${quoteSheetName(sheet.name)}!${a1Of(bounds)}`])),
    setValues(sheetName, a1, rows) {
      const existing = workbook.sheets.find((s) => s.name === sheetName);
      const sheet = existing ?? workbook.addSheet(sheetName);
      const parsed = parseA1(a1, () => ({ rows: sheet.maxRows, cols: sheet.maxColumns }));
      if (!parsed) throw new Error(`setValues(): "${a1}" is not A1 notation`);
      if (!existing) fitRows(workbook, sheet, parsed.bounds.row - 1, parsed.bounds.col - 1, rows);
      workbook.write(sheet, parsed.bounds.row - 1, parsed.bounds.col - 1, rows);
    },
    ui,
    userProperties,
    documentProperties,
    scriptProperties,
    htmlFiles,
    locks: { document: lockControl(slots.document), script: lockControl(slots.script), user: lockControl(slots.user) },
    logs,
    setUserLocale(locale) {
      session.userLocale = locale;
    },
    setRealm(realm) {
      workbook.realm = { ...workbook.realm, ...realm };
    },
  };
}
