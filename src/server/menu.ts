/**
 * The add-on menu. onOpen runs in AuthMode.NONE before the add-on is used in a document, so it
 * only builds the menu: no reading of the document, no properties.
 */
import { translate } from '../i18n';
import { saveUserLanguage, userLanguage } from './language';

// The event is accepted for Apps Script's sake; the menu is the same in every auth mode.
export function onOpen(_event?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const language = userLanguage();
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem(translate(language, 'menu.build'), 'showWizard')
    .addItem(translate(language, 'menu.template'), 'insertChurnTemplate')
    .addSeparator()
    .addItem(translate(language, 'menu.help'), 'showHelp')
    .addItem(translate(language, 'menu.check'), 'checkAddOn')
    .addToUi();
}

export function onInstall(event?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(event as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

/** The custom functions as typed in a cell; their names and arguments are the same in every language. */
const FUNCTION_SIGNATURES = [
  '=CHURN_RATE(customers_at_start, customers_lost)',
  '=ADJUSTED_CHURN(customers_at_start, customers_lost, new_customers, new_customers_lost, [method])',
  '=RETENTION_RATE(customers_at_start, customers_lost)',
  '=CHURN_COST(customers_lost, profit_per_customer)',
  '=CUSTOMER_LIFETIME(churn_rate)',
  '=CHURN_TABLE(start_dates, end_dates, [period], [ids], [segments], [method])',
  '=COHORT_TABLE(start_dates, end_dates, [period], [ids], [mode], [segments])',
  '=REVENUE_TABLE(start_dates, end_dates, amounts, [period], [ids], [segments])',
  '=MRR_CHURN(mrr_at_start, mrr_lost, [mrr_contraction], [mrr_expansion], [net])',
  '=CUSTOMER_LTV(arpa, churn_rate, [gross_margin])',
  '=NORMALIZED_MRR(amount, interval, [quantity], [interval_count])',
  '=LOST_CUSTOMERS(start_dates, end_dates, ids, [amounts], [from_date], [to_date])',
  '=WINBACK_TABLE(start_dates, end_dates, ids, [period])',
];

export function showHelp(): void {
  const language = userLanguage();
  const ui = SpreadsheetApp.getUi();
  ui.alert(translate(language, 'help.title'), translate(language, 'help.body', { functions: FUNCTION_SIGNATURES.join('\n') }), ui.ButtonSet.OK);
}

/** Menu: Build churn sheet... opens the wizard in the sidebar. */
export function showWizard(): void {
  const language = userLanguage();
  // The sidebar starts in the user's language: the built file carries a marker for it.
  const content = HtmlService.createHtmlOutputFromFile('Sidebar').getContent().replace('data-language="en"', `data-language="${language}"`);
  const html = HtmlService.createHtmlOutput(content).setTitle(translate(language, 'help.title'));
  SpreadsheetApp.getUi().showSidebar(html);
}

/** Sidebar: the language switch. Kept in the user's properties for the next time. */
export function wizardSetLanguage(language: unknown): string {
  return saveUserLanguage(language);
}
