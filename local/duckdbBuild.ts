/**
 * churn-sheet build with DuckDB: for a customer file larger than a spreadsheet holds (over two
 * million rows), a Parquet file, or `--engine duckdb`. DuckDB reads the file with its own CSV or
 * Parquet reader and runs the statement of src/sql (the same definitions as the engine), and the
 * churn sheet is written as values with the wizard's own plan and sheet writer into the
 * in-memory spreadsheet, then saved with local/xlsx.ts.
 *
 * The workbook has no customer sheet (the table would not fit in one); an "About" sheet says so,
 * with the file's name and the day the figures were computed. With --segments, each segment's
 * block follows the total, in the add-on's order of blocks. Live formulas, the win-back list
 * and the lost-profit column need the table in the workbook or the add-on's engine, so they are
 * refused with a message rather than silently left out.
 */
import { closeSync, existsSync, openSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dayFromCivil, isoFromDay } from '../src/core/calendar';
import type { PeriodRow } from '../src/core/churnTable';
import { detectColumns } from '../src/core/columns';
import { isPeriodKind, type PeriodKind } from '../src/core/periods';
import type { RevenueRow } from '../src/core/revenue';
import { segmentKey, segmentKeyOrder } from '../src/core/segments';
import { TimeZone } from '../src/core/timezone';
import { translate, type Language, type MessageKey, type MessageParams } from '../src/i18n';
import { planChurnSheet, type PlanBlock } from '../src/server/churnSheetPlan';
import { writeChurnSheet } from '../src/server/sheetWriter';
import { DIALECTS } from '../src/sql/dialects';
import { churnSql, type SqlColumns } from '../src/sql/statement';
// No formula engine: this sheet holds values, and the CLI never loads HyperFormula (GPL-3).
import { createFakeAppsWith } from './appsScript/fakeApps';
import { churnTable } from './churnJson';
import { inputOf, nextOption } from './cliOptions';
import { workbookToXlsx } from './xlsx';

/** Sheets holds 10 million cells; a customer table of more than two million rows of five columns cannot be a sheet. */
export const SPREADSHEET_ROWS = 2_000_000;
/** Below this size a CSV cannot hold more than two million rows (each row is at least a date and a newline). */
const SMALL_CSV_BYTES = 20 * SPREADSHEET_ROWS;

export class DuckDbInputError extends Error {}
export class DuckDbUsageError extends Error {}

export interface DuckDbBuildOptions {
  input: string;
  output: string | null;
  period: PeriodKind;
  force: boolean;
  json: boolean;
  /** --segments: a block per segment below the total. */
  segments: boolean;
  /** Columns named on the command line (--start "Signup"), instead of the ones found by their headers. */
  chosen: Partial<Record<'start' | 'end' | 'id' | 'amount' | 'segment', string>>;
}

