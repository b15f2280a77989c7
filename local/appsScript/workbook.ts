/**
 * The spreadsheet model behind the Apps Script fake: sheets of cells, per-cell formats, and the
 * HyperFormula engine that evaluates formulas.
 *
 * HyperFormula needs ~20-40 microseconds per written cell, so writing 200,000 x 5 values straight
 * into it takes several seconds. Cells therefore live in a plain grid (what setValues wrote, with
 * formulas as their text); a write only records which block changed, and the engine gets the
 * grid's current content of the changed blocks in one batch when something needs a computed
 * value: reading a sheet that holds formulas, or the `hf` getter. A sheet without formulas is
 * read straight from the grid and never waits for the engine.
 */
// Types only: the engine is handed in (see WorkbookOptions.engine), so code that runs without one
// (the command line writes formulas with results it already knows) never loads HyperFormula.
import type { CellValue, ConfigParams, DetailedCellError, HyperFormula, RawCellContent } from 'hyperformula';
import { MAX_COLUMNS, columnLetters, quoteSheetName, type Bounds } from './a1';
import { closeOpenEndedRanges, hasOpenEndedRange, shiftFormula } from './formulaText';
import { AUTOMATIC_FORMAT, displayText, isDateTimeFormat } from './numberFormat';
import { matchCriteriaAsSheets } from './sheetsCriteria';
import { takeStaleSpills } from './spillSizes';
import { parseTypedText, typingLocale, type TypingLocale } from './typedText';
import { wallClockOfSerial, zoneClock, type ZoneClock } from './zonedTime';

/**
 * A formula cell as written (with its leading '='); the engine holds its value. Without an engine,
 * `cached` is its result as given by whoever wrote it (see Workbook.cacheResults).
 */
export class FormulaCell {
  cached: number | string | boolean | undefined;
  constructor(readonly text: string) {}
}

/** What the grid holds per cell; undefined is an empty cell. */
export type StoredCell = number | string | boolean | FormulaCell | undefined;

/** Constructors of the JavaScript realm the add-on runs in (a vm context has its own Date and Array). */
export interface Realm {
  Date: DateConstructor;
  Array: ArrayConstructor;
  Error: ErrorConstructor;
}

// Hot loops use module bindings, not globals: under jest the code runs in a vm context, where each
// global lookup (Number, Object, Math) goes through a slow interceptor.
const isFiniteNumber = Number.isFinite;
const isInteger = Number.isInteger;
const objectToString = Object.prototype.toString;
const floor = Math.floor;
const max = Math.max;
const round = Math.round;

export const DEFAULT_MAX_ROWS = 1000;
export const DEFAULT_MAX_COLUMNS = 26;
/** Number format given to a cell that receives a Date and has no format yet. */
export const DATE_FORMAT = 'yyyy-mm-dd';
export const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';

/** Numeric key of a 0-based cell position, for the per-cell property maps. */
export const cellKey = (row0: number, col0: number): number => row0 * MAX_COLUMNS + col0;

/** One sheet's cells and sheet-level state. Positions are 0-based here; the Apps Script layer converts. */
export class SheetData {
  name: string;
  readonly gid: number;
  hfId: number;
  /** rows[r][c]; rows and cells may be missing (sparse). */
  rows: StoredCell[][] = [];
  /** Cell keys of formula cells; a sheet without formulas is read without the engine. */
  readonly formulaKeys = new Set<number>();
  /**
   * Keys of the formula cells that carry their result (FormulaCell.cached, given or held): the
   * engine gets that result as a value, so a sheet whose formulas all carry one needs no engine.
   */
  readonly cachedKeys = new Set<number>();
  /** Whether the engine has this sheet's cells (a lazy workbook pushes a sheet when a formula needs it). */
  inEngine = true;
  /** Per-cell properties (numberFormat, note, fontWeight, ...) by property name, then cell key. */
  readonly props = new Map<string, Map<number, unknown>>();
  maxRows = DEFAULT_MAX_ROWS;
  maxColumns = DEFAULT_MAX_COLUMNS;
  /** Bumped on every change of the sheet's cells (for the used-area cache). */
  version = 0;
  usedCache: { version: number; lastRow: number; lastCol: number } | undefined;

  constructor(name: string, gid: number, hfId: number) {
    this.name = name;
    this.gid = gid;
    this.hfId = hfId;
  }

  cell(row0: number, col0: number): StoredCell {
    return this.rows[row0]?.[col0];
  }

  propMap(name: string): Map<number, unknown> {
    let map = this.props.get(name);
    if (!map) {
      map = new Map();
      this.props.set(name, map);
    }
    return map;
  }
}

/** A block whose grid content the engine has not seen yet (0-based). */
interface PendingBlock {
  sheet: SheetData;
  row0: number;
  col0: number;
  numRows: number;
  numCols: number;
}

/** Sheets shows a few engine errors under other names. */
const ERROR_TEXT: Record<string, string> = {
  '#CYCLE!': '#REF!', // circular dependency
  '#SPILL!': '#REF!', // "Array result was not expanded because it would overwrite data"
  '#LIC!': '#ERROR!',
};

export function errorText(error: DetailedCellError): string {
  return ERROR_TEXT[error.value] ?? error.value;
}

