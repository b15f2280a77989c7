/**
 * Time-zone conversion between instants (what a JS Date holds) and day numbers in a named
 * IANA zone. Sheets hands a date cell to a script as the instant of local midnight in the
 * *spreadsheet's* zone, so reading the calendar day back must use that zone, never the
 * script's or the machine's.
 *
 * Offsets come from Intl.DateTimeFormat (part of V8, available in Apps Script and Node). They
 * cached twice over: per UTC day in a flat array (the hot path: one array read per date), and
 * per quarter hour for the few days on which the zone changes its offset (every zone changes
 * only on quarter-hour instants).
 */
import { MAX_DAY, MIN_DAY, MS_PER_DAY } from './calendar';

const QUARTER_HOUR_MS = 900_000;
/** Markers in the per-UTC-day offset table (real offsets are within +-14 hours). */
const UNKNOWN = 0x7fffffff;
const CHANGES_THAT_DAY = 0x7ffffffe;

const zoneCache = new Map<string, TimeZone>();

export class TimeZone {
  readonly name: string;
  private readonly formatter: Intl.DateTimeFormat;
  private readonly offsets = new Map<number, number>();
  /** Offset per UTC day of the accepted date range, filled a week at a time as dates arrive. */
  private readonly dayOffsets = new Int32Array(MAX_DAY - MIN_DAY + 1).fill(UNKNOWN);

  constructor(name: string) {
    this.name = name;
    // Throws RangeError for an unknown zone; callers turn that into a readable message.
    this.formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** One shared instance per zone name, so its caches serve every call in a script run. */
  static named(name: string): TimeZone {
    let zone = zoneCache.get(name);
    if (!zone) {
      zone = new TimeZone(name);
      zoneCache.set(name, zone);
    }
    return zone;
  }

  static isValid(name: string): boolean {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: name });
      return true;
    } catch {
      return false;
    }
  }

  /** Milliseconds to add to a UTC instant to get the wall-clock time in this zone. */
  offsetAt(instantMs: number): number {
    const utcDay = Math.floor(instantMs / MS_PER_DAY);
    if (utcDay >= MIN_DAY && utcDay <= MAX_DAY) {
      const table = this.dayOffsets;
      let offset = table[utcDay - MIN_DAY];
      if (offset === UNKNOWN) {
        this.fillWeek(table, utcDay);
        offset = table[utcDay - MIN_DAY];
      }
      if (offset !== CHANGES_THAT_DAY) return offset;
    }
    return this.offsetInQuarter(instantMs);
  }

  /**
   * Fills the offsets of the 7-day block holding a UTC day. Zones change their offset at most
   * a few times a year, months apart, so equal offsets at both ends of a week mean none of its
   * days changes; only a week with a change is looked at day by day.
   */
  private fillWeek(table: Int32Array, utcDay: number): void {
    const first = utcDay - ((utcDay - MIN_DAY) % 7);
    const last = Math.min(first + 6, MAX_DAY);
    const atStart = this.offsetInQuarter(first * MS_PER_DAY);
    const atEnd = this.offsetInQuarter((last + 1) * MS_PER_DAY);
    let previous = atStart;
    for (let day = first; day <= last; day++) {
      const next = atStart === atEnd ? atStart : this.offsetInQuarter((day + 1) * MS_PER_DAY);
      table[day - MIN_DAY] = previous === next ? previous : CHANGES_THAT_DAY;
      previous = next;
    }
  }

  private offsetInQuarter(instantMs: number): number {
    const key = Math.floor(instantMs / QUARTER_HOUR_MS);
    let offset = this.offsets.get(key);
    if (offset === undefined) {
      offset = this.computeOffset(key * QUARTER_HOUR_MS);
      this.offsets.set(key, offset);
    }
    return offset;
  }

  /** The calendar day (day number) on which the instant falls in this zone. */
  dayOf(instantMs: number): number {
    return Math.floor((instantMs + this.offsetAt(instantMs)) / MS_PER_DAY);
  }

  /**
   * The first instant of the given day in this zone: local midnight, or where a daylight-saving
   * jump skips midnight, the instant of the jump. Each offset in force around that day gives a
   * candidate; the earliest one that falls on the day is its start.
   */
  startOfDay(dayNumber: number): number {
    const wallMidnight = dayNumber * MS_PER_DAY;
    let best = Number.POSITIVE_INFINITY;
    for (const probe of [wallMidnight - MS_PER_DAY, wallMidnight, wallMidnight + MS_PER_DAY]) {
      const candidate = wallMidnight - this.offsetAt(probe);
      if (candidate < best && this.dayOf(candidate) === dayNumber) best = candidate;
    }
    return best;
  }

  private computeOffset(instantMs: number): number {
    const fields: Record<string, number> = {};
    for (const part of this.formatter.formatToParts(new Date(instantMs))) {
      if (part.type !== 'literal') fields[part.type] = Number(part.value);
    }
    const wall = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second);
    // Sub-second precision is lost by the formatter; whole seconds are all offsets ever use.
    return wall - Math.floor(instantMs / 1000) * 1000;
  }
}
