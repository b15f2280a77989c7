/**
 * "Check the add-on in this spreadsheet": the acceptance test for the one place no automated
 * test reaches, a user's real spreadsheet. It compares what the engine assumes about the
 * spreadsheet (time zone, locale) with what Google's own services say, and rebuilds the worked
 * example with the wizard's own code in both modes, reading back what Sheets computed. Every
 * sheet it adds is removed again, whatever happens, and the user's active sheet is restored.
 */
import { dayFromCivil, dayFromSerial, isoFromDay, serialFromDay } from '../core/calendar';
import { buildChurnTable, periodFigures } from '../core/churnTable';
import { columnOf, readCustomerTable } from '../core/table';
import { DateReader, dateOrderOfLocale } from '../core/dates';
import { monthNamesOf } from '../core/monthNames';
import { retentionRate } from '../core/metrics';
import { decimalSeparatorOfLocale, parseNumberText } from '../core/numbers';
import { EXAMPLE_MONTHS, exampleCustomers } from '../core/seedExample';
import type { TimeZone } from '../core/timezone';
import { auditTimeZone } from '../core/zoneAudit';
import { translate, type Language, type MessageKey, type MessageParams } from '../i18n';
import { ADDON_VERSION } from '../version';
import * as rates from '../functions/rates';
import type { OutputMode } from '../shared/wizard';
import { userLanguage } from './language';
import { ensureGrid, uniqueSheetName } from './sheets';
import { spreadsheetTimeZone, utilitiesWallClock } from './timeZone';
import { wizardBuild } from './wizard';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface CheckResult {
  /** What was checked, one sentence in the user's language. */
  label: string;
  passed: boolean;
  /** What was found when it failed (or how much was compared). */
  detail: string;
}

export interface SelfCheckReport {
  passed: boolean;
  version: string;
  timeZone: string;
  locale: string;
  checks: CheckResult[];
}

/** Worked example's rates: (lost) / start and (lost + new lost) / start. */
const RATE_TOLERANCE = 1e-9;

/** Numbers, dates (as their day) and blanks of one cell, in a form two cells can be compared by. */
function cellKey(value: unknown, zone: TimeZone): string {
  if (value instanceof Date) return `day ${isoFromDay(zone.dayOf(value.getTime()))}`;
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toPrecision(12);
  return JSON.stringify(value ?? '');
}

class Checker {
  readonly checks: CheckResult[] = [];

  constructor(readonly language: Language) {}

  t(key: MessageKey, params?: MessageParams): string {
    return translate(this.language, key, params);
  }

  /** Runs one check; an exception inside it is that check's failure, not the end of the report. */
  run(label: MessageKey, labelParams: MessageParams, body: () => string[] | { differences: string[]; detail: string }): void {
    let passed = false;
    let detail = '';
    try {
      const outcome = body();
      const differences = Array.isArray(outcome) ? outcome : outcome.differences;
      passed = differences.length === 0;
      detail = passed ? (Array.isArray(outcome) ? '' : outcome.detail) : this.t('check.differences', { list: differences.slice(0, 5).join('; ') });
    } catch (error) {
      detail = this.t('check.stopped', { message: error instanceof Error ? error.message : String(error) });
    }
    this.checks.push({ label: this.t(label, labelParams), passed, detail });
  }
}

/**
 * The engine trusts Intl for a zone after comparing it with Utilities.formatDate at a few
 * instants; here every year a table may hold is compared. Where the engine already reads the
 * zone from Utilities, the comparison shows that it reads it right.
 */
function checkTimeZone(checker: Checker, zone: TimeZone): void {
  checker.run('check.timeZone', { timeZone: zone.name }, () => {
    const audit = auditTimeZone(zone, (instantMs) => utilitiesWallClock(instantMs, zone.name));
    return {
      differences: audit.mismatches,
      detail: checker.t(zone.clock === 'intl' ? 'check.timeZone.intl' : 'check.timeZone.utilities', { transitions: audit.transitions, comparisons: audit.comparisons }),
    };
  });
}