/** The engine's values are numbers, strings, booleans, null or DetailedCellError: every object is an error. */
function isEngineError(value: unknown): value is DetailedCellError {
  return typeof value === 'object' && value !== null;
}

/** HyperFormula's CellValueDetailedType names of date and time results. */
const DATE_TYPES = new Set<string>(['NUMBER_DATE', 'NUMBER_DATETIME', 'NUMBER_TIME']);

/** Builds the formula engine with the workbook's settings (HyperFormula.buildEmpty in local/appsScript/engine.ts). */
export type EngineFactory = (config: Partial<ConfigParams>) => HyperFormula;

export interface WorkbookOptions {
  timeZone: string;
  locale: string;
  engineConfig?: Partial<ConfigParams>;
  /**
   * The formula engine; null for none: formulas are then stored as written and read as the
   * results given with cacheResults ('' until then), as a file's saved results are.
   */
  engine: EngineFactory | null;
  /**
   * Push a sheet's cells into the engine only when a formula needs them: the sheet holds formulas
   * the engine computes, or such a formula names it (`'Sheet'!A1`, a named range on it). A large
   * table that no formula reads then costs the engine nothing.
   */
  lazy?: boolean;
  /**
   * One Date per distinct date and time in each getValues result, handed to every cell that holds
   * it, instead of one per cell: for a caller that never changes the Dates it reads (the add-on
   * does not). A large table's dates then cost a few thousand objects per read, not millions.
   */
  shareDates?: boolean;
}

export class Workbook {
  readonly sheets: SheetData[] = [];
  readonly timeZone: string;
  readonly locale: string;
  readonly clock: ZoneClock;
  realm: Realm = { Date, Array, Error };
  private readonly engine: HyperFormula | null;
  private pending: PendingBlock[] = [];
  private nextGid = 0;
  /** Bumped on every write anywhere (formula results and spills depend on other sheets). */
  private version = 0;
  /** Formula cells with open-ended ranges, and the engine text they were last given. */
  private readonly openRangeCells = new Map<SheetData, Map<number, string>>();
  private readonly formatIsDate = new Map<string, boolean>();
  private typing: TypingLocale | undefined;
  private readonly lazy: boolean;
  private readonly shareDates: boolean;
  /** Sheet names (lower case) that formulas in the engine refer to, existing or not yet. */
  private readonly wanted = new Set<string>();
  /** Named ranges (lower case) and their sheets, for waking the sheet a formula names. */
  private readonly nameSheets = new Map<string, SheetData>();
  /** Sheets that must join the engine at the next flush. */
  private readonly toWake = new Set<SheetData>();
  /** Formula cells written while holding (see holdFormulas) that have not been given a result. */
  private held: Map<FormulaCell, { sheet: SheetData; key: number }> | null = null;

  constructor(options: WorkbookOptions) {
    this.timeZone = options.timeZone;
    this.locale = options.locale;
    this.clock = zoneClock(options.timeZone);
    const usesMonthFirst = /^en_US|^en$|_US$/i.test(options.locale);
    this.lazy = options.engine !== null && options.lazy === true;
    this.shareDates = options.shareDates === true;
    if (!options.engine) {
      this.engine = null;
      return;
    }
    this.engine = options.engine({
      licenseKey: 'gpl-v3',
      // Serial 0 = 1899-12-30 and no fictitious 1900-02-29: Sheets' date system.
      nullDate: { year: 1899, month: 12, day: 30 },
      leapYear1900: false,
      // Ranges in arithmetic (=A1:A3*2) spill like ARRAYFORMULA does in Sheets.
      useArrayArithmetic: true,
      // Sheets hands scripts full doubles (0.1+0.2 is 0.30000000000000004); no display rounding.
      smartRounding: false,
      // Nothing undoes; an undo stack would only cost memory and time on large writes.
      undoLimit: 0,
      // Sheets allows 10 million cells; HyperFormula's default of 40,000 rows is too few.
      maxRows: 10_000_000,
      maxColumns: MAX_COLUMNS,
      // Date text: the fallback input of engineDate, and criteria such as ">=2024-02-01" in
      // formulas, read in ISO order or the locale's.
      dateFormats: ['YYYY-MM-DD', usesMonthFirst ? 'MM/DD/YYYY' : 'DD/MM/YYYY'],
      timeFormats: ['hh:mm:ss.sss', 'hh:mm'],
      ...options.engineConfig,
    });
    // HyperFormula spells the logical constants as functions (TRUE()); Sheets formulas use bare words.
    this.engine.addNamedExpression('TRUE', '=TRUE()');
    this.engine.addNamedExpression('FALSE', '=FALSE()');
    matchCriteriaAsSheets(this.engine);
  }

  /** The engine, with every sheet in it and every queued write applied. */
  get hf(): HyperFormula {
    if (!this.engine) throw new Error('This workbook has no formula engine');
    for (const sheet of this.sheets) if (!sheet.inEngine) this.toWake.add(sheet);
    this.flush();
    return this.engine;
  }

  /** The engine if it has this sheet's cells (a lazy workbook may not have pushed them), else null. */
  engineWith(sheet: SheetData): HyperFormula | null {
    if (!this.engine) return null;
    this.flush();
    return sheet.inEngine ? this.engine : null;
  }

