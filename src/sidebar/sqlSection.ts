/**
 * The sidebar's "Table too big for a sheet, or already in BigQuery?" section: the BigQuery
 * statement of the churn table for the columns mapped in the wizard, made here in the page from
 * the same src/sql modules as `churn-sheet sql` (no server call, no network), with a copy button.
 * Header names and the table name only ever reach the page as a textarea's value or textContent.
 */
import type { ColumnMapping } from '../core/columns';
import type { PeriodKind } from '../core/periods';
import type { MessageKey } from '../i18n';
import { churnSql, type SqlColumns } from '../sql/statement';
import { byId, setText } from './dom';

export interface SqlSectionState {
  headers: string[];
  mapping: ColumnMapping;
  period: PeriodKind;
  segments: boolean;
  t: (key: MessageKey) => string;
}

/** A table name BigQuery can take: one to three non-empty parts without spaces at their ends. */
function isTableName(name: string): boolean {
  const parts = name.split('.');
  return parts.length <= 3 && parts.every((part) => part !== '' && part.trim() === part);
}

export function renderSqlSection(state: SqlSectionState): void {
  const text = byId<HTMLTextAreaElement>('sql-text');
  const note = byId('sql-note');
  setText(byId('sql-copied'), '');
  const { headers, mapping, t } = state;
  const table = byId<HTMLInputElement>('sql-table').value.trim();
  const name = (index: number | null) => (index === null ? undefined : headers[index] || undefined);
  const start = name(mapping.start);
  if (start === undefined) {
    setText(note, t('ui.sql.chooseStart'));
    text.value = '';
    return;
  }
  if (!isTableName(table)) {
    setText(note, t('ui.sql.badTable'));
    text.value = '';
    return;
  }
  setText(note, '');
  const columns: SqlColumns = { start };
  const end = name(mapping.end);
  const id = name(mapping.id);
  const amount = name(mapping.amount);
  const segment = state.segments ? name(mapping.segment) : undefined;
  if (end !== undefined) columns.end = end;
  if (id !== undefined) columns.id = id;
  if (amount !== undefined) columns.amount = amount;
  if (segment !== undefined) columns.segment = segment;
  text.value = churnSql({
    dialect: 'bigquery',
    table,
    columns,
    period: state.period,
    labels: { all: t('table.allSegments'), blank: t('table.blankSegment') },
  });
}

/** Copies the statement: the Clipboard API where the page may use it, else the selected text. */
export async function copySql(t: (key: MessageKey) => string): Promise<void> {
  const text = byId<HTMLTextAreaElement>('sql-text');
  if (text.value === '') return;
  try {
    await navigator.clipboard.writeText(text.value);
  } catch {
    text.select();
    document.execCommand('copy');
  }
  setText(byId('sql-copied'), t('ui.sql.copied'));
}
