/**
 * The language the add-on speaks to the person using it: their own choice from the sidebar's
 * switch (kept in their user properties), else their Google account's locale, else English.
 */
import { isLanguage, languageOfLocale, type Language } from '../i18n';

const PROPERTY = 'churnSheet.language';

export function userLanguage(): Language {
  try {
    const saved = PropertiesService.getUserProperties().getProperty(PROPERTY);
    if (isLanguage(saved)) return saved;
  } catch {
    // No access to properties (the add-on menu before authorisation): fall through.
  }
  try {
    return languageOfLocale(Session.getActiveUserLocale());
  } catch {
    return 'en';
  }
}

export function saveUserLanguage(language: unknown): Language {
  if (!isLanguage(language)) throw new Error(`Unknown language: ${String(language)}`);
  PropertiesService.getUserProperties().setProperty(PROPERTY, language);
  return language;
}
