/** Spreadsheet helpers shared by the writers. */
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** "Churn by month", or "Churn by month (2)" when that name is taken: an existing sheet is never reused. */
export function uniqueSheetName(spreadsheet: Spreadsheet, base: string): string {
  let name = base;
  for (let n = 2; spreadsheet.getSheetByName(name); n++) name = `${base} (${n})`;
  return name;
}
