/**
 * Reading a customer table from a file on this machine into the rows a spreadsheet would hold
 * after File > Import: CSV (RFC 4180, delimiter `,`, `;` or tab taken from the header line,
 * UTF-8 with or without a byte order mark) or the first worksheet of an .xlsx.
 *
 * Like Sheets' import, text that is a date becomes a date cell (a JS Date at midnight of that
 * day in the spreadsheet's time zone, read with the engine's own DateReader, the column's
 * day/month order decided by its own values and then the locale), text that is a plain number
 * becomes a number, and everything else stays text. The header row stays text. Formula cells of
 * an .xlsx give their saved results: a file's formulas are never copied (see asSheetValues).
 */
import ExcelJS from 'exceljs';
import { MS_PER_DAY } from '../src/core/calendar';
import { DateReader, dateOrderOfLocale, dayMonthEvidence, resolveDateOrder } from '../src/core/dates';
import { monthNamesOf } from '../src/core/monthNames';
import { decimalSeparatorOfLocale } from '../src/core/numbers';
import { TimeZone } from '../src/core/timezone';
import { translate, type Language } from '../src/i18n';

export type TableRows = unknown[][];

/** A plain decimal number as typed: 42, -3.5, .5, 1e3. Leading zeros ("0042") stay text: they are ids, not numbers. */
const PLAIN_NUMBER = /^[-+]?(?:0|[1-9]\d*|0?\.\d+|(?:0|[1-9]\d*)\.\d*)(?:[eE][-+]?\d+)?$/;
/** A number written with a decimal comma: 149,5, -0,25, ,5 (no grouping: "1.234,5" stays text, as an id might). */
const COMMA_DECIMAL = /^[-+]?(?:(?:0|[1-9]\d*),\d+|,\d+)$/;

/**
 * Text that a sheet would not keep as the text it is: a formula ("=HYPERLINK(...)"), a sign or
 * an @ that spreadsheets read as the start of one ("+cmd", "-1+2", "@SUM"), an apostrophe that a
 * sheet takes as the text marker, or what typed input becomes a number, date, time or boolean
 * ("0042", ".5", "2024-01-31", "12:30", "TRUE"; see local/appsScript/typedText.ts). Leading
 * spaces do not hide any of these.
 */
const NEEDS_APOSTROPHE = /^\s*(?:[-=+@'.,\d]|(?:true|false)\s*$)/i;

/**
 * The rows as they are written into a sheet. A file holds data, never instructions: text that a
 * sheet would read as something else gets a leading apostrophe, so Sheets (and the in-memory
 * spreadsheet) keep it as the text it is: "=HYPERLINK(...)" or "+cmd" is not run as a formula,
 * "0042" is not read as a number. Other text needs none; a row without such text is handed over
 * as it is (no copy: a large table is not held twice).
 */
export function asSheetValues(rows: TableRows): TableRows {
  return rows.map((row) => {
    let copy: unknown[] | undefined;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (typeof cell === 'string' && NEEDS_APOSTROPHE.test(cell)) (copy ??= row.slice())[c] = `'${cell}`;
    }
    return copy ?? row;
  });
}

/** What reading a file noticed, for a caller that reports it (the command line does). */
export interface TableFileReport {
  /** How a CSV's bytes were read: UTF-8, or Windows-1252 (Latin-1) when they are not valid UTF-8. */
  encoding?: 'utf-8' | 'windows-1252';
  /** The CSV's field separator. */
  delimiter?: string;
  /** The decimal separator numbers were read with. */
  decimal?: '.' | ',';
}

/** Reads a .csv or .xlsx file into typed cells; its errors are in `language`. */
export async function readTableFile(fileName: string, content: Buffer, timeZone: string, locale: string, language: Language = 'en', report: TableFileReport = {}): Promise<TableRows> {
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  let rows: TableRows;
  // Numbers as the file writes them: a ;-separated file comes from a locale that writes 149,5.
  let decimal = decimalSeparatorOfLocale(locale);
  if (extension === 'csv') {
    const text = decodeCsv(content, report);
    const delimiter = detectDelimiter(text);
    const open: { unclosedQuoteRow?: number } = {};
    rows = parseCsv(text, delimiter, open);
    if (open.unclosedQuoteRow !== undefined) throw new Error(translate(language, 'file.unclosedQuote', { file: fileName, row: open.unclosedQuoteRow }));
    if (delimiter === ';') decimal = ',';
    report.delimiter = delimiter;
  } else if (extension === 'xlsx') rows = await readXlsx(content, timeZone, language);
  else throw new Error(translate(language, 'file.type', { file: fileName }));
  report.decimal = decimal;
  return typeCells(rows, timeZone, locale, decimal);
}

/**
 * A CSV's text: UTF-8 (a byte order mark dropped), or, when the bytes are not valid UTF-8, as
 * Windows-1252, the Latin-1 superset older Excel versions save "CSV" in ("Æ" stays "Æ", not "�").
 */
function decodeCsv(content: Buffer, report: TableFileReport): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(content);
    report.encoding = 'utf-8';
  } catch {
    text = new TextDecoder('windows-1252').decode(content);
    report.encoding = 'windows-1252';
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The delimiter that splits the header line (outside quotes) into the most fields; `,` when none does. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0]]);
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const [delimiter, count] of counts) if (count > counts.get(best)!) best = delimiter;
  return best;
}

