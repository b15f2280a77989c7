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
/**
 * What the context's Intl is like, for runtimes whose Intl is undocumented (Apps Script):
 * 'absent' (no Intl at all), 'utcOnly' (Intl.DateTimeFormat throws V8's RangeError for every
 * zone but UTC), or `{ shiftMs }` (every zone's wall clock is read that far off). Default: V8's own.
 */
export type IntlKind = 'native' | 'absent' | 'utcOnly' | { shiftMs: number };

export interface BundleOptions {
  shareDate?: boolean;
  intl?: IntlKind;
}

/** Runs in the context before the bundle; changes only the context's own Intl, never the host's. */
function intlPrelude(intl: IntlKind): string {
  if (intl === 'native') return '';
  if (intl === 'absent') return 'delete globalThis.Intl;';
  const shift = intl === 'utcOnly' ? 0 : intl.shiftMs;
  return `(() => {
    const Original = Intl.DateTimeFormat;
    const isUtc = (zone) => zone === undefined || ['utc', 'etc/utc', 'gmt', 'etc/gmt'].includes(String(zone).toLowerCase());
    function DateTimeFormat(locales, options) {
      const zone = options && options.timeZone;
      if (isUtc(zone)) return new Original(locales, options);
      if (${intl === 'utcOnly'}) throw new RangeError('Invalid time zone specified: ' + zone);
      const inner = new Original(locales, options);
      const shifted = (date) => new Date((date === undefined ? Date.now() : +date) + ${shift});
      return {
        format: (date) => inner.format(shifted(date)),
        formatToParts: (date) => inner.formatToParts(shifted(date)),
        resolvedOptions: () => inner.resolvedOptions(),
      };
    }
    DateTimeFormat.prototype = Original.prototype;
    DateTimeFormat.supportedLocalesOf = Original.supportedLocalesOf;
    Intl.DateTimeFormat = DateTimeFormat;
  })();`;
}

export function loadBundle(globals: Record<string, unknown> = {}, options: BundleOptions = {}): BundleContext {
  const context = vm.createContext({ ...(options.shareDate === false ? {} : { Date }), ...globals });
  const prelude = intlPrelude(options.intl ?? 'native');
  if (prelude) vm.runInContext(prelude, context, { filename: 'intl-prelude.js' });
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
