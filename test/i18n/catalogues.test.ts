import { en } from '../../src/i18n/en';
import { LANGUAGES, LANGUAGE_NAMES, catalogue, languageOfLocale, translate, type Language } from '../../src/i18n';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** What may stay the same in every language: placeholders, function and argument names, quoted option values, numbers. */
function translatableWords(text: string): string {
  return text
    .replace(/\{\w+\}/g, ' ')
    .replace(/\b[A-Z][A-Z_]+\b/g, ' ')
    .replace(/\b[a-z]+(_[a-z]+)+\b/g, ' ')
    .replace(/"[a-z_]+"/g, ' ')
    .replace(/[\d\s.,:;!?()/%=+\-x"'\u2026]+/g, ' ')
    .trim();
}

const others = LANGUAGES.filter((language) => language !== 'en');
const catalogueOf = (language: Language): Record<string, string> => catalogue(language);

describe.each(others)('the %s catalogue', (language) => {
  const messages = catalogueOf(language);

  test('has every English key and no other', () => {
    expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
  });

  test('keeps every message\'s placeholders', () => {
    for (const [key, english] of Object.entries(en)) expect([key, placeholders(messages[key])]).toEqual([key, placeholders(english)]);
  });

  test('leaves nothing in English', () => {
    for (const [key, english] of Object.entries(en)) {
      const words = translatableWords(english);
      if (words === '') continue; // only names and numbers: nothing to translate
      expect([key, messages[key].trim() === '' ? '(empty)' : messages[key] === english ? '(English)' : 'ok']).toEqual([key, 'ok']);
    }
  });

  test('sheet names are valid sheet names', () => {
    for (const key of Object.keys(en).filter((k) => k.startsWith('sheet.name.') || k === 'template.name')) {
      expect(messages[key]).toMatch(/^[^[\]*?/\\:']{1,30}$/);
    }
  });
});

describe('choosing the language', () => {
  test.each([
    ['lv_LV', 'lv'],
    ['pl', 'pl'],
    ['sl-SI', 'sl'],
    ['el_GR', 'el'],
    ['nb_NO', 'nb'],
    ['no', 'nb'],
    ['nn_NO', 'nb'],
    ['de_DE', 'en'],
    ['', 'en'],
    [null, 'en'],
  ])('locale %s speaks %s', (locale, expected) => {
    expect(languageOfLocale(locale)).toBe(expected);
  });

  test('every language has a name in itself and renders placeholders', () => {
    for (const language of LANGUAGES) expect(LANGUAGE_NAMES[language].length).toBeGreaterThan(3);
    expect(translate('lv', 'row.startMissing', { row: 7 })).toContain('7');
    expect(translate('el', 'arg.notPositive', { fn: 'CHURN_RATE', arg: 'customers_at_start', where: 'x', value: 0 })).toMatch(/^CHURN_RATE: .*customers_at_start/);
  });
});
