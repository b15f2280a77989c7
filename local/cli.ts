/**
 * churn-sheet: the wizard's churn sheet from a customer file, without a spreadsheet.
 *
 *   churn-sheet build customers.csv -o churn.xlsx [--period month|week|quarter|year] [--values]
 *                                               [--profit 30000] [--locale en_GB] [--win-back] [--json] [--force]
 *                                               [--cohorts] [--segments] [--start|--end|--id|--amount|--segment <header>]
 *                                               [--first YYYY-MM] [--last YYYY-MM] [--method start|average|start_plus_new|daily]
 *   churn-sheet template -o template.xlsx [--example] [--force]
 *
 * The file is read as Sheets' import would read it (local/tableFile.ts) into the in-memory
 * spreadsheet, the built add-on (dist/Code.js) runs its sidebar's server functions on it
 * (wizardInspect, then wizardBuild: the same code path as the sidebar), and the spreadsheet is
 * written out as .xlsx (local/xlsx.ts). Exit codes: 0 done, 1 a problem with the input (or an
 * output file that already exists), 2 a usage error. Messages are in the language of the
 * environment's locale (LC_ALL, LC_MESSAGES or LANG, e.g. lv_LV.UTF-8), English otherwise.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, linkSync, openSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { TimeZone } from '../src/core/timezone';
import { languageOfLocale, translate, type Language, type MessageKey, type MessageParams } from '../src/i18n';
import { isPeriodKind } from '../src/core/periods';
import type { BillingInterval, BuildRequest, BuildSummary, ExportChoices, PeriodKind, TableInspection } from '../src/shared/wizard';
import { buildWithOwnResults } from './liveBuild';
import { createPlainHost } from './plainHost';
import { Progress } from './progress';
import {
  HEADER_SEARCH_ROWS,
  headerRowIndex,
  inputOf,
  insertTemplate,
  nextOption,
  mappingWithColumns,
  noChoices,
  parseTemplateArgs,
  rowList,
  takeWizardOption,
  templateWritten,
  withoutLinesAbove,
  type Fail,
  type WizardChoices,
} from './cliOptions';
import { asSheetValues, readTableFile, type TableFileReport, type TableRows } from './tableFile';
import { workbookToXlsx } from './xlsx';
import { churnTable } from './churnJson';
import { routeBuild, runDuckDbBuild } from './duckdbBuild';
import { runSqlCommand } from './sqlCommand';

export interface CliIo {
  stdout(s: string): void;
  stderr(s: string): void;
  /** The project root: dist/Code.js and dist/Sidebar.html are read from here. */
  root: string;
  env: Record<string, string | undefined>;
  /** Whether stderr is a terminal: progress then updates one line in place. */
  stderrIsTerminal?: boolean;
}

/** The usage text in a language (English by default, as before). */
export function usage(language: Language = 'en'): string {
  return translate(language, 'cli.usage') + translate(language, 'cli.usage.exports') + translate(language, 'cli.usage.sql');
}
export const USAGE = usage('en');

const BILLING_INTERVALS: readonly BillingInterval[] = ['day', 'week', 'month', 'quarter', 'year'];
const LARGE_INPUT_ROWS = 10_000;
/** An .xlsx stores ~10,000 short customer rows in about this many bytes. */
const LARGE_XLSX_BYTES = 256 * 1024;

/**
 * Memory the in-memory path takes per cell of the customer table (reading, the spreadsheet, the
 * add-on's reads, the streamed .xlsx), measured as peak RSS on tables of 200,000 and 1,000,000
 * rows of 5 columns (about 245 and 235 bytes a cell), with a margin. Live formulas cost a little
 * more than values: nothing evaluates them here, but the add-on reads the table a second time for
 * their results.
 */
const HEAP_BYTES_PER_CELL = { values: 300, formulas: 330 } as const;
const HEAP_BASE_BYTES = 64 * 2 ** 20;
/** An .xlsx stores a cell of a customer table in about 5 bytes (compressed XML). */
const XLSX_BYTES_PER_CELL = 5;
const MB = 2 ** 20;

