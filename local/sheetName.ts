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

/**
 * A valid sheet name from a file's name ("C:\\data\\'x'.csv" -> "x"), not among `taken`
 * (compared regardless of case, as Sheets does): "x (2)" when "x" is taken. Forbidden
 * characters become spaces; `fallback` stands in for a name with nothing left.
 */
export function sheetNameForFile(fileName: string, taken: readonly string[], fallback = 'Upload'): string {
  const base = fileName.split(/[/\\]/).pop() ?? '';
  const stem = base.replace(/\.[^.]*$/, '');
  // eslint-disable-next-line no-control-regex
  const cleaned = stem.replace(/[[\]:*?/\\\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ');
  const name = trimmed(cleaned, MAX_SHEET_NAME_LENGTH) || fallback;
  const used = new Set([...taken.map((t) => t.toLowerCase()), ...RESERVED]);
  if (!used.has(name.toLowerCase())) return name;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${trimmed(name, MAX_SHEET_NAME_LENGTH - suffix.length) || fallback}${suffix}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
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
    // eslint-disable-next-line no-control-regex
    const cleaned = name.replace(/[[\]:*?/\\\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ');
    const numbered = /^(.*?) \((\d+)\)$/.exec(cleaned);
    const stem = numbered ? numbered[1] : cleaned;
    let n = numbered ? Number(numbered[2]) : 1;
    for (;;) {
      const suffix = n === 1 ? '' : ` (${n})`;
      const candidate = `${trimmed(stem, MAX_SHEET_NAME_LENGTH - suffix.length) || 'Sheet'}${suffix}`;
      if (!used.has(candidate.toLowerCase())) {
        result.set(name, candidate);
        used.add(candidate.toLowerCase());
        break;
      }
      n++;
    }
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
