/**
 * The add-on on this machine without a formula engine, for the command line: the built
 * dist/Code.js against the in-memory spreadsheet whose formulas are stored as written and keep the
 * results the caller gives them (FakeApps.cacheFormulaResults). It never loads HyperFormula, so
 * the CLI runs without it; the playground, which evaluates formulas typed in cells, uses host.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { createFakeAppsWith } from './appsScript/fakeApps';
import type { Host, HostOptions } from './host';

export function createPlainHost(options: HostOptions): Host {
  const code = readFileSync(path.join(options.root, 'dist/Code.js'), 'utf8');
  const timeZone = options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
  const locale = options.locale ?? 'en_GB';
  const apps = createFakeAppsWith(
    // The add-on never changes a Date it reads: one per distinct date keeps a large table's reads small.
    { timeZone, locale, userLocale: options.userLocale ?? 'en', sheets: options.sheets, activeSheet: options.activeSheet, shareDates: true },
    null,
  );
  apps.htmlFiles.Sidebar = readFileSync(path.join(options.root, 'dist/Sidebar.html'), 'utf8');
  const context = vm.createContext({ ...apps.globals, Date });
  vm.runInContext(code, context, { filename: 'Code.js' });
  return { apps, addOn: context as unknown as Host['addOn'], timeZone, locale };
}
