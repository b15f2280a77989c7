/**
 * churn-sheet: the wizard's churn sheet from a customer file, without a spreadsheet.
 *
 *   churn-sheet build customers.csv -o churn.xlsx [--period month|week|quarter|year] [--values]
 *                                               [--profit 30000] [--locale en_GB] [--json] [--force]
 *
 * The file is read as Sheets' import would read it (local/tableFile.ts) into the in-memory
 * spreadsheet, the built add-on (dist/Code.js) runs its sidebar's server functions on it
 * (wizardInspect, then wizardBuild: the same code path as the sidebar), and the spreadsheet is
 * written out as .xlsx (local/xlsx.ts). Exit codes: 0 done, 1 a problem with the input (or an
 * output file that already exists), 2 a usage error.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isoFromDay } from '../src/core/calendar';
import { TimeZone } from '../src/core/timezone';
import { translate } from '../src/i18n';
import type { BuildRequest, BuildSummary, PeriodKind, TableInspection } from '../src/shared/wizard';
import { createHost } from './host';
import { readTableFile } from './tableFile';
import { workbookToXlsx } from './xlsx';

export interface CliIo {
  stdout(s: string): void;
  stderr(s: string): void;
  /** The project root: dist/Code.js and dist/Sidebar.html are read from here. */
  root: string;
  env: Record<string, string | undefined>;
}

export const USAGE = `Usage: churn-sheet build <customers.csv|customers.xlsx> -o <churn.xlsx> [options]

Builds the churn sheet of the add-on's wizard from a customer table (a header row with a start
date column, optionally end date and customer id) and writes it as an .xlsx workbook.

Options:
  -o, --output <file>   the .xlsx file to write (an existing file is kept unless --force)
  --period <period>     month (default), week, quarter or year
  --values              write the computed numbers instead of live formulas
  --profit <amount>     profit per customer: adds a lost-profit column
  --locale <xx_YY>      how dates written as text are read, e.g. en_US (default en_GB)
  --json                print the churn table as JSON on stdout (with -o it is written too)
  --force               overwrite the output file if it exists
  -h, --help            show this text
`;

const PERIODS: readonly PeriodKind[] = ['month', 'week', 'quarter', 'year'];
const LARGE_INPUT_ROWS = 10_000;
/** An .xlsx stores ~10,000 short customer rows in about this many bytes. */
const LARGE_XLSX_BYTES = 256 * 1024;

class UsageError extends Error {}
class InputError extends Error {}

interface Options {
  input: string;
  output: string | null;
  period: PeriodKind;
  values: boolean;
  profit: number | null;
  json: boolean;
  force: boolean;
  locale: string;
}

