/**
 * Month names for reading dates written in words ("31. januar 2024", "31 stycznia 2024",
 * "2024. gada 31. janvāris", "31 Ιανουαρίου 2024", "January 31, 2024"). The names come from
 * Intl for the spreadsheet's locale, in every form it writes them (alone, with a day: the
 * genitive in Polish and Greek, with a year: the nominative, long and short), plus English.
 */

/** Lower case, accents removed, trailing dots dropped: "Janv." -> "janv", "Ιανουαρίου" -> "ιανουαριου". */
export function normalizeWord(word: string): string {
  return word.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\.+$/, '');
}

const FORMS: Intl.DateTimeFormatOptions[] = [
  { month: 'long' },
  { month: 'short' },
  { day: 'numeric', month: 'long' },
  { day: 'numeric', month: 'short' },
  { month: 'long', year: 'numeric' },
  { month: 'short', year: 'numeric' },
];

const cache = new Map<string, Map<string, number>>();

/** Normalised month word -> month number (1-12) for a locale such as "pl_PL", English included. */
export function monthNamesOf(locale: string | undefined): Map<string, number> {
  const tag = (locale || 'en').replace(/_/g, '-');
  let names = cache.get(tag);
  if (names) return names;
  names = new Map<string, number>();
  for (const language of [tag, 'en']) {
    for (const form of FORMS) {
      let format: Intl.DateTimeFormat;
      try {
        format = new Intl.DateTimeFormat(language, { ...form, timeZone: 'UTC' });
      } catch {
        continue;
      }
      for (let month = 1; month <= 12; month++) {
        for (const part of format.formatToParts(new Date(Date.UTC(2024, month - 1, 15)))) {
          if (part.type !== 'month') continue;
          const word = normalizeWord(part.value);
          // The first locale wins a clash (a word that names different months in two languages).
          if (word && !/^\d+$/.test(word) && !names.has(word)) names.set(word, month);
        }
      }
    }
  }
  cache.set(tag, names);
  return names;
}

/**
 * Reads a date written with a month name: one month word, a four-digit year and a day number,
 * in whatever order the language puts them. Returns [year, month, day] or undefined.
 */
export function parseWordDate(text: string, names: Map<string, number>): [number, number, number] | undefined {
  const words = text.match(/[\p{L}]+\.?/gu);
  if (!words) return undefined;
  const months = words.map((word) => names.get(normalizeWord(word))).filter((month): month is number => month !== undefined);
  if (months.length !== 1) return undefined;
  const numbers = text.match(/\d+/g) ?? [];
  const years = numbers.filter((n) => n.length === 4);
  const days = numbers.filter((n) => n.length <= 2);
  if (years.length !== 1 || days.length !== 1) return undefined;
  return [Number(years[0]), months[0], Number(days[0])];
}
