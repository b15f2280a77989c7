/**
 * Periods: calendar months (default), ISO weeks starting on Monday, quarters and years.
 *
 * A period is identified by an integer "period key" that increases by one from one period to
 * the next (months since year 0, weeks since the epoch...), so a run of periods is a plain
 * integer range and the period table can be filled by index.
 */
import { civilFromDay, dayFromCivil } from './calendar';

export const PERIOD_KINDS = ['month', 'week', 'quarter', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export function isPeriodKind(value: string): value is PeriodKind {
  return (PERIOD_KINDS as readonly string[]).includes(value);
}

/** 1970-01-01 was a Thursday; shifting by 3 makes Monday the first day of each 7-day block. */
const MONDAY_SHIFT = 3;

export function periodKeyOfDay(kind: PeriodKind, dayNumber: number): number {
  if (kind === 'week') return Math.floor((dayNumber + MONDAY_SHIFT) / 7);
  const { year, month } = civilFromDay(dayNumber);
  switch (kind) {
    case 'month':
      return year * 12 + (month - 1);
    case 'quarter':
      return year * 4 + Math.floor((month - 1) / 3);
    case 'year':
      return year;
  }
}

/** Day number of the first day of the period with this key. */
export function startDayOfPeriodKey(kind: PeriodKind, key: number): number {
  switch (kind) {
    case 'week':
      return key * 7 - MONDAY_SHIFT;
    case 'month':
      return dayFromCivil(Math.floor(key / 12), (key % 12) + 1, 1);
    case 'quarter':
      return dayFromCivil(Math.floor(key / 4), (key % 4) * 3 + 1, 1);
    case 'year':
      return dayFromCivil(key, 1, 1);
  }
}

/**
 * Maps every day of [firstDay, lastDay] to the index of its period counted from the period of
 * firstDay. One array entry per day: lookups in the hot loop are a single array read, and the
 * span is bounded by the accepted date range (1900-2199).
 */
export class PeriodIndex {
  readonly kind: PeriodKind;
  readonly firstKey: number;
  readonly count: number;
  private readonly firstDay: number;
  private readonly indexOfDay: Int32Array;

  constructor(kind: PeriodKind, firstDay: number, lastDay: number) {
    this.kind = kind;
    this.firstKey = periodKeyOfDay(kind, firstDay);
    const lastKey = periodKeyOfDay(kind, lastDay);
    this.count = lastKey - this.firstKey + 1;
    this.firstDay = firstDay;
    this.indexOfDay = new Int32Array(lastDay - firstDay + 1);
    let index = 0;
    let nextStart = startDayOfPeriodKey(kind, this.firstKey + 1);
    for (let day = firstDay; day <= lastDay; day++) {
      if (day >= nextStart) {
        index++;
        nextStart = startDayOfPeriodKey(kind, this.firstKey + index + 1);
      }
      this.indexOfDay[day - firstDay] = index;
    }
  }

  /** Index of the period that holds the day; the day must lie within the constructed span. */
  indexOf(dayNumber: number): number {
    return this.indexOfDay[dayNumber - this.firstDay];
  }

  startDay(index: number): number {
    return startDayOfPeriodKey(this.kind, this.firstKey + index);
  }
}
