/**
 * Everything Apps Script calls, in one namespace. The build bundles this module as the global
 * `ChurnSheet`; src/entry.ts declares the top-level functions Sheets sees and forwards to it.
 */
import * as rates from './functions/rates';
import { CHURN_TABLE as churnTable } from './functions/churnTableFunction';
import type { CallContext, Cell, Grid } from './functions/args';
import { languageOfLocale } from './i18n';
import { readSheetSettings, readSpreadsheetLocale } from './server/settings';

export { onOpen, onInstall, showHelp, showWizard, wizardSetLanguage } from './server/menu';
export { wizardBuild, wizardInspect } from './server/wizard';
export { insertTemplate, insertTemplateFromMenu } from './server/template';

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

export function CHURN_TABLE(startDates: Arg, endDates: Arg, period?: Arg, ids?: Arg) {
  const settings = readSheetSettings();
  return churnTable(context('CHURN_TABLE', languageOfLocale(settings.locale)), settings, startDates, endDates, period, ids);
}
