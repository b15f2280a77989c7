/**
 * The sidebar's choices as churn-sheet options (--cohorts, --segments, the columns by header,
 * the first and last period), the checks of a customer file the sidebar leaves to the person
 * looking at it (where the header row is, rows split into more fields than the header has), and
 * the template command. local/cli.ts parses the rest and runs the build.
 */
import { COLUMN_ROLES, detectColumns, type ColumnMapping, type ColumnRole } from '../src/core/columns';
import { dayFromCivil, isoFromDay, validDayFromCivil } from '../src/core/calendar';
import { isAdjustedMethod, type AdjustedMethod } from '../src/core/metrics';
import { translate, type Language, type MessageKey, type MessageParams } from '../src/i18n';
import type { Host } from './host';
import type { TableRows } from './tableFile';

/** An error for a message of the catalogue; the caller decides whether it is a usage or an input error. */
export type Fail = (key: MessageKey, params?: MessageParams) => Error;

export interface WizardChoices {
  cohorts: boolean;
  segments: boolean;
  /** Header texts that name a column, instead of the one the wizard finds. */
  columns: Partial<Record<ColumnRole, string>>;
  /** ISO day inside the first and last period to show; '' for the table's own span. */
  firstPeriod: string;
  lastPeriod: string;
  /** What the adjusted churn column divides by, as CHURN_TABLE's method (absent: the wizard's 'start'). */
  method?: AdjustedMethod;
}

export const noChoices = (): WizardChoices => ({ cohorts: false, segments: false, columns: {}, firstPeriod: '', lastPeriod: '' });

/** How many rows from the top a header row is looked for in, as a title or notes may come first. */
export const HEADER_SEARCH_ROWS = 10;

/**
 * Takes one of the sidebar's options (`arg`, its value from `valueOf`); false when `arg` is not
 * one of them.
 */
export function takeWizardOption(arg: string, valueOf: () => string, noValue: () => void, choices: WizardChoices, usage: Fail): boolean {
  const role = /^--(start|end|id|amount|segment)$/.exec(arg)?.[1] as ColumnRole | undefined;
  if (role) {
    choices.columns[role] = valueOf();
    return true;
  }
  switch (arg) {
    case '--cohorts':
      noValue();
      choices.cohorts = true;
      return true;
    case '--segments':
      noValue();
      choices.segments = true;
      return true;
    case '--first':
      choices.firstPeriod = periodDay(arg, valueOf(), usage);
      return true;
    case '--last':
      choices.lastPeriod = periodDay(arg, valueOf(), usage, true);
      return true;
    case '--method': {
      const method = valueOf();
      if (!isAdjustedMethod(method)) throw usage('cli.badMethod', { value: method });
      choices.method = method;
      return true;
    }
    default:
      return false;
  }
}

/** 2024-01 (its first day, or its last for --last) or a calendar day 2024-01-31, as an ISO day. */
export function periodDay(option: string, text: string, usage: Fail, lastDay = false): string {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(text.trim());
  const [year, month] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
  // A day that does not exist (2024-02-30) is refused, not rolled over into March.
  const day = !match ? undefined : match[3] !== undefined ? validDayFromCivil(year, month, Number(match[3])) : validDayFromCivil(year, month, 1);
  if (day === undefined) throw usage('cli.badMonth', { option, value: text });
  return isoFromDay(match![3] === undefined && lastDay ? dayFromCivil(year, month + 1, 1) - 1 : day);
}

/**
 * The wizard's column mapping with the columns named on the command line: a header is found
 * ignoring case and surrounding spaces; one the table does not have fails, naming the headers it has.
 */
export function mappingWithColumns(headers: readonly string[], found: ColumnMapping, columns: WizardChoices['columns'], usage: Fail): ColumnMapping {
  const mapping = { ...found };
  const key = (text: string) => text.trim().toLowerCase();
  for (const role of COLUMN_ROLES) {
    const wanted = columns[role];
    if (wanted === undefined) continue;
    const index = headers.findIndex((header) => key(header) === key(wanted));
    if (index < 0) throw usage('cli.noSuchColumn', { option: `--${role}`, value: wanted, columns: headers.map((h) => `"${h}"`).join(', ') });
    // A column chosen for one role is no longer another's.
    for (const other of COLUMN_ROLES) if (other !== role && mapping[other] === index) mapping[other] = null;
    mapping[role] = index;
  }
  return mapping;
}

const filled = (cell: unknown) => !(cell === '' || cell === null || cell === undefined);

/**
 * The first row, among the first HEADER_SEARCH_ROWS, whose headers the wizard recognises a start
 * date column in (or that holds the header named by --start); -1 when none does.
 */
