/**
 * Wall-clock arithmetic in a named IANA zone for the Apps Script fake: the serial numbers Sheets
 * stores for dates (days since 1899-12-30, wall clock of the *spreadsheet's* zone) and
 * Utilities.formatDate. Written independently of src/core/timezone.ts so the fake does not test
 * the add-on against itself.
 */

export const MS_PER_DAY = 86_400_000;

// Hot paths use these module bindings instead of globals: under jest the code runs in a vm
// context, where every global lookup (Math, Number, Infinity) goes through a slow interceptor.
const floor = Math.floor;
const round = Math.round;
/** Marks a day on which the offset changes (real offsets are within +-1 day). */
const CHANGES = 1e15;
/** 1899-12-30T00:00 as a UTC wall clock: serial 0. */
export const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** The dense offset table covers UTC days 1900-01-01 to 2100-12-31, where nearly all dates are. */
const DENSE_FIRST_DAY = Date.UTC(1900, 0, 1) / MS_PER_DAY;
const DENSE_DAYS = Date.UTC(2101, 0, 1) / MS_PER_DAY - DENSE_FIRST_DAY;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  weekday: number; // 0 = Sunday
}

/** Offsets of one zone, cached per UTC day, or per second on days when the offset changes. */
export class ZoneClock {
  readonly timeZone: string;
  private readonly formatter: Intl.DateTimeFormat;
  /** Offsets per UTC day from 1900 to 2100 (NaN: not computed, CHANGES: changes that day); a Map outside. */
  private readonly denseOffsets = new Float64Array(DENSE_DAYS).fill(NaN);
  private readonly dayOffsets = new Map<number, number | null>();
  private readonly quarterOffsets = new Map<number, number>();

  constructor(timeZone: string) {
    this.timeZone = timeZone;
    // Throws a RangeError for an unknown zone, which is what a test with a typo should see.
    this.formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
  }

  /** Milliseconds to add to a UTC instant to read the zone's wall clock. */
  offsetAt(instantMs: number): number {
    const day = floor(instantMs / MS_PER_DAY);
    const slot = day - DENSE_FIRST_DAY;
    if (slot >= 0 && slot < DENSE_DAYS) {
      let offset = this.denseOffsets[slot];
      if (offset !== offset) {
        // NaN: not computed yet.
        const atStart = this.offsetInQuarter(day * MS_PER_DAY);
        const atEnd = this.offsetInQuarter(day * MS_PER_DAY + MS_PER_DAY - 1);
        offset = this.denseOffsets[slot] = atStart === atEnd ? atStart : CHANGES;
      }
      return offset === CHANGES ? this.offsetInQuarter(instantMs) : offset;
    }
    let whole = this.dayOffsets.get(day);
    if (whole === undefined) {
      const atStart = this.offsetInQuarter(day * MS_PER_DAY);
      const atEnd = this.offsetInQuarter(day * MS_PER_DAY + MS_PER_DAY - 1);
      whole = atStart === atEnd ? atStart : null;
      this.dayOffsets.set(day, whole);
    }
    return whole ?? this.offsetInQuarter(instantMs);
  }

