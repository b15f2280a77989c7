/**
 * Reading numbers that arrive as text (imported CSVs, cells formatted as plain text):
 * "500", "1 234", "1.234,5", "1,234.5", "3,8 %", "3.8%". The spreadsheet locale's decimal
 * separator decides the one ambiguous case, a single separator followed by three digits.
 */

const GROUP_SPACES = /[\s\u00a0\u202f']/g;
const NUMBER_TEXT = /^[-+]?(?:\d+(?:[.,]\d+)*(?:[.,]\d*)?|[.,]\d+)$/;

/**
 * No number a spreadsheet holds takes more characters than this to write, even with group
 * spaces, a currency and a percent sign; longer text is not read at all, so a column of long
 * notes costs one length check per cell instead of scans over every character.
 */
export const LONGEST_NUMBER_TEXT = 100;

/** The decimal separator of a locale such as "lv_LV" or "en-US", from Intl. */
export function decimalSeparatorOfLocale(locale: string | undefined): '.' | ',' {
  try {
    const tag = (locale || 'en-US').replace(/_/g, '-');
    const part = new Intl.NumberFormat(tag).formatToParts(1.5).find((p) => p.type === 'decimal');
    return part?.value === ',' ? ',' : '.';
  } catch {
    return '.';
  }
}

export function parseNumberText(text: string, decimalSeparator: '.' | ',' = '.'): number | undefined {
  let body = text.trim();
  if (body.length > LONGEST_NUMBER_TEXT) return undefined;
  let scale = 1;
  if (body.endsWith('%')) {
    scale = 0.01;
    body = body.slice(0, -1).trim();
  }
  body = body.replace(GROUP_SPACES, '');
  if (!NUMBER_TEXT.test(body)) return undefined;

  const lastDot = body.lastIndexOf('.');
  const lastComma = body.lastIndexOf(',');
  let decimal: '.' | ',' | undefined;
  if (lastDot >= 0 && lastComma >= 0) {
    decimal = lastDot > lastComma ? '.' : ',';
  } else if (lastDot >= 0 || lastComma >= 0) {
    const separator = lastDot >= 0 ? '.' : ',';
    const occurrences = body.split(separator).length - 1;
    const digitsAfter = body.length - body.lastIndexOf(separator) - 1;
    // "1,234" is a thousand in en_US and one point two in lv_LV; "1,5" is always a decimal.
    const looksGrouped = digitsAfter === 3 && separator !== decimalSeparator;
    decimal = occurrences > 1 || looksGrouped ? undefined : separator;
  }
  const group = decimal === '.' ? ',' : decimal === ',' ? '.' : body.includes('.') ? '.' : ',';
  const normalized = body.split(group).join('').replace(',', '.');
  const value = Number(normalized) * scale;
  return Number.isFinite(value) ? value : undefined;
}
