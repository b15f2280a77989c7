// The trap: the machine running the script is in one zone (jest.config.cjs sets Honolulu), the
// spreadsheet in another.
import { dayFromCivil, isoFromDay } from '../../src/core/calendar';
import { TimeZone, TimeZoneUnavailableError, WALL_CLOCK_PATTERN, type WallClockReader } from '../../src/core/timezone';
import { formatDate } from '../../local/appsScript/zonedTime';
import { isoInZone, sheetsDate } from '../helpers/dates';

describe('time zones', () => {
  test('the process really runs in another zone than the spreadsheets below', () => {
    expect(new Date(Date.UTC(2024, 0, 1)).getTimezoneOffset()).toBe(600);
  });

  test('a date cell reading 2024-02-01 in Riga belongs to 1 February, not 31 January', () => {
    const riga = new TimeZone('Europe/Riga');
    // Midnight of 1 February in Riga (UTC+2 in winter) is 22:00 UTC on 31 January.
    const cell = new Date('2024-01-31T22:00:00Z');
    expect(isoFromDay(riga.dayOf(cell.getTime()))).toBe('2024-02-01');
    // The same instant read in the script's zone or in UTC would say 31 January.
    expect(cell.getDate()).toBe(31);
    expect(cell.getUTCDate()).toBe(31);
  });

  test.each(['Europe/Riga', 'America/Los_Angeles', 'Pacific/Auckland', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'America/Santiago', 'UTC'])(
    'every midnight of 2023-2025 reads back as its own day in %s',
    (name) => {
      const zone = new TimeZone(name);
      for (let day = dayFromCivil(2023, 1, 1); day <= dayFromCivil(2025, 12, 31); day++) {
        const instant = zone.startOfDay(day);
        expect(zone.dayOf(instant)).toBe(day);
        // The instant before it belongs to the previous day: it really is the start.
        expect(zone.dayOf(instant - 1)).toBe(day - 1);
      }
    },
  );

  test('the engine agrees with toLocaleString on dates built independently', () => {
    for (const name of ['Europe/Oslo', 'America/New_York', 'Asia/Kolkata']) {
      const zone = new TimeZone(name);
      for (const iso of ['2024-03-31', '2024-10-27', '2024-03-10', '2024-11-03', '2024-02-29', '2024-01-01']) {
        const date = sheetsDate(iso, name);
        expect(isoInZone(date, name)).toBe(iso);
        expect(isoFromDay(zone.dayOf(date.getTime()))).toBe(iso);
        expect(zone.startOfDay(zone.dayOf(date.getTime()))).toBe(date.getTime());
      }
    }
  });

  test('unknown zones are reported as invalid', () => {
    expect(TimeZone.isValid('Europe/Riga')).toBe(true);
    expect(TimeZone.isValid('Mars/Olympus')).toBe(false);
  });
});

