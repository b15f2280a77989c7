/**
 * What Sheets makes of a string written with setValues into a cell that is not formatted as
 * plain text: the same as if a user typed it. Numbers (leading zeros, exponents, grouping,
 * percent, the locale's decimal separator), TRUE/FALSE, dates in ISO order or the locale's, with
 * or without a time, and times of day become numbers and booleans; everything else stays text.
 * The number format Sheets picks for such a cell comes along (applied only to unformatted cells).
 * Written independently of src/core so the fake does not test the add-on against itself.
 */
import { SERIAL_EPOCH_MS, MS_PER_DAY, type ZoneClock } from './zonedTime';

export interface TypedValue {
  value: number | boolean;
  /** The format Sheets gives the cell when it has none ('' for Automatic). */
  format: string;
}

/** Locale traits typed text depends on. */
export interface TypingLocale {
  decimal: '.' | ',';
  /** Day-month order of dates written with / . or -: month first in en_US. */
  monthFirst: boolean;
}

export function typingLocale(locale: string): TypingLocale {
  let decimal: '.' | ',' = '.';
  try {
    const part = new Intl.NumberFormat(locale.replace(/_/g, '-')).formatToParts(1.5).find((p) => p.type === 'decimal');
    if (part?.value === ',') decimal = ',';
  } catch {
    // An unknown locale reads like en_US.
  }
  return { decimal, monthFirst: /^en_US|^en$|_US$/i.test(locale) };
}

/** Digits (grouped in threes or not), an optional fraction, an optional exponent; per decimal separator. */
const NUMBER_PATTERNS: Record<'.' | ',', RegExp> = {
  '.': /^(?:(\d{1,3}(?:,\d{3})+)|(\d+))?(?:\.(\d*))?(?:[eE]([-+]?\d+))?$/,
  ',': /^(?:(\d{1,3}(?:[.\s\u00a0]\d{3})+)|(\d+))?(?:,(\d*))?(?:[eE]([-+]?\d+))?$/,
};
/** Typed text can only be a number, boolean, date or time if it starts with one of these. */
const MAY_BE_TYPED = /^[-+.,\dtTfF]/;

function typedNumber(text: string, locale: TypingLocale): TypedValue | undefined {
  const match = /^([-+]?)(.*?)(\s?%)?$/.exec(text)!;
  const [, sign, body, percent] = match;
  const parts = NUMBER_PATTERNS[locale.decimal].exec(body);
  if (!parts) return undefined;
  const [, grouped, plain, fraction, exponent] = parts;
  const whole = grouped ?? plain;
  if (whole === undefined && !fraction) return undefined;
  if (exponent !== undefined && whole === undefined) return undefined;
  const digits = (whole ?? '0').replace(/[^\d]/g, '');
  let value = Number(`${digits}.${fraction ?? ''}e${exponent ?? 0}`);
  if (!Number.isFinite(value)) return undefined;
  if (sign === '-') value = -value;
  let format = '';
  if (percent) {
    value /= 100;
    format = fraction ? '0.00%' : '0%';
  } else if (exponent !== undefined) format = '0.00E+00';
  else if (grouped !== undefined) format = fraction ? '#,##0.00' : '#,##0';
  return { value, format };
}

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function serialOf(year: number, month: number, day: number): number {
  return (Date.UTC(year, month - 1, day) - SERIAL_EPOCH_MS) / MS_PER_DAY;
}

const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

function timeFraction(text: string): number | undefined {
  const m = TIME.exec(text);
  if (!m) return undefined;
  const [h, min, s] = [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
  if (h > 23 || min > 59 || s > 59) return undefined;
  return (h * 3600 + min * 60 + s) / 86_400;
}

function typedDate(text: string, locale: TypingLocale, clock: ZoneClock, now: number): TypedValue | undefined {
  const [datePart, timePart, ...rest] = text.split(/\s+/);
  if (rest.length > 0) return undefined;
  let time = 0;
  if (timePart !== undefined) {
    const fraction = timeFraction(timePart);
    if (fraction === undefined) return undefined;
    time = fraction;
  }
  let year: number;
  let month: number;
  let day: number;
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(datePart);
  const local = /^(\d{1,2})([-/.])(\d{1,2})(?:\2(\d{4}|\d{2}))?$/.exec(datePart);
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (local) {
    const [first, second] = [Number(local[1]), Number(local[3])];
    [month, day] = locale.monthFirst ? [first, second] : [second, first];
    if (local[4] === undefined) {
      // Without a year, the current one in the spreadsheet's zone; a bare "1.5" is a number, not a date.
      if (local[2] !== '/') return undefined;
      year = clock.wallClock(now).year;
    } else {
      year = Number(local[4]);
      // Two-digit years as Sheets reads them: 00-29 this century, 30-99 the last.
      if (local[4].length === 2) year += year < 30 ? 2000 : 1900;
    }
  } else return undefined;
  if (!validDate(year, month, day)) return undefined;
  return { value: serialOf(year, month, day) + time, format: timePart === undefined ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm:ss' };
}

/** What Sheets stores for typed text, or undefined when the text stays text. */
export function parseTypedText(text: string, locale: TypingLocale, clock: ZoneClock, now = Date.now()): TypedValue | undefined {
  const trimmed = text.trim();
  if (!MAY_BE_TYPED.test(trimmed)) return undefined;
  if (/^true$/i.test(trimmed)) return { value: true, format: '' };
  if (/^false$/i.test(trimmed)) return { value: false, format: '' };
  const time = timeFraction(trimmed);
  if (time !== undefined) return { value: time, format: 'hh:mm:ss' };
  return typedNumber(trimmed, locale) ?? typedDate(trimmed, locale, clock, now);
}
