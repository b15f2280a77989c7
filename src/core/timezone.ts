/**
 * Time-zone conversion between instants (what a JS Date holds) and day numbers in a named
 * IANA zone. Sheets hands a date cell to a script as the instant of local midnight in the
 * *spreadsheet's* zone, so reading the calendar day back must use that zone, never the
 * script's or the machine's.
 *
 * Offsets come from one of two clocks. Intl.DateTimeFormat is fast, but Apps Script does not
 * document it; `Utilities.formatDate` is the documented clock there, handed in by the server
 * layer as a WallClockReader so that this module stays free of Apps Script globals. Which one
 * a zone uses is decided once per zone and script run (see `chooseClock`); when neither knows
 * the zone, building it throws TimeZoneUnavailableError instead of guessing an offset.
 *
 * Either clock is asked as little as possible: once at every week boundary (aligned on
 * MIN_DAY), and where the offsets at the two ends of a week differ, a bisection finds the
 * instant of each change to the second (about a dozen readings, as changes fall on quarter
 * hours nearly always). Zones change their offset at most a few times a year, weeks apart, so
 * equal offsets at both ends of a week mean none in between. The result is cached per UTC day
 * in a flat array: the hot path (`dayOf`) is one array read per date.
 */
import { MAX_DAY, MIN_DAY, MS_PER_DAY } from './calendar';

const SECOND_MS = 1000;
const QUARTER_HOUR_MS = 900_000;
const WEEK_MS = 7 * MS_PER_DAY;
/** Markers in the per-UTC-day offset table (real offsets are within +-14 hours). */
const UNKNOWN = 0x7fffffff;
const CHANGES_THAT_DAY = 0x7ffffffe;

/**
 * A zone's wall clock at an instant as 'yyyy-MM-dd HH:mm:ss' (WALL_CLOCK_PATTERN), for example
 * `(ms, zone) => Utilities.formatDate(new Date(ms), zone, WALL_CLOCK_PATTERN)`. May throw.
 */
export type WallClockReader = (instantMs: number, zoneName: string) => string;
export const WALL_CLOCK_PATTERN = 'yyyy-MM-dd HH:mm:ss';

/** Where a zone's offsets come from: Intl.DateTimeFormat, or the injected WallClockReader. */
export type ClockKind = 'intl' | 'wallClock';

/** A change of UTC offset: from `atMs` on (a whole second), clocks are `offsetAfterMs` ahead of UTC. */
export interface OffsetTransition {
  atMs: number;
  offsetBeforeMs: number;
  offsetAfterMs: number;
}

export interface TimeZoneOptions {
  /** The documented clock of the platform (Utilities.formatDate in Apps Script). */
  wallClock?: WallClockReader;
  /** Use only this clock, never the other (for tests and self-checks). */
  only?: ClockKind;
}

/** Neither Intl nor the wall-clock reader knows the zone: no offset can be trusted. */
export class TimeZoneUnavailableError extends Error {
  constructor(readonly zoneName: string) {
    super(`The time zone "${zoneName}" is not known to this script's clocks.`);
    this.name = 'TimeZoneUnavailableError';
  }
}

/** A clock's offset (ms ahead of UTC) at a whole-second instant; throws when it cannot say. */
type OffsetProbe = (instantMs: number) => number;

const wallClockOf = (y: number, mo: number, d: number, h: number, mi: number, s: number) => Date.UTC(y, mo - 1, d, h, mi, s);

/**
 * Clocks are only asked between these bounds; further instants get the offset at the nearer
 * one. Outside the accepted years (1900-2199) a date only needs to stay out of range, and the
 * clocks go wrong out there: Java's calendar (behind Utilities.formatDate) is Julian before
 * 1582, and Date.UTC reads the years 0-99 as 1900-1999.
 */
const FIRST_ASKED_MS = Date.UTC(1800, 0, 1);
const LAST_ASKED_MS = Date.UTC(2300, 0, 1);
const withinAskedYears = (probe: OffsetProbe): OffsetProbe => (instantMs) => probe(Math.min(Math.max(instantMs, FIRST_ASKED_MS), LAST_ASKED_MS));

function intlProbe(name: string): OffsetProbe | undefined {
  if (typeof Intl === 'undefined' || typeof Intl.DateTimeFormat !== 'function') return undefined;
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: name,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    // V8 throws a RangeError for a zone its time-zone data does not have.
    return undefined;
  }
  return (instantMs) => {
    const fields: Record<string, number> = {};
    for (const part of formatter.formatToParts(new Date(instantMs))) {
      if (part.type !== 'literal') fields[part.type] = Number(part.value);
    }
    return wallClockOf(fields.year, fields.month, fields.day, fields.hour, fields.minute, fields.second) - instantMs;
  };
}

