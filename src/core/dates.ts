/**
 * Reading date cells. A cell reaches the engine as a JS Date (a date cell in Sheets), a number
 * (a serial day, or a date cell read by an engine that has no Date type), or text in the
 * spreadsheet locale's writing (2024-01-31, 31.01.2024, 31/01/2024, 1/31/2024, 31.1.2024.).
 */
import { MAX_DAY, MIN_DAY, MS_PER_DAY, dayFromSerial, isDayInRange, validDayFromCivil } from './calendar';
import { parseWordDate } from './monthNames';
import type { TimeZone } from './timezone';

/** The order in which a locale writes day, month and year in numeric dates. */
export type DateOrder = 'DMY' | 'MDY' | 'YMD';

export type DateReading =
  | { kind: 'blank' }
  | { kind: 'day'; day: number }
  | { kind: 'notDate' }
  | { kind: 'outOfRange' };

const BLANK: DateReading = { kind: 'blank' };
const NOT_DATE: DateReading = { kind: 'notDate' };
const OUT_OF_RANGE: DateReading = { kind: 'outOfRange' };

/** The day-month order of a locale such as "en_US", "lv_LV" or "nb-NO", from Intl. */
export function dateOrderOfLocale(locale: string | undefined): DateOrder {
  try {
    const tag = (locale || 'en-US').replace(/_/g, '-');
    const parts = new Intl.DateTimeFormat(tag, { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' })
      .formatToParts(new Date(Date.UTC(2024, 0, 31)))
      .map((part) => part.type)
      .filter((type) => type === 'day' || type === 'month' || type === 'year');
    if (parts[0] === 'year') return 'YMD';
    if (parts[0] === 'month') return 'MDY';
    return 'DMY';
  } catch {
    return 'DMY';
  }
}

// Year first: 2024-01-31, 2024.01.31, 2024/1/31, optionally followed by a time.
const YEAR_FIRST = /^(\d{4})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{1,2})\.?(?:[T\s].*)?$/;
// Day or month first: 31.01.2024, 31/1/24, 1-31-2024, "31. 1. 2024", "31.01.2024." (Latvian).
const YEAR_LAST = /^(\d{1,2})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{4}|\d{2})\.?(?:\s.*)?$/;

/** Two-digit years as Sheets reads them: 00-29 are 2000-2029, 30-99 are 1930-1999. */
function fullYear(text: string): number {
  const year = Number(text);
  if (text.length === 4) return year;
  return year < 30 ? 2000 + year : 1900 + year;
}

export interface DayMonthEvidence {
  /** Texts whose first number can only be a day (above 12). */
  dayFirst: number;
  /** Texts whose second number can only be a day (above 12). */
  monthFirst: number;
  /** Texts that could be read either way round (01.02.2024). */
  ambiguous: number;
}

/** Counts which way round the day-first/month-first texts of a column must be read. */
export function dayMonthEvidence(values: ArrayLike<unknown>): DayMonthEvidence {
  const evidence = { dayFirst: 0, monthFirst: 0, ambiguous: 0 };
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (typeof value !== 'string') continue;
    const match = YEAR_LAST.exec(value.trim());
    if (!match) continue;
    const first = Number(match[1]);
    const second = Number(match[2]);
    if (first > 12 && second <= 12) evidence.dayFirst++;
    else if (second > 12 && first <= 12) evidence.monthFirst++;
    else if (first <= 12 && second <= 12 && first !== second) evidence.ambiguous++;
  }
  return evidence;
}

/**
 * The order to read a column's texts in: what its own unambiguous values show, else the
 * spreadsheet locale's order. Year-first locales write day-first when they put the year last.
 */
export function resolveDateOrder(evidence: DayMonthEvidence, localeOrder: DateOrder): { order: DateOrder; fromLocale: boolean } {
  if (evidence.dayFirst > 0 && evidence.monthFirst === 0) return { order: 'DMY', fromLocale: false };
  if (evidence.monthFirst > 0 && evidence.dayFirst === 0) return { order: 'MDY', fromLocale: false };
  return { order: localeOrder === 'YMD' ? 'DMY' : localeOrder, fromLocale: true };
}

export function parseDateText(text: string, order: DateOrder, monthNames?: Map<string, number>): number | undefined {
  const trimmed = text.trim();
  // No date is written in more characters; a long text (up to 50,000 in a cell) is not read word by word.
  if (trimmed.length > LONGEST_DATE_TEXT) return undefined;
  let match = YEAR_FIRST.exec(trimmed);
  if (match) return validDayFromCivil(Number(match[1]), Number(match[2]), Number(match[3]));
  match = YEAR_LAST.exec(trimmed);
  if (match) {
    const year = fullYear(match[3]);
    const [day, month] = order === 'MDY' ? [match[2], match[1]] : [match[1], match[2]];
    return validDayFromCivil(year, Number(month), Number(day));
  }
  const words = monthNames ? parseWordDate(trimmed, monthNames) : undefined;
  return words ? validDayFromCivil(...words) : undefined;
}

/** Longer than any date written out, with a weekday and month in words ("poniedziałek, 31 stycznia 2024"). */
const LONGEST_DATE_TEXT = 100;

/**
 * Whether an instant's UTC day is within a day of the years a table reads: only then can its
 * day in some time zone be one of them. Instants far outside (a Date of the year 275760) are out
 * of range in every zone, and are never handed to the time-zone lookup.
 */
export function isNearDayRange(instantMs: number): boolean {
  const utcDay = Math.floor(instantMs / MS_PER_DAY);
  return utcDay >= MIN_DAY - 1 && utcDay <= MAX_DAY + 1;
}

/** Reads cells into day numbers in one spreadsheet's time zone and text order. */
export class DateReader {
  constructor(
    readonly timeZone: TimeZone,
    readonly order: DateOrder,
    /** Month words of the spreadsheet's language (monthNamesOf), for dates written in words. */
    readonly monthNames?: Map<string, number>,
  ) {}

  read(value: unknown): DateReading {
    let day: number | undefined;
    if (value instanceof Date) {
      const time = value.getTime();
      if (Number.isNaN(time)) return NOT_DATE;
      if (!isNearDayRange(time)) return OUT_OF_RANGE;
      day = this.timeZone.dayOf(time);
    } else if (typeof value === 'number') {
      if (!Number.isFinite(value)) return NOT_DATE;
      day = dayFromSerial(value);
    } else if (typeof value === 'string') {
      if (value.trim() === '') return BLANK;
      day = parseDateText(value, this.order, this.monthNames);
      if (day === undefined) return NOT_DATE;
    } else if (value === null || value === undefined) {
      return BLANK;
    } else {
      return NOT_DATE;
    }
    return isDayInRange(day) ? { kind: 'day', day } : OUT_OF_RANGE;
  }
}
