/**
 * The in-memory spreadsheet written out as an .xlsx workbook that carries what the add-on made in
 * it: values, formulas with their results as cached values, number formats, fonts (Arial, Sheets'
 * default, bold where set), fills and font colours, notes as comments, column widths (as set, or
 * fitted to the text as Sheets' auto-resize does), frozen rows, merges, data validation, colour
 * scales, named ranges and line charts.
 *
 * Excel and LibreOffice show the cached values a file holds (LibreOffice recalculates an .xlsx
 * only when asked), so each formula's cached value is its result in the fake: HyperFormula's in
 * the playground, the add-on's own numbers in the CLI (local/plainHost.ts). A formula showing
 * nothing caches "" as text, as Sheets shows a blank there, not 0.
 *
 * Rows are streamed out with exceljs' WorkbookWriter, a few thousand at a time, so a large customer
 * sheet is never held as a whole workbook model. exceljs writes no charts: the chart parts
 * (DrawingML chart, drawing, relationships, content types) and the defined names are added to
 * the package afterwards with JSZip (which reuses the compressed sheets it does not change).
 *
 * Dates are written as the serial day number Sheets shows with their date format: Excel has no
 * time zones, and the fake already stores a date as its wall clock in the spreadsheet's zone.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { PassThrough } from 'node:stream';
import type { FakeApps, FakeChartInfo, FakeConditionalFormatInfo, FakeDataValidationInfo } from './appsScript/appsScript';
import { quotedSheetName as quoted, renameSheetReferences, xlsxSheetNames } from './sheetName';

const ERROR_VALUES = new Set(['#DIV/0!', '#N/A', '#NAME?', '#NUM!', '#VALUE!', '#REF!', '#NULL!']);
/** Sheets' default font; without a name a viewer falls back to its own (often a serif). */
export const FONT_NAME = 'Arial';
export const FONT_SIZE = 10;
/** Rows written per batch between progress reports. */
const CHUNK_ROWS = 5_000;
/** Rows looked at to fit a column's width (the header and the first rows show what it holds). */
const WIDTH_SAMPLE_ROWS = 2_000;
/** Sheets' default column width is 100 pixels; a character of Arial 10 is about 7. */
const PIXELS_PER_CHAR = 7;
const MIN_WIDTH = 8;
const MAX_WIDTH = 50;
/** A wrapped header (the template's) takes at most this width; its words go on more lines. */
const WRAPPED_MAX_WIDTH = 16;
/** The height of a row of Arial 10, in points. */
const ROW_HEIGHT_POINTS = 12.75;

/** The lines a wrapped text takes in a column `width` characters wide, its words kept whole where they fit. */
function wrappedLines(text: string, width: number): number {
  const room = Math.max(1, Math.floor(width) - 1);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let line = 0;
    lines++;
    for (const word of paragraph.split(' ')) {
      const needed = line === 0 ? word.length : line + 1 + word.length;
      if (needed <= room) line = needed;
      else {
        if (line > 0) lines++;
        lines += Math.floor(Math.max(0, word.length - 1) / room);
        line = word.length % room || room;
      }
    }
  }
  return lines;
}

export interface XlsxProgress {
  /** Called as rows of a sheet are written: rows done so far and the sheet's total. */
  (sheetName: string, done: number, total: number): void;
}

export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** How the workbook's sheets are named in the .xlsx, and their formulas rewritten to match. */
interface SheetNaming {
  of(sheetName: string): string;
  formula(formula: string): string;
}

function sheetNaming(apps: FakeApps): SheetNaming {
  const names = xlsxSheetNames(apps.sheetNames());
  const renamed = new Map([...names].filter(([from, to]) => from !== to).map(([from, to]) => [from.toLowerCase(), to]));
  return { of: (sheetName) => names.get(sheetName) ?? sheetName, formula: (formula) => renameSheetReferences(formula, renamed) };
}

/** A1 block ('B2:C10' or 'B2') to absolute ('$B$2:$C$10'). */
function absolute(a1: string): string {
  return a1.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
}

function argb(color: string | null | undefined): string | undefined {
  if (!color) return undefined;
  const hex = /^#([0-9a-f]{6})$/i.exec(color.trim());
  return hex ? `FF${hex[1].toUpperCase()}` : undefined;
}

const xmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** How wide a cell's text shows, in characters: its format's length for dates and percentages, the text otherwise. */
function shownLength(value: unknown, format: string): number {
  if (value === '' || value === null || value === undefined) return 0;
  if (typeof value === 'number') {
    if (/[yd]|mmm/i.test(format) && !format.includes('%')) return format.replace(/"[^"]*"|\\./g, 'x').replace(/mmmm/i, 'September').replace(/mmm/i, 'Sep').length;
    if (format.includes('%')) return 8;
    const decimals = /0\.(0+)/.exec(format)?.[1].length ?? (Number.isInteger(value) ? 0 : 2);
    const text = value.toFixed(decimals);
    return text.length + (format.includes(',') ? Math.floor(Math.max(0, text.split('.')[0].length - 1) / 3) : 0);
  }
  if (typeof value === 'boolean') return 5;
  return String(value)
    .split('\n')
    .reduce((longest, line) => Math.max(longest, line.length), 0);
}

interface CellStyleKey {
  numFmt: string;
  bold: boolean;
  background: string | undefined;
  color: string | undefined;
  wrap: boolean;
  align: string | null;
}

/**
 * One shared style object per combination: exceljs looks styles up by object identity first, so
 * 200,000 date cells with the same object cost one lookup each, not one serialisation each.
 */
class StyleCache {
  private readonly styles = new Map<string, Partial<ExcelJS.Style>>();
  /**
   * The style of a cell without one: exceljs otherwise gives every cell a new empty style object
   * and serialises each. Numbers and other values get their own (exceljs gives a number without
   * a format the General format).
   */
  readonly noneForNumber: Partial<ExcelJS.Style> = {};
  readonly noneForOther: Partial<ExcelJS.Style> = {};
  /** Styles of cells that have nothing but a number format, by format. */
  private readonly formatOnly = new Map<string, Partial<ExcelJS.Style> | undefined>();
  /** The style of a cell with only a number format ('' for none): the same object as get() gives. */
  withFormat(numFmt: string): Partial<ExcelJS.Style> | undefined {
    let style = this.formatOnly.get(numFmt);
    if (style === undefined && !this.formatOnly.has(numFmt)) {
      style = this.get({ numFmt, bold: false, background: undefined, color: undefined, wrap: false, align: null });
      this.formatOnly.set(numFmt, style);
    }
    return style;
  }
  get(key: CellStyleKey): Partial<ExcelJS.Style> | undefined {
    const id = `${key.numFmt}|${key.bold}|${key.background}|${key.color}|${key.wrap}|${key.align}`;
    if (id === '|false|undefined|undefined|false|null') return undefined;
    let style = this.styles.get(id);
    if (!style) {
      style = {};
      if (key.numFmt !== '') style.numFmt = key.numFmt;
      if (key.bold || key.color) style.font = { name: FONT_NAME, size: FONT_SIZE, bold: key.bold || undefined, color: key.color ? { argb: key.color } : undefined };
      if (key.background) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: key.background } };
      if (key.wrap || key.align) {
        const horizontal = key.align === 'center' ? 'center' : key.align === 'right' ? 'right' : key.align === 'left' ? 'left' : undefined;
        style.alignment = { wrapText: key.wrap || undefined, horizontal, vertical: key.wrap ? 'top' : undefined };
      }
      this.styles.set(id, style);
    }
    return style;
  }
}

/** Per-cell properties of a sheet, read once through the fake's cell helper only where set. */
function sheetProps(apps: FakeApps, name: string, rows: number, cols: number) {
  // The fake's per-cell helper is cheap for the small sheets the add-on formats; a large customer
  // sheet holds no formatting beyond its number formats, which come from numberFormats().
  const small = rows * cols <= 20_000;
  const cell = (r: number, c: number) => (small || r === 0 ? apps.cell(name, `${columnLetters(c + 1)}${r + 1}`) : null);
  return { cell };
}

interface SheetPlanned {
  name: string;
  rows: number;
  cols: number;
  charts: FakeChartInfo[];
}

