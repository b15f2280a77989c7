/**
 * Everything Apps Script calls, in one namespace. The build bundles this module as the global
 * `ChurnSheet`; src/entry.ts declares the top-level functions Sheets sees and forwards to it.
 */
import * as rates from './functions/rates';
import * as revenue from './functions/revenue';
import * as winBack from './functions/winBackFunctions';
import { NORMALIZED_MRR as normalizedMrr } from './functions/normalizedMrr';
import { decimalSeparatorOfLocale } from './core/numbers';
import { CHURN_TABLE as churnTable } from './functions/churnTableFunction';
import { COHORT_TABLE as cohortTable } from './functions/cohortTableFunction';
import type { CallContext, Cell, Grid } from './functions/args';
import { languageOfLocale } from './i18n';
import { readSheetSettings, readSpreadsheetLocale } from './server/settings';

export { onOpen, onInstall, showHelp, showWizard, wizardSetLanguage } from './server/menu';
export { wizardBuild, wizardInspect } from './server/wizard';
export { insertTemplate, insertTemplateFromMenu } from './server/template';
export { checkAddOn, runSelfCheck } from './server/selfCheck';

type Arg = Cell | Grid;

/**
 * A custom function speaks the spreadsheet locale's language. It is looked up only when a
 * message is written, so a call that succeeds costs no service call.
 */
function context(fn: string, known?: CallContext['language']): CallContext {
  let language = known;
  return {
    fn,
    get language() {
      return (language ??= languageOfLocale(readSpreadsheetLocale()));
    },
    decimalSeparator: '.',
  };
}

export function CHURN_RATE(customersAtStart: Arg, customersLost: Arg) {
  return rates.CHURN_RATE(context('CHURN_RATE'), customersAtStart, customersLost);
}

export function ADJUSTED_CHURN(customersAtStart: Arg, customersLost: Arg, newCustomers: Arg, newCustomersLost: Arg, method?: Arg) {
  return rates.ADJUSTED_CHURN(context('ADJUSTED_CHURN'), customersAtStart, customersLost, newCustomers, newCustomersLost, method);
}

export function RETENTION_RATE(customersAtStart: Arg, customersLost: Arg) {
  return rates.RETENTION_RATE(context('RETENTION_RATE'), customersAtStart, customersLost);
}

export function CHURN_COST(customersLost: Arg, profitPerCustomer: Arg) {
  return rates.CHURN_COST(context('CHURN_COST'), customersLost, profitPerCustomer);
}

export function CUSTOMER_LIFETIME(rate: Arg) {
  return rates.CUSTOMER_LIFETIME(context('CUSTOMER_LIFETIME'), rate);
}

export function CHURN_TABLE(startDates: Arg, endDates: Arg, period?: Arg, ids?: Arg, segments?: Arg, method?: Arg) {
  const settings = readSheetSettings();
  return churnTable(context('CHURN_TABLE', languageOfLocale(settings.locale)), settings, startDates, endDates, period, ids, segments, method);
}

// Revenue (MRR)
export function MRR_CHURN(mrrAtStart: Arg, mrrLost: Arg, mrrContraction?: Arg, mrrExpansion?: Arg, net?: Arg) {
  return revenue.MRR_CHURN(context('MRR_CHURN'), mrrAtStart, mrrLost, mrrContraction, mrrExpansion, net);
}

export function CUSTOMER_LTV(arpa: Arg, churnRate: Arg, grossMargin?: Arg) {
  return revenue.CUSTOMER_LTV(context('CUSTOMER_LTV'), arpa, churnRate, grossMargin);
}

export function REVENUE_TABLE(startDates: Arg, endDates: Arg, amounts: Arg, period?: Arg, ids?: Arg, segments?: Arg) {
  const settings = readSheetSettings();
  const ctx = context('REVENUE_TABLE', languageOfLocale(settings.locale));
  ctx.decimalSeparator = decimalSeparatorOfLocale(settings.locale);
  return revenue.REVENUE_TABLE(ctx, settings, startDates, endDates, amounts, period, ids, segments);
}

export function NORMALIZED_MRR(amount: Arg, interval: Arg, quantity?: Arg, intervalCount?: Arg) {
  const ctx = context('NORMALIZED_MRR');
  ctx.decimalSeparator = decimalSeparatorOfLocale(readSpreadsheetLocale());
  return normalizedMrr(ctx, amount, interval, quantity, intervalCount);
}

// Cohorts and daily churn
export function COHORT_TABLE(startDates: Arg, endDates: Arg, period?: Arg, ids?: Arg, mode?: Arg, segments?: Arg) {
  const settings = readSheetSettings();
  return cohortTable(context('COHORT_TABLE', languageOfLocale(settings.locale)), settings, startDates, endDates, period, ids, mode, segments);
}

// Win-back
export function LOST_CUSTOMERS(startDates: Arg, endDates: Arg, ids: Arg, amounts?: Arg, fromDate?: Arg, toDate?: Arg) {
  const settings = readSheetSettings();
  const ctx = context('LOST_CUSTOMERS', languageOfLocale(settings.locale));
  ctx.decimalSeparator = decimalSeparatorOfLocale(settings.locale);
  return winBack.LOST_CUSTOMERS(ctx, settings, startDates, endDates, ids, amounts, fromDate, toDate);
}

export function WINBACK_TABLE(startDates: Arg, endDates: Arg, ids: Arg, period?: Arg) {
  const settings = readSheetSettings();
  return winBack.WINBACK_TABLE(context('WINBACK_TABLE', languageOfLocale(settings.locale)), settings, startDates, endDates, ids, period);
}