/**
 * How Sheets itself shows dates with month names and a decimal number in this locale, and
 * whether the engine reads those texts back as the same day and number.
 */
function checkLocale(checker: Checker, probe: Sheet, zone: TimeZone, locale: string): void {
  // The 13th to the 24th: a day above 12 cannot be read as a month, so a wrong day-month order shows.
  const days = Array.from({ length: 12 }, (_, m) => dayFromCivil(2024, m + 1, 13 + m));
  const formats = ['d mmmm yyyy', 'd mmm yyyy'];
  const values = days.map((day) => [serialFromDay(day), serialFromDay(day), 1.5]);
  const range = probe.getRange(1, 1, days.length, 3);
  range.setValues(values);
  range.setNumberFormats(days.map(() => [...formats, '0.0']));
  SpreadsheetApp.flush();
  const shown = range.getDisplayValues();

  const separator = decimalSeparatorOfLocale(locale);
  checker.run('check.decimal', { locale, shown: shown[0][2], separator }, () => {
    const text = shown[0][2];
    return text === `1${separator}5` && parseNumberText(text, separator) === 1.5 ? [] : [`${text} / 1${separator}5`];
  });
  checker.run('check.monthNames', { locale, example: `${shown[0][0]}, ${shown[0][1]}` }, () => {
    const reader = new DateReader(zone, dateOrderOfLocale(locale), monthNamesOf(locale));
    const differences: string[] = [];
    days.forEach((day, i) => {
      for (const text of shown[i].slice(0, 2)) {
        const reading = reader.read(text);
        if (reading.kind !== 'day' || reading.day !== day) differences.push(`"${text}" / ${isoFromDay(day)}`);
      }
    });
    return differences;
  });
}

/** Texts a customer table may hold that Sheets would read as a formula, a number, a boolean or a date if typed. */
const TRICKY_TEXTS = ['=1+1', '+1', '-1', '@me', '007', '1e3', 'TRUE', '2024-01-31', '3%', '1,5'];

/**
 * The writers keep text read from a table as text by formatting its cells as plain text ('@')
 * before writing the values: check that Sheets keeps each of these as the text written, with no
 * formula, in this spreadsheet.
 */
function checkTextStaysText(checker: Checker, probe: Sheet): void {
  checker.run('check.text', {}, () => {
    const range = probe.getRange(1, 5, TRICKY_TEXTS.length, 1);
    range.setNumberFormat('@');
    range.setValues(TRICKY_TEXTS.map((text) => [text]));
    SpreadsheetApp.flush();
    const values = range.getValues();
    const formulas = range.getFormulas();
    const differences: string[] = [];
    TRICKY_TEXTS.forEach((text, i) => {
      if (values[i][0] !== text || formulas[i][0] !== '') differences.push(`"${text}" / ${JSON.stringify(formulas[i][0] || values[i][0])}`);
    });
    return differences;
  });
}

/** The worked example as a customer table: header, then id, start and end as date cells. */
function writeExampleTable(sheet: Sheet): void {
  const rows = exampleCustomers().map((row) => [row.id, serialFromDay(row.startDay), row.endDay === null ? '' : serialFromDay(row.endDay)]);
  ensureGrid(sheet, rows.length + 1, 3);
  sheet.getRange(1, 1, rows.length + 1, 3).setValues([['Customer ID', 'Start date', 'End date'], ...rows]);
  sheet.getRange(2, 2, rows.length, 2).setNumberFormat('yyyy-mm-dd');
}

/** The sheet's table below its header, as wide as the header. */
function readTable(sheet: Sheet): unknown[][] {
  const values = sheet.getDataRange().getValues();
  const width = values[0].findIndex((cell) => cell === '');
  return values.slice(1).map((row) => row.slice(0, width < 0 ? row.length : width));
}

