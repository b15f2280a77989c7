/**
 * The add-on menu. onOpen runs in AuthMode.NONE before the add-on is used in a document, so it
 * only builds the menu: no reading of the document, no properties.
 */
import { translate, type Language } from '../i18n';

const LANGUAGE: Language = 'en';

// The event is accepted for Apps Script's sake; the menu is the same in every auth mode.
export function onOpen(_event?: GoogleAppsScript.Events.SheetsOnOpen): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem(translate(LANGUAGE, 'menu.build'), 'showWizard')
    .addItem(translate(LANGUAGE, 'menu.template'), 'insertChurnTemplate')
    .addSeparator()
    .addItem(translate(LANGUAGE, 'menu.help'), 'showHelp')
    .addToUi();
}

export function onInstall(event?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(event as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

export function showHelp(): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(translate(LANGUAGE, 'help.title'), translate(LANGUAGE, 'help.body'), ui.ButtonSet.OK);
}

/** Menu: Build churn sheet... opens the wizard in the sidebar. */
export function showWizard(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(translate(LANGUAGE, 'help.title'));
  SpreadsheetApp.getUi().showSidebar(html);
}
