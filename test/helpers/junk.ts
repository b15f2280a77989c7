/**
 * Junk arguments for the custom functions, and what counts as an answer Sheets can show. The
 * arbitraries produce small recipes (printable when a run fails, cheap to shrink) that `build`
 * turns into the values Sheets would pass: numbers, text, booleans, Dates valid and invalid,
 * blanks, ranges ragged or empty, columns up to 100,000 rows, arguments left out or extra.
 */
import fc from 'fast-check';

/** A cell as Sheets passes it; `{ rept }` stands for a text of that many characters. */
export type CellRecipe = number | string | boolean | Date | { rept: number };

/** Kinds of column a table function meets, filled row by row from a seed. */
export type ColumnKind = 'starts' | 'ends' | 'textDates' | 'amounts' | 'ids' | 'segments' | 'distinct' | 'junk';

export type ArgRecipe =
  | { omit: true }
  | { cell: CellRecipe }
  | { grid: CellRecipe[]; rows: number; cols: number; ragged: boolean }
  | { column: ColumnKind; rows: number; seed: number; firstYear: number; years: number; groups: number };

export interface CallRecipe {
  fn: string;
  /** Which of the loaded spreadsheets (time zone and locale) the call runs in. */
  sheet: number;
  args: ArgRecipe[];
}

const DAY = 86_400_000;

const numberCell = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(0, -0, 1, -1, 0.5, 3, 4, 15, 100, 500, 0.03, 1e15, 2e15, 1e308, -1e308, 5e-324, -5e-324, 2 ** 53, 45_000, 109_573) },
  { weight: 2, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 2, arbitrary: fc.integer({ min: -100_000, max: 200_000 }) },
);
const textCell = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      '', ' ', 'abc', '1,5', ' 15 ', '3%', '1e308', '-0', '1 234,50', '€ 49', 'TRUE', 'net', '=1+1', '*', '(no segment)', 'All customers',
      '2024-01-31', '31.01.2024', '01.02.2024', '1/31/2024', '31 stycznia 2024', '2199-12-31', '1899-12-31', '2024-02-30',
      'month', 'week', 'quarter', 'year', 'daily', 'average', 'start_plus_new', 'count', 'share', 'Pro', 'pro ', 'Basic',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);
const dateCell = fc.oneof(
  { weight: 4, arbitrary: fc.date({ min: new Date(Date.UTC(1850, 0, 1)), max: new Date(Date.UTC(2250, 0, 1)), noInvalidDate: true }) },
  { weight: 1, arbitrary: fc.constantFrom(new Date(8.64e15), new Date(-8.64e15), new Date(Number.NaN), new Date(Date.UTC(1899, 11, 31, 20)), new Date(Date.UTC(2200, 0, 1, 3))) },
);

export const junkCell: fc.Arbitrary<CellRecipe> = fc.oneof(
  { weight: 6, arbitrary: numberCell },
  { weight: 5, arbitrary: textCell },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 3, arbitrary: dateCell },
  { weight: 1, arbitrary: fc.constantFrom({ rept: 50_000 }, { rept: 50_001 }, { rept: 100_000 }) },
);

const gridArg: fc.Arbitrary<ArgRecipe> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ grid: fc.array(junkCell, { maxLength: 12 }), rows: fc.integer({ min: 0, max: 5 }), cols: fc.integer({ min: 0, max: 3 }), ragged: fc.boolean() }) },
  // A long column of a few repeating cells: open-ended ranges such as B2:B.
  { weight: 1, arbitrary: fc.record({ grid: fc.array(junkCell, { minLength: 1, maxLength: 4 }), rows: fc.constantFrom(1000, 100_000), cols: fc.constant(1), ragged: fc.constant(false) }) },
);

/** Any argument: left out, one cell or a range. */
export const junkArg: fc.Arbitrary<ArgRecipe> = fc.oneof(
  { weight: 1, arbitrary: fc.constant({ omit: true as const }) },
  { weight: 4, arbitrary: junkCell.map((cell) => ({ cell })) },
  { weight: 3, arbitrary: gridArg },
);

