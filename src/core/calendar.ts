/**
 * Civil calendar arithmetic on whole days.
 *
 * The engine works on "day numbers": whole days since 1970-01-01 in the spreadsheet's calendar,
 * with no time of day and no time zone left in them. Date.UTC does the Gregorian arithmetic;
 * the time-zone step happens once, when a cell is read (see timezone.ts).
 */

export const MS_PER_DAY = 86_400_000;

/** Sheets' serial day 0 is 1899-12-30; serial 25569 is 1970-01-01. */
export const SERIAL_OF_EPOCH = 25_569;

/** Years outside this range are treated as typing mistakes, not as dates. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2199;

export interface CivilDate {
  year: number;
  /** 1-12 */
  month: number;
  /** 1-31 */
  day: number;
}

export function dayFromCivil(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** Day number of a civil date, or undefined when the date does not exist (31 February). */
export function validDayFromCivil(year: number, month: number, day: number): number | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const d = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear keeps them literal.
  d.setUTCFullYear(year);
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return Math.floor(d.getTime() / MS_PER_DAY);
}

export function civilFromDay(dayNumber: number): CivilDate {
  const d = new Date(dayNumber * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export const MIN_DAY = dayFromCivil(FIRST_YEAR, 1, 1);
export const MAX_DAY = dayFromCivil(LAST_YEAR, 12, 31);

export function isDayInRange(dayNumber: number): boolean {
  return dayNumber >= MIN_DAY && dayNumber <= MAX_DAY;
}

export function dayFromSerial(serial: number): number {
  return Math.floor(serial) - SERIAL_OF_EPOCH;
}

export function serialFromDay(dayNumber: number): number {
  return dayNumber + SERIAL_OF_EPOCH;
}

/** ISO 8601 text (2024-01-31) of a day number, for messages and tests. */
export function isoFromDay(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}