const WALL_CLOCK_TEXT = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

function wallClockProbe(name: string, read: WallClockReader): OffsetProbe {
  return (at) => {
    const text = String(read(at, name));
    const m = WALL_CLOCK_TEXT.exec(text);
    if (!m) throw new Error(`Unreadable wall clock "${text}" for ${name}`);
    const offset = wallClockOf(+m[1], +m[2], +m[3], +m[4], +m[5], +m[6]) - at;
    if (!(Math.abs(offset) < MS_PER_DAY)) throw new Error(`Wall clock "${text}" for ${name} is a day or more away from UTC`);
    return offset;
  };
}

/**
 * The instants at which Intl and the wall-clock reader must agree for Intl to be trusted: now,
 * half a year ago (the other side of a daylight-saving year, and the rules a stale Intl would
 * most likely get wrong: recent changes), and a winter and a summer instant of 2000. Four
 * readings per zone and script run: custom functions rerun the global scope on every call, so
 * this is paid per call and must stay small. A clock that is wrong only in other years than
 * these passes; the self-check compares every transition for that.
 */
function checkInstants(): number[] {
  const noon = Math.floor(Date.now() / MS_PER_DAY) * MS_PER_DAY + MS_PER_DAY / 2;
  return [noon, noon - 182 * MS_PER_DAY, Date.UTC(2000, 0, 15, 12), Date.UTC(2000, 6, 15, 12)];
}

function readAll(probe: OffsetProbe | undefined, instants: number[]): number[] | undefined {
  if (!probe) return undefined;
  try {
    return instants.map(probe);
  } catch {
    return undefined;
  }
}

/**
 * Intl when it knows the zone and agrees with the wall-clock reader at the check instants (or
 * there is no reader); the reader when Intl is missing, rejects the zone or disagrees; an error
 * when neither can read the zone.
 */
function chooseClock(name: string, options: TimeZoneOptions): { kind: ClockKind; probe: OffsetProbe } {
  const instants = checkInstants();
  const intl = options.only === 'wallClock' ? undefined : intlProbe(name);
  const wall = options.only === 'intl' || !options.wallClock ? undefined : wallClockProbe(name, options.wallClock);
  const byIntl = readAll(intl, instants);
  const byWall = readAll(wall, instants);
  if (byIntl && (!byWall || byIntl.every((offset, i) => offset === byWall[i]))) return { kind: 'intl', probe: intl! };
  if (byWall) return { kind: 'wallClock', probe: wall! };
  throw new TimeZoneUnavailableError(name);
}

const zoneCache = new Map<string, TimeZone>();
const readerCaches = new WeakMap<WallClockReader, Map<string, TimeZone>>();

export class TimeZone {
  readonly name: string;
  /** The clock this zone's offsets come from. */
  readonly clock: ClockKind;
  private readonly probe: OffsetProbe;
  /** Offset at the start of each week (week 0 starts on MIN_DAY). */
  private readonly weekStarts = new Map<number, number>();
  /** Offset changes inside each week that has been looked at. */
  private readonly weekChanges = new Map<number, OffsetTransition[]>();
  /** Offset per UTC day of the accepted date range, filled a week at a time as dates arrive. */
  private readonly dayOffsets = new Int32Array(MAX_DAY - MIN_DAY + 1).fill(UNKNOWN);

  /** Throws TimeZoneUnavailableError when no clock knows the zone. */
  constructor(name: string, options: TimeZoneOptions = {}) {
    this.name = name;
    const chosen = chooseClock(name, options);
    this.clock = chosen.kind;
    this.probe = withinAskedYears(chosen.probe);
  }

  /** One shared instance per zone name (and reader), so its caches serve every call in a script run. */
  static named(name: string, wallClock?: WallClockReader): TimeZone {
    let cache = zoneCache;
    if (wallClock) {
      cache = readerCaches.get(wallClock) ?? new Map<string, TimeZone>();
      readerCaches.set(wallClock, cache);
    }
    let zone = cache.get(name);
    if (!zone) {
      zone = new TimeZone(name, { wallClock });
      cache.set(name, zone);
    }
    return zone;
  }

  /** Whether Intl knows the zone (the local tools' check; a spreadsheet's zone goes through `named`). */
  static isValid(name: string): boolean {
    return intlProbe(name) !== undefined;
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
    return this.exactOffset(instantMs);
  }

