/**
 * Finding a customer table's columns by their header names: the usual English names and the
 * same in the seed languages (Latvian, Polish, Slovenian, Greek, Norwegian). Matching ignores
 * case, accents and punctuation; an exact name beats a name that merely contains a known word.
 */

export const COLUMN_ROLES = ['start', 'end', 'id', 'amount', 'segment'] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

/** Column index (0-based, within the table) for each role; null where the table has none. */
export type ColumnMapping = Record<ColumnRole, number | null>;

const NAMES: Record<ColumnRole, string[]> = {
  start: [
    'start', 'start date', 'started', 'started on', 'signup', 'signup date', 'sign up date', 'signed up', 'created', 'created at',
    'created on', 'subscription start', 'subscribed', 'subscribed on', 'joined', 'join date', 'since', 'customer since', 'activated',
    'activation date', 'first payment', 'begin', 'begin date',
    // lv
    'sakums', 'sakuma datums', 'registrets', 'registracijas datums', 'pievienojas', 'klients kops', 'abonementa sakums',
    // pl
    'data rozpoczecia', 'poczatek', 'data rejestracji', 'utworzono', 'data utworzenia', 'klient od', 'data startu',
    // sl
    'zacetek', 'datum zacetka', 'registracija', 'datum registracije', 'ustvarjeno', 'stranka od',
    // el
    'εναρξη', 'ημερομηνια εναρξης', 'εγγραφη', 'ημερομηνια εγγραφης', 'δημιουργια', 'πελατης απο',
    // nb
    'startdato', 'registrert', 'opprettet', 'kunde siden', 'registreringsdato',
  ],
  end: [
    'end', 'end date', 'ended', 'ended on', 'ended at', 'cancel date', 'cancelled', 'canceled', 'cancelled on', 'canceled on',
    'cancellation date', 'cancellation', 'churned', 'churned on', 'churn date', 'churned at', 'terminated', 'termination date',
    'stop', 'stop date', 'stopped', 'left', 'left on', 'closed', 'closed on', 'unsubscribed',
    // lv
    'beigas', 'beigu datums', 'atcelts', 'atcelsanas datums', 'partraukts', 'aizgaja',
    // pl
    'data zakonczenia', 'koniec', 'anulowano', 'data anulowania', 'data rezygnacji', 'rezygnacja',
    // sl
    'konec', 'datum konca', 'preklic', 'datum preklica', 'odpoved', 'datum odpovedi',
    // el
    'ληξη', 'ημερομηνια ληξης', 'ακυρωση', 'ημερομηνια ακυρωσης', 'αποχωρηση',
    // nb
    'slutt', 'sluttdato', 'avsluttet', 'kansellert', 'oppsagt', 'oppsigelsesdato',
  ],
  id: [
    'id', 'customer id', 'customer', 'customer number', 'client id', 'client', 'account id', 'account', 'user id', 'email',
    'e mail', 'subscriber id',
    // lv
    'klienta id', 'klients', 'klienta numurs',
    // pl
    'id klienta', 'klient', 'numer klienta',
    // sl
    'id stranke', 'stranka', 'stevilka stranke',
    // el
    'κωδικος πελατη', 'πελατης', 'αριθμος πελατη',
    // nb
    'kunde id', 'kundeid', 'kundenr', 'kundenummer', 'kunde',
  ],
  amount: [
    'mrr', 'amount', 'revenue', 'monthly revenue', 'price', 'plan price', 'value', 'monthly amount', 'fee', 'monthly fee',
    // lv
    'summa', 'ienemumi', 'cena',
    // pl
    'kwota', 'przychod', 'cena', 'oplata',
    // sl
    'znesek', 'prihodek', 'cena',
    // el
    'ποσο', 'εσοδα', 'τιμη',
    // nb
    'beløp', 'inntekt', 'pris',
  ],
  segment: [
    'plan', 'segment', 'tier', 'country', 'channel', 'product', 'package', 'region',
    // lv
    'plans', 'valsts', 'kanals', 'produkts',
    // pl
    'kraj', 'kanal', 'produkt', 'pakiet',
    // sl
    'paket', 'drzava', 'kanal', 'izdelek',
    // el
    'προγραμμα', 'χωρα', 'καναλι', 'προιον', 'πακετο',
    // nb
    'land', 'kanal', 'produkt', 'pakke', 'abonnement',
  ],
};

/** Lower case, accents and punctuation removed: "Sākuma datums" -> "sakuma datums". */
export function normalizeHeader(text: unknown): string {
  return String(text ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const NORMALIZED: Record<ColumnRole, Set<string>> = Object.fromEntries(
  COLUMN_ROLES.map((role) => [role, new Set(NAMES[role].map(normalizeHeader))]),
) as Record<ColumnRole, Set<string>>;

/** How well a normalised header matches a set of normalised names: 3 exactly, 2 or 1 by what it contains, 0 not. */
export function headerScore(names: ReadonlySet<string>, header: string): number {
  if (!header) return 0;
  if (names.has(header)) return 3;
  const words = header.split(' ');
  // "Subscription start date (UTC)": a known multi-word name inside, or a known single word.
  for (const name of names) {
    if (name.includes(' ') && ` ${header} `.includes(` ${name} `)) return 2;
  }
  return words.some((word) => names.has(word)) ? 1 : 0;
}

const score = (role: ColumnRole, header: string) => headerScore(NORMALIZED[role], header);

/** Proposes a column for each role from the header names; each column serves at most one role. */
export function detectColumns(headers: readonly unknown[]): ColumnMapping {
  const normalized = headers.map(normalizeHeader);
  const mapping: ColumnMapping = { start: null, end: null, id: null, amount: null, segment: null };
  const taken = new Set<number>();
  // Dates first: they are what the table cannot do without.
  for (const role of COLUMN_ROLES) {
    let best = -1;
    let bestScore = 0;
    normalized.forEach((header, index) => {
      const s = score(role, header);
      if (s > bestScore && !taken.has(index)) {
        best = index;
        bestScore = s;
      }
    });
    if (best >= 0) {
      mapping[role] = best;
      taken.add(best);
    }
  }
  return mapping;
}
