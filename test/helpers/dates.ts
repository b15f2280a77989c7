/**
 * Test-side date helpers, written independently of src/core (string arithmetic and
 * toLocaleString rather than the engine's day numbers), so tests do not check the engine
 * against itself.
 */

/** Wall-clock fields of an instant in a zone, via toLocaleString (not the engine's formatter). */
function wallClock(instant: number, timeZone: string): { y: number; m: number; d: number; h: number; min: number } {
  const text = new Date(instant).toLocaleString('sv-SE', { timeZone, hour12: false });
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})/.exec(text);
  if (!match) throw new Error(`unexpected toLocaleString output ${text}`);
  return { y: +match[1], m: +match[2], d: +match[3], h: +match[4] % 24, min: +match[5] };
}

const midnights = new Map<string, number>();

/** The Date that Sheets hands a script for a date cell reading `isoDate` in a spreadsheet in `timeZone`. */
export function sheetsDate(isoDate: string, timeZone: string): Date {
  const key = `${isoDate} ${timeZone}`;
  let instant = midnights.get(key);
  if (instant === undefined) {
    instant = findMidnight(isoDate, timeZone);
    midnights.set(key, instant);
  }
  return new Date(instant);
}

function findMidnight(isoDate: string, timeZone: string): number {
  const [y, m, d] = isoDate.split('-').map(Number);
  const target = Date.UTC(y, m - 1, d);
  // Walk from the UTC guess to the instant whose wall clock in the zone is that midnight.
  let instant = target;
  for (let i = 0; i < 3; i++) {
    const wall = wallClock(instant, timeZone);
    const wallMs = Date.UTC(wall.y, wall.m - 1, wall.d, wall.h, wall.min);
    instant += target - wallMs;
  }
  return instant;
}

/** The ISO calendar date that a Date shows in a zone. */
export function isoInZone(date: Date, timeZone: string): string {
  const wall = wallClock(date.getTime(), timeZone);
  return `${wall.y}-${String(wall.m).padStart(2, '0')}-${String(wall.d).padStart(2, '0')}`;
}

/** Sheets' serial day number of an ISO date (1899-12-30 is 0). */
export function serialOf(isoDate: string): number {
  return Math.round((Date.parse(`${isoDate}T00:00:00Z`) - Date.parse('1899-12-30T00:00:00Z')) / 86_400_000);
}

/** First ISO day of the month of an ISO date, and the first of the next month. */
export function monthBounds(month: string): [string, string] {
  const [y, m] = month.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return [`${month}-01`, `${next}-01`];
}

/** Writes an ISO date the way a locale's users type it. */
export function writeAs(isoDate: string, style: 'iso' | 'dmy.' | 'dmy/' | 'mdy/' | 'd.m.y' | 'lv'): string {
  const [y, m, d] = isoDate.split('-');
  switch (style) {
    case 'iso':
      return isoDate;
    case 'dmy.':
      return `${d}.${m}.${y}`;
    case 'dmy/':
      return `${d}/${m}/${y}`;
    case 'mdy/':
      return `${Number(m)}/${Number(d)}/${y}`;
    case 'd.m.y':
      return `${Number(d)}. ${Number(m)}. ${y}`;
    case 'lv':
      return `${d}.${m}.${y}.`;
  }
}
