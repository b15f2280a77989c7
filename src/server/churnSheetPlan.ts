/**
 * What the wizard writes into a new churn sheet, decided without touching Sheets: the header,
 * its notes, the cells (values, or native formulas that reference the source table), the number
 * formats and the chart's ranges. The writer then puts it in place in a handful of calls.
 *
 * Live formulas use only COUNTIFS, SUMIFS, EDATE, IF and arithmetic, which Google Sheets, Excel,
 * LibreOffice and HyperFormula all have, and none of this add-on's custom functions, so the
 * sheet keeps working for collaborators without the add-on and in copies.
 */
import { serialFromDay } from '../core/calendar';
import { periodFigures, type PeriodRow } from '../core/churnTable';
import { lostProfit, retentionRate, type AdjustedMethod } from '../core/metrics';
import { revenueFigures, type RevenueRow } from '../core/revenue';
import type { PeriodKind } from '../core/periods';
import { translate, type Language, type MessageKey } from '../i18n';
import type { OutputMode } from '../shared/wizard';
import { columnLetter, quoteSheetName } from './a1';

export interface SourceColumns {
  sheetName: string;
  /** 1-based sheet columns of the start and end dates (end null when the table has none). */
  startColumn: number;
  endColumn: number | null;
  /** First and last sheet rows the formulas look at. */
  firstDataRow: number;
  lastRow: number;
  /** When the header is in row 1, whole columns (B:B) follow the table as it grows. */
  wholeColumns: boolean;
  /** 1-based sheet column of the segments, when the sheet has a block per segment. */
  segmentColumn?: number | null;
  /** 1-based sheet column of the amounts (MRR), when the sheet has revenue columns. */
  amountColumn?: number | null;
}

/** One block of rows: the total, or one segment's. */
export interface PlanBlock {
  /** The segment's name, written in a title row above the block (live formulas match the segment column against that cell); null for the total block at the top. */
  title: string | null;
  rows: PeriodRow[];
  /** The same periods' revenue, when the table has an amount column. */
  revenue?: RevenueRow[];
  /** Values mode: the adjusted churn column by the input's method, one per row (undefined shows blank); absent, the rows' own (divided by customers at start). */
  adjusted?: (number | undefined)[];
}

export interface PlanInput {
  /** The total block first, then one per segment. */
  blocks: PlanBlock[];
  kind: PeriodKind;
  output: OutputMode;
  source: SourceColumns;
  profitPerCustomer: number | null;
  language: Language;
  /** What the adjusted churn column divides by (absent: 'start'); 'daily' only in values mode. */
  method?: AdjustedMethod;
}

export type CellValue = number | string;

/**
 * A planned sheet. The writer applies the number formats before the values: text in cells
 * formatted '@' (segment names, the source sheet's name) is then kept as written, where Sheets
 * would otherwise read '007' as 7 or 'TRUE' as a boolean.
 */
export interface SheetPlan {
  baseName: string;
  header: string[];
  headerNotes: string[];
  /** Column A below the header: period starts (date serials of the whole day), segment titles and the blank rows between blocks. */
  periodColumn: CellValue[][];
  /** Columns B onwards below the header: numbers (values mode) or formulas (formulas mode), '' in title and blank rows. */
  body: CellValue[][];
  bodyIsFormulas: boolean;
  /** Number formats of every cell below the header, column A included. */
  numberFormats: string[][];
  /** Sheet rows (1-based) that hold a segment's title. */
  titleRows: number[];
  /** The block beside the table: labels and values, two columns. */
  infoBlock: CellValue[][];
  /** Number format of each info row's value ('@' for text read from the user). */
  infoFormats: string[];
  /** 1-based column where the info block starts. */
  infoColumn: number;
  /** Columns of the chart's series (1-based), besides column A. */
  chartColumns: number[];
  /** Periods of the total block, which the chart shows. */
  chartPeriods: number;
}

/** Number formats of the period start column, per kind of period (the cohort sheet uses them too). */
export const PERIOD_FORMATS: Record<PeriodKind, string> = {
  month: 'mmm yyyy',
  quarter: 'mmm yyyy',
  year: 'yyyy',
  week: 'yyyy-mm-dd',
};
export const COUNT_FORMAT = '#,##0';
const RATE_FORMAT = '0.00%';
const MONEY_FORMAT = '#,##0';
const MRR_FORMAT = '#,##0.00';
const RATIO_FORMAT = '0.00';

