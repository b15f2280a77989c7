/**
 * Makes the add-on's custom functions callable from formulas in HyperFormula, the way Google
 * Sheets calls them: a single cell arrives as a scalar, a range as rows of cells, a blank as '',
 * a thrown Error shows as #ERROR! with its message, and an array result spills.
 *
 * The functions come from wherever the caller loaded them (the built dist/Code.js in a vm, in
 * the tests), so the formulas exercise exactly what users get.
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type ImplementedFunctions,
} from 'hyperformula';

type CustomFunction = (...args: unknown[]) => unknown;

import { addressKey, spillsOf, type CellAddress } from './spillSizes';
import { zoneClock } from './zonedTime';

/** A HyperFormula cell value as Sheets would hand it to a custom function. */
function toSheetsValue(value: unknown): unknown {
  if (value === EmptyValue || value === undefined || value === null) return '';
  if (value instanceof CellError) return `#${value.type}`;
  if (typeof value === 'object' && value !== null && 'val' in value) return (value as { val: unknown }).val; // dates, percents
  return value;
}

/** Dates from another realm (a vm context) fail instanceof, so they are recognised by tag. */
function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** Makes a number a date (or date-time) value of the engine, which the workbook reads back as a Date. */
type DateTyping = (serial: number) => unknown;

/** The engine's own date values, as its DATE() returns them (the plugin's ArithmeticHelper makes them). */
function dateTypingOf(plugin: FunctionPlugin): DateTyping {
  const helper = (plugin as unknown as { arithmeticHelper?: { ExtendedNumberFactory?: (value: number, type: { type: string }) => unknown } }).arithmeticHelper;
  const factory = helper?.ExtendedNumberFactory?.bind(helper);
  if (!factory) return (serial) => serial;
  return (serial) => factory(serial, { type: Number.isInteger(serial) ? 'NUMBER_DATE' : 'NUMBER_DATETIME' });
}

/**
 * A returned value as a HyperFormula cell: a Date becomes the serial of its wall clock in the
 * sheet's zone, typed as a date so that it shows as one (Sheets shows a returned Date as a date).
 */
function toCellValue(value: unknown, timeZone: string, dated: DateTyping = (serial) => serial): unknown {
  if (isDate(value)) return dated(zoneClock(timeZone).serialOf(value.getTime()));
  // An empty cell of a returned table (Sheets leaves it blank).
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  throw new Error(`custom function returned ${String(value)}, which no cell can hold`);
}

type Outcome = { value: unknown } | { error: string };

