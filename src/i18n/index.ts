/**
 * Message lookup. Languages are added as catalogues with the same keys as English; a missing
 * language falls back to English so a message is never empty.
 */
import { en, type MessageKey } from './en';

export type { MessageKey };
export type MessageParams = Record<string, string | number>;
export type Language = 'en';

const catalogues: Record<Language, Record<MessageKey, string>> = { en };

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
