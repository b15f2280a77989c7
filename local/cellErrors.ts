/**
 * The messages behind the error values a sheet shows: Sheets shows #ERROR! in the cell and the
 * custom function's message when the pointer rests on it; the playground shows it when the cell
 * is clicked.
 */
import type { FakeApps } from './appsScript/appsScript';

/**
 * The engine's message for each cell of `display` that shows an error (`#...`), by "row:col"
 * (0-based, counted from the sheet's first row; `display` starts at row `row0`).
 */
export function errorMessages(apps: FakeApps, sheetName: string, display: readonly (readonly string[])[], row0 = 0): Record<string, string> {
  const messages: Record<string, string> = {};
  if (!display.some((row) => row.some((text) => text.startsWith('#')))) return messages;
  // A sheet the engine does not hold has no formula it computes, so no message either.
  const hf = apps.engineFor(sheetName);
  const sheet = hf?.getSheetId(sheetName);
  if (!hf || sheet === undefined) return messages;
  display.forEach((row, r) =>
    row.forEach((text, c) => {
      if (!text.startsWith('#')) return;
      const value = hf.getCellValue({ sheet, row: row0 + r, col: c });
      const message = value && typeof value === 'object' && 'message' in value ? String(value.message ?? '') : '';
      if (message !== '') messages[`${row0 + r}:${c}`] = message;
    }),
  );
  return messages;
}
