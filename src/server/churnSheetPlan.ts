/**
 * What the wizard writes into a new churn sheet, decided without touching Sheets: the header,
 * its notes, the cells (values, or native formulas that reference the source table), the number
 * formats and the chart's ranges. The writer then puts it in place in a handful of calls.
 *
 * Live formulas use only COUNTIFS, EDATE, IF and arithmetic, which Google Sheets, Excel,
 * LibreOffice and HyperFormula all have, and none of this add-on's custom functions, so the
 * sheet keeps working for collaborators without the add-on and in copies.
 */
import { periodFigures, type PeriodRow } from '../core/churnTable';
import { lostProfit, retentionRate } from '../core/metrics';
import type { PeriodKind } from '../core/periods';
import type { TimeZone } from '../core/timezone';
import { translate, type Language, type MessageKey } from '../i18n';
import type { OutputMode } from '../shared/wizard';
import { asPlainText, columnLetter, quoteSheetName } from './a1';

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
}

export interface PlanInput {
  rows: PeriodRow[];
  kind: PeriodKind;
  timeZone: TimeZone;
  output: OutputMode;
  source: SourceColumns;
  profitPerCustomer: number | null;
  language: Language;
}

export type CellValue = Date | number | string;

export interface SheetPlan {
  baseName: string;
  header: string[];
  headerNotes: string[];
  /** Column A below the header: the period start dates. */
  periodColumn: CellValue[][];
  /** Columns B onwards below the header: numbers (values mode) or formulas (formulas mode). */
  body: CellValue[][];
  bodyIsFormulas: boolean;
  /** Number formats of every cell below the header, column A included. */
  numberFormats: string[][];
  /** The block beside the table: labels and values, two columns. */
  infoBlock: CellValue[][];
  /** 1-based column where the info block starts. */
  infoColumn: number;
  /** Columns of the chart's series (1-based), besides column A. */
  chartColumns: number[];
}

const PERIOD_FORMATS: Record<PeriodKind, string> = {
  month: 'mmm yyyy',
  quarter: 'mmm yyyy',
  year: 'yyyy',
  week: 'yyyy-mm-dd',
};
const COUNT_FORMAT = '#,##0';
const RATE_FORMAT = '0.00%';
const MONEY_FORMAT = '#,##0';

/** The sheet formula for the first day after the period that starts in cell `start`. */
function nextPeriodStart(kind: PeriodKind, start: string): string {
  switch (kind) {
    case 'week':
      return `${start}+7`;
    case 'month':
      return `EDATE(${start},1)`;
    case 'quarter':
      return `EDATE(${start},3)`;
    case 'year':
      return `EDATE(${start},12)`;
  }
}

function rangeOf(source: SourceColumns, column: number): string {
  const letter = columnLetter(column);
  const sheet = quoteSheetName(source.sheetName);
  return source.wholeColumns ? `${sheet}!$${letter}:$${letter}` : `${sheet}!$${letter}$${source.firstDataRow}:$${letter}$${source.lastRow}`;
}

export function planChurnSheet(input: PlanInput): SheetPlan {
  const { rows, kind, timeZone, output, source, profitPerCustomer, language } = input;
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(language, key, params);
  const withProfit = profitPerCustomer !== null;
  const infoColumn = withProfit ? 13 : 12; // one empty column between the table and the block

  const columns: { header: MessageKey; note: MessageKey; format: string }[] = [
    { header: 'table.periodStart', note: 'note.periodStart', format: PERIOD_FORMATS[kind] },
    { header: 'table.customersAtStart', note: 'note.customersAtStart', format: COUNT_FORMAT },
    { header: 'table.newCustomers', note: 'note.newCustomers', format: COUNT_FORMAT },
    { header: 'table.reactivated', note: 'note.reactivated', format: COUNT_FORMAT },
    { header: 'table.churned', note: 'note.churned', format: COUNT_FORMAT },
    { header: 'table.churnedNew', note: 'note.churnedNew', format: COUNT_FORMAT },
    { header: 'table.customersAtEnd', note: 'note.customersAtEnd', format: COUNT_FORMAT },
    { header: 'table.churnRate', note: 'note.churnRate', format: RATE_FORMAT },
    { header: 'table.adjustedChurn', note: 'note.adjustedChurn', format: RATE_FORMAT },
    { header: 'sheet.retentionRate', note: 'note.retentionRate', format: RATE_FORMAT },
  ];
  if (withProfit) columns.push({ header: 'sheet.lostProfit', note: 'note.lostProfit', format: MONEY_FORMAT });

  const profitCell = `$${columnLetter(infoColumn + 1)}$1`;
  const periodColumn: CellValue[][] = rows.map((row) => [new Date(timeZone.startOfDay(row.startDay))]);
  let body: CellValue[][];
  if (output === 'values') {
    body = rows.map((row) => {
      const retention = retentionRate(row.customersAtStart, row.churned);
      const cells: CellValue[] = [...periodFigures(row), retention === undefined ? '' : retention];
      if (withProfit) cells.push(lostProfit(row.churned + row.churnedNew, profitPerCustomer));
      return cells;
    });
  } else {
    const starts = rangeOf(source, source.startColumn);
    const ends = source.endColumn === null ? null : rangeOf(source, source.endColumn);
    body = rows.map((_, i) => {
      const r = i + 2;
      const p0 = `$A${r}`;
      const p1 = nextPeriodStart(kind, p0);
      const cells: string[] = ends
        ? [
            // Started before the period, less those who also ended before it.
            `=COUNTIFS(${starts},"<"&${p0})-COUNTIFS(${starts},"<"&${p0},${ends},"<"&${p0})`,
            `=COUNTIFS(${starts},">="&${p0},${starts},"<"&${p1})`,
            '=0',
            `=COUNTIFS(${starts},"<"&${p0},${ends},">="&${p0},${ends},"<"&${p1})`,
            `=COUNTIFS(${starts},">="&${p0},${starts},"<"&${p1},${ends},">="&${p0},${ends},"<"&${p1})`,
          ]
        : [`=COUNTIFS(${starts},"<"&${p0})`, `=COUNTIFS(${starts},">="&${p0},${starts},"<"&${p1})`, '=0', '=0', '=0'];
      cells.push(
        `=B${r}+C${r}+D${r}-E${r}-F${r}`,
        `=IF(B${r}>0,E${r}/B${r},"")`,
        `=IF(B${r}>0,(E${r}+F${r})/B${r},"")`,
        `=IF(B${r}>0,1-H${r},"")`,
      );
      if (withProfit) cells.push(`=(E${r}+F${r})*${profitCell}`);
      return cells;
    });
  }

  const infoBlock: CellValue[][] = [
    [t('sheet.profitPerCustomer'), withProfit ? profitPerCustomer : ''],
    [t('sheet.source'), asPlainText(source.sheetName)],
    [t('sheet.mode'), t(output === 'formulas' ? 'sheet.mode.formulas' : 'sheet.mode.values')],
  ];

  return {
    baseName: t(`sheet.name.${kind}` as MessageKey),
    header: columns.map((column) => t(column.header)),
    headerNotes: columns.map((column) => t(column.note)),
    periodColumn,
    body,
    bodyIsFormulas: output === 'formulas',
    numberFormats: rows.map(() => columns.map((column) => column.format)),
    infoBlock,
    infoColumn,
    chartColumns: [8, 9],
  };
}
