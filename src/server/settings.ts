/**
 * The spreadsheet's time zone and locale, read the one way a custom function is allowed to:
 * SpreadsheetApp.getActive() (read-only, no authorisation needed), falling back to the
 * script's time zone when there is no active spreadsheet.
 */
import type { SheetSettings } from '../functions/churnTableFunction';
import { utilitiesWallClock } from './timeZone';

export function readSheetSettings(): SheetSettings {
  let timeZone = '';
  let locale = '';
  try {
    const spreadsheet = SpreadsheetApp.getActive();
    if (spreadsheet) {
      timeZone = spreadsheet.getSpreadsheetTimeZone();
      locale = spreadsheet.getSpreadsheetLocale();
    }
  } catch {
    // No container (a standalone run): the script's zone is the best remaining answer.
  }
  // A zone that Intl does not know is still the spreadsheet's: TimeZone reads it with
  // Utilities.formatDate, or the function stops naming it. Another zone would misplace dates.
  if (!timeZone) {
    try {
      timeZone = Session.getScriptTimeZone();
    } catch {
      // Neither a spreadsheet nor a script zone: no date cell exists to be misread.
      timeZone = 'UTC';
    }
  }
  return { timeZone, locale, wallClock: utilitiesWallClock };
}

/** Only the locale, for the language of a custom function's message; '' when it cannot be read. */
export function readSpreadsheetLocale(): string {
  try {
    return SpreadsheetApp.getActive()?.getSpreadsheetLocale() ?? '';
  } catch {
    return '';
  }
}
