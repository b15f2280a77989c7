// The trap: the machine running the script is in one zone (jest.config.cjs sets Honolulu), the
// spreadsheet in another.
import { dayFromCivil, isoFromDay } from '../../src/core/calendar';
import { TimeZone } from '../../src/core/timezone';
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