function validationOf(rule: FakeDataValidationInfo, naming: SheetNaming): ExcelJS.DataValidation | null {
  const common = {
    allowBlank: true,
    showErrorMessage: !rule.allowInvalid,
    errorStyle: rule.allowInvalid ? 'warning' : 'stop',
    showInputMessage: rule.helpText !== null,
    prompt: rule.helpText ?? undefined,
    error: rule.helpText ?? undefined,
  } as const;
  const [a, b] = rule.args as [unknown, unknown];
  const numeric = (operator: ExcelJS.DataValidationOperator, formulae: unknown[]): ExcelJS.DataValidation => ({ ...common, type: 'decimal', operator, formulae: formulae as number[] });
  switch (rule.criteria) {
    case 'CUSTOM_FORMULA':
      return { ...common, type: 'custom', formulae: [naming.formula(String(a).replace(/^=/, ''))] };
    case 'NUMBER_BETWEEN':
      return numeric('between', [a, b]);
    case 'NUMBER_NOT_BETWEEN':
      return numeric('notBetween', [a, b]);
    case 'NUMBER_EQUAL_TO':
      return numeric('equal', [a]);
    case 'NUMBER_GREATER_THAN':
      return numeric('greaterThan', [a]);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return numeric('greaterThanOrEqual', [a]);
    case 'NUMBER_LESS_THAN':
      return numeric('lessThan', [a]);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return numeric('lessThanOrEqual', [a]);
    case 'VALUE_IN_LIST':
      return { ...common, type: 'list', formulae: [`"${(a as string[]).join(',')}"`] };
    case 'VALUE_IN_RANGE':
      return { ...common, type: 'list', formulae: [naming.formula(String(a))] };
    default:
      return null;
  }
}

const CFVO_TYPES: Record<string, ExcelJS.CfvoTypes> = { NUMBER: 'num', MIN: 'min', MAX: 'max', PERCENT: 'percent', PERCENTILE: 'percentile' };

function colourScale(rule: FakeConditionalFormatInfo): ExcelJS.ConditionalFormattingOptions[] {
  const points = [rule.gradient.min, ...(rule.gradient.mid ? [rule.gradient.mid] : []), rule.gradient.max];
  const cfvo = points.map((p) => {
    const type = CFVO_TYPES[p.type] ?? 'num';
    return type === 'min' || type === 'max' ? { type } : { type, value: Number(p.value) };
  });
  return rule.ranges.map((ref) => ({
    ref,
    rules: [{ type: 'colorScale', priority: 1, cfvo, color: points.map((p) => ({ argb: argb(p.color) ?? 'FFFFFFFF' })) } as ExcelJS.ColorScaleRuleType],
  }));
}