  /** Whether formulas are evaluated (false: they read as the results given with cacheResults). */
  get evaluates(): boolean {
    return this.engine !== null;
  }

  /**
   * Gives the formula cells of a block their results, without an engine: `results[i][j]` for the
   * cell at (row0 + i, col0 + j); other cells are left alone. '' is a formula showing nothing.
   * With an engine, such a cell keeps its result as computed elsewhere: the engine gets the result
   * as a value (for formulas that refer to the cell), never the formula.
   */
  cacheResults(sheet: SheetData, row0: number, col0: number, results: readonly (readonly (number | string | boolean)[])[]): void {
    for (let i = 0; i < results.length; i++) {
      const row = sheet.rows[row0 + i];
      if (!row) continue;
      for (let j = 0; j < results[i].length; j++) {
        const cell = row[col0 + j];
        if (!(cell instanceof FormulaCell)) continue;
        cell.cached = results[i][j];
        sheet.cachedKeys.add(cellKey(row0 + i, col0 + j));
        this.held?.delete(cell);
      }
    }
    if (sheet.inEngine && results.length > 0) {
      let width = 0;
      for (const row of results) width = max(width, row.length);
      this.pending.push({ sheet, row0, col0, numRows: results.length, numCols: width });
    }
    this.touched(sheet);
  }

  /**
   * Runs `run` with the formulas it writes held back from the engine: they read as '' until
   * cacheResults gives them their results. Held formulas left without one go to the engine when
   * `run` ends. For a build whose numbers are known without evaluating its formulas.
   */
  holdFormulas<T>(run: () => T): T {
    if (this.held) return run();
    this.held = new Map();
    try {
      return run();
    } finally {
      const left = this.held;
      this.held = null;
      for (const [cell, { sheet, key }] of left) {
        const row0 = floor(key / MAX_COLUMNS);
        const col0 = key % MAX_COLUMNS;
        if (!this.sheets.includes(sheet) || sheet.cell(row0, col0) !== cell) continue;
        cell.cached = undefined;
        sheet.cachedKeys.delete(key);
        this.engineFormulaWritten(sheet, cell.text);
        if (sheet.inEngine) this.pending.push({ sheet, row0, col0, numRows: 1, numCols: 1 });
        this.touched(sheet);
      }
    }
  }

  /**
   * Gives the engine back the formulas holding given results that may depend on `changed`: those on
   * that sheet and those that name it. Their results no longer hold once its cells are edited.
   */
  releaseResults(changed: SheetData): void {
    // A released formula changes what the cells it feeds would show, so the release spreads: a
    // sheet with a held formula that names a changed sheet, or that is itself changed, gives all
    // its held formulas back (they refer to each other by plain A1 references), and so on.
    const changedNames = new Set([changed.name.toLowerCase()]);
    const released = new Set<SheetData>();
    for (let spreading = true; spreading; ) {
      spreading = false;
      for (const sheet of this.sheets) {
        if (released.has(sheet) || sheet.cachedKeys.size === 0) continue;
        const hit =
          changedNames.has(sheet.name.toLowerCase()) ||
          [...sheet.cachedKeys].some((key) => {
            const cell = sheet.cell(floor(key / MAX_COLUMNS), key % MAX_COLUMNS);
            return cell instanceof FormulaCell && referencedSheetNames(cell.text).some((name) => changedNames.has(name));
          });
        if (!hit) continue;
        this.releaseSheet(sheet);
        released.add(sheet);
        changedNames.add(sheet.name.toLowerCase());
        spreading = true;
      }
    }
  }

  /** Hands every held formula of a sheet back to the engine. */
  private releaseSheet(sheet: SheetData): void {
    for (const key of [...sheet.cachedKeys]) {
      const row0 = floor(key / MAX_COLUMNS);
      const col0 = key % MAX_COLUMNS;
      const cell = sheet.cell(row0, col0);
      if (!(cell instanceof FormulaCell)) continue;
      cell.cached = undefined;
      sheet.cachedKeys.delete(key);
      this.held?.delete(cell);
      this.engineFormulaWritten(sheet, cell.text);
      if (sheet.inEngine) this.pending.push({ sheet, row0, col0, numRows: 1, numCols: 1 });
      this.touched(sheet);
    }
  }

  /** Notes what a formula for the engine needs there: its own sheet and the sheets it names. */
  private engineFormulaWritten(sheet: SheetData, text: string): void {
    if (!this.lazy) return;
    if (!sheet.inEngine) this.toWake.add(sheet);
    for (const name of referencedSheetNames(text)) {
      this.wanted.add(name);
      const target = this.findSheet(name);
      if (target && !target.inEngine) this.toWake.add(target);
    }
    if (this.nameSheets.size > 0) {
      const lower = text.toLowerCase();
      for (const [name, target] of this.nameSheets) {
        if (!target.inEngine && new RegExp(`(^|[^\\w.])${escapeRegExp(name)}($|[^\\w.(])`).test(lower)) this.toWake.add(target);
      }
    }
  }

