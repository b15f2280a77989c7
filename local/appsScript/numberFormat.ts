/**
 * Just enough of Sheets' number-format patterns for the fake: whether a pattern shows a date or a
 * time (which decides whether getValues hands back a Date), and a simple display text for
 * getDisplayValues.
 */
import { wallClockOfSerial } from './zonedTime';

/** The format Range.getNumberFormat reports for a cell nobody formatted ("Automatic"). */
export const AUTOMATIC_FORMAT = '0.###############';

/** The pattern text without quoted literals, backslash escapes and [color]/[condition] sections. */
function patternCode(format: string): string {
  return format
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '');
}

/** True for date, time, date-time and duration patterns ('yyyy-mm-dd', 'mmm yyyy', 'hh:mm', '[h]:mm'). */
export function isDateTimeFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ydhms]/i.test(patternCode(format));
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Month names as Sheets shows them in a spreadsheet locale ("lv_LV"), from the host's Intl. */
function monthNames(locale: string, width: 'long' | 'short'): string[] {
  const tag = locale.replace(/_/g, '-');
  if (/^en\b/i.test(tag)) return MONTHS.map((name) => (width === 'long' ? name : name.slice(0, 3)));
  const format = new Intl.DateTimeFormat(tag, { month: width, timeZone: 'UTC' });
  return MONTHS.map((_, m) => format.format(new Date(Date.UTC(2024, m, 15))));
}

/** Renders a serial with a Sheets date pattern (y, m, d, h, s, am/pm); 'm' after h or before s means minutes. */
function formatSerial(serial: number, format: string, locale: string): string {
  const w = wallClockOfSerial(serial);
  const tokens = format.match(/"[^"]*"|\\.|\[[^\]]*\]|am\/pm|a\/p|y+|m+|d+|h+|s+|./gi) ?? [];
  const hasAmPm = tokens.some((t) => /^(am\/pm|a\/p)$/i.test(t));
  let out = '';
  tokens.forEach((token, i) => {
    const lower = token.toLowerCase();
    const prev = tokens.slice(0, i).reverse().find((t) => /^[hms]+$/i.test(t) || /^[yd]+$/i.test(t));
    const next = tokens.slice(i + 1).find((t) => /^[hms]+$/i.test(t) || /^[yd]+$/i.test(t));
    if (token.startsWith('"')) out += token.slice(1, -1);
    else if (token.startsWith('\\')) out += token.slice(1);
    else if (token.startsWith('[')) {
      if (/^\[h+\]$/i.test(token)) out += String(Math.floor(serial * 24));
    } else if (lower === 'am/pm') out += w.hour < 12 ? 'AM' : 'PM';
    else if (lower === 'a/p') out += w.hour < 12 ? 'A' : 'P';
    else if (/^y+$/.test(lower)) out += lower.length <= 2 ? String(w.year % 100).padStart(2, '0') : String(w.year);
    else if (/^d+$/.test(lower)) {
      out += lower.length >= 4 ? WEEKDAYS[w.weekday] : lower.length === 3 ? WEEKDAYS[w.weekday].slice(0, 3) : String(w.day).padStart(lower.length, '0');
    } else if (/^h+$/.test(lower)) {
      const hour = hasAmPm ? w.hour % 12 || 12 : w.hour;
      out += String(hour).padStart(lower.length, '0');
    } else if (/^s+$/.test(lower)) out += String(w.second).padStart(lower.length, '0');
    else if (/^m+$/.test(lower)) {
      const isMinute = (prev && /^h/i.test(prev)) || (next && /^s/i.test(next));
      if (isMinute) out += String(w.minute).padStart(lower.length, '0');
      else if (lower.length >= 4) out += monthNames(locale, 'long')[w.month - 1];
      else if (lower.length === 3) out += monthNames(locale, 'short')[w.month - 1];
      else out += String(w.month).padStart(lower.length, '0');
    } else out += token;
  });
  return out;
}

/** Renders a number with a plain numeric pattern: decimals, thousands separators, percent, in the locale's separators. */
function formatNumber(value: number, format: string, locale: string): string {
  const code = patternCode(format.split(';')[0]);
  const percent = code.includes('%');
  const scaled = percent ? value * 100 : value;
  const decimals = /\.([0#]*)/.exec(code)?.[1].length ?? 0;
  const grouped = /[#0],[#0]/.test(code);
  const text = scaled.toLocaleString(locale.replace(/_/g, '-'), { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: grouped });
  return percent ? `${text}%` : text;
}

/**
 * The text a cell shows: a simplified take on Sheets' rendering, enough for tests and the
 * playground. Month names and decimal and group separators follow the spreadsheet's locale.
 */
export function displayText(value: unknown, serial: number | undefined, format: string | undefined, locale = 'en_US'): string {
  if (value === '' || value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (serial !== undefined && format && isDateTimeFormat(format)) return formatSerial(serial, format, locale);
  if (typeof value === 'number') {
    if (format && format !== AUTOMATIC_FORMAT && /[0#]/.test(format)) return formatNumber(value, format, locale);
    return String(value);
  }
  return String(value);
}