/** The engine's table of the example, in the churn sheet's columns A to J. */
function engineTable(table: unknown[][], zone: TimeZone): unknown[][] {
  const customers = readCustomerTable(
    { start: columnOf(table.map((row) => row[1])), end: columnOf(table.map((row) => row[2])), ids: columnOf(table.map((row) => row[0])) },
    { timeZone: zone, localeOrder: 'YMD', firstRowNumber: 2 },
  );
  return buildChurnTable(customers, 'month').rows.map((row) => {
    const retention = retentionRate(row.customersAtStart, row.churned);
    return [new Date(zone.startOfDay(row.startDay)), ...periodFigures(row), retention ?? ''];
  });
}

function compareTables(expected: unknown[][], actual: unknown[][], zone: TimeZone): string[] {
  const differences: string[] = [];
  if (expected.length !== actual.length) differences.push(`${expected.length} / ${actual.length} rows`);
  expected.forEach((row, r) =>
    row.forEach((cell, c) => {
      const want = cellKey(cell, zone);
      const got = cellKey(actual[r]?.[c], zone);
      if (want !== got) differences.push(`R${r + 2}C${c + 1}: ${want} / ${got}`);
    }),
  );
  return differences;
}

/** The engine's January and February 2024 against the worked example's numbers. */
function compareWithExample(table: unknown[][], zone: TimeZone): string[] {
  const differences: string[] = [];
  for (const month of EXAMPLE_MONTHS) {
    const [year, m] = month.month.split('-').map(Number);
    const row = table.find((cells) => cells[0] instanceof Date ? zone.dayOf(cells[0].getTime()) === dayFromCivil(year, m, 1) : typeof cells[0] === 'number' && dayFromSerial(cells[0]) === dayFromCivil(year, m, 1));
    if (!row) {
      differences.push(`${month.month}: -`);
      continue;
    }
    const [, S, N, , L, Ln, E, churn, adjusted] = row as number[];
    const want = [month.S, month.N, month.L, month.Ln, month.E];
    const got = [S, N, L, Ln, E];
    if (want.join() !== got.join()) differences.push(`${month.month}: ${want.join('/')} / ${got.join('/')}`);
    if (Math.abs(churn - month.L / month.S) > RATE_TOLERANCE || Math.abs(adjusted - (month.L + month.Ln) / month.S) > RATE_TOLERANCE) {
      differences.push(`${month.month}: ${(month.L / month.S).toFixed(4)}, ${((month.L + month.Ln) / month.S).toFixed(4)} / ${churn}, ${adjusted}`);
    }
  }
  return differences;
}

function checkExample(checker: Checker, spreadsheet: Spreadsheet, source: Sheet, zone: TimeZone, created: string[]): void {
  writeExampleTable(source);
  SpreadsheetApp.flush();
  const sourceTable = readTable(source);
  const engine = engineTable(sourceTable, zone);
  checker.run('check.example.engine', {}, () => compareWithExample(engine, zone));

  for (const output of ['formulas', 'values'] as OutputMode[]) {
    checker.run(output === 'formulas' ? 'check.example.formulas' : 'check.example.values', {}, () => {
      const summary = wizardBuild({
        sheetName: source.getName(),
        headerRow: 1,
        firstColumn: 1,
        mapping: { start: 1, end: 2, id: 0, amount: null, segment: null },
        period: 'month',
        firstPeriod: '',
        lastPeriod: '',
        profitPerCustomer: null,
        output,
        chart: false,
      });
      created.push(summary.sheetName);
      SpreadsheetApp.flush();
      const built = readTable(spreadsheet.getSheetByName(summary.sheetName)!);
      return [...compareTables(engine, built, zone), ...compareWithExample(built, zone)];
    });
  }

  checker.run('check.functions', {}, () => {
    const differences: string[] = [];
    const expect = (what: string, got: unknown, want: number) => {
      if (typeof got !== 'number' || Math.abs(got - want) > RATE_TOLERANCE) differences.push(`${what} = ${String(got)} / ${want}`);
    };
    const context = { fn: 'CHURN_RATE', language: checker.language, decimalSeparator: '.' as const };
    expect('CHURN_RATE(500, 15)', rates.CHURN_RATE(context, 500, 15), 0.03);
    expect('ADJUSTED_CHURN(500, 15, 200, 4)', rates.ADJUSTED_CHURN({ ...context, fn: 'ADJUSTED_CHURN' }, 500, 15, 200, 4), 0.038);
    expect('ADJUSTED_CHURN(681, 20, 300, 5)', rates.ADJUSTED_CHURN({ ...context, fn: 'ADJUSTED_CHURN' }, 681, 20, 300, 5), 25 / 681);
    return differences;
  });
}

