/**
 * The wizard's "Lost customers" sheet, decided without touching Sheets: the date it was made,
 * the list of customers who left (LOST_CUSTOMERS' columns, with the source table's name and
 * e-mail columns carried along), and under it the win-back table (WINBACK_TABLE's). Values
 * only: the list is a snapshot to work through, not a live view.
 */
import { isoFromDay, serialFromDay } from '../core/calendar';
import type { PeriodKind } from '../core/periods';
import type { LostCustomer, WinBackRow } from '../core/winBack';
import { CELL_CHARACTERS, quoted } from '../core/limits';
import { translate, type Language, type MessageKey } from '../i18n';
import { COUNT_FORMAT, PERIOD_FORMATS } from './churnSheetPlan';

export type LostCell = number | string;

/** A column of the source table carried into the list: its header, and each customer's value. */
export interface CarriedColumn {
  header: string;
  valueOf(id: string): LostCell;
}

export interface LostSheetInput {
  lost: LostCustomer[];
  winBack: WinBackRow[];
  kind: PeriodKind;
  /** Whether the table has amounts (the MRR column). */
  withAmounts: boolean;
  carried: CarriedColumn[];
  /** The day the list is made, in the spreadsheet's time zone. */
  today: number;
  language: Language;
}

export interface LostSheetPlan {
  baseName: string;
  values: LostCell[][];
  formats: string[][];
  /** 1-based rows shown in bold (headers and titles). */
  boldRows: number[];
  width: number;
}

const DATE_FORMAT = 'yyyy-mm-dd';
const SHARE_FORMAT = '0.0%';
const MRR_FORMAT = '#,##0.00';
/** Text read from the user's table stays text exactly as written. */
const TEXT_FORMAT = '@';

const BACK_KEYS: Record<PeriodKind, MessageKey> = {
  month: 'winback.back.month',
  week: 'winback.back.week',
  quarter: 'winback.back.quarter',
  year: 'winback.back.year',
};

/** Rows x columns of the win-back table: a header and one row per period, two columns and one per later period. */
export function winBackCells(periods: number): number {
  return (periods + 1) * (periods + 1);
}

/** Text longer than a cell holds, cut short: Sheets refuses the whole write otherwise. */
const fitted = (cell: LostCell): LostCell => (typeof cell === 'string' && cell.length > CELL_CHARACTERS ? quoted(cell) : cell);

export function planLostSheet(input: LostSheetInput): LostSheetPlan {
  const { lost, winBack, kind, withAmounts, carried, language } = input;
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(language, key, params);

  const listHeader = [t('lost.id'), ...carried.map((column) => column.header), t('lost.since'), t('lost.left'), t('lost.days')];
  const listFormats = [TEXT_FORMAT, ...carried.map(() => TEXT_FORMAT), DATE_FORMAT, DATE_FORMAT, COUNT_FORMAT];
  if (withAmounts) {
    listHeader.push(t('lost.mrr'));
    listFormats.push(MRR_FORMAT);
  }
  listHeader.push(t('lost.returns'));
  listFormats.push(COUNT_FORMAT);

  const winBackHeader = [t('table.periodStart'), t('winback.lost')];
  for (let k = 1; k < winBack.length; k++) winBackHeader.push(t(BACK_KEYS[kind], { n: k }));
  const winBackFormats = [PERIOD_FORMATS[kind], COUNT_FORMAT, ...new Array<string>(winBack.length - 1).fill(SHARE_FORMAT)];

  const width = Math.max(listHeader.length, winBackHeader.length);
  const values: LostCell[][] = [];
  const formats: string[][] = [];
  const boldRows: number[] = [];
  const push = (cells: LostCell[], cellFormats: string[], bold = false) => {
    values.push([...cells, ...new Array<LostCell>(width - cells.length).fill('')]);
    formats.push([...cellFormats, ...new Array<string>(width - cellFormats.length).fill('General')]);
    if (bold) boldRows.push(values.length);
  };

  push([t('lostSheet.snapshot', { date: isoFromDay(input.today) })], ['General'], true);
  push([], []);
  push(listHeader, listHeader.map(() => TEXT_FORMAT), true);
  if (lost.length === 0) push([t('lostSheet.none')], ['General']);
  for (const customer of lost) {
    const cells: LostCell[] = [fitted(customer.id), ...carried.map((column) => fitted(column.valueOf(customer.id))), serialFromDay(customer.firstDay), serialFromDay(customer.leftDay), customer.activeDays];
    if (withAmounts) cells.push(customer.mrr ?? '');
    cells.push(customer.returns);
    push(cells, listFormats);
  }

  push([], []);
  push([t('lostSheet.winBack')], ['General'], true);
  push(winBackHeader, winBackHeader.map(() => TEXT_FORMAT), true);
  for (const row of winBack) {
    const shares = row.back.map((back) => (back === undefined || row.lost === 0 ? '' : back / row.lost));
    push([serialFromDay(row.startDay), row.lost, ...shares], winBackFormats);
  }

  return { baseName: t('lostSheet.name'), values, formats, boldRows, width };
}