/** Writes every sheet's rows into the streaming writer; returns what the package still needs. */
async function writeSheets(apps: FakeApps, writer: ExcelJS.stream.xlsx.WorkbookWriter, naming: SheetNaming, progress?: XlsxProgress): Promise<SheetPlanned[]> {
  const planned: SheetPlanned[] = [];
  const styles = new StyleCache();
  for (const name of apps.sheetNames()) {
    const info = apps.sheetInfo(name);
    const sample = apps.rawRows(name, 0, WIDTH_SAMPLE_ROWS);
    const rows = sample.lastRow;
    const cols = sample.lastCol;
    const props = sheetProps(apps, name, rows, cols);
    const views: Partial<ExcelJS.WorksheetView>[] =
      info.frozenRows > 0 || info.frozenColumns > 0 ? [{ state: 'frozen', ySplit: info.frozenRows, xSplit: info.frozenColumns }] : [];
    const sheet = writer.addWorksheet(naming.of(name), { views });

    // Column widths: as the add-on set them, else fitted to the header and the first rows.
    const columns: Partial<ExcelJS.Column>[] = [];
    for (let c = 0; c < cols; c++) {
      const set = info.columnWidths[c + 1];
      let width: number;
      if (set !== undefined) width = set / PIXELS_PER_CHAR;
      else {
        let longest = 0;
        for (let r = 0; r < sample.values.length; r++) {
          const cell = props.cell(r, c);
          let length = shownLength(sample.values[r][c], sample.formats[r][c]);
          if (cell?.wrap) length = Math.min(length, WRAPPED_MAX_WIDTH);
          if (cell?.fontWeight === 'bold') length *= 1.1;
          longest = Math.max(longest, length);
        }
        width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.ceil(longest) + 2));
      }
      columns.push({ width, hidden: info.hiddenColumns.includes(c + 1) || undefined });
    }
    if (columns.length > 0) sheet.columns = columns;

    for (let start = 0; start < rows; start += CHUNK_ROWS) {
      const { values, formulas, formats } = apps.rawRows(name, start, CHUNK_ROWS);
      for (let i = 0; i < values.length; i++) {
        const r = start + i;
        const row = sheet.getRow(r + 1);
        let lines = 1;
        for (let c = 0; c < values[i].length; c++) {
          const formula = formulas[i][c];
          const value = values[i][c];
          const cellInfo = props.cell(r, c);
          const empty = formula === '' && (value === '' || value === null || value === undefined);
          if (empty && !cellInfo?.background && !cellInfo?.note) continue;
          const cell = row.getCell(c + 1);
          if (formula !== '') {
            const result =
              typeof value === 'string' && ERROR_VALUES.has(value)
                ? { error: value as ExcelJS.CellErrorValue['error'] }
                : (value as ExcelJS.CellFormulaValue['result']);
            cell.value = { formula: naming.formula(formula.slice(1)), result, date1904: false } as ExcelJS.CellFormulaValue;
          } else if (!empty) {
            cell.value = typeof value === 'string' && ERROR_VALUES.has(value) ? { error: value as ExcelJS.CellErrorValue['error'] } : (value as ExcelJS.CellValue);
          }
          const style = cellInfo
            ? styles.get({
                numFmt: formats[i][c],
                bold: cellInfo.fontWeight === 'bold',
                background: argb(cellInfo.background),
                color: argb(cellInfo.fontColor),
                wrap: cellInfo.wrap === true,
                align: cellInfo.horizontalAlignment ?? null,
              })
            : styles.withFormat(formats[i][c]);
          cell.style = style ?? (typeof value === 'number' ? styles.noneForNumber : styles.noneForOther);
          if (cellInfo?.note) cell.note = cellInfo.note;
          if (cellInfo?.wrap && typeof value === 'string') lines = Math.max(lines, wrappedLines(value, columns[c]?.width ?? MIN_WIDTH));
        }
        // A viewer keeps the default height for a row it opens (LibreOffice does): a wrapped header
        // would run into the row below.
        if (lines > 1) row.height = lines * ROW_HEIGHT_POINTS;
        row.commit();
      }
      progress?.(name, Math.min(rows, start + values.length), rows);
    }

    for (const merge of info.merges) sheet.mergeCells(merge);
    for (const rule of apps.dataValidations(name)) {
      const validation = validationOf(rule, naming);
      // The streaming sheet has the same validation list as a Worksheet; exceljs' types leave it out.
      if (validation) (sheet as unknown as { dataValidations: { add(a1: string, rule: ExcelJS.DataValidation): void } }).dataValidations.add(rule.a1, validation);
    }
    for (const rule of apps.conditionalFormats(name)) for (const format of colourScale(rule)) sheet.addConditionalFormatting(format);
    sheet.commit();
    planned.push({ name, rows, cols, charts: apps.charts(name) });
  }
  return planned;
}

/** 'Sheet'!A1:B10 split into the sheet name and the block's corners (1-based). */
function parseRange(range: string): { sheet: string; row: number; col: number; rows: number; cols: number } {
  const bang = range.lastIndexOf('!');
  const sheetPart = range.slice(0, bang);
  const sheet = sheetPart.startsWith("'") ? sheetPart.slice(1, -1).replace(/''/g, "'") : sheetPart;
  const [from, to = from] = range.slice(bang + 1).replace(/\$/g, '').split(':');
  const corner = (a1: string) => {
    const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(a1)!;
    let col = 0;
    for (const ch of letters) col = col * 26 + ch.charCodeAt(0) - 64;
    return { row: Number(digits), col };
  };
  const a = corner(from);
  const b = corner(to);
  return { sheet, row: a.row, col: a.col, rows: b.row - a.row + 1, cols: b.col - a.col + 1 };
}

const ref = (sheet: string, col: number, row: number, toRow = row) =>
  `${quoted(sheet)}!$${columnLetters(col)}$${row}${toRow === row ? '' : `:$${columnLetters(col)}$${toRow}`}`;

/**
 * A line chart as DrawingML: the first range's column below its header gives the categories (the
 * periods), every column of the other ranges one series named by its header cell. Cached points
 * let a viewer draw it before any recalculation.
 */
