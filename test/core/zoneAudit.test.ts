import { dayFromCivil, MS_PER_DAY } from '../../src/core/calendar';
import { TimeZone } from '../../src/core/timezone';
import { auditTimeZone, engineWallClock } from '../../src/core/zoneAudit';
import { formatDate } from '../../local/appsScript/zonedTime';

const clockOf = (zone: string) => (ms: number) => formatDate(ms, zone, 'yyyy-MM-dd HH:mm:ss');

describe('auditTimeZone against the fake Utilities.formatDate', () => {
  test.each(['UTC', 'Asia/Tokyo', 'America/New_York', 'America/Asuncion', 'Europe/Riga', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Apia', 'Europe/Amsterdam'])('%s agrees from 1900 to 2199', (name) => {
    const audit = auditTimeZone(TimeZone.named(name), clockOf(name));
    expect(audit.mismatches).toEqual([]);
    expect(audit.comparisons).toBeGreaterThan(300 * 14);
  });
});

describe('what the audit finds', () => {
  test('Africa/Monrovia changed its offset by 44 min 30 s in 1972, not on a quarter hour', () => {
    const zone = TimeZone.named('Africa/Monrovia');
    const audit = auditTimeZone(zone, clockOf('Africa/Monrovia'));
    expect(audit.mismatches).toEqual([]);
  });

  test('compares both sides of every change of offset', () => {
    const zone = TimeZone.named('America/New_York');
    const seen: string[] = [];
    const audit = auditTimeZone(zone, (ms) => {
      seen.push(new Date(ms).toISOString());
      return formatDate(ms, 'America/New_York', 'yyyy-MM-dd HH:mm:ss');
    }, dayFromCivil(2024, 1, 1), dayFromCivil(2024, 12, 31));
    expect(audit.transitions).toBe(2);
    expect(seen).toEqual(expect.arrayContaining(['2024-03-10T06:59:59.000Z', '2024-03-10T07:00:00.000Z', '2024-11-03T05:59:59.000Z', '2024-11-03T06:00:00.000Z']));
    const change = Date.UTC(2024, 2, 10, 7);
    expect(engineWallClock(zone, change)).toBe('2024-03-10 03:00:00');
    expect(engineWallClock(zone, change - 1000)).toBe('2024-03-10 01:59:59');
  });

  test('a clock an hour off in one summer is reported with where', () => {
    const zone = TimeZone.named('Europe/Riga');
    const clock = (ms: number) => {
      const shifted = ms >= Date.UTC(2031, 5, 1) && ms < Date.UTC(2031, 8, 1) ? ms + 3_600_000 : ms;
      return formatDate(shifted, 'Europe/Riga', 'yyyy-MM-dd HH:mm:ss');
    };
    const audit = auditTimeZone(zone, clock);
    expect(audit.mismatchCount).toBeGreaterThanOrEqual(2);
    expect(audit.mismatches.join('\n')).toContain('2031-07-15T12:00:00.000Z: 2031-07-15 15:00:00 / 2031-07-15 16:00:00');
  });

  test('a zone whose clock puts a month start on the wrong day is reported', () => {
    const zone = TimeZone.named('Asia/Tokyo');
    // As if Tokyo were read as UTC: every month's first instant falls on the day before.
    const audit = auditTimeZone(zone, (ms) => formatDate(ms, 'UTC', 'yyyy-MM-dd HH:mm:ss'), dayFromCivil(2024, 1, 1), dayFromCivil(2024, 12, 31));
    expect(audit.mismatches[0]).toMatch(/^2024-01-15T12:00:00.000Z: 2024-01-15 21:00:00 \/ 2024-01-15 12:00:00$/);
    expect(audit.mismatches.join('\n')).toContain('start of 2024-01-01: 2024-01-01 / 2023-12-31');
    expect(audit.mismatchCount).toBe(2 + 12);
  });

  test('the whole span takes no more than a few thousand clock calls', () => {
    let calls = 0;
    const audit = auditTimeZone(TimeZone.named('Europe/Riga'), (ms) => {
      calls++;
      return formatDate(ms, 'Europe/Riga', 'yyyy-MM-dd HH:mm:ss');
    });
    expect(calls).toBe(audit.comparisons);
    expect(calls).toBeLessThan(10_000);
    expect(audit.transitions).toBeGreaterThan(300);
    void MS_PER_DAY;
  });
});
