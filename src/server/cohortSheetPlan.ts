/**
 * What the wizard writes into a new cohort retention sheet, decided without touching Sheets: the
 * header and its notes, one row per cohort (period start, size, then the share of the cohort
 * still a customer at the end of each period since its start), the number formats and the block
 * the colour scale covers. The writer (cohortSheet.ts) puts it in place in a handful of calls.
 *
 * Live formulas count the source table's rows with COUNTIFS, EDATE, IF and arithmetic only, as
 * the churn sheet does. They are offered only when every row is its own customer (no repeated
 * ids), so a cohort is the rows that start in its period:
 *   size    = COUNTIFS(starts, ">=" & p0, starts, "<" & p1)
 *   share k = (in the cohort - in the cohort and ended before the start of period c + k + 1) / size
 * The triangle past the last period stays blank, as in COHORT_TABLE.
 */
import { cohortFigures, type CohortRow } from '../core/cohorts';
import { serialFromDay } from '../core/calendar';
import type { PeriodKind } from '../core/periods';
import { translate, type Language, type MessageKey } from '../i18n';
import type { OutputMode } from '../shared/wizard';
import { COUNT_FORMAT, PERIOD_FORMATS, nextPeriodStart, rangeOf, type CellValue, type SourceColumns } from './churnSheetPlan';

export interface CohortPlanInput {
  /** The cohorts, one per period of the churn sheet (computeCohorts over its window). */
  rows: CohortRow[];
  kind: PeriodKind;
  output: OutputMode;
  source: SourceColumns;
  language: Language;
}

export interface CohortSheetPlan {
  baseName: string;
  /** Row 1: cohort start, cohort size, then "Month 0", "Month 1", ... */
  header: string[];
  headerNotes: string[];
  /** Column A below the header: the cohorts' period starts, as date serials of the whole day. */
  periodColumn: number[];
  /** Columns B onwards below the header: size and shares (values) or formulas; '' past the last period. */
  body: CellValue[][];
  bodyIsFormulas: boolean;
  /** Number formats of every cell below the header, column A included. */
  numberFormats: string[][];
  /** Columns of shares (periods since start, k = 0, 1, ...); they start in column C. */
  shareColumns: number;
}

export const SHARE_FORMAT = '0.0%';
/** First column of the shares (C). */
export const FIRST_SHARE_COLUMN = 3;

/** Cells a cohort sheet of this many cohorts holds: the header and the rows, cohort start and size and one column per period since start. */
export function cohortSheetCells(cohorts: number): number {
  return (cohorts + 1) * (cohorts + 2);
}

/** The formulas of the cohort in sheet row `r`: its size, then its shares for k = 0 .. cells - 1. */
function cohortFormulas(source: SourceColumns, kind: PeriodKind, r: number, cells: number): string[] {
  const starts = rangeOf(source, source.startColumn);
  const ends = source.endColumn === null ? null : rangeOf(source, source.endColumn);
  const p0 = `$A${r}`;
  const size = `$B${r}`;
  const inCohort = `${starts},">="&${p0},${starts},"<"&${nextPeriodStart(kind, p0)}`;
  const formulas = [`=COUNTIFS(${inCohort})`];
  for (let k = 0; k < cells; k++) {
    // Still a customer at the end of period c + k: the cohort (its size, in column B) less those
    // who ended before the next period's first day.
    const retained = ends ? `(${size}-COUNTIFS(${inCohort},${ends},"<"&${nextPeriodStart(kind, p0, k + 1)}))` : size;
    formulas.push(`=IF(${size}>0,${retained}/${size},"")`);
  }
  return formulas;
}

export function planCohortSheet(input: CohortPlanInput): CohortSheetPlan {
  const { rows, kind, output, source, language } = input;
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(language, key, params);
  const shareColumns = rows.length;

  const header = [t('cohort.start'), t('cohort.size')];
  const headerNotes = [t('note.cohortStart'), t('note.cohortSize')];
  for (let k = 0; k < shareColumns; k++) {
    header.push(t(`cohort.since.${kind}` as MessageKey, { n: k }));
    headerNotes.push(t('note.cohortCell'));
  }

  const rowFormats = [PERIOD_FORMATS[kind], COUNT_FORMAT, ...new Array<string>(shareColumns).fill(SHARE_FORMAT)];
  const periodColumn: number[] = [];
  const body: CellValue[][] = [];
  const numberFormats: string[][] = [];
  rows.forEach((row, c) => {
    // A serial, not a Date: where midnight is skipped a Date would land at 01:00 (see churnSheetPlan.ts).
    periodColumn.push(serialFromDay(row.startDay));
    numberFormats.push([...rowFormats]);
    // Cohort c has a cell for each period from its own to the last: shareColumns - c of them.
    const cells = shareColumns - c;
    const figures: CellValue[] = output === 'values' ? cohortFigures(row, cells) : cohortFormulas(source, kind, c + 2, cells);
    body.push([...figures, ...new Array<CellValue>(shareColumns - cells).fill('')]);
  });

  return {
    baseName: t(`cohortSheet.name.${kind}` as MessageKey),
    header,
    headerNotes,
    periodColumn,
    body,
    bodyIsFormulas: output === 'formulas',
    numberFormats,
    shareColumns,
  };
}
