/**
 * The playground's built-in customer tables: the seed 004 example (samples/seed004-customers.csv)
 * and a larger, made-up but realistic one: a few thousand customers over two years, some of
 * whom leave and come back under the same id.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { dayFromCivil } from '../src/core/calendar';
import { TimeZone } from '../src/core/timezone';

function dateAt(zone: TimeZone, iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(zone.startOfDay(dayFromCivil(y, m, d)));
}

/** The seed 004 CSV as sheet rows, dates as date cells in the spreadsheet's zone. */
export function seedSample(root: string, timeZone: string): unknown[][] {
  const zone = TimeZone.named(timeZone);
  const [header, ...lines] = readFileSync(path.join(root, 'samples/seed004-customers.csv'), 'utf8').trim().split(/\r?\n/);
  return [header.split(','), ...lines.map((line) => line.split(',')).map(([id, start, end]) => [id, dateAt(zone, start), end ? dateAt(zone, end) : ''])];
}

/** About 3,000 customers over 2023-2024, with plan prices and some returns after a gap. */
export function largerSample(timeZone: string): unknown[][] {
  const zone = TimeZone.named(timeZone);
  let seed = 2024;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
  const first = dayFromCivil(2023, 1, 1);
  const rows: unknown[][] = [['Customer ID', 'Signup date', 'Cancel date', 'MRR', 'Plan']];
  const plans: [string, number][] = [['Basic', 19], ['Pro', 49], ['Team', 99]];
  for (let i = 1; i <= 3000; i++) {
    const start = first + Math.floor(random() * 700);
    const [plan, price] = plans[Math.floor(random() * plans.length)];
    const leaves = random() < 0.35;
    const end = leaves ? Math.min(start + 20 + Math.floor(random() * 300), first + 729) : undefined;
    const id = `CU-${String(i).padStart(5, '0')}`;
    rows.push([id, new Date(zone.startOfDay(start)), end === undefined ? '' : new Date(zone.startOfDay(end)), price, plan]);
    // One in six who left came back some weeks later: a reactivation under the same id.
    if (end !== undefined && random() < 0.17 && end + 30 < first + 729) {
      rows.push([id, new Date(zone.startOfDay(end + 30 + Math.floor(random() * 60))), '', price, plan]);
    }
  }
  return rows;
}
