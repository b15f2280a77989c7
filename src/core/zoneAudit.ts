/**
 * Compares the engine's idea of a time zone with another clock (in a spreadsheet, Google's own
 * Utilities.formatDate) over every year a customer table may hold: every change of UTC offset
 * the engine knows, a summer and a winter instant of every year (to catch a change the engine
 * missed), and the first instant of every month's first day (what a period start is).
 */
import { MAX_DAY, MIN_DAY, MS_PER_DAY, civilFromDay, isoFromDay } from './calendar';
import type { TimeZone } from './timezone';

/** Another clock's wall-clock text of an instant in the zone, as 'yyyy-MM-dd HH:mm:ss'. */
export type WallClock = (instantMs: number) => string;

export interface ZoneAudit {
  /** Changes of UTC offset found between the first and the last day. */
  transitions: number;
  /** Instants compared with the other clock. */
  comparisons: number;
  /** The first few disagreements, each as "what: engine ... / clock ...". */
  mismatches: string[];
  /** How many disagreements there were in all. */
  mismatchCount: number;
}

const LISTED_MISMATCHES = 5;
const SECOND_MS = 1000;

const two = (n: number) => String(n).padStart(2, '0');

/** The engine's wall clock of an instant, in the other clock's format. */
export function engineWallClock(zone: TimeZone, instantMs: number): string {
  const wall = instantMs + zone.offsetAt(instantMs);
  const day = Math.floor(wall / MS_PER_DAY);
  const seconds = Math.floor((wall - day * MS_PER_DAY) / SECOND_MS);
  return `${isoFromDay(day)} ${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;
}

export function auditTimeZone(zone: TimeZone, clock: WallClock, firstDay = MIN_DAY, lastDay = MAX_DAY): ZoneAudit {
  const audit: ZoneAudit = { transitions: 0, comparisons: 0, mismatches: [], mismatchCount: 0 };
  const compare = (what: string, instantMs: number, expected = engineWallClock(zone, instantMs), actual = clock(instantMs)) => {
    audit.comparisons++;
    if (expected === actual) return;
    audit.mismatchCount++;
    if (audit.mismatches.length < LISTED_MISMATCHES) audit.mismatches.push(`${what}: ${expected} / ${actual}`);
  };

  const firstYear = civilFromDay(firstDay).year;
  const lastYear = civilFromDay(lastDay).year;
  const transitions = zone.transitions(firstYear, lastYear).map((change) => change.atMs);
  audit.transitions = transitions.length;
  for (const instant of transitions) {
    compare(`${new Date(instant).toISOString()} -1 s`, instant - SECOND_MS);
    compare(new Date(instant).toISOString(), instant);
  }

  for (let year = firstYear; year <= lastYear; year++) {
    for (const month of [1, 7]) {
      const instant = Date.UTC(year, month - 1, 15, 12);
      compare(new Date(instant).toISOString(), instant);
    }
    // A period starts at the first instant of the month's first day: that instant is on the
    // day, and one second earlier is the day before.
    for (let month = 1; month <= 12; month++) {
      const day = Date.UTC(year, month - 1, 1) / MS_PER_DAY;
      if (day < firstDay || day > lastDay) continue;
      const start = zone.startOfDay(day);
      if (!Number.isFinite(start)) {
        compare(`start of ${isoFromDay(day)}`, NaN, isoFromDay(day), '-');
        continue;
      }
      const clockDay = (instantMs: number) => clock(instantMs).slice(0, 10);
      compare(`start of ${isoFromDay(day)}`, start, isoFromDay(day), clockDay(start));
      compare(`before ${isoFromDay(day)}`, start - SECOND_MS, isoFromDay(day - 1), clockDay(start - SECOND_MS));
    }
  }
  return audit;
}
