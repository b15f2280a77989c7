import { civilFromDay, dayFromCivil, dayFromSerial, isDayInRange, isoFromDay, serialFromDay, validDayFromCivil } from '../../src/core/calendar';
import { serialOf } from '../helpers/dates';

describe('calendar day numbers', () => {
  test('1970-01-01 is day 0 and days count forwards', () => {
    expect(dayFromCivil(1970, 1, 1)).toBe(0);
    expect(dayFromCivil(2024, 3, 1) - dayFromCivil(2024, 2, 28)).toBe(2); // 2024 is a leap year
    expect(dayFromCivil(2023, 3, 1) - dayFromCivil(2023, 2, 28)).toBe(1);
  });

  test('civil dates round-trip', () => {
    for (const day of [-25567, -1, 0, 1, 19753, 19783, 80000]) {
      const { year, month, day: d } = civilFromDay(day);
      expect(dayFromCivil(year, month, d)).toBe(day);
    }
  });

  test('dates that do not exist are rejected', () => {
    expect(validDayFromCivil(2023, 2, 29)).toBeUndefined();
    expect(validDayFromCivil(2024, 2, 29)).toBe(dayFromCivil(2024, 2, 29));
    expect(validDayFromCivil(2024, 4, 31)).toBeUndefined();
    expect(validDayFromCivil(2024, 13, 1)).toBeUndefined();
    expect(validDayFromCivil(2024, 0, 1)).toBeUndefined();
  });

  test('Sheets serial numbers match the 1899-12-30 epoch', () => {
    expect(isoFromDay(dayFromSerial(serialOf('2024-01-31')))).toBe('2024-01-31');
    expect(serialFromDay(dayFromCivil(2024, 1, 31))).toBe(serialOf('2024-01-31'));
    // A date-time serial belongs to its calendar day.
    expect(isoFromDay(dayFromSerial(serialOf('2024-01-31') + 0.75))).toBe('2024-01-31');
  });

  test('years outside 1900-2199 are out of range', () => {
    expect(isDayInRange(dayFromCivil(1899, 12, 31))).toBe(false);
    expect(isDayInRange(dayFromCivil(1900, 1, 1))).toBe(true);
    expect(isDayInRange(dayFromCivil(2199, 12, 31))).toBe(true);
    expect(isDayInRange(dayFromCivil(2200, 1, 1))).toBe(false);
  });
});
