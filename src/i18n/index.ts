/**
 * Message lookup. Languages are added as catalogues with the same keys as English; a missing
 * language falls back to English so a message is never empty.
 */
import { el } from './el';
import { en, type MessageKey } from './en';
import { lv } from './lv';
import { nb } from './nb';
import { pl } from './pl';
import { sl } from './sl';

export type { MessageKey };
export type MessageParams = Record<string, string | number>;
export const LANGUAGES = ['en', 'lv', 'pl', 'sl', 'el', 'nb'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's name in itself, for the language switch. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  lv: 'Latviešu',
  pl: 'Polski',
  sl: 'Slovenščina',
  el: 'Ελληνικά',
  nb: 'Norsk bokmål',
};

const catalogues: Record<Language, Record<MessageKey, string>> = { en, lv, pl, sl, el, nb };

/** A language's whole catalogue (for tests and the playground). */
export function catalogue(language: Language): Record<MessageKey, string> {
  return catalogues[language];
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The add-on's language for a locale such as "lv_LV", "nb-NO" or "no": English when not one of ours. */
export function languageOfLocale(locale: string | undefined | null): Language {
  const code = String(locale ?? '').toLowerCase().split(/[-_]/)[0];
  if (code === 'no' || code === 'nn') return 'nb';
  return isLanguage(code) ? code : 'en';
}

export function translate(language: Language, key: MessageKey, params: MessageParams = {}): string {
  const template = (catalogues[language] ?? en)[key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** A message not yet rendered: the engine reports these, the edges render them per user. */
export interface Message {
  key: MessageKey;
  params: MessageParams;
}

/** An error whose text is a catalogue message, rendered in the language of whoever raised it. */
export class UserError extends Error {
  readonly key: MessageKey;
  readonly params: MessageParams;
  constructor(language: Language, key: MessageKey, params: MessageParams = {}) {
    super(translate(language, key, params));
    this.name = 'UserError';
    this.key = key;
    this.params = params;
  }
}