  /**
   * The offset at an instant, to the second. Only days on which the offset changes come here,
   * and not every change falls on a quarter hour: Liberia's 1972 change from -0:44:30 to
   * UTC came at 00:44:30 UTC.
   */
  private offsetInQuarter(instantMs: number): number {
    const key = floor(instantMs / 1000);
    let offset = this.quarterOffsets.get(key);
    if (offset === undefined) {
      const at = key * 1000;
      const parts: Record<string, string> = {};
      for (const part of this.formatter.formatToParts(new Date(at))) parts[part.type] = part.value;
      const year = parts.era === 'BC' || parts.era === 'B' ? 1 - Number(parts.year) : Number(parts.year);
      const wall = Date.UTC(year, Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
      // Date.UTC maps years 0-99 to 1900-1999; no spreadsheet date needs them, so they are not corrected.
      // `at` is a whole second, so it has no milliseconds that the formatted parts would drop.
      offset = wall - at;
      this.quarterOffsets.set(key, offset);
    }
    return offset;
  }

  /** The Sheets serial number of the wall-clock time at this instant. */
  serialOf(instantMs: number): number {
    return (instantMs + this.offsetAt(instantMs) - SERIAL_EPOCH_MS) / MS_PER_DAY;
  }

  /** The instant at which the zone's wall clock shows this serial (rounded to the millisecond). */
  instantOfSerial(serial: number): number {
    const wallMs = round(serial * MS_PER_DAY) + SERIAL_EPOCH_MS;
    // Two steps settle the offset, also next to a change.
    const guess = wallMs - this.offsetAt(wallMs);
    const instant = wallMs - this.offsetAt(guess);
    if (instant + this.offsetAt(instant) === wallMs) return instant;
    // A wall time the zone skipped (00:00 when clocks jump to 01:00) is read as the instant after
    // the gap, as Java's time zone rules do: the offset from before the jump.
    return wallMs - Math.min(this.offsetAt(wallMs - MS_PER_DAY), this.offsetAt(wallMs + MS_PER_DAY));
  }

  wallClock(instantMs: number): WallClock {
    return utcFields(new Date(instantMs + this.offsetAt(instantMs)));
  }
}

/** The fields of a Date read in UTC: a wall clock shifted to UTC reads back as that wall clock. */
function utcFields(d: Date): WallClock {
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    ms: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
  };
}

const clocks = new Map<string, ZoneClock>();

/** One shared clock per zone name, so the offset caches survive across fakes. */
export function zoneClock(timeZone: string): ZoneClock {
  let clock = clocks.get(timeZone);
  if (!clock) {
    clock = new ZoneClock(timeZone);
    clocks.set(timeZone, clock);
  }
  return clock;
}

/** Wall-clock fields of a serial number (no zone involved: a serial already is a wall clock). */
export function wallClockOfSerial(serial: number): WallClock {
  return utcFields(new Date(Math.round(serial * MS_PER_DAY) + SERIAL_EPOCH_MS));
}

const pad = (n: number, width: number) => String(Math.abs(n)).padStart(width, '0');

/** Java's RFC 822 / ISO 8601 offset text: whole minutes, truncated as java.text.SimpleDateFormat does. */
function offsetText(offsetMs: number, colon: boolean): string {
  const minutes = Math.trunc(offsetMs / 60_000);
  const sign = minutes < 0 ? '-' : '+';
  return `${sign}${pad(Math.floor(Math.abs(minutes) / 60), 2)}${colon ? ':' : ''}${pad(Math.abs(minutes) % 60, 2)}`;
}

/** Day number (days since 1970-01-01) of a wall-clock date. */
const civilDay = (year: number, month: number, day: number) => {
  const d = new Date(Date.UTC(2000, month - 1, day));
  d.setUTCFullYear(year);
  return floor(d.getTime() / MS_PER_DAY);
};

/**
 * Week of the year and its year in java.util.GregorianCalendar's US rules (Java's default
 * locale on Google's servers is assumed): weeks start on Sunday and week 1 is the one holding
 * 1 January, so the last days of December may be week 1 of the next year.
 */
function usWeek(w: WallClock): { weekYear: number; week: number } {
  const day = civilDay(w.year, w.month, w.day);
  const sundayOf = (d: number) => d - ((((d + 4) % 7) + 7) % 7); // 1970-01-01 was a Thursday
  const nextYearWeek1 = sundayOf(civilDay(w.year + 1, 1, 1));
  if (day >= nextYearWeek1) return { weekYear: w.year + 1, week: 1 };
  return { weekYear: w.year, week: (sundayOf(day) - sundayOf(civilDay(w.year, 1, 1))) / 7 + 1 };
}

/** Java's IllegalArgumentException, as Utilities.formatDate reports it. */
export class IllegalPatternError extends Error {}

