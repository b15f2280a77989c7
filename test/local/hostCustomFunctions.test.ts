/**
 * Every custom function typed in a cell of the in-memory spreadsheet (the playground's), as in
 * Sheets: the tables spill at the size of their result, follow edits of the customer table, and an
 * error shows #ERROR! with the add-on's message.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { errorMessages } from '../../local/cellErrors';
import { CUSTOM_FUNCTIONS, createHost } from '../../local/host';
import { seedSample } from '../../local/samples';

const ROOT = path.resolve(__dirname, '../..');
const ZONE = 'Europe/Riga';

test('every @customfunction of dist/Code.js is callable from a cell', () => {
  const declared = [...readFileSync(path.join(ROOT, 'dist/Code.js'), 'utf8').matchAll(/@customfunction\s*\*\/\s*function (\w+)/g)].map((m) => m[1]);
  expect([...CUSTOM_FUNCTIONS].sort()).toEqual(declared.sort());
});

describe('table functions on the seed sample', () => {
  const host = createHost({ root: ROOT, timeZone: ZONE, sheets: { Customers: seedSample(ROOT, ZONE), Report: [['']] }, activeSheet: 'Customers' });
  const { apps } = host;
  const iso = (value: unknown) => (value instanceof Date ? new Date(value.getTime() + 12 * 3_600_000).toISOString().slice(0, 10) : value);
  const rowOf = (sheet: string, first: string) => apps.values(sheet).find((row) => iso(row[0]) === first);

  test('CHURN_TABLE spills the month-by-month table, dates shown as dates', () => {
    apps.setValues('Report', 'A1', [['=CHURN_TABLE(Customers!B2:B1001, Customers!C2:C1001)']]);
    const values = apps.values('Report');
    expect(values[0].slice(0, 3)).toEqual(['Period start', 'Customers at start', 'New customers']);
    expect(values.length).toBe(15);
    expect(rowOf('Report', '2024-01-01')!.slice(1, 7)).toEqual([500, 200, 0, 15, 4, 681]);
    expect(rowOf('Report', '2024-02-01')!.slice(1, 7)).toEqual([681, 300, 0, 20, 5, 956]);
    expect(apps.displayValues('Report')[1][0]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(apps.formulas('Report')[1][0]).toBe('');
  });

  test('editing the customer table re-sizes and recomputes the spilled table', () => {
    const before = apps.values('Report').length;
    // The last customer now starts two years later: the table gains periods and January loses a customer.
    const last = apps.values('Customers').length;
    const zoneLater = new Date(Date.UTC(2026, 2, 1) - 2 * 3_600_000);
    const lastStart = apps.values('Customers')[last - 1][1] as Date;
    apps.setValues('Customers', `B${last}`, [[zoneLater]]);
    apps.setValues('Customers', `C${last}`, [['']]);
    const after = apps.values('Report');
    expect(after.length).toBeGreaterThan(before);
    expect(iso(after[after.length - 1][0])).toBe('2026-03-01');
    // And back: the table shrinks to its first size, with nothing left below it.
    apps.setValues('Customers', `B${last}`, [[lastStart]]);
    expect(apps.values('Report').length).toBe(before);
    expect(rowOf('Report', '2024-01-01')!.slice(1, 7)).toEqual([500, 200, 0, 15, 4, 681]);
  });

  test('REVENUE_TABLE, COHORT_TABLE, LOST_CUSTOMERS and WINBACK_TABLE spill too', () => {
    apps.setValues('Report', 'A1', [['']]);
    apps.setValues('Customers', 'D1', [['MRR'], ...Array.from({ length: 1000 }, () => [100])]);
    apps.setValues('Report', 'A1', [['=REVENUE_TABLE(Customers!B2:B1001, Customers!C2:C1001, Customers!D2:D1001)']]);
    const revenue = apps.values('Report');
    expect(rowOf('Report', '2024-01-01')![1]).toBe(50_000);
    expect(revenue.length).toBe(15);

    apps.setValues('Report', 'A1', [['=COHORT_TABLE(Customers!B2:B1001, Customers!C2:C1001, "month", , "count")']]);
    expect(apps.values('Report').length).toBeGreaterThan(2);
    expect(apps.values('Report')[0].length).toBeGreaterThan(2);

    apps.setValues('Report', 'A1', [['=LOST_CUSTOMERS(Customers!B2:B1001, Customers!C2:C1001, Customers!A2:A1001)']]);
    const lost = apps.values('Report');
    expect(lost.length).toBeGreaterThan(10);
    expect(typeof lost[1][0]).toBe('string');

    apps.setValues('Report', 'A1', [['=WINBACK_TABLE(Customers!B2:B1001, Customers!C2:C1001, Customers!A2:A1001)']]);
    expect(apps.values('Report').length).toBeGreaterThan(2);
  });

  test('an error shows #ERROR! in one cell, with the add-on\'s message behind it', () => {
    apps.setValues('Report', 'A1', [['=CHURN_TABLE(Customers!B2:B1001, Customers!C2:C1001, "fortnight")']]);
    const display = apps.displayValues('Report');
    expect(display).toEqual([['#ERROR!']]);
    expect(errorMessages(apps, 'Report', display)['0:0']).toMatch(/^CHURN_TABLE: .*fortnight/);
  });
});

test('COUNTIFS matches a criterion literally, with only * ? ~ as wildcards, as Sheets does', () => {
  const segments = ['a|b', 'a', 'b', 'a', 'a.b', 'axb', '(a)', 'a+', 'aa', '[a]', '^a$', 'é', 'e', 'A|B'];
  const criteria = ['a|b', 'a.b', '(a)', 'a+', '[a]', '^a$', 'é', 'a|*', '~*', '?|b'];
  const host = createHost({ root: ROOT, timeZone: 'UTC', sheets: { S: segments.map((s) => [s]) } });
  host.apps.setValues('S', 'B1', criteria.map((c) => [`'${c}`]));
  host.apps.setValues('S', 'C1', criteria.map((_, i) => [`=COUNTIFS(A1:A${segments.length}, B${i + 1})`]));
  const counts = Object.fromEntries(host.apps.values('S').slice(0, criteria.length).map((row) => [row[1], row[2]]));
  expect(counts).toEqual({ 'a|b': 2, 'a.b': 1, '(a)': 1, 'a+': 1, '[a]': 1, '^a$': 1, 'é': 1, 'a|*': 2, '~*': 0, '?|b': 2 });
});