  /** Pushes the sheets that formulas now need into the engine, whole (their writes were not queued). */
  private wake(): void {
    while (this.toWake.size > 0) {
      const [sheet] = this.toWake;
      this.toWake.delete(sheet);
      if (sheet.inEngine || !this.sheets.includes(sheet)) continue;
      sheet.inEngine = true;
      let width = 0;
      for (const row of sheet.rows) if (row && row.length > width) width = row.length;
      if (sheet.rows.length > 0 && width > 0) this.pending.push({ sheet, row0: 0, col0: 0, numRows: sheet.rows.length, numCols: width });
      for (const key of sheet.formulaKeys) {
        if (sheet.cachedKeys.has(key)) continue;
        const cell = sheet.cell(floor(key / MAX_COLUMNS), key % MAX_COLUMNS);
        if (cell instanceof FormulaCell) this.engineFormulaWritten(sheet, cell.text);
      }
    }
  }

  // ---- sheets -------------------------------------------------------------------------------

  findSheet(name: string): SheetData | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((sheet) => sheet.name.toLowerCase() === lower);
  }

  addSheet(name: string, index = this.sheets.length): SheetData {
    const hfId = this.engine ? this.engine.getSheetId(this.engine.addSheet(name))! : -1;
    const sheet = new SheetData(name, this.nextGid, hfId);
    // A lazy workbook pushes a new sheet at once only when a formula is already waiting for it.
    if (this.lazy && !this.wanted.has(name.toLowerCase())) sheet.inEngine = false;
    // Sheets gives the first sheet gid 0 and later ones large random ids; sequential is enough here.
    this.nextGid = this.nextGid === 0 ? 1_000_001 : this.nextGid + 1;
    this.sheets.splice(index, 0, sheet);
    this.version++;
    // Formulas elsewhere may have closed an open range at this sheet's default size already.
    this.refreshOpenRanges();
    return sheet;
  }

  removeSheet(sheet: SheetData): void {
    this.pending = this.pending.filter((block) => block.sheet !== sheet);
    this.toWake.delete(sheet);
    for (const [name, target] of this.nameSheets) if (target === sheet) this.nameSheets.delete(name);
    this.openRangeCells.delete(sheet);
    this.engine?.removeSheet(sheet.hfId);
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    this.version++;
  }

  // ---- named ranges -------------------------------------------------------------------------

  /** Defines (or redefines) a workbook-wide name for a block of cells, usable in formulas. */
  defineName(name: string, sheet: SheetData, bounds: Bounds): void {
    const expression = `=${quoteSheetName(sheet.name)}!${absoluteA1(bounds)}`;
    this.nameSheets.set(name.toLowerCase(), sheet);
    if (!this.engine) {
      // Without an engine, the names are only recorded (the fake's named-range list holds them).
    } else if (this.engine.isItPossibleToChangeNamedExpression(name, expression)) this.engine.changeNamedExpression(name, expression);
    else this.engine.addNamedExpression(name, expression);
    this.version++;
  }

  removeName(name: string): void {
    this.nameSheets.delete(name.toLowerCase());
    if (this.engine?.getNamedExpression(name)) this.engine.removeNamedExpression(name);
    this.version++;
  }

  // ---- writing ------------------------------------------------------------------------------

  /**
   * Writes a block of values as setValues does: '=...' text becomes a formula, "'..." stays text
   * (without the apostrophe), a Date becomes the serial of its wall clock in the spreadsheet's
   * zone and gets a date format unless the cell has one, '' / null / undefined empty the cell.
   * `origin` makes every formula a fill of one formula written at that cell (relative references move).
   * `typed` reads other text as Sheets reads typed input (parseTypedText: '007' is 7, 'TRUE' a
   * boolean, '2024-01-31' a date), except in cells formatted as plain text ('@'), which keep the
   * string exactly as written. Without it (cells set up by a test or a loaded file) text stays text.
   * The block must lie inside the sheet's grid: Sheets does not grow a grid on writes.
   */
  write(
    sheet: SheetData,
    row0: number,
    col0: number,
    values: readonly (readonly unknown[])[],
    origin?: { row0: number; col0: number },
    typed = false,
  ): void {
    let formats: Map<number, unknown> | undefined;
    let width = 0;
    for (const row of values) if (row.length > width) width = row.length;
    if (values.length > 0 && width > 0 && (row0 + values.length > sheet.maxRows || col0 + width > sheet.maxColumns)) {
      throw new this.realm.Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    const typing = typed ? (this.typing ??= typingLocale(this.locale)) : undefined;
    for (let i = 0; i < values.length; i++) {
      const source = values[i];
      const r = row0 + i;
      // A new row is made at its final length: grown cell by cell, V8 would give it room for 16.
      const gridRow = (sheet.rows[r] ??= new Array<StoredCell>(col0 + source.length));
      for (let j = 0; j < source.length; j++) {
        const c = col0 + j;
        const value = source[j];
        let stored: StoredCell;
        const plainText = typing !== undefined && typeof value === 'string' && (formats ??= sheet.propMap('numberFormat')).get(cellKey(r, c)) === '@';
        if (plainText) {
          stored = value === '' ? undefined : value;
        } else if (typeof value === 'string') {
          if (value.length > 1 && value[0] === '=') {
            stored = new FormulaCell(origin ? shiftFormula(value, r - origin.row0, c - origin.col0) : value);
          } else {
            const text = value[0] === "'" ? value.slice(1) : value;
            const parsed = typing && text === value ? parseTypedText(text, typing, this.clock) : undefined;
            if (parsed) {
              stored = parsed.value;
              formats ??= sheet.propMap('numberFormat');
              const key = cellKey(r, c);
              if (parsed.format && !formats.has(key)) formats.set(key, parsed.format);
            } else stored = text === '' ? undefined : text;
          }
        } else if (typeof value === 'number') {
          // Sheets cannot hold NaN or Infinity; the fake keeps them visible as text rather than guessing.
          stored = isFiniteNumber(value) ? value : String(value);
        } else if (typeof value === 'boolean') {
          stored = value;
        } else if (value === null || value === undefined) {
          stored = undefined;
        } else if (isDate(value)) {
          const ms = value.getTime();
          if (ms !== ms) throw new this.realm.Error(`Invalid Date written to ${sheet.name} row ${r + 1} column ${c + 1}`);
          stored = this.clock.serialOf(ms);
          formats ??= sheet.propMap('numberFormat');
          const key = cellKey(r, c);
          if (!formats.has(key)) formats.set(key, isInteger(stored) ? DATE_FORMAT : DATE_TIME_FORMAT);
        } else {
          throw new this.realm.Error(
            `The fake cannot store a ${Object.prototype.toString.call(value)} in ${sheet.name} row ${r + 1} column ${c + 1}: ` +
              'Sheets takes numbers, strings, booleans and Dates',
          );
        }
        if (gridRow[c] instanceof FormulaCell) {
          const key = cellKey(r, c);
          sheet.formulaKeys.delete(key);
          sheet.cachedKeys.delete(key);
          this.openRangeCells.get(sheet)?.delete(key);
        }
        if (stored instanceof FormulaCell) {
          const key = cellKey(r, c);
          sheet.formulaKeys.add(key);
          if (this.held) {
            stored.cached = '';
            sheet.cachedKeys.add(key);
            this.held.set(stored, { sheet, key });
          } else this.engineFormulaWritten(sheet, stored.text);
        }
        gridRow[c] = stored;
      }
    }
    if (values.length > 0 && width > 0 && sheet.inEngine) this.pending.push({ sheet, row0, col0, numRows: values.length, numCols: width });
    this.touched(sheet);
  }

  /** Queues a block for the engine again (its formats changed). */
  markChanged(sheet: SheetData, bounds: Bounds): void {
    if (!sheet.inEngine) return;
    this.pending.push({ sheet, row0: bounds.row - 1, col0: bounds.col - 1, numRows: bounds.numRows, numCols: bounds.numCols });
  }

  /** Removes per-cell properties from a whole sheet, except those named in `keep`. */
  clearProps(sheet: SheetData, keep: readonly string[]): void {
    if (sheet.props.has('numberFormat') && !keep.includes('numberFormat')) {
      const { lastRow, lastCol } = this.usedSize(sheet);
      if (lastRow > 0) this.markChanged(sheet, { row: 1, col: 1, numRows: lastRow, numCols: lastCol });
    }
    for (const name of [...sheet.props.keys()]) if (!keep.includes(name)) sheet.props.delete(name);
  }

  /** Empties the cells of a block (contents only; formats stay). */
  clearContents(sheet: SheetData, bounds: Bounds): void {
    const block: null[][] = [];
    for (let i = 0; i < bounds.numRows; i++) block.push(new Array(bounds.numCols).fill(null));
    this.write(sheet, bounds.row - 1, bounds.col - 1, block);
  }

  /** Empties a whole sheet: cells and per-cell properties. */
  clearSheet(sheet: SheetData, keepProps: readonly string[] = []): void {
    this.pending = this.pending.filter((block) => block.sheet !== sheet);
    this.openRangeCells.delete(sheet);
    this.engine?.clearSheet(sheet.hfId);
    sheet.rows = [];
    sheet.formulaKeys.clear();
    sheet.cachedKeys.clear();
    for (const name of [...sheet.props.keys()]) if (!keepProps.includes(name)) sheet.props.delete(name);
    this.touched(sheet);
  }

  /**
   * Grows the sheet's grid to at least this many rows and columns and re-closes open ranges into
   * it: for appendRow, and for sheets a test or a loaded file sets up with more than the default.
   */
  fit(sheet: SheetData, rows: number, cols: number): void {
    if (cols > sheet.maxColumns) sheet.maxColumns = cols;
    if (rows > sheet.maxRows) {
      sheet.maxRows = rows;
      this.refreshOpenRanges();
    }
  }

  /** Sets the grid size (insert/delete of trailing rows and columns only). */
  resize(sheet: SheetData, rows: number, cols: number): void {
    sheet.maxRows = rows;
    sheet.maxColumns = cols;
    this.refreshOpenRanges();
  }

  private touched(sheet: SheetData): void {
    sheet.version++;
    this.version++;
  }

  /** The formula text for the engine: open-ended ranges closed at the referenced sheet's size. */
  private engineFormula(sheet: SheetData, key: number, formula: string): string {
    if (!formula.includes(':') || !hasOpenEndedRange(formula)) return formula;
    const closed = this.closeRanges(sheet, formula);
    let cells = this.openRangeCells.get(sheet);
    if (!cells) this.openRangeCells.set(sheet, (cells = new Map()));
    cells.set(key, closed);
    return closed;
  }

  private closeRanges(sheet: SheetData, formula: string): string {
    return closeOpenEndedRanges(formula, (name) => (name === undefined ? sheet : this.findSheet(name))?.maxRows ?? DEFAULT_MAX_ROWS);
  }

  /** Queues formulas whose open-ended ranges now close at a different row. */
  private refreshOpenRanges(): void {
    for (const [sheet, cells] of this.openRangeCells) {
      for (const [key, sent] of cells) {
        const cell = sheet.cell(floor(key / MAX_COLUMNS), key % MAX_COLUMNS);
        if (cell instanceof FormulaCell && this.closeRanges(sheet, cell.text) !== sent) {
          this.pending.push({ sheet, row0: floor(key / MAX_COLUMNS), col0: key % MAX_COLUMNS, numRows: 1, numCols: 1 });
        }
      }
    }
  }

  /**
   * The engine's content for a grid cell. Text gets an apostrophe so '12' or '2024-01-31' stays
   * text; numbers in date-formatted cells go in as dates (engineDate), so the engine types them,
   * and formulas computed from them, as dates, as Sheets does.
   */
  private engineContent(sheet: SheetData, row0: number, col0: number, formats: Map<number, unknown> | undefined): RawCellContent {
    const stored = sheet.rows[row0]?.[col0];
    if (stored === undefined) return null;
    if (typeof stored === 'string') return "'" + stored;
    if (typeof stored === 'number') {
      const format = formats?.get(cellKey(row0, col0)) as string | undefined;
      return format !== undefined && this.isDateFormat(format) ? engineDate(stored) : stored;
    }
    if (stored instanceof FormulaCell) {
      const cached = stored.cached;
      if (cached === undefined) return this.engineFormula(sheet, cellKey(row0, col0), stored.text);
      // A result computed elsewhere: formulas that refer to the cell see it as a value.
      if (cached === '') return null;
      if (typeof cached === 'string') return "'" + cached;
      if (typeof cached === 'number') {
        const format = formats?.get(cellKey(row0, col0)) as string | undefined;
        return format !== undefined && this.isDateFormat(format) ? engineDate(cached) : cached;
      }
      return cached;
    }
    return stored;
  }

  /** Gives the engine the current grid content of every changed block, in one batch (one recalculation). */
  flush(): void {
    if (this.toWake.size > 0) this.wake();
    if (this.pending.length > 0) this.applyPending();
    this.respill();
  }

  /**
   * Writes again the array formulas whose new result no longer fits the size HyperFormula gave
   * them when they were written (see spillSizes.ts): Sheets sizes a spill from every new result.
   * A few passes settle formulas that depend on one another's spills.
   */
  private respill(): void {
    const engine = this.engine;
    if (!engine) return;
    for (let pass = 0; pass < 4; pass++) {
      const stale = takeStaleSpills(engine.dependencyGraph);
      if (stale.length === 0) return;
      this.version++;
      engine.batch(() => {
        for (const address of stale) {
          const formula = engine.getCellFormula(address);
          if (formula !== undefined) engine.setCellContents(address, [[formula]]);
        }
      });
    }
  }

  private applyPending(): void {
    const blocks = this.pending;
    this.pending = [];
    const engine = this.engine;
    if (!engine) return;
    engine.batch(() => {
      for (const { sheet, row0, col0, numRows, numCols } of blocks) {
        if (!this.sheets.includes(sheet) || !sheet.inEngine) continue;
        const formats = sheet.props.get('numberFormat');
        const data: RawCellContent[][] = new Array(numRows);
        for (let i = 0; i < numRows; i++) {
          const row: RawCellContent[] = (data[i] = new Array(numCols));
          for (let j = 0; j < numCols; j++) row[j] = this.engineContent(sheet, row0 + i, col0 + j, formats);
        }
        engine.setCellContents({ sheet: sheet.hfId, row: row0, col: col0 }, data);
      }
    });
  }

  // ---- reading ------------------------------------------------------------------------------

  private isDateFormat(format: string): boolean {
    let known = this.formatIsDate.get(format);
    if (known === undefined) {
      known = isDateTimeFormat(format);
      this.formatIsDate.set(format, known);
    }
    return known;
  }

  /**
   * Visits every cell of a block with its value as Sheets computes it: literal cells from the
   * grid, formula cells and cells an array formula spilled into from the engine. `asDate` says
   * whether Sheets would hand the number over as a Date: the cell has a date/time format, or it is
   * a computed number without a format that the engine types as a date (=DATE(), =A1+1 on a date).
   */
  private visit(
    sheet: SheetData,
    bounds: Bounds,
    visitor: (value: number | string | boolean | DetailedCellError | null, asDate: boolean, format: string | undefined, i: number, j: number) => void,
  ): void {
    const row0 = bounds.row - 1;
    const col0 = bounds.col - 1;
    const formats = sheet.props.get('numberFormat');
    let computed: CellValue[][] | undefined;
    const engine = this.engine;
    if (sheet.formulaKeys.size > sheet.cachedKeys.size && engine) {
      this.flush();
      computed = engine.getRangeValues({
        start: { sheet: sheet.hfId, row: row0, col: col0 },
        end: { sheet: sheet.hfId, row: row0 + bounds.numRows - 1, col: col0 + bounds.numCols - 1 },
      });
    }
    for (let i = 0; i < bounds.numRows; i++) {
      const gridRow = sheet.rows[row0 + i];
      for (let j = 0; j < bounds.numCols; j++) {
        const stored = gridRow?.[col0 + j];
        const isLiteral = stored !== undefined && !(stored instanceof FormulaCell);
        const given = stored instanceof FormulaCell && stored.cached !== undefined;
        const value = isLiteral ? stored : given ? (stored as FormulaCell).cached! : computed ? computed[i][j] : null;
        if (typeof value !== 'number') {
          visitor(value as string | boolean | DetailedCellError | null, false, undefined, i, j);
          continue;
        }
        const format = formats?.get(cellKey(row0 + i, col0 + j)) as string | undefined;
        let asDate: boolean;
        if (format !== undefined) asDate = this.isDateFormat(format);
        else if (isLiteral || given || !engine) asDate = false;
        else asDate = DATE_TYPES.has(engine.getCellValueDetailedType({ sheet: sheet.hfId, row: row0 + i, col: col0 + j }));
        visitor(value, asDate, format, i, j);
      }
    }
  }

  /** Range.getValues: numbers, strings, booleans, Dates, error texts, '' for empty cells. */
  values(sheet: SheetData, bounds: Bounds): unknown[][] {
    const { Date: RealmDate, Array: RealmArray } = this.realm;
    const out: unknown[][] = new RealmArray(bounds.numRows);
    for (let i = 0; i < bounds.numRows; i++) out[i] = new RealmArray(bounds.numCols);
    const dates = this.shareDates ? new Map<number, Date>() : undefined;
    this.visit(sheet, bounds, (value, asDate, _format, i, j) => {
      if (value === null) out[i][j] = '';
      else if (isEngineError(value)) out[i][j] = errorText(value);
      else if (asDate && dates) {
        let date = dates.get(value as number);
        if (date === undefined) dates.set(value as number, (date = new RealmDate(this.clock.instantOfSerial(value as number))));
        out[i][j] = date;
      } else if (asDate) out[i][j] = new RealmDate(this.clock.instantOfSerial(value as number));
      else out[i][j] = value;
    });
    return out;
  }

  /** Range.getDisplayValues: a simplified rendering of each value with its number format. */
  displayValues(sheet: SheetData, bounds: Bounds): string[][] {
    const out: string[][] = new this.realm.Array(bounds.numRows);
    for (let i = 0; i < bounds.numRows; i++) out[i] = new this.realm.Array(bounds.numCols);
    this.visit(sheet, bounds, (value, asDate, format, i, j) => {
      if (isEngineError(value)) out[i][j] = errorText(value);
      else if (asDate) out[i][j] = displayText(value, value as number, format ?? DATE_FORMAT, this.locale);
      else out[i][j] = displayText(value, undefined, format, this.locale);
    });
    return out;
  }

  /** Range.getFormulas: the formula as written, '' for other cells (also cells an array spilled into). */
  formulas(sheet: SheetData, bounds: Bounds): string[][] {
    const out: string[][] = new this.realm.Array(bounds.numRows);
    for (let i = 0; i < bounds.numRows; i++) {
      const row: string[] = (out[i] = new this.realm.Array(bounds.numCols));
      const gridRow = sheet.rows[bounds.row - 1 + i];
      for (let j = 0; j < bounds.numCols; j++) {
        const stored = gridRow?.[bounds.col - 1 + j];
        row[j] = stored instanceof FormulaCell ? stored.text : '';
      }
    }
    return out;
  }

  /** Number formats as Range.getNumberFormats reports them (unformatted cells show Sheets' automatic pattern). */
  numberFormats(sheet: SheetData, bounds: Bounds, unformatted = AUTOMATIC_FORMAT): string[][] {
    return this.props(sheet, 'numberFormat', bounds, unformatted) as string[][];
  }

  props(sheet: SheetData, name: string, bounds: Bounds, fallback: unknown): unknown[][] {
    const map = sheet.props.get(name);
    const out: unknown[][] = new this.realm.Array(bounds.numRows);
    for (let i = 0; i < bounds.numRows; i++) {
      const row: unknown[] = (out[i] = new this.realm.Array(bounds.numCols));
      for (let j = 0; j < bounds.numCols; j++) {
        const value = map?.get(cellKey(bounds.row - 1 + i, bounds.col - 1 + j));
        row[j] = value === undefined ? fallback : value;
      }
    }
    return out;
  }

  /** Sets one property on every cell of a block (value) or cell by cell (2-D array); null removes it. */
  setProps(sheet: SheetData, name: string, bounds: Bounds, value: unknown, perCell = false): void {
    // Whether a number is a date decides what the engine gets for it (see engineContent).
    if (name === 'numberFormat') this.markChanged(sheet, bounds);
    const map = sheet.propMap(name);
    for (let i = 0; i < bounds.numRows; i++) {
      for (let j = 0; j < bounds.numCols; j++) {
        const v = perCell ? (value as unknown[][])[i][j] : value;
        const key = cellKey(bounds.row - 1 + i, bounds.col - 1 + j);
        if (v === null || v === undefined || v === '') map.delete(key);
        else map.set(key, v);
      }
    }
  }

  /**
   * The used area: last row and column (1-based) holding anything, 0 on an empty sheet. Formula
   * cells count even when they compute '', and so do cells an array formula spilled into.
   */
  usedSize(sheet: SheetData): { lastRow: number; lastCol: number } {
    const engineFormulas = sheet.formulaKeys.size > sheet.cachedKeys.size;
    const version = engineFormulas ? this.version : sheet.version;
    if (sheet.usedCache?.version === version) return sheet.usedCache;
    let lastRow = 0;
    let lastCol = 0;
    for (let r = sheet.rows.length - 1; r >= 0; r--) {
      const row = sheet.rows[r];
      if (!row) continue;
      for (let c = row.length - 1; c >= 0; c--) {
        if (row[c] !== undefined) {
          if (lastRow === 0) lastRow = r + 1;
          lastCol = max(lastCol, c + 1);
          break;
        }
      }
    }
    const engine = this.engine;
    if (engineFormulas && engine) {
      this.flush();
      for (const key of sheet.formulaKeys) {
        if (sheet.cachedKeys.has(key)) continue;
        const row = floor(key / MAX_COLUMNS);
        const col = key % MAX_COLUMNS;
        if (engine.getCellType({ sheet: sheet.hfId, row, col }) !== 'ARRAYFORMULA') continue;
        let down = 1;
        while (engine.isCellPartOfArray({ sheet: sheet.hfId, row: row + down, col })) down++;
        let right = 1;
        while (engine.isCellPartOfArray({ sheet: sheet.hfId, row, col: col + right })) right++;
        lastRow = max(lastRow, row + down);
        lastCol = max(lastCol, col + right);
      }
    }
    sheet.usedCache = { version, lastRow, lastCol };
    return sheet.usedCache;
  }

  /** Plain literal value of one cell (for test helpers): the grid's value or the engine's result. */
  rawValue(sheet: SheetData, row0: number, col0: number): unknown {
    let value: unknown;
    this.visit(sheet, { row: row0 + 1, col: col0 + 1, numRows: 1, numCols: 1 }, (v) => (value = v));
    return value;
  }
}

