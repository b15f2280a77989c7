/**
 * The columns that say whom to call: a customer's name and e-mail address, found by their
 * header names in English and the seed languages, for the win-back list to carry along.
 */
import { headerScore, normalizeHeader } from './columns';

export interface ContactColumns {
  /** Column index within the table, or null where it has none. */
  name: number | null;
  email: number | null;
}

const NAMES = {
  name: [
    'name', 'customer name', 'client name', 'full name', 'company', 'company name', 'contact', 'contact name', 'account name',
    // lv
    'vards', 'vards uzvards', 'klienta vards', 'nosaukums', 'uznemums',
    // pl
    'imie i nazwisko', 'nazwa', 'nazwa klienta', 'firma',
    // sl
    'ime', 'ime in priimek', 'naziv', 'podjetje',
    // el
    'ονομα', 'ονοματεπωνυμο', 'επωνυμια', 'εταιρεια',
    // nb
    'navn', 'kundenavn', 'bedrift',
  ],
  email: [
    'email', 'e mail', 'email address', 'e mail address', 'mail', 'customer email',
    // lv
    'e pasts', 'epasts',
    // pl
    'adres e mail', 'adres email',
    // sl
    'e posta', 'eposta', 'elektronska posta',
    // el
    'ηλεκτρονικο ταχυδρομειο',
    // nb
    'e post', 'epost', 'e postadresse',
  ],
};

const NORMALIZED = {
  name: new Set(NAMES.name.map(normalizeHeader)),
  email: new Set(NAMES.email.map(normalizeHeader)),
};

/** The best name and e-mail columns, leaving out the columns the table already uses (`taken`). */
export function detectContactColumns(headers: readonly unknown[], taken: readonly (number | null)[]): ContactColumns {
  const normalized = headers.map(normalizeHeader);
  const result: ContactColumns = { name: null, email: null };
  const used = new Set(taken.filter((index): index is number => index !== null));
  for (const role of ['email', 'name'] as const) {
    let bestScore = 0;
    normalized.forEach((header, index) => {
      const s = headerScore(NORMALIZED[role], header);
      if (s > bestScore && !used.has(index)) {
        bestScore = s;
        result[role] = index;
      }
    });
    if (result[role] !== null) used.add(result[role]!);
  }
  return result;
}