/** Whether a CSV has more data rows than `limit`, reading no further than needed. */
export function csvHasMoreRows(file: string, limit: number): boolean {
  if (statSync(file).size < SMALL_CSV_BYTES) return false;
  const fd = openSync(file, 'r');
  const buffer = Buffer.alloc(1 << 20);
  let lines = 0;
  try {
    for (;;) {
      const read = readSync(fd, buffer, 0, buffer.length, null);
      if (read === 0) return false;
      for (let i = 0; i < read; i++) if (buffer[i] === 10) lines++;
      if (lines > limit + 1) return true; // the header line is not a customer
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * `build` goes to DuckDB with `--engine duckdb`, for a Parquet file, or for a CSV too large for
 * a spreadsheet; `--engine add-on` keeps the add-on's own engine. Returns the arguments the
 * add-on's build reads (without --engine) when it is not DuckDB's.
 */
export function routeBuild(argv: string[]): { engine: 'duckdb' } | { engine: 'add-on'; argv: string[] } {
  const rest: string[] = [];
  let engine: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--engine') engine = argv[++i] ?? '';
    else if (arg.startsWith('--engine=')) engine = arg.slice('--engine='.length);
    else rest.push(arg);
  }
  if (engine === 'duckdb') return { engine: 'duckdb' };
  if (engine === 'add-on') return { engine: 'add-on', argv: rest };
  if (engine !== undefined) return { engine: 'add-on', argv: [...rest, `--engine=${engine}`] }; // reported as an unknown option
  const input = rest.slice(1).find((arg, i, all) => /\.(csv|parquet)$/i.test(arg) && all[i - 1] !== '-o' && all[i - 1] !== '--output');
  if (input && /\.parquet$/i.test(input)) return { engine: 'duckdb' };
  if (input && /\.csv$/i.test(input) && existsSync(input) && statSync(input).isFile() && csvHasMoreRows(input, SPREADSHEET_ROWS)) return { engine: 'duckdb' };
  return { engine: 'add-on', argv: rest };
}

const usageError = (language: Language, key: MessageKey, params: MessageParams = {}) => new DuckDbUsageError(translate(language, key, params));
const inputError = (language: Language, key: MessageKey, params: MessageParams = {}) => new DuckDbInputError(translate(language, key, params));

/** The options of `build` that the DuckDB path honours; the others are refused by name. */
export function parseDuckDbArgs(argv: string[], language: Language): DuckDbBuildOptions {
  const args = argv.slice(1); // after "build"
  const options: DuckDbBuildOptions = { input: '', output: null, period: 'month', force: false, json: false, segments: false, chosen: {} };
  const positional: string[] = [];
  while (args.length > 0) {
    const { arg, valueOf } = nextOption(args, (key, params) => usageError(language, key, params));
    switch (arg) {
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
      case '--engine':
        valueOf();
        break;
      case '--start':
      case '--end':
      case '--id':
      case '--amount':
      case '--segment':
        options.chosen[arg.slice(2) as 'start'] = valueOf();
        break;
      case '--segments':
        options.segments = true;
        break;
      case '--locale':
        valueOf(); // DuckDB's reader decides how dates written as text are read
        break;
      case '--force':
        options.force = true;
        break;
      case '--json':
        options.json = true;
        break;
      case '--values':
      case '--quiet':
        break;
      case '--profit':
      case '--win-back':
      case '--cohorts':
      case '--first':
      case '--last':
      case '--method':
        throw usageError(language, 'cli.duckdb.notAvailable', { option: arg });
      default:
        if (arg.startsWith('-') && arg !== '-') throw usageError(language, 'cli.unknownOption', { option: arg });
        positional.push(arg);
    }
  }
  options.input = inputOf(positional, options.output, options.json, (key, params) => usageError(language, key, params));
  return options;
}

type DuckValue = string | number | bigint | boolean | null | { toString(): string };

interface DuckDbConnection {
  run(sql: string): Promise<unknown>;
  runAndReadAll(sql: string): Promise<{ getRowsJson(): unknown[][] }>;
  closeSync?(): void;
}

async function connect(language: Language): Promise<DuckDbConnection> {
  let api: { DuckDBInstance: { create(path: string, options?: Record<string, string>): Promise<{ connect(): Promise<DuckDbConnection> }> } };
  try {
    api = (await import('@duckdb/node-api')) as unknown as typeof api;
  } catch {
    throw inputError(language, 'cli.duckdb.missing');
  }
  const instance = await api.DuckDBInstance.create(':memory:');
  return instance.connect();
}

/** DuckDB's reader of the file, with the path as a quoted literal. */
export function fileReader(file: string): string {
  const literal = DIALECTS.duckdb.text(path.resolve(file));
  return /\.parquet$/i.test(file) ? `read_parquet(${literal})` : `read_csv(${literal}, header = true)`;
}

export interface DuckDbTables {
  headers: string[];
  columns: SqlColumns;
  /** The total: all customers. */
  rows: PeriodRow[];
  revenue: RevenueRow[] | undefined;
  /** With --segments, one block per segment after the total, titled by its name. */
  segmentBlocks: PlanBlock[];
  customers: number;
  /** Rows of the file, counted or not. */
  rowCount: number;
}

const num = (value: unknown) => (value === null || value === undefined ? 0 : Number(value as DuckValue));
const dayOf = (iso: unknown) => {
  const [y, m, d] = String(iso).split('-').map(Number);
  return dayFromCivil(y, m, d);
};

/** A churn statement's row as the engine's PeriodRow; `at` is where the period start is (after the segment label, with segments). */
function periodRowOf(r: unknown[], at: number): PeriodRow {
  return {
    startDay: dayOf(r[at]),
    customersAtStart: num(r[at + 1]),
    newCustomers: num(r[at + 2]),
    reactivated: num(r[at + 3]),
    churned: num(r[at + 4]),
    churnedNew: num(r[at + 5]),
    customersAtEnd: num(r[at + 6]),
  };
}

/**
 * The statement's rows cut into blocks: every block holds every period of the span (the
 * statement crosses blocks with periods), so the total's length cuts the rest; a title is the
 * block's label.
 */
function blocksOf(result: unknown[][], segmented: boolean): { label: string; rows: unknown[][] }[] {
  if (!segmented) return [{ label: '', rows: result }];
  const first = result.length > 0 ? result[0][0] : undefined;
  let periods = 0;
  while (periods < result.length && result[periods][0] === first) periods++;
  const blocks: { label: string; rows: unknown[][] }[] = [];
  for (let i = 0; i < result.length; i += Math.max(periods, 1)) blocks.push({ label: String(result[i][0] ?? ''), rows: result.slice(i, i + periods) });
  return blocks;
}

/** The churn table (and the revenue table, with an amount column) of a file, computed in DuckDB; with `segments`, one block per segment too. */
export async function computeWithDuckDb(
  file: string,
  period: PeriodKind,
  timeZone: string,
  language: Language,
  chosen: DuckDbBuildOptions['chosen'] = {},
  segments = false,
): Promise<DuckDbTables> {
  const connection = await connect(language);
  const from = fileReader(file);
  const described = (await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${from}`)).getRowsJson();
  const headers = described.map((row) => String(row[0]));
  const types = described.map((row) => String(row[1]).toUpperCase());
  const mapping = detectColumns(headers);
  // A column named on the command line wins over the one found; the header is matched in any case.
  for (const [role, header] of Object.entries(chosen) as [keyof typeof chosen, string][]) {
    const index = headers.findIndex((h) => h.toLowerCase() === header.toLowerCase());
    if (index < 0) throw inputError(language, 'cli.noStartColumn', { file, choose: '', columns: headers.map((h) => `"${h}"`).join(', ') });
    for (const other of ['start', 'end', 'id', 'amount', 'segment'] as const) if (mapping[other] === index) mapping[other] = null;
    mapping[role] = index;
  }
  if (mapping.start === null) {
    throw inputError(language, 'cli.noStartColumn', { file, choose: translate(language, 'wizard.noStartColumn'), columns: headers.map((h) => `"${h}"`).join(', ') });
  }
  if (segments && mapping.segment === null) throw inputError(language, 'wizard.noSegmentColumn');
  const columns: SqlColumns = { start: headers[mapping.start] };
  if (mapping.end !== null) columns.end = headers[mapping.end];
  if (mapping.id !== null) columns.id = headers[mapping.id];
  if (mapping.amount !== null) columns.amount = headers[mapping.amount];
  if (segments) columns.segment = headers[mapping.segment!];
  // An instant (TIMESTAMP WITH TIME ZONE) is a day in the spreadsheet's zone; a DATE or a plain TIMESTAMP is the day it shows.
  const instant = (index: number | null) => index !== null && types[index].includes('TIME ZONE');
  // The file is read once, only its mapped columns, into a table both statements and the row count use.
  const used = [...new Set(Object.values(columns) as string[])];
  await connection.run(`CREATE TEMP TABLE customers AS SELECT ${used.map((c) => DIALECTS.duckdb.identifier(c)).join(', ')} FROM ${from}`);
  const rowCount = num((await connection.runAndReadAll('SELECT COUNT(*) FROM customers')).getRowsJson()[0][0]);
  const blankTitle = translate(language, 'table.blankSegment');
  const base = {
    dialect: 'duckdb' as const,
    table: 'customers',
    period,
    timeZone,
    instants: { start: instant(mapping.start), end: instant(mapping.end) },
    labels: { all: '', blank: blankTitle },
  };
  const at = segments ? 1 : 0;
  const churn = blocksOf((await connection.runAndReadAll(churnSql({ ...base, columns, kind: 'churn' }))).getRowsJson(), segments);
  const blocks: PlanBlock[] = churn.map(({ label, rows }, b) => ({ title: b === 0 ? null : label, rows: rows.map((r) => periodRowOf(r, at)) }));
  if (columns.amount !== undefined) {
    const money = blocksOf((await connection.runAndReadAll(churnSql({ ...base, columns, kind: 'revenue' }))).getRowsJson(), segments);
    const byBlock = new Map(money.map(({ label, rows }, b) => [b === 0 ? null : label, new Map(rows.map((r) => [dayOf(r[at]), r]))]));
    // The revenue table leaves out rows without a usable amount, so its periods (and blocks) can be fewer: zeros there.
    for (const block of blocks) {
      const byDay = byBlock.get(block.title);
      block.revenue = block.rows.map((row) => {
        const r = byDay?.get(row.startDay);
        const value = (i: number) => (r ? num(r[at + i]) : 0);
        return { startDay: row.startDay, mrrAtStart: value(1), newMrr: value(2), reactivationMrr: value(3), expansionMrr: value(4), contractionMrr: value(5), churnedMrr: value(6), mrrAtEnd: value(7) };
      });
    }
  }
  connection.closeSync?.();
  // The statement orders segments by code point; the add-on's blocks follow its own order of names, the blank segment last.
  const order = segmentKeyOrder();
  const keyOfBlock = (block: PlanBlock) => (block.title === blankTitle ? '' : segmentKey(block.title ?? ''));
  // An empty table gives no rows at all, not even the total's.
  const [total = { title: null, rows: [] }, ...segmentBlocks] = blocks;
  segmentBlocks.sort((a, b) => order(keyOfBlock(a), keyOfBlock(b)));
  const customers = total.rows.reduce((sum, row) => sum + row.newCustomers, 0);
  return { headers, columns, rows: total.rows, revenue: total.revenue, segmentBlocks, customers, rowCount };
}

/** The workbook: the churn sheet as values, and the "About" sheet in place of the customer table. */
export async function duckDbWorkbook(file: string, tables: DuckDbTables, period: PeriodKind, timeZone: string, language: Language, today: string): Promise<{ xlsx: Buffer; sheetName: string; header: string[]; values: unknown[][] }> {
  const plan = planChurnSheet({
    blocks: [{ title: null, rows: tables.rows, revenue: tables.revenue }, ...tables.segmentBlocks],
    kind: period,
    output: 'values',
    source: { sheetName: path.basename(file), startColumn: 1, endColumn: null, firstDataRow: 2, lastRow: 2, wholeColumns: false },
    profitPerCustomer: null,
    language,
  });
  const aboutName = translate(language, 'cli.duckdb.noteSheet');
  const apps = createFakeAppsWith({ timeZone, locale: 'en_GB', userLocale: language, sheets: { [aboutName]: [[translate(language, 'cli.duckdb.note', { rows: tables.rowCount.toLocaleString('en-US'), file: path.basename(file), date: today })]] }, activeSheet: aboutName }, null);
  const spreadsheet = (apps.globals.SpreadsheetApp as { getActive(): GoogleAppsScript.Spreadsheet.Spreadsheet }).getActive();
  const sheet = spreadsheet.insertSheet(plan.baseName, 0);
  // The writer draws its chart with the Charts service; the in-memory spreadsheet has one.
  const scope = globalThis as { Charts?: unknown };
  const previous = scope.Charts;
  scope.Charts = apps.globals.Charts;
  try {
    writeChurnSheet(sheet, plan, true, language);
  } finally {
    scope.Charts = previous;
  }
  spreadsheet.setActiveSheet(sheet);
  return { xlsx: await workbookToXlsx(apps), sheetName: plan.baseName, header: plan.header, values: apps.values(plan.baseName) };
}

export interface DuckDbIo {
  stdout(s: string): void;
  stderr(s: string): void;
  env: Record<string, string | undefined>;
}

function zoneOf(env: DuckDbIo['env']): string {
  const zone = env.TZ;
  return zone && TimeZone.isValid(zone) ? zone : 'UTC';
}

/** Runs `churn-sheet build ...` on DuckDB: 0 done, 1 a problem with the input, 2 a usage error. */
export async function runDuckDbBuild(argv: string[], io: DuckDbIo, language: Language, usage: string): Promise<number> {
  let options: DuckDbBuildOptions;
  try {
    options = parseDuckDbArgs(argv, language);
  } catch (error) {
    if (!(error instanceof DuckDbUsageError)) throw error;
    io.stderr(`churn-sheet: ${error.message}\n\n${usage}`);
    return 2;
  }
  try {
    const { input, output } = options;
    if (!existsSync(input)) throw inputError(language, 'cli.noSuchFile', { file: input });
    if (!statSync(input).isFile()) throw inputError(language, 'cli.notAFile', { file: input });
    if (output !== null && path.resolve(output) === path.resolve(input)) throw inputError(language, 'cli.outputIsInput', { file: output });
    if (output !== null && existsSync(output) && !options.force) throw inputError(language, 'cli.outputExists', { file: output });
    const timeZone = zoneOf(io.env);
    io.stderr(`${translate(language, 'cli.duckdb.computing', { file: input })}\n`);
    const tables = await computeWithDuckDb(input, options.period, timeZone, language, options.chosen, options.segments);
    const today = isoFromDay(TimeZone.named(timeZone).dayOf(Date.now()));
    const book = await duckDbWorkbook(input, tables, options.period, timeZone, language, today);
    if (output !== null) {
      // Written beside the target and renamed into place: an interrupted run leaves no half-written file.
      const temporary = `${output}.${process.pid}.tmp`;
      try {
        writeFileSync(temporary, book.xlsx, { flag: 'wx' });
        if (!options.force && existsSync(output)) throw inputError(language, 'cli.outputAppeared', { file: output });
        renameSync(temporary, output);
      } finally {
        rmSync(temporary, { force: true });
      }
    }
    const done = translate(language, 'ui.done', { sheet: book.sheetName, periods: tables.rows.length, customers: tables.customers });
    io.stderr(`${done}${output === null ? '' : translate(language, 'cli.wrote', { file: output })}\n`);
    if (options.json) {
      // Read from the sheet as the add-on's build reads its own, so both print the same table.
      const { header, rows, segments } = churnTable(book.values, TimeZone.named(timeZone));
      const json = { sheet: book.sheetName, period: options.period, output: 'values', engine: 'duckdb', customers: tables.customers, header, ...(segments.length > 0 ? { segments } : {}), rows };
      io.stdout(`${JSON.stringify(json, null, 2)}\n`);
    }
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`churn-sheet: ${message}\n`);
    return 1;
  }
}