/** The sheet formula for the first day of the period `periods` after the one that starts in cell `start` (by default the next). */
export function nextPeriodStart(kind: PeriodKind, start: string, periods = 1): string {
  switch (kind) {
    case 'week':
      return `${start}+${7 * periods}`;
    case 'month':
      return `EDATE(${start},${periods})`;
    case 'quarter':
      return `EDATE(${start},${3 * periods})`;
    case 'year':
      return `EDATE(${start},${12 * periods})`;
  }
}

/** A source column as formulas reference it: whole column ($B:$B) or its rows ($B$2:$B$1000), on the quoted sheet. */
export function rangeOf(source: SourceColumns, column: number): string {
  const letter = columnLetter(column);
  const sheet = quoteSheetName(source.sheetName);
  return source.wholeColumns ? `${sheet}!$${letter}:$${letter}` : `${sheet}!$${letter}$${source.firstDataRow}:$${letter}$${source.lastRow}`;
}

/**
 * The counting formulas of one period row, and with an amount column its revenue sums; `only`
 * adds the criteria that pick out a segment's rows. Live formulas are only written when ids do
 * not repeat, so every row is a customer paying one amount: no reactivation, expansion or
 * contraction to count.
 */
function periodFormulas(source: SourceColumns, kind: PeriodKind, r: number, only: string): { counts: string[]; revenue: string[] } {
  const starts = rangeOf(source, source.startColumn);
  const ends = source.endColumn === null ? null : rangeOf(source, source.endColumn);
  const amounts = source.amountColumn ? rangeOf(source, source.amountColumn) : null;
  const criteria = (...parts: string[]) => [...parts, ...(only ? [only] : [])].join(',');
  const count = (...parts: string[]) => `COUNTIFS(${criteria(...parts)})`;
  const sum = (...parts: string[]) => `SUMIFS(${amounts},${criteria(...parts)})`;
  const p0 = `$A${r}`;
  const p1 = nextPeriodStart(kind, p0);
  const before = `${starts},"<"&${p0}`;
  const within = `${starts},">="&${p0},${starts},"<"&${p1}`;
  const endedBefore = ends ? `${ends},"<"&${p0}` : '';
  const endsWithin = ends ? `${ends},">="&${p0},${ends},"<"&${p1}` : '';
  // Started before the period, less those who also ended before it.
  const atStart = (of: typeof count) => (ends ? `=${of(before)}-${of(before, endedBefore)}` : `=${of(before)}`);
  const counts = ends
    ? [atStart(count), `=${count(within)}`, '=0', `=${count(before, endsWithin)}`, `=${count(within, endsWithin)}`]
    : [atStart(count), `=${count(within)}`, '=0', '=0', '=0'];
  if (!amounts) return { counts, revenue: [] };
  // Churned MRR: every row that ended in the period, whether it started before it or in it.
  const churned = ends ? `=${sum(`${starts},"<"&${p1}`, endsWithin)}` : '=0';
  return { counts, revenue: [atStart(sum), `=${sum(within)}`, '=0', '=0', '=0', churned] };
}

/** The adjusted churn column's header and note, which say how it is computed. */
const ADJUSTED_COLUMN: Record<AdjustedMethod, { header: MessageKey; note: MessageKey }> = {
  start: { header: 'table.adjustedChurn', note: 'note.adjustedChurn' },
  average: { header: 'sheet.adjustedChurn.average', note: 'note.adjustedChurn.average' },
  start_plus_new: { header: 'sheet.adjustedChurn.startPlusNew', note: 'note.adjustedChurn.startPlusNew' },
  daily: { header: 'table.dailyChurn', note: 'note.dailyChurn' },
};

/**
 * The adjusted churn of row r on the sheet's own columns, as the engine divides for the method:
 * B at start, C new, D reactivated (counted with the new), E churned, F churned new, G at end.
 * Blank without customers at start, as CHURN_TABLE leaves it; every denominator is then positive.
 */