/** The CLI's language, from the environment as gettext would choose it: LC_ALL, LC_MESSAGES, LANG ("lv_LV.UTF-8"). */
export function cliLanguage(env: CliIo['env']): Language {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return languageOfLocale(locale.split('.')[0].split('@')[0]);
}

class UsageError extends Error {}
class InputError extends Error {}
/** Errors whose text is a catalogue message in the CLI's language. */
const usageError = (language: Language, key: MessageKey, params: MessageParams = {}) => new UsageError(translate(language, key, params));
const inputError = (language: Language, key: MessageKey, params: MessageParams = {}) => new InputError(translate(language, key, params));

interface Options {
  input: string;
  output: string | null;
  period: PeriodKind;
  values: boolean;
  profit: number | null;
  json: boolean;
  force: boolean;
  locale: string;
  winBack: boolean;
  /** How a recognised billing export is read. */
  billingExport: ExportChoices;
  quiet: boolean;
  /** The sidebar's other choices: cohorts, segments, columns, first and last period. */
  choices: WizardChoices;
}

function parseArgs(argv: string[], language: Language): Options | 'help' {
  const args = [...argv];
  if (args.length === 0) throw usageError(language, 'cli.noCommand');
  const command = args.shift()!;
  if (command === '-h' || command === '--help' || command === 'help') return 'help';
  if (command !== 'build') throw usageError(language, 'cli.unknownCommand', { command });
  const options: Options = { input: '', output: null, period: 'month', values: false, profit: null, json: false, force: false, locale: 'en_GB', winBack: false, billingExport: { churnAt: 'serviceEnd', currency: null, interval: null }, quiet: false, choices: noChoices() };
  const positional: string[] = [];
  while (args.length > 0) {
    const { arg, valueOf, noValue } = nextOption(args, (key, params) => usageError(language, key, params));
    switch (arg) {
      case '-h':
      case '--help':
        return 'help';
      case '-o':
      case '--output':
        options.output = valueOf();
        break;
      case '--period': {
        const period = valueOf();
        if (!isPeriodKind(period)) throw usageError(language, 'cli.badPeriod', { value: period });
        options.period = period;
        break;
      }
      case '--profit': {
        const text = valueOf();
        const profit = /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
        if (!Number.isFinite(profit)) throw usageError(language, 'cli.badProfit', { value: text });
        options.profit = profit;
        break;
      }
      case '--locale': {
        const locale = valueOf();
        if (!/^[a-z]{2,3}(?:[_-][A-Za-z]{2})?$/.test(locale)) throw usageError(language, 'cli.badLocale', { value: locale });
        options.locale = locale.replace('-', '_');
        break;
      }
      case '--churn-at': {
        const value = valueOf();
        if (value !== 'service-end' && value !== 'cancel') throw usageError(language, 'cli.badChurnAt', { value });
        options.billingExport.churnAt = value === 'cancel' ? 'cancelRequest' : 'serviceEnd';
        break;
      }
      case '--currency': {
        const value = valueOf();
        if (!/^[A-Za-z]{3}$/.test(value)) throw usageError(language, 'cli.badCurrency', { value });
        options.billingExport.currency = value.toUpperCase();
        break;
      }
      case '--billing-interval': {
        const value = valueOf();
        if (!(BILLING_INTERVALS as readonly string[]).includes(value)) throw usageError(language, 'cli.badInterval', { value });
        options.billingExport.interval = value as BillingInterval;
        break;
      }
      case '--values':
        noValue();
        options.values = true;
        break;
      case '--json':
        noValue();
        options.json = true;
        break;
      case '--force':
        noValue();
        options.force = true;
        break;
      case '--win-back':
        noValue();
        options.winBack = true;
        break;
      case '--quiet':
        noValue();
        options.quiet = true;
        break;
      default:
        if (takeWizardOption(arg, valueOf, noValue, options.choices, (key, params) => usageError(language, key, params))) break;
        if (arg.startsWith('-') && arg !== '-') throw usageError(language, 'cli.unknownOption', { option: arg });
        positional.push(arg);
    }
  }
  options.input = inputOf(positional, options.output, options.json, (key, params) => usageError(language, key, params));
  // Daily churn is summed day by day, which the live formulas cannot do: said before any reading.
  if (options.choices.method === 'daily' && !options.values) throw usageError(language, 'cli.dailyNeedsValues');
  return options;
}