/** How the arguments line up with what the function expects: as many, fewer, or extra ones. */
function argList(roles: fc.Arbitrary<ArgRecipe>[]): fc.Arbitrary<ArgRecipe[]> {
  return fc
    .tuple(fc.tuple(...roles), fc.array(junkArg, { maxLength: 2 }), fc.integer({ min: 0, max: roles.length }), fc.integer({ min: 0, max: 9 }))
    .map(([args, extra, keep, mode]) => (mode === 0 ? args.slice(0, keep) : mode === 1 ? [...args, ...extra] : args));
}

/** Scalar functions: every argument a number, a range or junk. */
export function scalarCall(fn: string, arity: number, sheets: number): fc.Arbitrary<CallRecipe> {
  const plausible = fc.oneof(
    { weight: 3, arbitrary: junkArg },
    { weight: 2, arbitrary: fc.integer({ min: 0, max: 1000 }).map((n) => ({ cell: n })) },
    { weight: 1, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }).map((n) => ({ cell: n })) },
  );
  return fc.record({ fn: fc.constant(fn), sheet: fc.nat({ max: sheets - 1 }), args: argList(Array.from({ length: arity }, () => plausible)) });
}

/** An argument's part: a column of the table, or an option (a word, a date) taken from a list. */
export type Role = ColumnKind | { option: CellRecipe[] };

/**
 * Table functions: the column arguments are mostly columns of one length (a few rows, a few
 * thousand, now and then 100,000) of dates over a few years to three centuries, and the options
 * mostly their words; any of them may be junk instead.
 */
export function tableCall(fn: string, roles: Role[], sheets: number): fc.Arbitrary<CallRecipe> {
  const shape = fc.record({
    rows: fc.oneof({ weight: 40, arbitrary: fc.integer({ min: 0, max: 40 }) }, { weight: 3, arbitrary: fc.integer({ min: 1000, max: 5000 }) }, { weight: 1, arbitrary: fc.constant(100_000) }),
    seed: fc.nat(),
    firstYear: fc.integer({ min: 1890, max: 2190 }),
    // Now and then centuries of dates or thousands of segments: tables near or past the cell limit.
    years: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 5 }) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 320 }) }),
    groups: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 6 }) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 5000 }) }),
  });
  return shape.chain((table) => {
    const roleArgs = roles.map((role) => {
      const fitting: fc.Arbitrary<ArgRecipe> =
        typeof role === 'string'
          ? fc.constantFrom<ColumnKind>(role, role, role, role === 'starts' ? 'textDates' : role, 'junk').map((column) => ({ column, ...table }))
          : fc.oneof(fc.constantFrom(...role.option).map((cell) => ({ cell })), fc.constant({ omit: true as const }));
      return fc.oneof({ weight: 5, arbitrary: fitting }, { weight: 1, arbitrary: junkArg });
    });
    return fc.record({ fn: fc.constant(fn), sheet: fc.nat({ max: sheets - 1 }), args: argList(roleArgs) });
  });
}

