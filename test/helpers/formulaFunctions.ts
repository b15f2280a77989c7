/**
 * The functions a formula the add-on writes may use: ones that Google Sheets, Excel,
 * LibreOffice Calc and HyperFormula all have, so a shared or copied sheet computes everywhere.
 */
export const PORTABLE_FUNCTIONS = new Set(['COUNTIFS', 'SUMIFS', 'EDATE', 'IF', 'DATE', 'SUM', 'MAX', 'MIN', 'ROUND', 'AND', 'OR', 'ISNUMBER', 'INT', 'IFERROR']);

/** Names of the functions called in a formula (text in quotes is not looked at). */
export function functionsIn(formula: string): string[] {
  const withoutStrings = formula.replace(/"(?:[^"]|"")*"/g, '""').replace(/'(?:[^']|'')*'!/g, 'S!');
  return Array.from(withoutStrings.matchAll(/([A-Z][A-Z0-9._]*)\s*\(/gi), (match) => match[1].toUpperCase());
}
