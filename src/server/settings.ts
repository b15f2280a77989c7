/**
 * The spreadsheet's time zone and locale, read the one way a custom function is allowed to:
 * SpreadsheetApp.getActive() (read-only, no authorisation needed), falling back to the
 * script's time zone when there is no active spreadsheet.
 */
import { TimeZone } from '../core/timezone';
import type { SheetSettings } from '../functions/churnTableFunction';

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
  if (!timeZone || !TimeZone.isValid(timeZone)) {
    try {
      timeZone = Session.getScriptTimeZone();
    } catch {
      timeZone = 'UTC';
    }
  }
  if (!TimeZone.isValid(timeZone)) timeZone = 'UTC';
  return { timeZone, locale };
}

/** Only the locale, for the language of a custom function's message; '' when it cannot be read. */
export function readSpreadsheetLocale(): string {
  try {
    return SpreadsheetApp.getActive()?.getSpreadsheetLocale() ?? '';
  } catch {
    return '';
  }
}
