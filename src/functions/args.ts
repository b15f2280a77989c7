/**
 * Argument handling shared by the custom functions. Sheets passes a single cell as a scalar and
 * a range as a 2-D array (rows of cells); blank cells arrive as "" and a left-out optional
 * argument as undefined. Every message names the function, the argument and the value.
 */
import { quoted } from '../core/limits';
import { parseNumberText } from '../core/numbers';
import { isBlankCell, type Column } from '../core/table';
import { UserError, translate, type Language, type MessageKey, type MessageParams } from '../i18n';

export type Cell = unknown;
export type Grid = Cell[][];

export interface CallContext {
  fn: string;
  language: Language;
  decimalSeparator: '.' | ',';
}

export function fail(ctx: CallContext, key: MessageKey, params: MessageParams = {}): never {
  throw new UserError(ctx.language, key, { fn: ctx.fn, ...params });
}

/** Sheets passes ranges as rectangular arrays of rows; the first row tells a range from a scalar. */
export function isGrid(value: unknown): value is Grid {
  return Array.isArray(value) && (value.length === 0 || Array.isArray(value[0]));
}

export { isBlankCell };

export type Position = { row: number; col: number } | undefined;

/** Where a value sits, for messages: "the value" or "the value in row 3, column 1 of the range". */
export function describePosition(ctx: CallContext, position: Position): string {
  return position ? translate(ctx.language, 'where.cell', { row: position.row + 1, col: position.col + 1 }) : translate(ctx.language, 'where.value');
}

/** The same as a phrase to append: "" or " in row 3, column 1 of the range". */
export function positionSuffix(ctx: CallContext, position: Position): string {
  return position ? translate(ctx.language, 'at.cell', { row: position.row + 1, col: position.col + 1 }) : '';
}

/** A value as a message quotes it; a long text is cut short, and a range by its first cell (as options are read). */
export function displayValue(value: Cell): string {
  if (Array.isArray(value)) return value.length === 0 ? '' : displayValue(Array.isArray(value[0]) ? value[0][0] : value[0]);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString().split('T')[0];
  return quoted(String(value));
}

/** A number from a cell: numbers as they are, numeric text read in the spreadsheet's locale. */
export function toNumber(ctx: CallContext, arg: string, value: Cell, position?: Position): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string') {
    const parsed = parseNumberText(value, ctx.decimalSeparator);
    if (parsed !== undefined) return parsed;
  }
  return fail(ctx, 'arg.notNumber', { arg, where: describePosition(ctx, position), value: displayValue(value) });
}

export interface NamedArg {
  name: string;
  value: Cell | Grid;
}

/**
 * Sheets would show NaN or Infinity as an error without a reason; say what went wrong instead.
 * Only inputs far from ordinary sizes overflow (1E308 customers, a churn rate of 5E-324), so the
 * message names the input farthest from 1 in orders of magnitude as the one to check.
 */
function finite(ctx: CallContext, value: number, names: string[], inputs: number[], position: Position): number {
  if (Number.isFinite(value)) return value;
  let culprit = 0;
  let farthest = -1;
  inputs.forEach((input, i) => {
    const distance = input === 0 ? 0 : Math.abs(Math.log10(Math.abs(input)));
    if (distance > farthest) {
      culprit = i;
      farthest = distance;
    }
  });
  return fail(ctx, 'arg.resultOverflow', { arg: names[culprit], value: inputs[culprit], at: positionSuffix(ctx, position) });
}

/** A cell of a range, or undefined where a row is shorter than the first (or not a row at all). */
const cellAt = (grid: Grid, r: number, c: number): Cell => {
  const row = grid[r];
  return Array.isArray(row) ? row[c] : undefined;
};

/**
 * Applies a computation cell by cell. Scalars are used in every cell; ranges must all have the
 * same shape, and the result has that shape. A cell where any input is blank stays blank, and
 * so does the whole result when a range has no cells: Sheets cannot show an empty array.
 */
export function elementwise(
  ctx: CallContext,
  args: NamedArg[],
  compute: (values: number[], position?: Position) => number,
): number | string | (number | string)[][] {
  for (const arg of args) {
    if (arg.value === undefined) fail(ctx, 'arg.required', { arg: arg.name });
  }
  const names = args.map((arg) => arg.name);
  const grids = args.filter((arg) => isGrid(arg.value)) as { name: string; value: Grid }[];
  if (grids.length === 0) {
    if (args.some((arg) => isBlankCell(arg.value))) return '';
    const inputs = args.map((arg) => toNumber(ctx, arg.name, arg.value));
    return finite(ctx, compute(inputs), names, inputs, undefined);
  }

  const shape = grids[0];
  const rows = shape.value.length;
  const cols = rows > 0 ? shape.value[0].length : 0;
  for (const other of grids.slice(1)) {
    const otherCols = other.value.length > 0 ? other.value[0].length : 0;
    if (other.value.length !== rows || otherCols !== cols) {
      fail(ctx, 'arg.shapeMismatch', {
        arg: other.name,
        rows: other.value.length,
        cols: otherCols,
        otherArg: shape.name,
        otherRows: rows,
        otherCols: cols,
      });
    }
  }

  if (rows === 0 || cols === 0) return '';

  const result: (number | string)[][] = [];
  for (let r = 0; r < rows; r++) {
    const out: (number | string)[] = [];
    for (let c = 0; c < cols; c++) {
      const cells = args.map((arg) => (isGrid(arg.value) ? cellAt(arg.value, r, c) : arg.value));
      if (cells.some(isBlankCell)) {
        out.push('');
        continue;
      }
      const position = { row: r, col: c };
      const inputs = cells.map((cell, i) => toNumber(ctx, args[i].name, cell, position));
      out.push(finite(ctx, compute(inputs, position), names, inputs, position));
    }
    result.push(out);
  }
  return result;
}

/** A range argument as one column, read in place; a single cell counts as a one-cell column. */
export function toColumn(ctx: CallContext, arg: string, value: Cell | Grid): Column {
  if (value === undefined) fail(ctx, 'arg.required', { arg });
  if (!isGrid(value)) return { rows: [[value]], index: 0 };
  const cols = value.length > 0 ? value[0].length : 0;
  if (cols > 1) fail(ctx, 'arg.notColumn', { arg, cols });
  return { rows: value, index: 0 };
}

/** An optional text option such as a period or method: trimmed, lower-case, '' when left out. */
export function optionText(value: Cell | Grid): string {
  const cell = isGrid(value) ? value[0]?.[0] : value;
  if (cell === undefined || cell === null) return '';
  return String(cell).trim().toLowerCase().replace(/[\s-]+/g, '_');
}