/**
 * Utilities.formatDate: java.text.SimpleDateFormat patterns in English: G y Y M L w W D d F E u
 * a H k K h m s S Z X, 'quoted text' and '' for a quote. Letters Java does not know throw its
 * IllegalArgumentException ("Illegal pattern character 'b'"), as does an unclosed quote; 'z'
 * (zone names such as "EET") is Java's but not the fake's, and throws saying so.
 */
export function formatDate(instantMs: number, timeZone: string, pattern: string): string {
  const clock = zoneClock(timeZone);
  const w = clock.wallClock(instantMs);
  let out = '';
  for (let i = 0; i < pattern.length; ) {
    const ch = pattern[i];
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      let j = i + 1;
      for (;;) {
        if (j >= pattern.length) throw new IllegalPatternError('Unterminated quote');
        if (pattern[j] === "'") {
          if (pattern[j + 1] !== "'") break;
          out += "'";
          j += 2;
          continue;
        }
        out += pattern[j++];
      }
      i = j + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    i += n;
    switch (ch) {
      case 'G':
        out += w.year > 0 ? 'AD' : 'BC';
        break;
      case 'y':
        out += n === 2 ? pad(w.year % 100, 2) : pad(w.year, n);
        break;
      case 'Y': {
        const { weekYear } = usWeek(w);
        out += n === 2 ? pad(weekYear % 100, 2) : pad(weekYear, n);
        break;
      }
      case 'M':
      case 'L':
        out += n >= 4 ? MONTHS[w.month - 1] : n === 3 ? MONTHS[w.month - 1].slice(0, 3) : pad(w.month, n);
        break;
      case 'w':
        out += pad(usWeek(w).week, n);
        break;
      case 'W': {
        const firstWeekday = (w.weekday - ((w.day - 1) % 7) + 7) % 7;
        out += pad(floor((w.day - 1 + firstWeekday) / 7) + 1, n);
        break;
      }
      case 'D':
        out += pad(civilDay(w.year, w.month, w.day) - civilDay(w.year, 1, 1) + 1, n);
        break;
      case 'd':
        out += pad(w.day, n);
        break;
      case 'F':
        out += pad(floor((w.day - 1) / 7) + 1, n);
        break;
      case 'E':
        out += n >= 4 ? WEEKDAYS[w.weekday] : WEEKDAYS[w.weekday].slice(0, 3);
        break;
      case 'u':
        out += pad(w.weekday === 0 ? 7 : w.weekday, n);
        break;
      case 'H':
        out += pad(w.hour, n);
        break;
      case 'k':
        out += pad(w.hour === 0 ? 24 : w.hour, n);
        break;
      case 'K':
        out += pad(w.hour % 12, n);
        break;
      case 'h':
        out += pad(w.hour % 12 === 0 ? 12 : w.hour % 12, n);
        break;
      case 'm':
        out += pad(w.minute, n);
        break;
      case 's':
        out += pad(w.second, n);
        break;
      case 'S':
        // Milliseconds as a number, not a fraction: "S" of 5 ms is "5", "SSSS" is "0005".
        out += pad(w.ms, n);
        break;
      case 'a':
        out += w.hour < 12 ? 'AM' : 'PM';
        break;
      case 'Z':
        out += offsetText(clock.offsetAt(instantMs), false);
        break;
      case 'X': {
        if (n > 3) throw new IllegalPatternError(`invalid ISO 8601 format: length=${n}`);
        const offset = clock.offsetAt(instantMs);
        out += offset === 0 ? 'Z' : n === 1 ? offsetText(offset, false).slice(0, 3) : offsetText(offset, n === 3);
        break;
      }
      case 'z':
        throw new Error(`Utilities.formatDate: pattern letter 'z' (zone names) is not supported by the fake (pattern "${pattern}")`);
      default:
        throw new IllegalPatternError(`Illegal pattern character '${ch}'`);
    }
  }
  return out;
}
