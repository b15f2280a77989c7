/**
 * Time-zone conversion between instants (what a JS Date holds) and day numbers in a named
 * IANA zone. Sheets hands a date cell to a script as the instant of local midnight in the
 * *spreadsheet's* zone, so reading the calendar day back must use that zone, never the
 * script's or the machine's.
 *
 * Offsets come from Intl.DateTimeFormat (part of V8, available in Apps Script and Node). They
 * are cached per quarter hour: every zone changes its offset only on quarter-hour instants, and
 * a table's dates fall on few distinct instants, so a million rows cost a few hundred lookups.
 */
import { MS_PER_DAY } from './calendar';

const QUARTER_HOUR_MS = 900_000;

export class TimeZone {
  readonly name: string;
  private readonly formatter: Intl.DateTimeFormat;
  private readonly offsets = new Map<number, number>();

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