  /** The calendar day (day number) on which the instant falls in this zone. */
  dayOf(instantMs: number): number {
    return Math.floor((instantMs + this.offsetAt(instantMs)) / MS_PER_DAY);
  }

  /**
   * The first instant of the given day in this zone: local midnight, or where a daylight-saving
   * jump skips midnight, the instant of the jump. Each offset in force around that day gives a
   * candidate; the earliest one that falls on the day is its start. A day the zone skipped whole
   * (Pacific/Kiritimati's 1994-12-31, Pacific/Apia's 2011-12-30) has no instant: Infinity.
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

  /**
   * Every change of UTC offset from the start of `firstYear` to the end of `lastYear` (UTC),
   * in order, as this zone's clock reports them (a change and its undoing within one week, which
   * no zone has had in the accepted years, would not be seen).
   */
  transitions(firstYear: number, lastYear: number): OffsetTransition[] {
    const from = Date.UTC(firstYear, 0, 1);
    const to = Date.UTC(lastYear + 1, 0, 1);
    const found: OffsetTransition[] = [];
    for (let week = this.weekOf(from); week <= this.weekOf(to - 1); week++) {
      for (const change of this.changesInWeek(week)) if (change.atMs >= from && change.atMs < to) found.push({ ...change });
    }
    return found;
  }

  private weekOf(instantMs: number): number {
    return Math.floor((instantMs - MIN_DAY * MS_PER_DAY) / WEEK_MS);
  }

  private weekStart(week: number): number {
    return MIN_DAY * MS_PER_DAY + week * WEEK_MS;
  }

  private offsetAtWeekStart(week: number): number {
    let offset = this.weekStarts.get(week);
    if (offset === undefined) {
      offset = this.probe(this.weekStart(week));
      this.weekStarts.set(week, offset);
    }
    return offset;
  }

  private changesInWeek(week: number): OffsetTransition[] {
    let changes = this.weekChanges.get(week);
    if (!changes) {
      changes = [];
      this.findChanges(this.weekStart(week), this.offsetAtWeekStart(week), this.weekStart(week + 1), this.offsetAtWeekStart(week + 1), changes);
      this.weekChanges.set(week, changes);
    }
    return changes;
  }

  /**
   * Pushes the changes in (low, high], where the offsets at the ends (whole seconds) are known.
   * Halves on quarter hours while the span is longer; a quarter hour is first tested for a change
   * at its very end (where real changes fall), and only otherwise halved to the second.
   */
  private findChanges(low: number, atLow: number, high: number, atHigh: number, out: OffsetTransition[]): void {
    if (atLow === atHigh) return;
    const span = high - low;
    if (span <= SECOND_MS) {
      out.push({ atMs: high, offsetBeforeMs: atLow, offsetAfterMs: atHigh });
      return;
    }
    let middle: number;
    if (span > QUARTER_HOUR_MS && span % QUARTER_HOUR_MS === 0) middle = low + Math.floor(span / QUARTER_HOUR_MS / 2) * QUARTER_HOUR_MS;
    else if (span === QUARTER_HOUR_MS) middle = high - SECOND_MS;
    else middle = low + Math.floor(span / SECOND_MS / 2) * SECOND_MS;
    const atMiddle = this.probe(middle);
    this.findChanges(low, atLow, middle, atMiddle, out);
    this.findChanges(middle, atMiddle, high, atHigh, out);
  }

  /** The offset at any instant, from the week's start offset and its changes. */
  private exactOffset(instantMs: number): number {
    const week = this.weekOf(instantMs);
    let offset = this.offsetAtWeekStart(week);
    for (const change of this.changesInWeek(week)) {
      if (instantMs < change.atMs) break;
      offset = change.offsetAfterMs;
    }
    return offset;
  }

  /** Fills the offsets of the 7-day block holding a UTC day; a day with a change inside is marked. */
  private fillWeek(table: Int32Array, utcDay: number): void {
    const week = Math.floor((utcDay - MIN_DAY) / 7);
    const first = MIN_DAY + week * 7;
    const last = Math.min(first + 6, MAX_DAY);
    const changes = this.changesInWeek(week);
    for (let day = first; day <= last; day++) {
      const start = day * MS_PER_DAY;
      const end = start + MS_PER_DAY;
      const changesInside = changes.some((change) => change.atMs > start && change.atMs < end);
      table[day - MIN_DAY] = changesInside ? CHANGES_THAT_DAY : this.exactOffset(start);
    }
  }
}
