import { detectColumns, normalizeHeader } from '../../src/core/columns';

describe('finding columns by their header names', () => {
  test('English names from billing exports', () => {
    expect(detectColumns(['Customer ID', 'Signup date', 'Cancel date', 'MRR', 'Plan'])).toEqual({ id: 0, start: 1, end: 2, amount: 3, segment: 4 });
    expect(detectColumns(['Email', 'Created', 'Churned on'])).toEqual({ id: 0, start: 1, end: 2, amount: null, segment: null });
    expect(detectColumns(['Subscription start date (UTC)', 'Ended', 'Country'])).toMatchObject({ start: 0, end: 1, segment: 2 });
  });

  test.each([
    ['lv', ['Klienta ID', 'Sākuma datums', 'Beigu datums', 'Summa', 'Plāns']],
    ['pl', ['ID klienta', 'Data rozpoczęcia', 'Data zakończenia', 'Kwota', 'Kraj']],
    ['sl', ['ID stranke', 'Datum začetka', 'Datum konca', 'Znesek', 'Paket']],
    ['el', ['Κωδικός πελάτη', 'Ημερομηνία έναρξης', 'Ημερομηνία λήξης', 'Ποσό', 'Χώρα']],
    ['nb', ['Kunde-ID', 'Startdato', 'Sluttdato', 'Beløp', 'Land']],
  ])('%s headers', (_language, headers) => {
    expect(detectColumns(headers)).toEqual({ id: 0, start: 1, end: 2, amount: 3, segment: 4 });
  });

  test('unknown headers map to nothing, and a column is used once', () => {
    expect(detectColumns(['Name', 'Notes'])).toEqual({ start: null, end: null, id: null, amount: null, segment: null });
    expect(detectColumns(['Start', 'Start'])).toMatchObject({ start: 0 });
  });

  test('normalising ignores case, accents and punctuation', () => {
    expect(normalizeHeader('  Sākuma_datums! ')).toBe('sakuma datums');
    expect(normalizeHeader('Ημερομηνία Έναρξης')).toBe('ημερομηνια εναρξης');
  });
});
