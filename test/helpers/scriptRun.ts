/**
 * What google.script.run carries between the sidebar and the server: numbers, booleans, strings,
 * null, and arrays and plain objects made of those. A Date or a function makes the call fail, and
 * undefined is not among the listed types (apps-script/guides/html/reference/run).
 */

const toString = Object.prototype.toString;

/** A plain object of any realm (the bundle runs in a vm context with its own Object). */
function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** Paths ($.a[0].b) of every value in `value` that google.script.run does not promise to carry; [] when all of it is. */
export function notCarriedByScriptRun(value: unknown, path = '$'): string[] {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return [];
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path}: ${value}`];
  if (value === undefined) return [`${path}: undefined`];
  if (typeof value !== 'object') return [`${path}: ${typeof value}`];
  if (Array.isArray(value)) {
    const found: string[] = [];
    // A hole in an array reads as undefined.
    for (let i = 0; i < value.length; i++) found.push(...(i in value ? notCarriedByScriptRun(value[i], `${path}[${i}]`) : [`${path}[${i}]: hole`]));
    return found;
  }
  if (!isPlainObject(value)) return [`${path}: ${toString.call(value)}`];
  return Object.keys(value).flatMap((key) => notCarriedByScriptRun((value as Record<string, unknown>)[key], `${path}.${key}`));
}
