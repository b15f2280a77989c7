/**
 * Loads the built dist/Code.js into a fresh vm context, the way Apps Script loads a project:
 * one global scope, top-level function declarations become globals. Tests call what users get.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

export const DIST = path.resolve(__dirname, '../../dist');
export const CODE_PATH = path.join(DIST, 'Code.js');

export function bundleSource(): string {
  if (!existsSync(CODE_PATH)) throw new Error('dist/Code.js is missing: run `npm run build` first (npm test does).');
  return readFileSync(CODE_PATH, 'utf8');
}

export type BundleContext = vm.Context & Record<string, (...args: unknown[]) => unknown>;

/**
 * A fresh context holding the bundle and the given service fakes. The host's Date is shared with
 * the context so that Dates from fakes and tests are Dates to the bundle too, as in Apps Script,
 * where Sheets and the script share one runtime.
 */
export function loadBundle(globals: Record<string, unknown> = {}, options: { shareDate?: boolean } = {}): BundleContext {
  const context = vm.createContext({ ...(options.shareDate === false ? {} : { Date }), ...globals });
  vm.runInContext(bundleSource(), context, { filename: 'Code.js' });
  return context as BundleContext;
}

/** Minimal services a custom function may read: the spreadsheet's zone and locale. */
export function spreadsheetSettings(timeZone: string, locale = 'en_US', scriptTimeZone = 'America/New_York') {
  const spreadsheet = { getSpreadsheetTimeZone: () => timeZone, getSpreadsheetLocale: () => locale };
  return {
    SpreadsheetApp: { getActive: () => spreadsheet },
    Session: { getScriptTimeZone: () => scriptTimeZone },
  };
}
