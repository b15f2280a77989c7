/**
 * The spreadsheet's time zone as the engine uses it. Apps Script documents no Intl, but it does
 * document Utilities.formatDate (custom functions may call it too): it is handed to the core as
 * the wall clock that TimeZone checks Intl against and falls back on. Every place that reads or
 * writes a spreadsheet's dates builds its zone here or through readSheetSettings.
 */
import { TimeZone, TimeZoneUnavailableError, WALL_CLOCK_PATTERN, type WallClockReader } from '../core/timezone';
import { UserError, type Language } from '../i18n';

/** One function for the whole run, so TimeZone.named shares one zone (and its caches) per name. */
export const utilitiesWallClock: WallClockReader = (instantMs, zoneName) => Utilities.formatDate(new Date(instantMs), zoneName, WALL_CLOCK_PATTERN);

/** The zone for the sidebar and the menu; a zone no clock knows stops with a message naming it. */
export function spreadsheetTimeZone(zoneName: string, language: Language): TimeZone {
  try {
    return TimeZone.named(zoneName, utilitiesWallClock);
  } catch (error) {
    if (error instanceof TimeZoneUnavailableError) throw new UserError(language, 'timeZone.unavailable', { zone: zoneName });
    throw error;
  }
}