/** A repeatable pseudo-random number for row i of a column (no state, so columns are rebuilt alike). */
function hash(seed: number, i: number): number {
  let h = (seed ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

const JUNK_POOL: CellRecipe[] = ['', 'abc', 0, -1, 1e308, true, new Date(Number.NaN), new Date(8.64e15), '31.01.2024', '2024-02-30', 45_000, { rept: 60_000 }];
const AMOUNT_POOL: CellRecipe[] = [0, 1, 9.99, 49.9, 100, '€ 49', '1 234,50', '', -5, 'abc', 1e15, 2e15, 1e308, 5e-324, 0.000001];
const SEGMENT_POOL: CellRecipe[] = ['Pro', 'pro ', 'Basic', '', 5, true, new Date(Date.UTC(2024, 0, 31)), new Date(8.64e15), '*', '(no segment)'];

function startDay(recipe: Extract<ArgRecipe, { column: ColumnKind }>, i: number): number {
  return Date.UTC(recipe.firstYear, 0, 1) / DAY + (hash(recipe.seed, i) % (recipe.years * 366));
}

function columnCell(recipe: Extract<ArgRecipe, { column: ColumnKind }>, i: number): CellRecipe {
  const h = hash(recipe.seed + 1, i);
  switch (recipe.column) {
    case 'starts':
      return h % 50 === 0 ? JUNK_POOL[h % JUNK_POOL.length] : new Date(startDay(recipe, i) * DAY);
    case 'textDates':
      return new Date(startDay(recipe, i) * DAY).toISOString().slice(0, 10);
    case 'ends':
      if (h % 3 === 0) return '';
      return new Date((startDay(recipe, i) + (h % 2000) - 100) * DAY);
    case 'amounts':
      return AMOUNT_POOL[h % 4 === 0 ? h % AMOUNT_POOL.length : h % 5];
    case 'ids':
      return `C${h % recipe.groups}`;
    case 'segments':
      return SEGMENT_POOL[h % SEGMENT_POOL.length];
    case 'distinct':
      return `S${h % recipe.groups}`;
    case 'junk':
      return JUNK_POOL[h % JUNK_POOL.length];
  }
}

const longTexts = new Map<number, string>();
function cellOf(recipe: CellRecipe): unknown {
  if (recipe instanceof Date) return new Date(recipe.getTime());
  if (typeof recipe === 'object') {
    let text = longTexts.get(recipe.rept);
    if (text === undefined) longTexts.set(recipe.rept, (text = 'x'.repeat(recipe.rept)));
    return text;
  }
  return recipe;
}

/** The value Sheets would pass for an argument. */
export function build(arg: ArgRecipe): unknown {
  if ('omit' in arg) return undefined;
  if ('cell' in arg) return cellOf(arg.cell);
  if ('column' in arg) return Array.from({ length: arg.rows }, (_, i) => [cellOf(columnCell(arg, i))]);
  const { grid, rows, cols, ragged } = arg;
  return Array.from({ length: rows }, (_, r) => {
    const width = ragged ? (r * 7 + grid.length) % (cols + 2) : cols;
    return Array.from({ length: width }, (_, c) => (grid.length === 0 ? '' : cellOf(grid[(r * cols + c) % grid.length])));
  });
}

export const SHEETS_CELLS = 10_000_000;
export const CELL_CHARACTERS = 50_000;

/** A cell Sheets shows: a finite number, a text within a cell's limit, or a valid Date. */
function cellProblem(cell: unknown): string | undefined {
  if (typeof cell === 'number') return Number.isFinite(cell) ? undefined : `the number ${cell}`;
  if (typeof cell === 'string') return cell.length > CELL_CHARACTERS ? `a text of ${cell.length} characters` : undefined;
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? 'an invalid Date' : undefined;
  return `${cell === null ? 'null' : typeof cell} ${Array.isArray(cell) ? '(an array)' : ''}`.trim();
}

/**
 * What is wrong with an outcome, or undefined when Sheets can show it: a finite number, '', a
 * rectangular array of cells it shows (at least one, at most ten million), or an Error whose
 * message starts with the function's name.
 */
export function outcomeProblem(fn: string, outcome: { value: unknown } | { error: unknown }): string | undefined {
  if ('error' in outcome) {
    const error = outcome.error as { message?: unknown } | null;
    const message = error && typeof error === 'object' ? error.message : undefined;
    if (typeof message !== 'string') return `threw ${String(outcome.error)}`;
    return message.startsWith(`${fn}: `) ? undefined : `threw an error without the function's name: ${message.slice(0, 300)}`;
  }
  const value = outcome.value;
  if (!Array.isArray(value)) {
    if (value === '') return undefined;
    if (typeof value === 'number') return Number.isFinite(value) ? undefined : `returned ${value}`;
    return `returned ${value === null ? 'null' : typeof value === 'string' ? JSON.stringify(value.slice(0, 100)) : typeof value}`;
  }
  if (value.length === 0) return 'returned []';
  const width = Array.isArray(value[0]) ? value[0].length : -1;
  if (width <= 0) return width === 0 ? 'returned [[]]' : 'returned an array whose first row is not an array';
  if (value.length * width > SHEETS_CELLS) return `returned ${value.length} x ${width} cells, over ${SHEETS_CELLS}`;
  for (let r = 0; r < value.length; r++) {
    const row = value[r];
    if (!Array.isArray(row) || row.length !== width) return `row ${r + 1} of the result is ${Array.isArray(row) ? `${row.length} wide, not ${width}` : 'not an array'}`;
    for (let c = 0; c < width; c++) {
      const problem = cellProblem(row[c]);
      if (problem) return `cell (${r + 1}, ${c + 1}) of the result is ${problem}`;
    }
  }
  return undefined;
}