function callSafely(fn: CustomFunction, args: unknown[]): Outcome {
  try {
    return { value: fn(...args) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** The cells a result takes: a thrown error or a single value one, a table its rows by its widest row. */
function sizeOfOutcome(outcome: Outcome): { width: number; height: number } {
  if ('error' in outcome || !Array.isArray(outcome.value) || outcome.value.length === 0) return { width: 1, height: 1 };
  const rows = outcome.value as unknown[];
  const width = rows.reduce<number>((widest, row) => Math.max(widest, Array.isArray(row) ? row.length : 1), 1);
  return { width, height: rows.length };
}

/** The argument values as one string, to tell whether a call was already made with them. */
function argumentsKey(args: unknown[]): string {
  const trimmed = args.slice();
  while (trimmed.length > 0 && trimmed[trimmed.length - 1] === undefined) trimmed.pop();
  return JSON.stringify(trimmed, (_, value: unknown) => (value === undefined ? '\u0000undefined' : value));
}

type Evaluator = { evaluateAst(ast: unknown, state: unknown): unknown };

/**
 * The arguments as runFunction hands them over (see the call method): an empty argument is a
 * blank, a missing one undefined; an error value stops the call, as it does there. Throws when a
 * cell it reads has not been computed yet.
 */
function sizingArguments(plugin: FunctionPlugin, asts: { type: string }[], state: unknown, arity: number): unknown[] | CellError {
  if (asts.length > arity) return new CellError(ErrorType.NA);
  const evaluator = plugin as unknown as Evaluator;
  const args: unknown[] = [];
  for (const ast of asts) {
    const value = evaluator.evaluateAst(ast, state);
    if (value instanceof CellError) return value;
    args.push(value instanceof SimpleRangeValue ? value.rawData().map((row) => row.map(toSheetsValue)) : toSheetsValue(value));
  }
  while (args.length < arity) args.push(undefined);
  return args;
}

/** The shape of the first argument that is a block of cells: an element-wise function's result. */
function firstRangeShape(plugin: FunctionPlugin, asts: unknown[], state: unknown): { width: number; height: number } {
  const sizeOf = (plugin as unknown as { arraySizeForAst: (a: unknown, s: unknown) => ArraySize }).arraySizeForAst.bind(plugin);
  for (const arg of asts) {
    // A plain range reference is sized as a "reference", which counts as scalar; its cells do not.
    const size = sizeOf(arg, state);
    if (size.width * size.height > 1) return { width: size.width, height: size.height };
  }
  return { width: 1, height: 1 };
}

/**
 * Registers the named functions of `api` (a loaded bundle) as HyperFormula functions, with the
 * spreadsheet's time zone for Dates they return. Returns a function that unregisters them.
 */
export function registerCustomFunctions(api: Record<string, unknown>, names: string[], zone: string | (() => string) = 'UTC'): () => void {
  const zoneOf = typeof zone === 'function' ? zone : () => zone;
  const implemented: ImplementedFunctions = {};
  const translations: Record<string, string> = {};

  class AddOnFunctions extends FunctionPlugin {}
  const prototype = AddOnFunctions.prototype as unknown as Record<string, unknown>;

  for (const name of names) {
    const fn = api[name] as CustomFunction;
    if (typeof fn !== 'function') throw new Error(`${name} is not a function of the bundle`);
    implemented[name] = {
      method: `call${name}`,
      sizeOfResultArrayMethod: `size${name}`,
      parameters: Array.from({ length: fn.length }, () => ({ argumentType: FunctionArgumentType.ANY, optionalArg: true })),
      vectorizationForbidden: true,
    };
    translations[name] = name;

    prototype[`call${name}`] = function (this: FunctionPlugin, ast: { args: unknown[] }, state: { formulaAddress: CellAddress }) {
      // runFunction is protected in the typings; the plugin is a subclass, so this is its own API.
      const run = (this as unknown as { runFunction: (...a: unknown[]) => unknown }).runFunction.bind(this);
      const spills = spillsOf((this as unknown as { dependencyGraph: object }).dependencyGraph);
      return run(ast.args, state, this.metadata(name), (...args: unknown[]) => {
        const sheetsArgs = args.map((arg) =>
          arg instanceof SimpleRangeValue ? arg.rawData().map((row) => row.map(toSheetsValue)) : arg === undefined ? undefined : toSheetsValue(arg),
        );
        const at = addressKey(state.formulaAddress);
        const sized = spills.sized.get(at);
        const key = argumentsKey(sheetsArgs);
        // The size method has usually just computed this very call.
        const outcome = sized && sized.key !== null && sized.key === key ? (sized.result as Outcome) : callSafely(fn, sheetsArgs);
        const size = sizeOfOutcome(outcome);
        // A result that does not fit the size predicted when the formula was written is cut to
        // it for now (HyperFormula cannot shrink a spill), and the workbook writes the formula
        // again so that it spills as Sheets would spill it.
        const fit = sized ?? size;
        if (fit.width !== size.width || fit.height !== size.height) spills.stale.set(at, { ...state.formulaAddress });
        if ('error' in outcome) return new CellError(ErrorType.ERROR, outcome.error);
        const result = outcome.value;
        if (Array.isArray(result)) {
          const timeZone = zoneOf();
          const dated = dateTypingOf(this);
          // Rows as Sheets lays them out: a row that is not an array is one cell, short rows end blank.
          const rows = (result as unknown[]).slice(0, fit.height).map((row) => (Array.isArray(row) ? row : [row]));
          if (fit.width * fit.height === 1) return toCellValue(rows[0]?.[0], timeZone, dated);
          const width = Math.min(fit.width, size.width);
          type Cells = Parameters<typeof SimpleRangeValue.onlyValues>[0];
          return SimpleRangeValue.onlyValues(
            rows.map((row) => Array.from({ length: width }, (_, c) => (c < row.length ? toCellValue(row[c], timeZone, dated) : ''))) as Cells,
          );
        }
        return toCellValue(result, zoneOf(), dateTypingOf(this));
      });
    };

    // Sheets sizes a spill from its result; HyperFormula must know the size before evaluating,
    // when the formula is written. So the size method evaluates the arguments and calls the
    // function, and the result is kept for the evaluation that follows. Cells not computed yet
    // (a formula written in the same batch as its inputs) give the shape of the first range
    // argument until the evaluation, which notes the formula for sizing again.
    prototype[`size${name}`] = function (this: FunctionPlugin, ast: { args: { type: string }[] }, state: { formulaAddress: CellAddress }) {
      const spills = spillsOf((this as unknown as { dependencyGraph: object }).dependencyGraph);
      const at = addressKey(state.formulaAddress);
      const remember = (width: number, height: number, key: string | null, result: unknown) => {
        spills.sized.set(at, { key, result, width, height });
        return width * height === 1 ? ArraySize.scalar() : new ArraySize(width, height);
      };
      let args: unknown[] | CellError;
      try {
        args = sizingArguments(this, ast.args, state, fn.length);
      } catch {
        const shape = firstRangeShape(this, ast.args, state);
        return remember(shape.width, shape.height, null, undefined);
      }
      if (args instanceof CellError) return remember(1, 1, null, undefined);
      const outcome = callSafely(fn, args);
      const size = sizeOfOutcome(outcome);
      return remember(size.width, size.height, argumentsKey(args), outcome);
    };
  }

  (AddOnFunctions as unknown as { implementedFunctions: ImplementedFunctions }).implementedFunctions = implemented;
  HyperFormula.registerFunctionPlugin(AddOnFunctions, { enGB: translations, enUS: translations });
  return () => HyperFormula.unregisterFunctionPlugin(AddOnFunctions);
}