export function headerRowIndex(rows: TableRows, startHeader: string | undefined): number {
  const wanted = startHeader?.trim().toLowerCase();
  for (let r = 0; r < Math.min(rows.length, HEADER_SEARCH_ROWS); r++) {
    const cells = rows[r].map((cell) => (typeof cell === 'string' ? cell.trim() : cell));
    if (cells.filter(filled).length === 0) continue;
    if (wanted !== undefined ? cells.some((cell) => typeof cell === 'string' && cell.toLowerCase() === wanted) : detectColumns(cells).start !== null) return r;
  }
  return -1;
}

/**
 * The rows above a header row that a title or notes take up, emptied, so the table is found under
 * them as the sidebar finds a table under a title and a blank row. Row numbers stay those of the file.
 */
export function withoutLinesAbove(rows: TableRows, headerIndex: number): TableRows {
  return rows.map((row, r) => (r < headerIndex ? row.map(() => '') : row));
}

/** Row numbers as a short list: the first ten, then how many more. */
export function rowList(rows: readonly number[]): string {
  return rows.length <= 10 ? rows.join(', ') : `${rows.slice(0, 10).join(', ')}, … (${rows.length})`;
}

/** Options of `churn-sheet template`. */
export interface TemplateOptions {
  output: string;
  example: boolean;
  force: boolean;
}

/** build's options, which the template command does not take. */
const BUILD_OPTIONS = new Set(['--period', '--values', '--profit', '--locale', '--win-back', '--json', '--quiet', '--cohorts', '--segments', '--start', '--end', '--id', '--amount', '--segment', '--first', '--last', '--method']);

/** Parses the template command's arguments (after "template"); 'help' for -h. */
export function parseTemplateArgs(args: string[], usage: Fail): TemplateOptions | 'help' {
  const options = { output: '', example: false, force: false };
  const rest = [...args];
  while (rest.length > 0) {
    const { arg, valueOf, noValue } = nextOption(rest, usage);
    switch (arg) {
      case '-h':
      case '--help':
        return 'help';
      case '-o':
      case '--output':
        options.output = valueOf();
        break;
      case '--example':
        noValue();
        options.example = true;
        break;
      case '--force':
        noValue();
        options.force = true;
        break;
      default:
        // The template reads no file: anything else is one of build's options or a mistake.
        throw usage(BUILD_OPTIONS.has(arg) ? 'cli.templateOption' : 'cli.unknownOption', { option: arg });
    }
  }
  if (options.output === '') throw usage('cli.noOutput');
  if (!/\.xlsx$/i.test(options.output)) throw usage('cli.outputNotXlsx', { file: options.output });
  return options;
}

/**
 * The churn template as the sidebar's "Insert churn template" adds it, alone in the workbook
 * (the blank sheet it was inserted into is removed). Returns the template sheet's name.
 */
export function insertTemplate(host: Host, example: boolean): string {
  const blank = host.apps.sheetNames();
  const { sheetName } = host.addOn.wizardInsertTemplate(example) as { sheetName: string };
  for (const name of blank) if (name !== sheetName) host.apps.removeSheet(name);
  return sheetName;
}

/** The message of the template command's success, in the CLI's language. */
export const templateWritten = (language: Language, sheet: string, file: string) => translate(language, 'cli.wroteTemplate', { sheet, file });

/** The one input file of `build` and where it goes, checked the same way whichever engine builds; returns the input. */
export function inputOf(positional: string[], output: string | null, json: boolean, usage: Fail): string {
  if (positional.length === 0) throw usage('cli.noInput');
  if (positional.length > 1) throw usage('cli.manyInputs', { files: positional.map((p) => `"${p}"`).join(', ') });
  if (output === null && !json) throw usage('cli.noOutput');
  if (output !== null && !/\.xlsx$/i.test(output)) throw usage('cli.outputNotXlsx', { file: output });
  return positional[0];
}

/** The next command-line option: its name (`--name=value` split at the "="), and its value or the check that it has none. */
export interface OptionToken {
  arg: string;
  /** The inline value or the next argument; a usage error when there is none. */
  valueOf(): string;
  /** A usage error when the option was given an inline value. */
  noValue(): void;
}

/** Takes the next option off `args` (the value too, when valueOf is called). */
export function nextOption(args: string[], usage: Fail): OptionToken {
  let arg = args.shift()!;
  let inline: string | undefined;
  const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
  if (eq > 0) {
    inline = arg.slice(eq + 1);
    arg = arg.slice(0, eq);
  }
  return {
    arg,
    valueOf() {
      const value = inline ?? args.shift();
      if (value === undefined || value === '') throw usage('cli.needsValue', { option: arg });
      return value;
    },
    noValue() {
      if (inline !== undefined) throw usage('cli.takesNoValue', { option: arg });
    },
  };
}