export function lineChartXml(apps: FakeApps, chart: FakeChartInfo, naming: SheetNaming): string {
  const headers = chart.numHeaders ?? 1;
  const [categories, ...seriesRanges] = chart.ranges.map(parseRange);
  const dataRow = categories.row + headers;
  const lastRow = categories.row + categories.rows - 1;
  const count = lastRow - dataRow + 1;
  const block = (sheet: string) => apps.rawRows(sheet, dataRow - 1, count).values;
  const headerText = (sheet: string, col: number) => String(apps.rawRows(sheet, categories.row - 1, 1).values[0]?.[col - 1] ?? '');
  const formats = apps.rawRows(categories.sheet, dataRow - 1, 1).formats[0] ?? [];
  const categoryFormat = formats[categories.col - 1] || 'General';
  const numCache = (values: unknown[], format: string) =>
    `<c:numCache><c:formatCode>${xmlText(format)}</c:formatCode><c:ptCount val="${values.length}"/>${values
      .map((v, i) => (typeof v === 'number' ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : ''))
      .join('')}</c:numCache>`;
  const categoryValues = block(categories.sheet).map((row) => row[categories.col - 1]);
  const series: string[] = [];
  for (const range of seriesRanges) {
    const values = block(range.sheet);
    for (let k = 0; k < range.cols; k++) {
      const col = range.col + k;
      const index = series.length;
      const format = formats[col - 1] || 'General';
      series.push(
        `<c:ser><c:idx val="${index}"/><c:order val="${index}"/>` +
          `<c:tx><c:strRef><c:f>${xmlText(ref(naming.of(range.sheet), col, categories.row))}</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${xmlText(headerText(range.sheet, col))}</c:v></c:pt></c:strCache></c:strRef></c:tx>` +
          `<c:spPr><a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="${['4285F4', 'DB4437', 'F4B400', '0F9D58'][index % 4]}"/></a:solidFill><a:round/></a:ln></c:spPr>` +
          '<c:marker><c:symbol val="none"/></c:marker>' +
          `<c:cat><c:numRef><c:f>${xmlText(ref(naming.of(categories.sheet), categories.col, dataRow, lastRow))}</c:f>${numCache(categoryValues, categoryFormat)}</c:numRef></c:cat>` +
          `<c:val><c:numRef><c:f>${xmlText(ref(naming.of(range.sheet), col, dataRow, lastRow))}</c:f>${numCache(
            values.map((row) => row[col - 1]),
            format,
          )}</c:numRef></c:val><c:smooth val="0"/></c:ser>`,
      );
    }
  }
  const title = typeof chart.options.title === 'string' ? chart.options.title : '';
  const percent = chart.options['vAxis.format'] === 'percent';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<c:roundedCorners val="0"/><c:chart>' +
    (title
      ? `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:pPr><a:defRPr sz="1400" b="0"><a:latin typeface="${FONT_NAME}"/></a:defRPr></a:pPr><a:r><a:rPr lang="en-US" sz="1400" b="0"><a:latin typeface="${FONT_NAME}"/></a:rPr><a:t>${xmlText(title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>`
      : '<c:autoTitleDeleted val="1"/>') +
    '<c:plotArea><c:layout/><c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>' +
    series.join('') +
    '<c:marker val="1"/><c:axId val="500000001"/><c:axId val="500000002"/></c:lineChart>' +
    `<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="${xmlText(categoryFormat)}" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/><c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="${percent ? '0%' : 'General'}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="500000001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    '</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>' +
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1000"><a:latin typeface="${FONT_NAME}"/></a:defRPr></a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr>` +
    '</c:chartSpace>'
  );
}

/** Where a chart sits: its anchor cell and a size like Sheets' default chart (600 x 371 pixels), in cells of 20 pixels' height. */
function drawingXml(anchors: { row: number; column: number; chartRelId: string; widthCols: number }[]): string {
  const anchor = ({ row, column, chartRelId, widthCols }: (typeof anchors)[number], index: number) =>
    '<xdr:twoCellAnchor editAs="oneCell">' +
    `<xdr:from><xdr:col>${column - 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
    `<xdr:to><xdr:col>${column - 1 + widthCols}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row - 1 + 19}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${index + 2}" name="Chart ${index + 1}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="${chartRelId}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    anchors.map(anchor).join('') +
    '</xdr:wsDr>'
  );
}

const RELS_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">';
const REL_DRAWING = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
const REL_CHART = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';

