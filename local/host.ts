/**
 * The add-on running on this machine: the built dist/Code.js loaded as Apps Script would load
 * it, against the in-memory spreadsheet of local/appsScript (HyperFormula underneath), with the
 * add-on's custom functions callable from formulas typed in cells. The playground and the CLI
 * both stand on this, so they run exactly what users get.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { createFakeApps, type FakeApps } from './appsScript/appsScript';
import { registerCustomFunctions } from './appsScript/customFunctionPlugin';

/** Every @customfunction of dist/Code.js (a test compares), so any of them can be typed in a cell. */
export const CUSTOM_FUNCTIONS = [
  'CHURN_RATE', 'ADJUSTED_CHURN', 'RETENTION_RATE', 'CHURN_COST', 'CUSTOMER_LIFETIME', 'CHURN_TABLE',
  'MRR_CHURN', 'CUSTOMER_LTV', 'NORMALIZED_MRR', 'REVENUE_TABLE', 'COHORT_TABLE', 'LOST_CUSTOMERS', 'WINBACK_TABLE',
];

export type AddOn = Record<string, (...args: unknown[]) => unknown>;

export interface Host {
  apps: FakeApps;
  addOn: AddOn;
  timeZone: string;
  locale: string;
}

export interface HostOptions {
  root: string;
  sheets?: Record<string, unknown[][]>;
  activeSheet?: string;
  timeZone?: string;
  locale?: string;
  userLocale?: string;
}

let registered: AddOn | undefined;

/** Custom functions are registered in HyperFormula once per process, calling whichever add-on is current. */
function registerOnce(code: string, current: { addOn?: AddOn; timeZone?: string }): void {
  if (registered) return;
  // A first load only tells the functions' parameter counts to the registration.
  const probe = vm.createContext({ Date });
  vm.runInContext(code, probe);
  const forwarders: AddOn = {};
  for (const name of CUSTOM_FUNCTIONS) {
    const arity = (probe[name] as (...a: unknown[]) => unknown).length;
    const forward = (...args: unknown[]) => current.addOn![name](...args);
    Object.defineProperty(forward, 'length', { value: arity });
    forwarders[name] = forward;
  }
  // Dates the functions return are days in the current spreadsheet's zone.
  registerCustomFunctions(forwarders, CUSTOM_FUNCTIONS, () => current.timeZone ?? 'UTC');
  registered = forwarders;
}

const current: { addOn?: AddOn; timeZone?: string } = {};

export function createHost(options: HostOptions): Host {
  const code = readFileSync(path.join(options.root, 'dist/Code.js'), 'utf8');
  registerOnce(code, current);
  const timeZone = options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
  const locale = options.locale ?? 'en_GB';
  const apps = createFakeApps({
    timeZone,
    locale,
    userLocale: options.userLocale ?? 'en',
    sheets: options.sheets,
    activeSheet: options.activeSheet,
    // A customer table goes into HyperFormula only when a formula typed in a cell reads it.
    lazyEngine: true,
  });
  apps.htmlFiles.Sidebar = readFileSync(path.join(options.root, 'dist/Sidebar.html'), 'utf8');
  const context = vm.createContext({ ...apps.globals, Date });
  vm.runInContext(code, context, { filename: 'Code.js' });
  const addOn = context as unknown as AddOn;
  current.addOn = addOn;
  current.timeZone = timeZone;
  return { apps, addOn, timeZone, locale };
}