/** Runs every check in the active spreadsheet and removes what it added, also when a check fails. */
export function selfCheck(): SelfCheckReport {
  const language = userLanguage();
  const checker = new Checker(language);
  const spreadsheet = SpreadsheetApp.getActive();
  const zoneName = spreadsheet.getSpreadsheetTimeZone();
  const locale = spreadsheet.getSpreadsheetLocale();
  const active = spreadsheet.getActiveSheet();
  const created: string[] = [];
  try {
    const zone = spreadsheetTimeZone(zoneName, language);
    checkTimeZone(checker, zone);
    const probeName = uniqueSheetName(spreadsheet, checker.t('check.sheetName'));
    const probe = spreadsheet.insertSheet(probeName);
    created.push(probeName);
    checkLocale(checker, probe, zone, locale);
    checkTextStaysText(checker, probe);
    const tableName = uniqueSheetName(spreadsheet, checker.t('check.sheetName'));
    const table = spreadsheet.insertSheet(tableName);
    created.push(tableName);
    checkExample(checker, spreadsheet, table, zone, created);
  } catch (error) {
    checker.checks.push({ label: checker.t('check.setup'), passed: false, detail: error instanceof Error ? error.message : String(error) });
  } finally {
    const left: string[] = [];
    for (const name of created) {
      try {
        const sheet = spreadsheet.getSheetByName(name);
        if (sheet) spreadsheet.deleteSheet(sheet);
      } catch {
        left.push(name);
      }
    }
    try {
      spreadsheet.setActiveSheet(active);
    } catch {
      // The user's sheet is still there; only the selection moved.
    }
    checker.checks.push({ label: checker.t('check.cleanup'), passed: left.length === 0, detail: left.join(', ') });
  }
  return { passed: checker.checks.every((check) => check.passed), version: ADDON_VERSION, timeZone: zoneName, locale, checks: checker.checks };
}

/** The report as text: a summary, the spreadsheet's settings, then one line per check. */
export function reportText(report: SelfCheckReport, language: Language): string {
  const t = (key: MessageKey, params?: MessageParams) => translate(language, key, params);
  const failed = report.checks.filter((check) => !check.passed).length;
  const lines = [
    failed === 0 ? t('check.allPassed', { count: report.checks.length }) : t('check.someFailed', { failed, count: report.checks.length }),
    t('check.settings', { timeZone: report.timeZone, locale: report.locale, version: report.version }),
    '',
  ];
  for (const check of report.checks) {
    lines.push(`${check.passed ? t('check.pass') : t('check.fail')}: ${check.label}`);
    if (check.detail) lines.push(`    ${check.detail}`);
  }
  return lines.join('\n');
}

/** Menu: runs the check and shows the report. */
export function checkAddOn(): void {
  const report = selfCheck();
  const language = userLanguage();
  const ui = SpreadsheetApp.getUi();
  ui.alert(translate(language, 'check.title'), reportText(report, language), ui.ButtonSet.OK);
}

/**
 * For a maintainer in the Apps Script editor (Run > runSelfCheck): the report goes to the
 * execution log and is returned; the editor has no spreadsheet UI to show it in.
 */
export function runSelfCheck(): string {
  const text = reportText(selfCheck(), userLanguage());
  console.log(text);
  return text;
}