describe('the wall-clock reader (Utilities.formatDate in Apps Script) as a source of offsets', () => {
  // The fake's formatDate: an implementation of its own, not the engine's Intl reading.
  const utilities: WallClockReader = (instantMs, zoneName) => formatDate(instantMs, zoneName, WALL_CLOCK_PATTERN);
  const HOUR_MS = 3_600_000;
  /** The offset in force at an instant, read independently with toLocaleString. */
  const offsetByLocaleString = (instantMs: number, zone: string) => {
    const text = new Date(instantMs).toLocaleString('sv-SE', { timeZone: zone, hourCycle: 'h23' });
    const [, y, mo, d, h, mi, s] = /^(\d+)-(\d+)-(\d+) (\d+):(\d+):(\d+)$/.exec(text)!.map(Number);
    return Date.UTC(y, mo - 1, d, h, mi, s) - Math.floor(instantMs / 1000) * 1000;
  };

  test.each([
    ['Europe/Riga', 1900, 2199],
    ['America/Sao_Paulo', 1900, 2199],
    ['Australia/Lord_Howe', 1900, 2199],
    ['Asia/Kathmandu', 1900, 2199],
    ['Pacific/Apia', 1900, 2199],
    ['America/Asuncion', 1900, 2199],
  ])('%s: the same transitions, %i-%i, as from Intl, each confirmed by toLocaleString', (name, first, last) => {
    const byReader = new TimeZone(name, { wallClock: utilities, only: 'wallClock' });
    const byIntl = new TimeZone(name, { only: 'intl' });
    expect(byReader.clock).toBe('wallClock');
    expect(byIntl.clock).toBe('intl');
    const transitions = byReader.transitions(first, last);
    expect(transitions).toEqual(byIntl.transitions(first, last));
    expect(transitions.length).toBeGreaterThan(1);
    for (const { atMs, offsetBeforeMs, offsetAfterMs } of transitions) {
      expect([new Date(atMs).toISOString(), offsetByLocaleString(atMs - 1000, name), offsetByLocaleString(atMs, name)]).toEqual([
        new Date(atMs).toISOString(),
        offsetBeforeMs,
        offsetAfterMs,
      ]);
    }
  });

  test.each([
    // Samoa skipped 30 December 2011: from UTC-10 (summer time) to UTC+14.
    ['Pacific/Apia', 2011, { atMs: Date.UTC(2011, 11, 30, 10), offsetBeforeMs: -10 * HOUR_MS, offsetAfterMs: 14 * HOUR_MS }],
    // Paraguay's clocks went from 00:00 to 01:00 on 1 October 2023: that day had no midnight.
    ['America/Asuncion', 2023, { atMs: Date.UTC(2023, 9, 1, 4), offsetBeforeMs: -4 * HOUR_MS, offsetAfterMs: -3 * HOUR_MS }],
    // Lord Howe's summer time is half an hour: 02:00 (+10:30) became 02:30 (+11:00).
    ['Australia/Lord_Howe', 2024, { atMs: Date.UTC(2024, 9, 5, 15, 30), offsetBeforeMs: 10.5 * HOUR_MS, offsetAfterMs: 11 * HOUR_MS }],
    // Nepal moved from +05:30 to +05:45 at the start of 1986.
    ['Asia/Kathmandu', 1985, { atMs: Date.UTC(1985, 11, 31, 18, 30), offsetBeforeMs: 5.5 * HOUR_MS, offsetAfterMs: 5.75 * HOUR_MS }],
    // São Paulo's summer time began at midnight, until Brazil dropped it in 2019.
    ['America/Sao_Paulo', 2018, { atMs: Date.UTC(2018, 10, 4, 3), offsetBeforeMs: -3 * HOUR_MS, offsetAfterMs: -2 * HOUR_MS }],
  ])('%s in %i has its known transition', (name, year, expected) => {
    const zone = new TimeZone(name, { wallClock: utilities, only: 'wallClock' });
    expect(zone.transitions(year, year)).toContainEqual(expected);
  });

  test('days and their first instants are the same from either clock, 1970-2040, in every zone above', () => {
    for (const name of ['Europe/Riga', 'America/Sao_Paulo', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Apia', 'America/Asuncion', 'Asia/Tokyo']) {
      const byReader = new TimeZone(name, { wallClock: utilities, only: 'wallClock' });
      const byIntl = new TimeZone(name, { only: 'intl' });
      for (let day = dayFromCivil(1970, 1, 1); day <= dayFromCivil(2040, 12, 31); day++) {
        const start = byIntl.startOfDay(day);
        // Samoa's 2011-12-30 never happened: neither clock has a first instant for it.
        if (!Number.isFinite(start) && !Number.isFinite(byReader.startOfDay(day))) continue;
        if (byReader.startOfDay(day) !== start || byReader.dayOf(start - 1) !== byIntl.dayOf(start - 1) || byReader.dayOf(start + 43_200_000) !== byIntl.dayOf(start + 43_200_000)) {
          throw new Error(`${name} ${isoFromDay(day)}: the clocks disagree`);
        }
      }
    }
  });

  test('a year of dates costs a reading per week and about a dozen per change of offset', () => {
    let calls = 0;
    const counting: WallClockReader = (ms, zone) => {
      calls++;
      return utilities(ms, zone);
    };
    const zone = new TimeZone('Europe/Riga', { wallClock: counting, only: 'wallClock' });
    calls = 0;
    for (let day = dayFromCivil(2024, 1, 1); day <= dayFromCivil(2024, 12, 31); day++) {
      for (let hour = 0; hour < 24; hour++) zone.dayOf(day * 86_400_000 + hour * HOUR_MS);
    }
    expect(calls).toBeGreaterThan(53);
    expect(calls).toBeLessThan(54 + 2 * 16);
  });

  test('far-away dates are read without asking a clock about years it would count in another calendar', () => {
    const asked: number[] = [];
    const zone = new TimeZone('Europe/Riga', { wallClock: (ms, name) => (asked.push(ms), utilities(ms, name)), only: 'wallClock' });
    expect(zone.dayOf(Date.UTC(1000, 5, 1))).toBeLessThan(dayFromCivil(1900, 1, 1));
    expect(zone.dayOf(Date.UTC(2500, 5, 1))).toBeGreaterThan(dayFromCivil(2199, 12, 31));
    expect(Math.min(...asked)).toBeGreaterThanOrEqual(Date.UTC(1800, 0, 1));
    expect(Math.max(...asked)).toBeLessThanOrEqual(Date.UTC(2300, 0, 1));
    // Intl's year 50 would come back as 1950 through Date.UTC: a day in range, wrongly.
    expect(new TimeZone('Europe/Riga', { only: 'intl' }).dayOf(Date.parse('0050-06-01T00:00:00Z'))).toBeLessThan(dayFromCivil(1900, 1, 1));
  });
});

describe('choosing the clock of a zone', () => {
  const utilities: WallClockReader = (instantMs, zoneName) => formatDate(instantMs, zoneName, WALL_CLOCK_PATTERN);

  test('Intl when it agrees with the reader, after four readings', () => {
    let calls = 0;
    const zone = new TimeZone('Asia/Tokyo', { wallClock: (ms, name) => (calls++, utilities(ms, name)) });
    expect(zone.clock).toBe('intl');
    expect(calls).toBe(4);
  });

  test('the reader when Intl reads the zone differently', () => {
    // A reader an hour ahead of Intl stands for an Intl with stale rules: the reader wins.
    const ahead: WallClockReader = (ms, name) => utilities(ms + 3_600_000, name);
    const zone = new TimeZone('Asia/Tokyo', { wallClock: ahead });
    expect(zone.clock).toBe('wallClock');
    expect(zone.offsetAt(Date.UTC(2024, 0, 1))).toBe(10 * 3_600_000);
  });

  test('the reader when Intl does not know the zone', () => {
    // Stands for a zone name the platform knows and Intl does not.
    const zone = new TimeZone('Mars/Olympus', { wallClock: (ms) => utilities(ms, 'Asia/Kathmandu') });
    expect(zone.clock).toBe('wallClock');
    expect(zone.offsetAt(Date.UTC(2024, 0, 1))).toBe(5.75 * 3_600_000);
  });

  test('Intl when the reader fails or answers nonsense', () => {
    expect(new TimeZone('Asia/Tokyo', { wallClock: () => { throw new Error('no such zone'); } }).clock).toBe('intl');
    expect(new TimeZone('Asia/Tokyo', { wallClock: () => 'Tue Jan 02 2024' }).clock).toBe('intl');
  });

  test('an error naming the zone when no clock knows it, never UTC', () => {
    const refuses: WallClockReader = () => {
      throw new Error('no such zone');
    };
    for (const make of [() => new TimeZone('Mars/Olympus'), () => new TimeZone('Mars/Olympus', { wallClock: refuses }), () => TimeZone.named('Mars/Olympus', refuses), () => new TimeZone('Asia/Tokyo', { wallClock: refuses, only: 'wallClock' })]) {
      let error: unknown;
      try {
        make();
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(TimeZoneUnavailableError);
      expect((error as TimeZoneUnavailableError).message).toMatch(/"(Mars\/Olympus|Asia\/Tokyo)"/);
    }
  });

  test('named shares one zone per name and reader', () => {
    expect(TimeZone.named('Asia/Tokyo', utilities)).toBe(TimeZone.named('Asia/Tokyo', utilities));
    expect(TimeZone.named('Asia/Tokyo')).toBe(TimeZone.named('Asia/Tokyo'));
    expect(TimeZone.named('Asia/Tokyo')).not.toBe(TimeZone.named('Asia/Tokyo', utilities));
  });
});