function timeZoneOf(env: CliIo['env'], language: Language, warn: (s: string) => void): string {
  const fromEnv = env.TZ?.replace(/^:/, '');
  if (fromEnv) {
    if (TimeZone.isValid(fromEnv)) return fromEnv;
    warn(`churn-sheet: ${translate(language, 'cli.badTimeZone', { value: env.TZ ?? '', zone: Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC' })}\n`);
  }
  const system = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return system && TimeZone.isValid(system) ? system : 'UTC';
}

/** Rows in a CSV (line breaks), or an estimate for an .xlsx from its size, to decide on progress lines. */
function looksLarge(fileName: string, content: Buffer): boolean {
  if (/\.csv$/i.test(fileName)) {
    let lines = 0;
    for (let i = content.indexOf(10); i >= 0 && lines <= LARGE_INPUT_ROWS; i = content.indexOf(10, i + 1)) lines++;
    return lines > LARGE_INPUT_ROWS;
  }
  return content.length > LARGE_XLSX_BYTES;
}

/** Rows and cells of the table in a file, counted (CSV lines) or estimated (.xlsx size) before it is read. */
function tableSize(fileName: string, content: Buffer): { rows: number; cells: number } {
  if (/\.csv$/i.test(fileName)) {
    let rows = content.length > 0 && content[content.length - 1] !== 10 ? 1 : 0;
    for (let i = content.indexOf(10); i >= 0; i = content.indexOf(10, i + 1)) rows++;
    const firstLine = content.subarray(0, Math.max(0, content.indexOf(10))).toString('utf8');
    const columns = Math.max(1, ...[',', ';', '\t'].map((d) => firstLine.split(d).length));
    return { rows, cells: rows * columns };
  }
  const cells = Math.ceil(content.length / XLSX_BYTES_PER_CELL);
  return { rows: Math.ceil(cells / 5), cells };
}

/**
 * Fails, before the work starts, when a table of `cells` cells would not fit in the memory Node.js
 * may use here, rather than ending in "JavaScript heap out of memory" halfway through.
 * CHURN_SHEET_HEAP_MB lowers the limit this assumes.
 */
function checkMemory(file: string, size: { rows: number; cells: number }, mode: 'values' | 'formulas', env: CliIo['env'], language: Language): void {
  const need = (m: 'values' | 'formulas') => HEAP_BASE_BYTES + size.cells * HEAP_BYTES_PER_CELL[m];
  const override = Number(env.CHURN_SHEET_HEAP_MB);
  const heapLimit = v8.getHeapStatistics().heap_size_limit;
  const limit = override > 0 ? Math.min(heapLimit, override * MB) : heapLimit;
  if (need(mode) <= limit) return;
  const mb = (bytes: number) => Math.ceil(bytes / MB);
  throw inputError(language, 'cli.tooLarge', {
    file,
    rows: size.rows,
    need: mb(need(mode)),
    limit: mb(limit),
    // Rounded up to the next 1 GB, with room for Node.js itself.
    suggest: Math.ceil((need(mode) * 1.25) / 1024 / MB) * 1024,
    values: mode === 'formulas' ? translate(language, 'cli.tooLarge.values', { need: mb(need('values')) }) : '',
  });
}

/** Whether `output` is `input` under another name (a link, "..", another spelling of the path). */
function sameFile(input: string, output: string): boolean {
  if (!existsSync(output)) return false;
  try {
    if (realpathSync(input) === realpathSync(output)) return true;
    const a = statSync(input, { bigint: true });
    const b = statSync(output, { bigint: true });
    return a.ino !== 0n && a.dev === b.dev && a.ino === b.ino;
  } catch {
    return false;
  }
}

/**
 * Writes `data` to `target` all at once or not at all: into a temporary file beside it, then
 * renamed over it (`replace`) or linked to its name, which fails when a file appeared there
 * meanwhile. A failed write leaves no temporary file and no half-written workbook behind.
 */