function adjustedChurnFormula(method: AdjustedMethod, r: number): string {
  switch (method) {
    case 'start':
      return `=IF(B${r}>0,(E${r}+F${r})/B${r},"")`;
    case 'average':
      return `=IF(B${r}>0,(E${r}+F${r})/((B${r}+G${r})/2),"")`;
    case 'start_plus_new':
      return `=IF(B${r}>0,(E${r}+F${r})/(B${r}+C${r}+D${r}),"")`;
    case 'daily':
      // Summed day by day from the customers' dates: no formula on a period's counts gives it.
      throw new Error('Daily churn is written as values only');
  }
}

interface ColumnSpec {
  header: MessageKey;
  /** The header's note: a message, or a formula spelled with other columns' headers. */
  note: MessageKey | (() => string);
  format: string;
}

export function planChurnSheet(input: PlanInput): SheetPlan {
  const { blocks, kind, output, source, profitPerCustomer, language } = input;
  const method = input.method ?? 'start';
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(language, key, params);
  const withProfit = profitPerCustomer !== null;
  const withRevenue = blocks[0]?.revenue !== undefined;

  const columns: ColumnSpec[] = [
    { header: 'table.periodStart', note: 'note.periodStart', format: PERIOD_FORMATS[kind] },
    { header: 'table.customersAtStart', note: 'note.customersAtStart', format: COUNT_FORMAT },
    { header: 'table.newCustomers', note: 'note.newCustomers', format: COUNT_FORMAT },
    { header: 'table.reactivated', note: 'note.reactivated', format: COUNT_FORMAT },
    { header: 'table.churned', note: 'note.churned', format: COUNT_FORMAT },
    { header: 'table.churnedNew', note: 'note.churnedNew', format: COUNT_FORMAT },
    { header: 'table.customersAtEnd', note: 'note.customersAtEnd', format: COUNT_FORMAT },
    { header: 'table.churnRate', note: 'note.churnRate', format: RATE_FORMAT },
    { ...ADJUSTED_COLUMN[method], format: RATE_FORMAT },
    { header: 'sheet.retentionRate', note: 'note.retentionRate', format: RATE_FORMAT },
  ];
  if (withProfit) columns.push({ header: 'sheet.lostProfit', note: 'note.lostProfit', format: MONEY_FORMAT });
  const firstRevenueColumn = columns.length + 1; // 1-based
  if (withRevenue) {
    // Notes of computed columns spell their formula with the headers, in the user's language.
    const h = (key: MessageKey) => t(key);
    columns.push(
      { header: 'revenue.mrrAtStart', note: 'note.mrrAtStart', format: MRR_FORMAT },
      { header: 'revenue.newMrr', note: 'note.newMrr', format: MRR_FORMAT },
      { header: 'revenue.reactivationMrr', note: 'note.reactivationMrr', format: MRR_FORMAT },
      { header: 'revenue.expansionMrr', note: 'note.expansionMrr', format: MRR_FORMAT },
      { header: 'revenue.contractionMrr', note: 'note.contractionMrr', format: MRR_FORMAT },
      { header: 'revenue.churnedMrr', note: 'note.churnedMrr', format: MRR_FORMAT },
      {
        header: 'revenue.mrrAtEnd',
        note: () => `${h('revenue.mrrAtEnd')} = ${h('revenue.mrrAtStart')} + ${h('revenue.newMrr')} + ${h('revenue.reactivationMrr')} + ${h('revenue.expansionMrr')} - ${h('revenue.contractionMrr')} - ${h('revenue.churnedMrr')}`,
        format: MRR_FORMAT,
      },
      {
        header: 'revenue.grossMrrChurn',
        note: () => `${h('revenue.grossMrrChurn')} = (${h('revenue.churnedMrr')} + ${h('revenue.contractionMrr')}) / ${h('revenue.mrrAtStart')}`,
        format: RATE_FORMAT,
      },
      {
        header: 'revenue.netMrrChurn',
        note: () => `${h('revenue.netMrrChurn')} = (${h('revenue.churnedMrr')} + ${h('revenue.contractionMrr')} - ${h('revenue.expansionMrr')}) / ${h('revenue.mrrAtStart')}`,
        format: RATE_FORMAT,
      },
      { header: 'revenue.netRevenueRetention', note: () => `${h('revenue.netRevenueRetention')} = 1 - ${h('revenue.netMrrChurn')}`, format: RATE_FORMAT },
      {
        header: 'revenue.quickRatio',
        note: () => `${h('revenue.quickRatio')} = (${h('revenue.newMrr')} + ${h('revenue.expansionMrr')}) / (${h('revenue.contractionMrr')} + ${h('revenue.churnedMrr')})`,
        format: RATIO_FORMAT,
      },
    );
  }
  const width = columns.length;
  const infoColumn = width + 2; // one empty column between the table and the block
  const profitCell = `$${columnLetter(infoColumn + 1)}$1`;
  const segmentRange = source.segmentColumn === null || source.segmentColumn === undefined ? null : rangeOf(source, source.segmentColumn);
  const letter = (offset: number) => columnLetter(firstRevenueColumn + offset); // revenue column by its place

  const periodColumn: CellValue[][] = [];
  const body: CellValue[][] = [];
  const numberFormats: string[][] = [];
  const titleRows: number[] = [];
  const emptyRow = (first: CellValue, format: string) => {
    periodColumn.push([first]);
    body.push(new Array<CellValue>(width - 1).fill(''));
    numberFormats.push(new Array<string>(width).fill(format));
  };
  for (const block of blocks) {
    let only = '';
    if (block.title !== null) {
      emptyRow('', 'General');
      // Plain text, so the name stays as written and COUNTIFS matches the segment column against it.
      emptyRow(block.title, '@');
      const titleRow = body.length + 1; // the header is row 1
      titleRows.push(titleRow);
      if (segmentRange) only = `${segmentRange},$A$${titleRow}`;
    }
    block.rows.forEach((row, i) => {
      const r = body.length + 2;
      // The whole day as a serial: a Date would be stored as the day's first instant, which is
      // 01:00 where midnight is skipped (America/Asuncion, 2023-10-01) and "<" would miscount it.
      periodColumn.push([serialFromDay(row.startDay)]);
      numberFormats.push(columns.map((column) => column.format));
      if (output === 'values') {
        const retention = retentionRate(row.customersAtStart, row.churned);
        const figures: CellValue[] = periodFigures(row);
        if (block.adjusted) figures[figures.length - 1] = block.adjusted[i] ?? '';
        const cells: CellValue[] = [...figures, retention === undefined ? '' : retention];
        if (withProfit) cells.push(lostProfit(row.churned + row.churnedNew, profitPerCustomer));
        if (withRevenue) cells.push(...revenueFigures(block.revenue![i]));
        body.push(cells);
        return;
      }
      const formulas = periodFormulas(source, kind, r, only);
      const cells = [
        ...formulas.counts,
        `=B${r}+C${r}+D${r}-E${r}-F${r}`,
        `=IF(B${r}>0,E${r}/B${r},"")`,
        adjustedChurnFormula(method, r),
        `=IF(B${r}>0,1-H${r},"")`,
      ];
      if (withProfit) cells.push(`=(E${r}+F${r})*${profitCell}`);
      if (withRevenue) {
        const [start, gained, back, up, down, lost] = [0, 1, 2, 3, 4, 5].map((k) => `${letter(k)}${r}`);
        cells.push(
          ...formulas.revenue,
          `=${start}+${gained}+${back}+${up}-${down}-${lost}`,
          `=IF(${start}>0,(${lost}+${down})/${start},"")`,
          `=IF(${start}>0,(${lost}+${down}-${up})/${start},"")`,
          `=IF(${start}>0,1-${letter(8)}${r},"")`,
          `=IF(${down}+${lost}>0,(${gained}+${up})/(${down}+${lost}),"")`,
        );
      }
      body.push(cells);
    });
  }

  const infoBlock: CellValue[][] = [
    [t('sheet.profitPerCustomer'), withProfit ? profitPerCustomer : ''],
    [t('sheet.source'), source.sheetName],
    [t('sheet.mode'), t(output === 'formulas' ? 'sheet.mode.formulas' : 'sheet.mode.values')],
  ];
  const infoFormats = ['General', '@', '@'];

  return {
    baseName: t(`sheet.name.${kind}` as MessageKey),
    header: columns.map((column) => t(column.header)),
    headerNotes: columns.map((column) => (typeof column.note === 'function' ? column.note() : t(column.note))),
    periodColumn,
    body,
    bodyIsFormulas: output === 'formulas',
    numberFormats,
    titleRows,
    infoBlock,
    infoFormats,
    infoColumn,
    chartColumns: [8, 9],
    chartPeriods: blocks[0]?.rows.length ?? 0,
  };
}