/** A Date from any realm (the add-on's vm context has its own Date, so instanceof would miss it). */
export function isDate(value: unknown): value is Date {
  return objectToString.call(value) === '[object Date]';
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The sheet names (lower case) a formula refers to: 'Quoted name'!A1 and Plain!A1. Text inside
 * string literals may add a name that is no sheet; that only pushes a sheet early.
 */
export function referencedSheetNames(formula: string): string[] {
  const names: string[] = [];
  const pattern = /'((?:[^']|'')+)'!|([^\s'!"(),;:=+\-*/&^<>{}%]+)!/g;
  for (let match = pattern.exec(formula); match; match = pattern.exec(formula)) {
    names.push((match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2]).toLowerCase());
  }
  return names;
}

/** '$A$1:$C$3' for a named expression. */
function absoluteA1(bounds: Bounds): string {
  const part = (row: number, col: number) => `$${columnLetters(col)}$${row}`;
  return `${part(bounds.row, bounds.col)}:${part(bounds.row + bounds.numRows - 1, bounds.col + bounds.numCols - 1)}`;
}

const dayTexts = new Map<number, string>();
const two = (n: number) => (n < 10 ? '0' + n : String(n));

/**
 * A serial as a date the engine recognises, so it types the cell (and formulas computed from it)
 * as a date. The engine reads a JS Date through its local-time getters, which is the cheapest
 * input it has; a Date built from the wall-clock fields in the process's zone carries them unless
 * that wall time does not exist there (a daylight-saving gap), in which case ISO text goes in
 * (slower to parse, same result). Years outside 1000-9999 go in as plain numbers.
 */
function engineDate(serial: number): RawCellContent {
  const day = floor(serial);
  let text = dayTexts.get(day);
  if (text === undefined) {
    const w = wallClockOfSerial(day);
    text = w.year < 1000 || w.year > 9999 ? '' : `${w.year}-${two(w.month)}-${two(w.day)}`;
    dayTexts.set(day, text);
  }
  if (text === '') return serial;
  const ms = round((serial - day) * 86_400_000);
  if (ms >= 86_400_000) return serial; // rounds into the next day: keep the number
  const year = +text.slice(0, 4);
  const month = +text.slice(5, 7) - 1;
  const date = +text.slice(8, 10);
  const local = new Date(year, month, date, 0, 0, 0, ms);
  if (local.getDate() === date && local.getHours() * 3_600_000 + local.getMinutes() * 60_000 + local.getSeconds() * 1000 + local.getMilliseconds() === ms) {
    return local;
  }
  if (ms === 0) return text;
  const seconds = floor(ms / 1000);
  return `${text} ${two(floor(seconds / 3600))}:${two(floor(seconds / 60) % 60)}:${two(seconds % 60)}.${String(ms % 1000).padStart(3, '0')}`;
}