function writeAtomically(target: string, data: Buffer, replace: boolean): void {
  const temp = path.join(path.dirname(path.resolve(target)), `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = openSync(temp, 'wx');
    try {
      for (let written = 0; written < data.length; ) written += writeSync(fd, data, written, data.length - written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (replace) {
      renameSync(temp, target);
      return;
    }
    try {
      linkSync(temp, target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A file system without hard links: the name is checked just before the rename instead.
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
      if (existsSync(target)) throw Object.assign(new Error(`${target} exists`), { code: 'EEXIST' });
      renameSync(temp, target);
    }
  } finally {
    rmSync(temp, { force: true });
  }
}

/**
 * Whether a table's top row reads as a header: text, none of it a number or a date (the first
 * row of a file is kept as text, so a customer row there still holds "2024-01-05").
 */
function looksLikeHeaderRow(row: readonly unknown[]): boolean {
  const dataLike = (cell: unknown) => typeof cell !== 'string' || /^[-+]?\d+(?:[.,]\d+)?$|^\d{1,4}[-./]\d{1,2}[-./]\d{1,4}$/.test(cell.trim());
  return row.some((cell) => cell !== '') && !row.some((cell) => cell !== '' && dataLike(cell));
}

const errorText = (error: unknown) => (error && typeof error === 'object' && 'message' in error ? String((error as Error).message) : String(error));

export async function main(argv: string[], io: CliIo): Promise<number> {
  const language = cliLanguage(io.env);
  // The statement for a database, and builds computed in DuckDB (local/sqlCommand.ts, local/duckdbBuild.ts).
  if (argv[0] === 'sql') return runSqlCommand(argv.slice(1), io, language, translate(language, 'cli.usage.sql'));
  if (argv[0] === 'build') {
    const route = routeBuild(argv);
    if (route.engine === 'duckdb') return runDuckDbBuild(argv, io, language, usage(language));
    argv = route.argv;
  }
  if (argv[0] === 'template') return template(argv.slice(1), io, language);
  const options = parsedOr(() => parseArgs(argv, language), io, language);
  if (typeof options === 'number') return options;
  try {
    return await build(options, io, language);
  } catch (error) {
    // A column named on the command line that the file does not have is found only on reading it.
    if (error instanceof UsageError) {
      io.stderr(`churn-sheet: ${error.message}\n`);
      return 2;
    }
    io.stderr(`churn-sheet: ${errorText(error)}\n`);
    return 1;
  }
}

/**
 * A command's parsed options; or, for a usage error, the message and the usage on stderr and
 * exit code 2, and for -h the usage on stdout and exit code 0.
 */
function parsedOr<T extends object>(parse: () => T | 'help', io: CliIo, language: Language): T | number {
  let options: T | 'help';
  try {
    options = parse();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`churn-sheet: ${error.message}\n\n${usage(language)}`);
    return 2;
  }
  if (options === 'help') {
    io.stdout(usage(language));
    return 0;
  }
  return options;
}

/** churn-sheet template -o FILE [--example] [--force]: the sidebar's churn template as an .xlsx. */
async function template(args: string[], io: CliIo, language: Language): Promise<number> {
  const options = parsedOr(() => parseTemplateArgs(args, (key, params) => usageError(language, key, params)), io, language);
  if (typeof options === 'number') return options;
  const { output, force } = options;
  try {
    if (existsSync(output) && !force) throw inputError(language, 'cli.outputExists', { file: output });
    if (!existsSync(path.join(io.root, 'dist/Code.js'))) throw inputError(language, 'cli.notBuilt');
    const timeZone = timeZoneOf(io.env, language, io.stderr);
    const host = createPlainHost({ root: io.root, sheets: { Sheet1: [['']] }, activeSheet: 'Sheet1', timeZone, locale: 'en_GB', userLocale: language });
    const sheet = insertTemplate(host, options.example);
    const data = await workbookToXlsx(host.apps);
    try {
      writeAtomically(output, data, force);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw inputError(language, 'cli.outputAppeared', { file: output });
      throw inputError(language, 'cli.cannotWrite', { file: output, error: errorText(error) });
    }
    io.stderr(`${templateWritten(language, sheet, output)}\n`);
    return 0;
  } catch (error) {
    io.stderr(`churn-sheet: ${errorText(error)}\n`);
    return 1;
  }
}

/**
 * A full garbage collection, where Node.js allows one. Between the stages of a large build (the
 * rows as read, each read of the add-on) most of the heap is garbage; collecting it then keeps
 * the peak memory near what is alive instead of letting V8 grow the heap to twice that first.
 */
let gc: (() => void) | undefined;
function collectGarbage(): void {
  if (gc === undefined) {
    gc = () => {};
    try {
      v8.setFlagsFromString('--expose-gc');
      const exposed = vm.runInNewContext('gc') as unknown;
      if (typeof exposed === 'function') gc = exposed as () => void;
    } catch {
      // Without it the build only takes more memory.
    }
  }
  gc();
}

/** For each row, 1 + the index of its last cell that holds a value (0 for an empty row). */
function filledEnds(rows: TableRows): Int32Array {
  const ends = new Int32Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    let c = row.length;
    while (c > 0 && (row[c - 1] === '' || row[c - 1] === null || row[c - 1] === undefined)) c--;
    ends[r] = c;
  }
  return ends;
}

/**
 * The add-on on the in-memory spreadsheet whose "Customers" sheet holds the rows. No formula
 * engine: the live formulas get the add-on's own numbers as their results (see build). A function
 * of its own, so the apostrophe-marked copy of the rows is gone when it returns.
 */
function sheetHost(rows: TableRows, root: string, timeZone: string, locale: string, language: Language) {
  return createPlainHost({ root, sheets: { Customers: rows.length > 0 ? asSheetValues(rows) : [['']] }, activeSheet: 'Customers', timeZone, locale, userLocale: language });
}

/**
 * Reads the file into the in-memory sheet "Customers" (with the add-on on it), and what the
 * checks after the inspection need of the rows as read. A function of its own, so those rows are
 * let go when it returns: from then on the sheet holds the table.
 */
async function readIntoSheet(input: string, content: Buffer, timeZone: string, options: Options, mode: 'values' | 'formulas', io: CliIo, language: Language, progress: Progress) {
  const fileReport: TableFileReport = {};
  let rows = await readTableFile(input, content, timeZone, options.locale, language, fileReport);
  if (fileReport.encoding === 'windows-1252') io.stderr(`${translate(language, 'cli.latin1', { file: input })}\n`);
  // A title or notes above the header row: the table is found below them.
  const headerIndex = headerRowIndex(rows, options.choices.columns.start);
  if (headerIndex > 0) rows = withoutLinesAbove(rows, headerIndex);
  progress.step(translate(language, 'cli.readRows', { count: Math.max(0, rows.length - 1), file: input }));
  // The table as read: an .xlsx's size only hinted at how many cells it holds.
  checkMemory(input, { rows: rows.length, cells: rows.length * (rows[0]?.length ?? 0) }, mode, io.env, language);
  // Where each row's last value is, for the check of rows longer than the header.
  const rowEnds = fileReport.delimiter === undefined ? null : filledEnds(rows);
  const host = sheetHost(rows, io.root, timeZone, options.locale, language);
  return { host, fileReport, headerIndex, rowCount: rows.length, rowEnds };
}

async function build(options: Options, io: CliIo, language: Language): Promise<number> {
  const { input, output } = options;
  if (!existsSync(input)) throw inputError(language, 'cli.noSuchFile', { file: input });
  if (!statSync(input).isFile()) throw inputError(language, 'cli.notAFile', { file: input });
  if (!/\.(csv|xlsx)$/i.test(input)) throw inputError(language, 'file.type', { file: input });
  // Not even --force replaces the file being read.
  if (output !== null && sameFile(input, output)) throw inputError(language, 'cli.outputIsInput', { file: output });
  if (output !== null && existsSync(output) && !options.force) {
    throw inputError(language, 'cli.outputExists', { file: output });
  }
  if (!existsSync(path.join(io.root, 'dist/Code.js'))) throw inputError(language, 'cli.notBuilt');

  const timeZone = timeZoneOf(io.env, language, io.stderr);
  let mode: 'values' | 'formulas' = options.values ? 'values' : 'formulas';
  const content = readFileSync(input);
  checkMemory(input, tableSize(input, content), mode, io.env, language);
  const large = looksLarge(input, content);
  const progress = new Progress({ write: io.stderr, terminal: io.stderrIsTerminal === true, quiet: options.quiet || !large });
  progress.step(translate(language, 'cli.reading', { file: input }));
  const { host, fileReport, headerIndex, rowCount, rowEnds } = await readIntoSheet(input, content, timeZone, options, mode, io, language, progress);
  if (large) collectGarbage();
  /** A row of the customer sheet as stored (dates as serial numbers, text as read, '' where empty). */
  const sheetRow = (row0: number): unknown[] => (row0 < 0 ? [] : (host.apps.rawRows('Customers', row0, 1).values[0] ?? []));
  let inspection = host.addOn.wizardInspect('Customers', null, options.billingExport) as TableInspection;
  // A billing system's export is read by the add-on's rules, which live formulas cannot follow: always values.
  const billingExport = inspection.billingExport ?? null;
  if (billingExport) {
    mode = 'values';
    io.stderr(`${billingExport.title}\n${billingExport.notes.map((note) => `  ${note}\n`).join('')}`);
    if (billingExport.blockers.length > 0) throw new InputError(`${input}: ${billingExport.blockers.join(' ')}`);
  }
  if (inspection.headerRow === 0 || inspection.rowCount === 0) {
    progress.end();
    throw inputError(language, 'cli.noTable', { file: input });
  }
  const usageFail: Fail = (key, params) => usageError(language, key, params);
  if (Object.keys(options.choices.columns).length > 0) {
    const mapping = mappingWithColumns(inspection.headers, inspection.mapping, options.choices.columns, usageFail);
    inspection = host.addOn.wizardInspect('Customers', mapping, options.billingExport) as TableInspection;
  }
  if (inspection.mapping.start === null && headerIndex < 0 && !looksLikeHeaderRow(sheetRow(inspection.headerRow - 1))) {
    const columns = inspection.headers.map((h) => `"${h}"`).join(', ');
    throw inputError(language, 'cli.noHeaderRow', { file: input, count: HEADER_SEARCH_ROWS, columns });
  }
  if (inspection.mapping.start === null) {
    const columns = inspection.headers.map((h) => `"${h}"`).join(', ');
    throw inputError(language, 'cli.noStartColumn', { file: input, choose: translate(language, 'wizard.noStartColumn'), columns });
  }
  if (inspection.span === null) {
    throw new InputError(`${input}: ${translate(language, 'wizard.noUsableRows', { problems: inspection.problems.join(' ') })}`);
  }
  if (fileReport.delimiter !== undefined) {
    const headerCells = sheetRow(inspection.headerRow - 1);
    let width = inspection.headers.length;
    for (let c = inspection.firstColumn - 1 + width; c < headerCells.length; c++) if (headerCells[c] !== '') width = c - inspection.firstColumn + 2;
    const end = inspection.firstColumn - 1 + width;
    const long: number[] = [];
    for (let r = inspection.headerRow; r < rowCount; r++) if (rowEnds![r] > end) long.push(r + 1);
    if (long.length > 0) throw inputError(language, 'cli.longRows', { file: input, rows: rowList(long), count: width });
  }
  const blockers = [...inspection.liveFormulaBlockers, ...(options.choices.segments ? inspection.segmentFormulaBlockers : [])];
  if (mode === 'formulas' && blockers.length > 0) {
    throw inputError(language, 'cli.liveBlocked', {
      file: input,
      message: translate(language, 'wizard.liveBlocked', { reasons: blockers.join(' ') }),
    });
  }

  progress.step(translate(language, 'cli.building', { count: inspection.rowCount }));
  const request: BuildRequest = {
    sheetName: 'Customers',
    headerRow: inspection.headerRow,
    firstColumn: inspection.firstColumn,
    mapping: inspection.mapping,
    period: options.period,
    firstPeriod: options.choices.firstPeriod,
    lastPeriod: options.choices.lastPeriod,
    cohorts: options.choices.cohorts,
    segments: options.choices.segments,
    profitPerCustomer: options.profit,
    output: mode,
    chart: true,
    winBack: options.winBack,
    billingExport: options.billingExport,
    ...(options.choices.method ? { method: options.choices.method } : {}),
  };
  let summary: BuildSummary;
  try {
    // Live formulas get the values build's numbers as their results: the .xlsx caches them.
    summary = buildWithOwnResults(host, request, large ? collectGarbage : undefined);
  } catch (error) {
    progress.end();
    throw new InputError(`${input}: ${errorText(error)}`);
  }
  const columnsNote = translate(language, 'cli.columns', { start: inspection.headers[inspection.mapping.start] }) +
    (inspection.mapping.end === null
      ? translate(language, 'cli.columns.noEnd')
      : translate(language, 'cli.columns.end', { end: inspection.headers[inspection.mapping.end] })) +
    (inspection.mapping.id === null ? '' : translate(language, 'cli.columns.id', { id: inspection.headers[inspection.mapping.id] }));
  progress.end();
  for (const note of inspection.dateNotes) io.stderr(`${note}\n`);
  if (summary.rowsSkipped > 0) {
    io.stderr(`${translate(language, 'ui.skipped', { count: summary.rowsSkipped })}\n${summary.problems.map((p) => `  ${p}\n`).join('')}`);
    if (summary.rowsSkipped > summary.problems.length) io.stderr(`  ${translate(language, 'table.moreProblems', { count: summary.rowsSkipped - summary.problems.length })}\n`);
  }

  if (output !== null) {
    if (large) collectGarbage();
    progress.step(translate(language, 'cli.writing', { file: output }));
    const data = await workbookToXlsx(host.apps, (sheet, done, total) =>
      progress.rows(sheet, translate(language, 'cli.writingRows', { file: output, sheet, done, total }), done, total),
    );
    progress.end();
    try {
      // Without --force, a file that appeared meanwhile is left alone: nothing is silently overwritten.
      writeAtomically(output, data, options.force);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw inputError(language, 'cli.outputAppeared', { file: output });
      throw inputError(language, 'cli.cannotWrite', { file: output, error: errorText(error) });
    }
  }
  const done = translate(language, 'ui.done', { sheet: summary.sheetName, periods: summary.periods, customers: summary.customers });
  const summaryLine = translate(language, 'cli.summary', {
    done,
    mode: translate(language, mode === 'formulas' ? 'cli.mode.formulas' : 'cli.mode.values'),
    columns: columnsNote,
    zone: timeZone,
  });
  io.stderr(`${summaryLine}${output === null ? '' : translate(language, 'cli.wrote', { file: output })}\n`);
  if (summary.lostSheetName !== null) io.stderr(`${translate(language, 'ui.winBackDone', { sheet: summary.lostSheetName })}\n`);

  if (options.json) {
    const zone = TimeZone.named(timeZone);
    const { header, rows: tableRows, segments: segmentBlocks } = churnTable(host.apps.values(summary.sheetName), zone);
    const json = (value: unknown) => JSON.stringify(value);
    io.stdout(
      [
        '{',
        `  "sheet": ${json(summary.sheetName)},`,
        `  "period": ${json(options.period)},`,
        `  "output": ${json(mode)},`,
        `  "customers": ${summary.customers},`,
        `  "rowsRead": ${summary.rowsRead},`,
        `  "rowsSkipped": ${summary.rowsSkipped},`,
        `  "problems": ${json(summary.problems)},`,
        `  "header": ${json(header)},`,
        ...(segmentBlocks.length > 0 ? [`  "segments": ${json(segmentBlocks)},`] : []),
        '  "rows": [',
        tableRows.map((row) => `    ${json(row)}`).join(',\n'),
        '  ]',
        '}',
        '',
      ].join('\n'),
    );
  }
  return 0;
}