/** RFC 4180: quoted fields may hold delimiters, line breaks and doubled quotes; CRLF, LF or CR end a record. */
export function parseCsv(text: string, delimiter = detectDelimiter(text), open: { unclosedQuoteRow?: number } = {}): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  // An unquoted field is one slice of the text (from fieldStart); a quoted one is built up in `field`.
  let field = '';
  let fieldStart = 0;
  let quoted = false;
  /** Whether the field being read began with a quote (its text is `field`, not a slice). */
  let wasQuoted = false;
  /** The row (1-based) where the quoted field being read began. */
  let quoteRow = 0;
  let i = 0;
  const endField = () => {
    row.push(wasQuoted ? field : text.slice(fieldStart, i));
    field = '';
    wasQuoted = false;
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  const length = text.length;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (quoted) {
      if (code === 34) {
        if (text.charCodeAt(i + 1) === 34) {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      // The run of text up to the next quote goes in at once.
      let next = text.indexOf('"', i);
      if (next < 0) next = length;
      field += text.slice(i, next);
      i = next;
      continue;
    }
    const ch = text[i];
    if (code === 34 && (wasQuoted ? field === '' : i === fieldStart)) {
      quoted = true;
      wasQuoted = true;
      quoteRow = rows.length + 1;
    } else if (ch === delimiter) {
      endField();
      fieldStart = i + 1;
    } else if (code === 13 || code === 10) {
      endRow();
      if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
      fieldStart = i + 1;
    } else if (wasQuoted) field += ch;
    i++;
  }
  // A quote never closed took the rest of the file into one field: the caller says where it began.
  if (quoted) open.unclosedQuoteRow = quoteRow;
  if (fieldStart < length || wasQuoted || row.length > 0) endRow();
  // Blank lines inside the table stay (row numbers in messages match the file); those at the end go.
  while (rows.length > 0 && rows[rows.length - 1].every((cell) => cell === '')) rows.pop();
  return rows;
}

async function readXlsx(content: Buffer, timeZone: string, language: Language): Promise<TableRows> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs' declared Buffer type predates Node's generic Buffer.
    await workbook.xlsx.load(content as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new Error(translate(language, 'file.unreadableXlsx', { error: (error as Error).message }));
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const zone = TimeZone.named(timeZone);
  const rows: TableRows = [];
  const width = sheet.columnCount;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: unknown[] = [];
    for (let c = 1; c <= width; c++) cells.push(xlsxCellValue(row.getCell(c).value, zone));
    rows.push(cells);
  }
  while (rows.length > 0 && rows[rows.length - 1].every((cell) => cell === '')) rows.pop();
  return rows;
}

/** An exceljs cell value as a spreadsheet value: dates (exceljs gives UTC wall clocks) at midnight in the zone. */
function xlsxCellValue(value: ExcelJS.CellValue, zone: TimeZone): unknown {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const time = value.getTime();
    return Number.isNaN(time) ? '' : new Date(zone.startOfDay(Math.floor(time / MS_PER_DAY)));
  }
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('formula' in value || 'sharedFormula' in value) return xlsxCellValue((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue, zone);
    if ('hyperlink' in value) return String(value.text ?? '');
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

/**
 * Text cells below the header become numbers or dates where they are plainly one. The rows are
 * typed in place (and padded to the widest row): a large table is not copied.
 */
function typeCells(rows: TableRows, timeZone: string, locale: string, decimal: '.' | ','): TableRows {
  if (rows.length === 0) return rows;
  const zone = TimeZone.named(timeZone);
  const width = rows.reduce((widest, row) => Math.max(widest, row.length), 0);
  for (const row of rows) while (row.length < width) row.push('');
  const localeOrder = dateOrderOfLocale(locale);
  const monthNames = monthNamesOf(locale);
  const readers: DateReader[] = [];
  const column: unknown[] = new Array(rows.length - 1);
  for (let c = 0; c < width; c++) {
    for (let r = 1; r < rows.length; r++) column[r - 1] = rows[r][c];
    const { order } = resolveDateOrder(dayMonthEvidence(column), localeOrder);
    readers.push(new DateReader(zone, order, monthNames));
  }
  for (let r = 1; r < rows.length; r++) {
    const cells = rows[r];
    for (let c = 0; c < width; c++) {
      const cell = cells[c];
      if (typeof cell !== 'string') continue;
      const trimmed = cell.trim();
      if (trimmed === '') {
        cells[c] = '';
      } else if (PLAIN_NUMBER.test(trimmed)) {
        cells[c] = Number(trimmed);
      } else if (decimal === ',' && COMMA_DECIMAL.test(trimmed)) {
        cells[c] = Number(trimmed.replace(',', '.'));
      } else {
        const reading = readers[c].read(trimmed);
        if (reading.kind === 'day') cells[c] = new Date(zone.startOfDay(reading.day));
      }
    }
  }
  return rows;
}
