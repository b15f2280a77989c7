/**
 * Sheet names made from file names. A name must suit Sheets and the .xlsx the playground and
 * the CLI write, whose rules are the stricter: at most 31 characters, none of [ ] : * ? / \,
 * no apostrophe at either end, not empty, not "History" (Excel keeps that name for itself),
 * and unique regardless of case.
 */

/** Excel's limit, in UTF-16 code units as exceljs counts them; Sheets allows 100 characters. */
export const MAX_SHEET_NAME_LENGTH = 31;
const RESERVED = new Set(['history']);

/** Why `name` cannot be a sheet in an .xlsx, or null when it can. */
export function sheetNameProblem(name: string): string | null {
  if (name.trim() === '') return 'it is empty';
  if (name.length > MAX_SHEET_NAME_LENGTH) return `it is longer than ${MAX_SHEET_NAME_LENGTH} characters`;
  if (/[[\]:*?/\\]/.test(name)) return 'it holds one of [ ] : * ? / \\';
  if (/^'|'$/.test(name)) return 'it starts or ends with an apostrophe';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'it holds a control character';
  if (RESERVED.has(name.toLowerCase())) return `"${name}" is reserved`;
  return null;
}

/** At most `length` UTF-16 code units, never half a character, without apostrophes or spaces at the ends. */
function trimmed(text: string, length: number): string {
  let result = '';
  for (const character of text) {
    if (result.length + character.length > length) break;
    result += character;
  }
  let before;
  do {
    before = result;
    result = result.trim().replace(/^'+|'+$/g, '');
  } while (result !== before);
  return result;
}

/** Text with the characters a sheet name may not hold, and runs of spaces, as one space each. */
function cleaned(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[[\]:*?/\\\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ');
}

/**
 * The first of `stem`, "stem (n)", "stem (n+1)"... (counting from `n`; 1 is the stem alone),
 * each cut to fit 31 characters, that is not in `used` (lower case); it is added to `used`.
 */
function freeName(stem: string, used: Set<string>, fallback: string, n = 1): string {
  for (; ; n++) {
    const suffix = n === 1 ? '' : ` (${n})`;
    const candidate = `${trimmed(stem, MAX_SHEET_NAME_LENGTH - suffix.length) || fallback}${suffix}`;
    if (!used.has(candidate.toLowerCase())) {
      used.add(candidate.toLowerCase());
      return candidate;
    }
  }
}

/**
 * A valid sheet name from a file's name ("C:\\data\\'x'.csv" -> "x"), not among `taken`
 * (compared regardless of case, as Sheets does): "x (2)" when "x" is taken. Forbidden
 * characters become spaces; `fallback` stands in for a name with nothing left.
 */
export function sheetNameForFile(fileName: string, taken: readonly string[], fallback = 'Upload'): string {
  const base = fileName.split(/[/\\]/).pop() ?? '';
  const name = trimmed(cleaned(base.replace(/\.[^.]*$/, '')), MAX_SHEET_NAME_LENGTH) || fallback;
  return freeName(name, new Set([...taken.map((t) => t.toLowerCase()), ...RESERVED]), fallback);
}

/** A sheet name as a formula refers to it: bare when it reads as a name, else in apostrophes. */
export function quotedSheetName(sheetName: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheetName) && !/^[A-Za-z]{1,3}\d+$/.test(sheetName) ? sheetName : `'${sheetName.replace(/'/g, "''")}'`;
}

/**
 * The name each sheet gets in an .xlsx. Sheets allows names Excel does not (up to 100
 * characters, so "Απώλεια πελατών ανά εβδομάδα (2)" is fine in Sheets and one too long for
 * Excel): those are shortened, keeping a " (2)" ending, and made unique regardless of case.
 * Names Excel accepts stay as they are and are never taken by a shortened one.
 */
export function xlsxSheetNames(names: readonly string[]): Map<string, string> {
  const result = new Map<string, string>();
  const used = new Set<string>(RESERVED);
  const renaming: string[] = [];
  for (const name of names) {
    if (sheetNameProblem(name) === null && !used.has(name.toLowerCase())) {
      result.set(name, name);
      used.add(name.toLowerCase());
    } else renaming.push(name);
  }
  for (const name of renaming) {
    const text = cleaned(name);
    const numbered = /^(.*?) \((\d+)\)$/.exec(text);
    result.set(name, numbered ? freeName(numbered[1], used, 'Sheet', Number(numbered[2])) : freeName(text, used, 'Sheet'));
  }
  return result;
}

/** A formula's string literal, a quoted sheet name before "!", or a bare one (not inside a longer name). */
const SHEET_REFERENCE = /("(?:[^"]|"")*")|'((?:[^']|'')+)'!|(?<![\p{L}\p{N}_.])([\p{L}_][\p{L}\p{N}_.]*)!/gu;

/**
 * A formula with its references to renamed sheets pointing at their new names; text in string
 * literals is left alone. `renamed` maps old names in lower case (Sheets matches names
 * regardless of case) to new ones, and holds only the names that change.
 */
export function renameSheetReferences(formula: string, renamed: ReadonlyMap<string, string>): string {
  if (renamed.size === 0 || !formula.includes('!')) return formula;
  return formula.replace(SHEET_REFERENCE, (match, literal: string | undefined, quotedName: string | undefined, bareName: string | undefined) => {
    if (literal !== undefined) return match;
    const name = quotedName !== undefined ? quotedName.replace(/''/g, "'") : bareName!;
    const target = renamed.get(name.toLowerCase());
    return target === undefined ? match : `${quotedSheetName(target)}!`;
  });
}
