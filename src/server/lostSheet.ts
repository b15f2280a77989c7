/**
 * Writes the wizard's "Lost customers" sheet (planned by lostSheetPlan.ts) beside the churn
 * sheet, in a fixed handful of service calls whatever the size of the table.
 */
import { detectContactColumns } from '../core/contactColumns';
import type { ColumnMapping } from '../core/columns';
import type { PeriodKind } from '../core/periods';
import { isBlankCell, type CustomerTable } from '../core/table';
import type { TableLocation } from '../core/tableLocation';
import type { TimeZone } from '../core/timezone';
import { buildWinBackTable, lostCustomers } from '../core/winBack';
import type { Language } from '../i18n';
import { planLostSheet, type CarriedColumn, type LostCell } from './lostSheetPlan';
import { uniqueSheetName, writeBlock } from './sheets';

export interface LostSheetInput {
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** The churn sheet just written: it stays the active sheet. */
  churnSheet: GoogleAppsScript.Spreadsheet.Sheet;
  table: CustomerTable;
  /** The source sheet's cells and where the table is in them, for the name and e-mail columns. */
  grid: unknown[][];
  location: TableLocation;
  mapping: ColumnMapping;
  kind: PeriodKind;
  timeZone: TimeZone;
  language: Language;
}

/** A cell of the source table as the list shows it: text as written, numbers as they are. */
function carriedValue(cell: unknown): LostCell {
  if (typeof cell === 'number') return cell;
  return isBlankCell(cell) ? '' : String(cell);
}

/** The name and e-mail columns of the source, each customer's value from its last row in the table. */
function carriedColumns(input: LostSheetInput): CarriedColumn[] {
  const { grid, location, mapping } = input;
  if (mapping.id === null) return [];
  const contacts = detectContactColumns(location.headers, Object.values(mapping));
  const first = location.headerIndex + 1;
  const rowOfId = new Map<string, number>();
  for (let r = first; r < first + location.rowCount; r++) {
    const id = grid[r][location.firstColumn + mapping.id];
    if (!isBlankCell(id)) rowOfId.set(String(id).trim(), r);
  }
  const columns: CarriedColumn[] = [];
  for (const index of [contacts.name, contacts.email]) {
    if (index === null) continue;
    columns.push({
      header: String(location.headers[index]),
      valueOf: (id) => {
        const row = rowOfId.get(id);
        return row === undefined ? '' : carriedValue(grid[row][location.firstColumn + index]);
      },
    });
  }
  return columns;
}

/** Adds the sheet and returns its name. */
export function addLostSheet(input: LostSheetInput): string {
  const { spreadsheet, table, kind, language } = input;
  // Its size was checked with the wizard's other limits, before anything was written.
  const winBack = buildWinBackTable(table, kind);
  const plan = planLostSheet({
    lost: lostCustomers(table),
    winBack,
    kind,
    withAmounts: table.amounts !== undefined,
    carried: carriedColumns(input),
    today: input.timeZone.dayOf(Date.now()),
    language,
  });

  // A new sheet, never an existing one; inserting it activates it, so the churn sheet is activated again.
  const name = uniqueSheetName(spreadsheet, plan.baseName);
  const sheet = spreadsheet.insertSheet(name);
  try {
    writeBlock(sheet, {
      values: plan.values,
      formats: plan.formats,
      weights: plan.values.map((_, r) => new Array<'bold' | 'normal'>(plan.width).fill(plan.boldRows.includes(r + 1) ? 'bold' : 'normal')),
    });
    spreadsheet.setActiveSheet(input.churnSheet);
  } catch (error) {
    spreadsheet.deleteSheet(sheet);
    throw error;
  }
  return name;
}
