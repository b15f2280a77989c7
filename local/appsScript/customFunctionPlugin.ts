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

/** A returned value as a HyperFormula cell: a Date becomes the serial of its day in the sheet's zone. */
function toCellValue(value: unknown, timeZone: string): number | string | boolean {
  if (isDate(value)) return zoneClock(timeZone).serialOf(value.getTime());
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  throw new Error(`custom function returned ${String(value)}, which no cell can hold`);
}

/**
 * Registers the named functions of `api` (a loaded bundle) as HyperFormula functions, with the
 * spreadsheet's time zone for Dates they return. Returns a function that unregisters them.
 */
export function registerCustomFunctions(api: Record<string, unknown>, names: string[], timeZone = 'UTC'): () => void {
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

    prototype[`call${name}`] = function (this: FunctionPlugin, ast: { args: unknown[] }, state: unknown) {
      // runFunction is protected in the typings; the plugin is a subclass, so this is its own API.
      const run = (this as unknown as { runFunction: (...a: unknown[]) => unknown }).runFunction.bind(this);
      return run(ast.args, state, this.metadata(name), (...args: unknown[]) => {
        const sheetsArgs = args.map((arg) =>
          arg instanceof SimpleRangeValue ? arg.rawData().map((row) => row.map(toSheetsValue)) : arg === undefined ? undefined : toSheetsValue(arg),
        );
        let result: unknown;
        try {
          result = fn(...sheetsArgs);
        } catch (error) {
          return new CellError(ErrorType.ERROR, (error as Error).message);
        }
        if (Array.isArray(result)) return SimpleRangeValue.onlyValues(result.map((row: unknown[]) => row.map((v) => toCellValue(v, timeZone))));
        return toCellValue(result, timeZone);
      });
    };

    // Sheets sizes the spill from the result; HyperFormula must know it before evaluating, so an
    // element-wise function takes the shape of its first range argument.
    prototype[`size${name}`] = function (this: FunctionPlugin, ast: { args: unknown[] }, state: unknown) {
      const sizeOf = (this as unknown as { arraySizeForAst: (a: unknown, s: unknown) => ArraySize }).arraySizeForAst.bind(this);
      for (const arg of ast.args) {
        // A plain range reference is sized as a "reference", which counts as scalar; its cells do not.
        const size = sizeOf(arg, state);
        if (size.width * size.height > 1) return new ArraySize(size.width, size.height);
      }
      return ArraySize.scalar();
    };
  }

  (AddOnFunctions as unknown as { implementedFunctions: ImplementedFunctions }).implementedFunctions = implemented;
  HyperFormula.registerFunctionPlugin(AddOnFunctions, { enGB: translations, enUS: translations });
  return () => HyperFormula.unregisterFunctionPlugin(AddOnFunctions);
}
