/**
 * The worked example of the user's material (the Norwegian article) as a customer table, so it
 * can be rebuilt anywhere the add-on runs, a real spreadsheet included:
 *   January 2024:  500 at start, 15 lost, 200 new of which 4 lost  -> 681 at end
 *   February 2024: 681 at start, 20 lost, 300 new of which 5 lost  -> 956 at end
 * The 500 existing customers started during 2023 and none left before 2024. Among the
 * cancellations: one on 2024-02-01 (belongs to February), a January customer who starts and
 * leaves on the same day, and three of January's new customers who leave in February (they
 * are February's existing customers by then).
 */
import { dayFromCivil } from './calendar';

export interface ExampleCustomer {
  id: string;
  /** Day numbers (days since 1970-01-01); end null while still a customer. */
  startDay: number;
  endDay: number | null;
}

export interface ExampleMonth {
  /** First day of the month, as yyyy-mm. */
  month: string;
  S: number;
  L: number;
  N: number;
  Ln: number;
  E: number;
}

/** The article's numbers for the two months. */
export const EXAMPLE_MONTHS: readonly ExampleMonth[] = [
  { month: '2024-01', S: 500, L: 15, N: 200, Ln: 4, E: 681 },
  { month: '2024-02', S: 681, L: 20, N: 300, Ln: 5, E: 956 },
];

export function exampleCustomers(): ExampleCustomer[] {
  const rows: ExampleCustomer[] = [];
  const add = (startDay: number, endDay: number | null = null) =>
    rows.push({ id: `C${String(rows.length + 1).padStart(4, '0')}`, startDay, endDay });
  const jan = (day: number) => dayFromCivil(2024, 1, day);
  const feb = (day: number) => dayFromCivil(2024, 2, day);

  // 500 customers before January, spread over 2023.
  const firstOf2023 = dayFromCivil(2023, 1, 1);
  for (let i = 0; i < 500; i++) {
    let end: number | null = null;
    if (i < 15) end = i === 0 ? jan(1) : jan(2 + i); // 15 leave in January, one on the 1st
    else if (i < 32) end = i === 15 ? feb(1) : feb(1 + (i - 15)); // 17 leave in February, one on the 1st
    add(firstOf2023 + ((i * 7) % 365), end);
  }
  // 200 new in January: 4 leave in January (one the same day), 3 leave in February.
  for (let i = 0; i < 200; i++) {
    const day = 1 + (i % 31);
    let end: number | null = null;
    if (i === 0) end = jan(day);
    else if (i < 4) end = jan(31);
    else if (i < 7) end = feb(10 + i);
    add(jan(day), end);
  }
  // 300 new in February: 5 leave in February.
  for (let i = 0; i < 300; i++) add(feb(1 + (i % 29)), i < 5 ? feb(29) : null);
  return rows;
}
