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