function parseArgs(argv: string[]): Options | 'help' {
  const args = [...argv];
  if (args.length === 0) throw new UsageError('no command given.');
  const command = args.shift()!;
  if (command === '-h' || command === '--help' || command === 'help') return 'help';
  if (command !== 'build') throw new UsageError(`unknown command "${command}" (the command is "build").`);
  const options: Options = { input: '', output: null, period: 'month', values: false, profit: null, json: false, force: false, locale: 'en_GB' };
  const positional: string[] = [];
  while (args.length > 0) {
    let arg = args.shift()!;
    let inline: string | undefined;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    if (eq > 0) {
      inline = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    const valueOf = (): string => {
      const value = inline ?? args.shift();
      if (value === undefined || value === '') throw new UsageError(`${arg} needs a value.`);
      return value;
    };
    const noValue = () => {
      if (inline !== undefined) throw new UsageError(`${arg} takes no value.`);
    };
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
        if (!(PERIODS as readonly string[]).includes(period)) throw new UsageError(`--period must be month, week, quarter or year, not "${period}".`);
        options.period = period as PeriodKind;
        break;
      }
      case '--profit': {
        const text = valueOf();
        const profit = /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
        if (!Number.isFinite(profit)) throw new UsageError(`--profit must be a number of 0 or more, such as 30000, not "${text}".`);
        options.profit = profit;
        break;
      }
      case '--locale': {
        const locale = valueOf();
        if (!/^[a-z]{2,3}(?:[_-][A-Za-z]{2})?$/.test(locale)) throw new UsageError(`--locale must look like en_GB or nb_NO, not "${locale}".`);
        options.locale = locale.replace('-', '_');
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
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option "${arg}".`);
        positional.push(arg);
    }
  }
  if (positional.length === 0) throw new UsageError('the customer file is missing.');
  if (positional.length > 1) throw new UsageError(`one customer file at a time (got ${positional.map((p) => `"${p}"`).join(', ')}).`);
  options.input = positional[0];
  if (options.output === null && !options.json) throw new UsageError('-o <churn.xlsx> is missing (or use --json to print the table).');
  if (options.output !== null && !/\.xlsx$/i.test(options.output)) throw new UsageError(`the output file must end in .xlsx (got "${options.output}").`);
  return options;
}

function timeZoneOf(env: CliIo['env'], warn: (s: string) => void): string {
  const fromEnv = env.TZ?.replace(/^:/, '');
  if (fromEnv) {
    if (TimeZone.isValid(fromEnv)) return fromEnv;
    warn(`churn-sheet: TZ="${env.TZ}" is not a time zone name; using ${Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC'}.`);
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

const errorText = (error: unknown) => (error && typeof error === 'object' && 'message' in error ? String((error as Error).message) : String(error));

/** The built sheet's table: its header and the period rows, dates as ISO days, blank cells as null. */
function churnTable(values: unknown[][], zone: TimeZone): { header: string[]; rows: unknown[][] } {
  const headerRow = values[0] ?? [];
  let width = 0;
  while (width < headerRow.length && headerRow[width] !== '') width++;
  const cell = (value: unknown) => (value instanceof Date ? isoFromDay(zone.dayOf(value.getTime())) : value === '' ? null : value);
  return {
    header: headerRow.slice(0, width).map(String),
    rows: values.slice(1).filter((row) => row[0] instanceof Date).map((row) => row.slice(0, width).map(cell)),
  };
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  let options: Options | 'help';
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`churn-sheet: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (options === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  try {
    return await build(options, io);
  } catch (error) {
    io.stderr(`churn-sheet: ${errorText(error)}\n`);
    return 1;
  }
}

async function build(options: Options, io: CliIo): Promise<number> {
  const { input, output } = options;
  if (!existsSync(input)) throw new InputError(`${input}: no such file.`);
  if (!statSync(input).isFile()) throw new InputError(`${input} is not a file.`);
  if (!/\.(csv|xlsx)$/i.test(input)) throw new InputError(`${input}: only .csv and .xlsx files can be read (export the table as one of them).`);
  if (output !== null && existsSync(output) && !options.force) {
    throw new InputError(`${output} already exists; it was left as it is. Choose another -o file, or add --force to replace it.`);
  }
  if (!existsSync(path.join(io.root, 'dist/Code.js'))) throw new InputError('dist/Code.js is missing: run npm run build first.');

  const timeZone = timeZoneOf(io.env, io.stderr);
  const content = readFileSync(input);
  let progress = looksLarge(input, content);
  const step = (line: string) => {
    if (progress) io.stderr(`${line}\n`);
  };
  step(`reading ${input}...`);
  const rows = await readTableFile(input, content, timeZone, options.locale);
  if (rows.length > LARGE_INPUT_ROWS + 1) progress = true;

  const host = createHost({ root: io.root, sheets: { Customers: rows.length > 0 ? rows : [['']] }, activeSheet: 'Customers', timeZone, locale: options.locale });
  const inspection = host.addOn.wizardInspect('Customers', null) as TableInspection;
  if (inspection.headerRow === 0 || inspection.rowCount === 0) {
    throw new InputError(`${input}: there is no customer table in it (a header row with customer rows below it).`);
  }
  if (inspection.mapping.start === null) {
    const columns = inspection.headers.map((h) => `"${h}"`).join(', ');
    throw new InputError(
      `${input}: no start date column found. ${translate('en', 'wizard.noStartColumn')} The columns are ${columns}; ` +
        'name the start date column "Start date" (or Signup date, Created, Start).',
    );
  }
  if (inspection.span === null) {
    throw new InputError(`${input}: ${translate('en', 'wizard.noUsableRows', { problems: inspection.problems.join(' ') })}`);
  }
  const mode = options.values ? 'values' : 'formulas';
  if (mode === 'formulas' && inspection.liveFormulaBlockers.length > 0) {
    throw new InputError(
      `${input}: ${translate('en', 'wizard.liveBlocked', { reasons: inspection.liveFormulaBlockers.join(' ') })} (Add --values to write the numbers.)`,
    );
  }

  step(`building the churn sheet from ${inspection.rowCount} rows...`);
  const request: BuildRequest = {
    sheetName: 'Customers',
    headerRow: inspection.headerRow,
    firstColumn: inspection.firstColumn,
    mapping: inspection.mapping,
    period: options.period,
    firstPeriod: '',
    lastPeriod: '',
    profitPerCustomer: options.profit,
    output: mode,
    chart: true,
  };
  let summary: BuildSummary;
  try {
    summary = host.addOn.wizardBuild(request) as BuildSummary;
  } catch (error) {
    throw new InputError(`${input}: ${errorText(error)}`);
  }
  const columnsNote = `columns: start "${inspection.headers[inspection.mapping.start]}"` +
    (inspection.mapping.end === null ? ', no end date' : `, end "${inspection.headers[inspection.mapping.end]}"`) +
    (inspection.mapping.id === null ? '' : `, id "${inspection.headers[inspection.mapping.id]}"`);
  for (const note of inspection.dateNotes) io.stderr(`${note}\n`);
  if (summary.rowsSkipped > 0) {
    io.stderr(`${translate('en', 'ui.skipped', { count: summary.rowsSkipped })}\n${summary.problems.map((p) => `  ${p}\n`).join('')}`);
    if (summary.rowsSkipped > summary.problems.length) io.stderr(`  ${translate('en', 'table.moreProblems', { count: summary.rowsSkipped - summary.problems.length })}\n`);
  }

  if (output !== null) {
    step(`writing ${output}...`);
    const data = await workbookToXlsx(host.apps);
    try {
      // 'wx' fails if the file appeared meanwhile: nothing is ever silently overwritten.
      writeFileSync(output, data, { flag: options.force ? 'w' : 'wx' });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw new InputError(`${output} already exists; it was left as it is. Add --force to replace it.`);
      throw new InputError(`cannot write ${output}: ${errorText(error)}`);
    }
  }
  const done = translate('en', 'ui.done', { sheet: summary.sheetName, periods: summary.periods, customers: summary.customers });
  io.stderr(`${done} (${mode === 'formulas' ? 'live formulas' : 'values'}; ${columnsNote}; time zone ${timeZone})${output === null ? '' : ` Wrote ${output}.`}\n`);

  if (options.json) {
    const zone = TimeZone.named(timeZone);
    const { header, rows: tableRows } = churnTable(host.apps.values(summary.sheetName), zone);
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