/** Adds what exceljs' streaming writer cannot write: charts, defined names and Arial as the workbook's default font. */
async function finishPackage(apps: FakeApps, data: Buffer, planned: SheetPlanned[], naming: SheetNaming): Promise<Buffer> {
  const zip = await JSZip.loadAsync(data);
  const text = async (name: string) => (await zip.file(name)?.async('string')) ?? null;
  let contentTypes = (await text('[Content_Types].xml'))!;
  const overrides: string[] = [];
  let drawingNumber = 0;
  let chartNumber = 0;
  for (let s = 0; s < planned.length; s++) {
    const { charts } = planned[s];
    if (charts.length === 0) continue;
    const sheetPath = `xl/worksheets/sheet${s + 1}.xml`;
    const relsPath = `xl/worksheets/_rels/sheet${s + 1}.xml.rels`;
    const drawing = ++drawingNumber;
    const anchors: { row: number; column: number; chartRelId: string; widthCols: number }[] = [];
    const drawingRels: string[] = [];
    charts.forEach((chart, k) => {
      const number = ++chartNumber;
      zip.file(`xl/charts/chart${number}.xml`, lineChartXml(apps, chart, naming));
      overrides.push(`<Override PartName="/xl/charts/chart${number}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`);
      drawingRels.push(`<Relationship Id="rId${k + 1}" Type="${REL_CHART}" Target="../charts/chart${number}.xml"/>`);
      anchors.push({ row: chart.position?.row ?? 1, column: chart.position?.column ?? 1, chartRelId: `rId${k + 1}`, widthCols: 6 });
    });
    zip.file(`xl/drawings/drawing${drawing}.xml`, drawingXml(anchors));
    zip.file(`xl/drawings/_rels/drawing${drawing}.xml.rels`, `${RELS_HEAD}${drawingRels.join('')}</Relationships>`);
    overrides.push(`<Override PartName="/xl/drawings/drawing${drawing}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`);
    const relId = 'rIdChurnDrawing1';
    const rels = await text(relsPath);
    const relationship = `<Relationship Id="${relId}" Type="${REL_DRAWING}" Target="../drawings/drawing${drawing}.xml"/>`;
    zip.file(relsPath, rels ? rels.replace('</Relationships>', `${relationship}</Relationships>`) : `${RELS_HEAD}${relationship}</Relationships>`);
    let sheetXml = (await text(sheetPath))!;
    if (!sheetXml.includes('xmlns:r=')) sheetXml = sheetXml.replace('<worksheet ', '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ');
    // <drawing> goes before <legacyDrawing> (the comments), <tableParts> and <extLst>, as the schema orders them.
    const before = ['<legacyDrawing', '<legacyDrawingHF', '<picture', '<oleObjects', '<controls', '<webPublishItems', '<tableParts', '<extLst', '</worksheet>']
      .map((tag) => sheetXml.indexOf(tag))
      .filter((i) => i >= 0);
    const at = Math.min(...before);
    sheetXml = `${sheetXml.slice(0, at)}<drawing r:id="${relId}"/>${sheetXml.slice(at)}`;
    zip.file(sheetPath, sheetXml);
  }
  if (overrides.length > 0) contentTypes = contentTypes.replace('</Types>', `${overrides.join('')}</Types>`);
  zip.file('[Content_Types].xml', contentTypes);

  const names = Object.entries(apps.namedRanges());
  if (names.length > 0) {
    let workbookXml = (await text('xl/workbook.xml'))!;
    const defined = names
      .map(([name, range]) => {
        const { sheet } = parseRange(range);
        return `<definedName name="${xmlText(name)}">${xmlText(`${quoted(naming.of(sheet))}!${absolute(range.slice(range.lastIndexOf('!') + 1))}`)}</definedName>`;
      })
      .join('');
    workbookXml = workbookXml.includes('<definedNames>')
      ? workbookXml.replace('</definedNames>', `${defined}</definedNames>`)
      : workbookXml.replace('</sheets>', `</sheets><definedNames>${defined}</definedNames>`);
    zip.file('xl/workbook.xml', workbookXml);
  }

  // The default font (every cell without one of its own) is Sheets' Arial 10, not Calibri 11.
  const stylesXml = await text('xl/styles.xml');
  if (stylesXml) {
    zip.file(
      'xl/styles.xml',
      stylesXml.replace(/<fonts([^>]*)><font>[\s\S]*?<\/font>/, `<fonts$1><font><sz val="${FONT_SIZE}"/><name val="${FONT_NAME}"/><family val="2"/></font>`),
    );
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/** The whole spreadsheet as the bytes of an .xlsx file. */
export async function workbookToXlsx(apps: FakeApps, progress?: XlsxProgress): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  writer.creator = 'churn-sheet';
  const naming = sheetNaming(apps);
  const planned = await writeSheets(apps, writer, naming, progress);
  await writer.commit();
  await done;
  return finishPackage(apps, Buffer.concat(chunks), planned, naming);
}
