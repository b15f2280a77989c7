/**
 * Rewrites of formula text that HyperFormula needs and Sheets does implicitly:
 *  - open-ended ranges (B2:B, 'Customers'!A2:C) get the referenced sheet's last grid row, as
 *    Sheets reads them; HyperFormula rejects them as a parse error;
 *  - relative references move when one formula is set on a block of cells (Range.setFormula on
 *    A1:A10 fills down, like Sheets).
 * A small scanner finds references outside string literals; everything else is copied as is.
 */
import { columnLetters, columnNumber } from './a1';

interface RefPart {
  colAbs: boolean;
  col?: number;
  rowAbs: boolean;
  row?: number;
}

export interface Reference {
  /** The sheet name as written (without quotes), if the reference names one. */
  sheetName?: string;
  start: RefPart;
  end?: RefPart;
}

// sheet prefix (quoted or plain) then a cell, cell range, open-ended range, column range or row range.
const REFERENCE =
  /(?:'((?:[^']|'')+)'!|([A-Za-z_][A-Za-z0-9_.]*)!)?(?:(\$?[A-Za-z]{1,3}\$?\d+)(?::(\$?[A-Za-z]{1,3}\$?\d*))?|(\$?[A-Za-z]{1,3}):(\$?[A-Za-z]{1,3})|(\$?\d+):(\$?\d+))(?![A-Za-z0-9_.(!:$])/y;
const WORD_CHAR = /[A-Za-z0-9_.$]/;

function parsePart(text: string): RefPart {
  const m = /^(\$?)([A-Za-z]*)(\$?)(\d*)$/.exec(text)!;
  return {
    colAbs: m[1] === '$' && m[2] !== '',
    col: m[2] ? columnNumber(m[2]) : undefined,
    rowAbs: m[2] === '' ? m[1] === '$' : m[3] === '$',
    row: m[4] ? Number(m[4]) : undefined,
  };
}

function partText(part: RefPart): string {
  let text = '';
  if (part.col !== undefined) text += (part.colAbs ? '$' : '') + columnLetters(part.col);
  if (part.row !== undefined) text += (part.rowAbs ? '$' : '') + String(part.row);
  return text;
}

function prefixText(sheetName: string | undefined, quoted: boolean): string {
  if (sheetName === undefined) return '';
  return quoted ? `'${sheetName.replace(/'/g, "''")}'!` : `${sheetName}!`;
}

/**
 * Calls `rewrite` for every reference in a formula and splices in what it returns (undefined
 * keeps the reference as written). String literals are left alone.
 */
export function mapReferences(formula: string, rewrite: (ref: Reference) => Reference | string | undefined): string {
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < formula.length && !(formula[j] === '"' && formula[j + 1] !== '"')) j += formula[j] === '"' ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const startsWord = i === 0 || !WORD_CHAR.test(formula[i - 1]);
    if (startsWord) {
      REFERENCE.lastIndex = i;
      const m = REFERENCE.exec(formula);
      if (m) {
        const quoted = m[1] !== undefined;
        const ref: Reference = {
          sheetName: quoted ? m[1].replace(/''/g, "'") : m[2],
          start: parsePart(m[3] ?? m[5] ?? m[7]),
          end: m[4] !== undefined ? parsePart(m[4]) : m[6] !== undefined ? parsePart(m[6]) : m[8] !== undefined ? parsePart(m[8]) : undefined,
        };
        const result = rewrite(ref);
        if (result === undefined) out += m[0];
        else if (typeof result === 'string') out += result;
        else out += prefixText(result.sheetName, quoted) + partText(result.start) + (result.end ? ':' + partText(result.end) : '');
        i += m[0].length;
        continue;
      }
      if (/[A-Za-z0-9_$']/.test(ch)) {
        // Copy the whole word (a function or named range) so no reference is found inside it.
        let j = i + 1;
        if (ch === "'") {
          while (j < formula.length && !(formula[j] === "'" && formula[j + 1] !== "'")) j += formula[j] === "'" ? 2 : 1;
          j++;
        } else {
          while (j < formula.length && WORD_CHAR.test(formula[j])) j++;
        }
        out += formula.slice(i, j);
        i = j;
        continue;
      }
    }
    out += ch;
    i++;
  }
  return out;
}

/** True when the formula has an open-ended range such as B2:B or 'Customers'!A2:C. */
export function hasOpenEndedRange(formula: string): boolean {
  let found = false;
  mapReferences(formula, (ref) => {
    if (isOpenEnded(ref)) found = true;
    return undefined;
  });
  return found;
}

function isOpenEnded(ref: Reference): boolean {
  return ref.start.row !== undefined && ref.start.col !== undefined && ref.end !== undefined && ref.end.row === undefined && ref.end.col !== undefined;
}

/** Closes open-ended ranges at the referenced sheet's last grid row (the sheet's max rows). */
export function closeOpenEndedRanges(formula: string, maxRowsOf: (sheetName: string | undefined) => number): string {
  return mapReferences(formula, (ref) => {
    if (!isOpenEnded(ref)) return undefined;
    const lastRow = Math.max(maxRowsOf(ref.sheetName), ref.start.row!);
    return { ...ref, end: { ...ref.end!, row: lastRow, rowAbs: true } };
  });
}

/**
 * Moves the relative parts of every reference by (rows, cols), as filling a formula does.
 * A reference pushed before row 1 or column A becomes #REF!, as in Sheets.
 */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  return mapReferences(formula, (ref) => {
    const move = (part: RefPart): RefPart | undefined => {
      const row = part.row === undefined || part.rowAbs ? part.row : part.row + rows;
      const col = part.col === undefined || part.colAbs ? part.col : part.col + cols;
      if ((row !== undefined && row < 1) || (col !== undefined && col < 1)) return undefined;
      return { ...part, row, col };
    };
    const start = move(ref.start);
    const end = ref.end && move(ref.end);
    if (!start || (ref.end && !end)) return '#REF!';
    return { ...ref, start, end };
  });
}
