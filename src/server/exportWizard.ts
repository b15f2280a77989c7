/**
 * The wizard's side of billing exports (src/core/exports): the choices a recognised export
 * offers, what the sidebar says about it, and its rows read for a build. Plain functions: the
 * caller hands in the sheet's cells and settings, so nothing here calls a service.
 */
import type { ColumnMapping } from '../core/columns';
import { dateOrderOfLocale } from '../core/dates';
import { readBillingExport, type ExportReading, type RecognisedExport } from '../core/exports/billingExport';
import { isoFromDay } from '../core/calendar';
import { monthNamesOf } from '../core/monthNames';
import { decimalSeparatorOfLocale } from '../core/numbers';
import { NO_END } from '../core/table';
import type { TableLocation } from '../core/tableLocation';
import type { TimeZone } from '../core/timezone';
import { UserError, translate, type Language, type MessageKey } from '../i18n';
import type { BillingInterval, ExportChoices, ExportInspection, PreviewRow } from '../shared/wizard';

const INTERVALS: readonly BillingInterval[] = ['day', 'week', 'month', 'quarter', 'year'];
export const DEFAULT_EXPORT_CHOICES: ExportChoices = { churnAt: 'serviceEnd', currency: null, interval: null };

/** The sheet's cells and settings an export is read from. */
export interface ExportSource {
  grid: unknown[][];
  location: TableLocation;
  timeZone: TimeZone;
  locale: string;
}

/** Choices as the sidebar or the CLI sent them, checked; absent or null is the defaults. */
export function validExportChoices(value: unknown, language: Language): ExportChoices {
  if (value === undefined || value === null) return { ...DEFAULT_EXPORT_CHOICES };
  const bad = (): never => {
    throw new UserError(language, 'export.badChoice');
  };
  if (typeof value !== 'object') return bad();
  const { churnAt, currency, interval } = value as Record<string, unknown>;
  if (churnAt !== 'serviceEnd' && churnAt !== 'cancelRequest') bad();
  if (currency !== null && currency !== undefined && (typeof currency !== 'string' || currency.length > 20)) bad();
  if (interval !== null && interval !== undefined && !(INTERVALS as readonly unknown[]).includes(interval)) bad();
  return {
    churnAt: churnAt as ExportChoices['churnAt'],
    currency: typeof currency === 'string' && currency.trim() !== '' ? currency.trim().toUpperCase() : null,
    interval: (interval as BillingInterval | undefined) ?? null,
  };
}

/** The export's columns in the wizard's roles, so the sidebar shows what is read and the win-back list finds each customer. */
export function exportMapping(recognised: RecognisedExport): ColumnMapping {
  const { columns } = recognised;
  return {
    start: columns.start ?? columns.created ?? null,
    end: columns.endedAt ?? columns.canceledAt ?? null,
    id: columns.customer ?? null,
    amount: columns.amount ?? null,
    segment: columns.plan ?? null,
  };
}

export function readExport(source: ExportSource, recognised: RecognisedExport, choices: ExportChoices): ExportReading {
  const { grid, location, timeZone, locale } = source;
  const first = location.headerIndex + 1;
  const rows = grid.slice(first, first + location.rowCount).map((row) => row.slice(location.firstColumn));
  return readBillingExport(recognised, location.headers, rows, {
    timeZone,
    localeOrder: dateOrderOfLocale(locale || undefined),
    monthNames: monthNamesOf(locale || undefined),
    firstRowNumber: first + 1,
    decimalSeparator: decimalSeparatorOfLocale(locale || undefined),
    churnAt: choices.churnAt,
    currency: choices.currency ?? undefined,
    interval: choices.interval ?? undefined,
  });
}

const formatName = (language: Language, reading: Pick<ExportReading, 'format'>) => translate(language, `export.${reading.format}` as MessageKey);

/** Why live formulas cannot stand for an export: the one reason the sidebar and the CLI give. */
export function valuesOnlyReason(language: Language, recognised: RecognisedExport): string {
  return translate(language, 'export.valuesOnly', { format: formatName(language, recognised) });
}

/** What stops a build with these choices: several currencies and none chosen, one chosen that is not there, plans without an interval. */
export function exportBlockers(language: Language, reading: ExportReading, choices: ExportChoices): string[] {
  const reasons: string[] = [];
  const list = reading.currencies.join(', ');
  if (choices.currency !== null && !reading.currencies.includes(choices.currency)) {
    reasons.push(translate(language, 'export.unknownCurrency', { currency: choices.currency, currencies: list }));
  } else if (choices.currency === null && reading.currencies.length > 1) {
    reasons.push(translate(language, 'export.severalCurrencies', { currencies: list }));
  }
  if (reading.plansWithoutInterval.length > 0) {
    reasons.push(translate(language, 'export.noInterval', { plans: reading.plansWithoutInterval.map((plan) => `"${plan}"`).join(', ') }));
  }
  return reasons;
}

/** The sidebar's account of a recognised export. */
export function inspectExport(language: Language, recognised: RecognisedExport, reading: ExportReading, choices: ExportChoices): ExportInspection {
  const sources = reading.periodSources;
  const notes = [
    translate(language, 'export.trials', { inTrial: reading.inTrial, notConverted: reading.trialNotConverted, notStarted: reading.notStarted }),
    translate(language, 'export.periods', { column: sources.column, term: sources.term, planName: sources.planName, chosen: sources.chosen }),
    valuesOnlyReason(language, recognised),
  ];
  return {
    format: recognised.format,
    title: translate(language, 'export.recognised', { format: formatName(language, recognised) }),
    notes,
    currencies: reading.currencies,
    plansWithoutInterval: reading.plansWithoutInterval,
    blockers: exportBlockers(language, reading, choices),
    choices,
  };
}

/** The first rows as the engine counts them: first paid day, end by the chosen rule, customer, MRR, plan. */
export function exportPreview(reading: ExportReading, count: number): PreviewRow[] {
  const { table, rowNumbers } = reading;
  const rows: PreviewRow[] = [];
  for (let i = 0; i < Math.min(count, rowNumbers.length); i++) {
    rows.push({
      row: rowNumbers[i],
      start: isoFromDay(table.startDays[i]),
      end: table.endDays[i] === NO_END ? '' : isoFromDay(table.endDays[i]),
      id: table.ids![i],
      amount: table.amounts![i].toFixed(2),
      segment: table.segments ? table.segments[i] : '',
    });
  }
  return rows;
}
