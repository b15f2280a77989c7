/**
 * Puts a planned churn sheet into a new sheet with a fixed, small number of service calls,
 * whatever the size of the source table: one block write (plus one for the formulas), formats,
 * bold header, notes, frozen header and the chart.
 */
import { translate, type Language } from '../i18n';
import type { SheetPlan } from './churnSheetPlan';
import { writeBlock } from './sheets';

export function writeChurnSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet, plan: SheetPlan, chart: boolean, language: Language): void {
  const bodyRows = plan.periodColumn.length; // below the header: periods, and the title rows of segment blocks
  const tableWidth = plan.header.length;
  const width = plan.infoColumn + 1; // the table, a gap column, and the two-column info block
  const height = Math.max(bodyRows + 1, plan.infoBlock.length);

  // One block: header, period dates, values (or blanks where formulas go) and the info block.
  const values: unknown[][] = [];
  const formats: string[][] = [];
  const weights: ('bold' | 'normal')[][] = [];
  const notes: string[][] = [];
  for (let r = 0; r < height; r++) {
    const row: unknown[] = new Array(width).fill('');
    const format: string[] = new Array(width).fill('General');
    if (r === 0) plan.header.forEach((title, c) => (row[c] = title));
    else if (r <= bodyRows) {
      row[0] = plan.periodColumn[r - 1][0];
      if (!plan.bodyIsFormulas) plan.body[r - 1].forEach((cell, c) => (row[c + 1] = cell));
      plan.numberFormats[r - 1].forEach((f, c) => (format[c] = f));
    }
    const info = plan.infoBlock[r];
    if (info) {
      row[plan.infoColumn - 1] = info[0];
      row[plan.infoColumn] = info[1];
      format[plan.infoColumn] = plan.infoFormats[r];
    }
    values.push(row);
    formats.push(format);
    const title = plan.titleRows.includes(r + 1);
    weights.push(row.map((_, c): 'bold' | 'normal' => ((r === 0 && c < tableWidth) || (title && c === 0) || (info && c === plan.infoColumn - 1) ? 'bold' : 'normal')));
    notes.push(row.map((_, c) => (r === 0 && c < tableWidth ? plan.headerNotes[c] : '')));
  }

  writeBlock(sheet, { values, formats, weights, notes });
  if (plan.bodyIsFormulas && bodyRows > 0) sheet.getRange(2, 2, bodyRows, tableWidth - 1).setFormulas(plan.body as string[][]);
  sheet.setFrozenRows(1);

  // The chart shows the total block (the first), not the segments below it.
  const charted = plan.chartPeriods;
  if (chart && charted > 0) {
    const built = sheet
      .newChart()
      .setChartType(Charts.ChartType.LINE)
      .addRange(sheet.getRange(1, 1, charted + 1, 1))
      .addRange(sheet.getRange(1, plan.chartColumns[0], charted + 1, plan.chartColumns.length))
      .setNumHeaders(1)
      .setPosition(plan.infoBlock.length + 2, plan.infoColumn, 0, 0)
      .setOption('title', translate(language, 'sheet.chartTitle'))
      .setOption('vAxis.format', 'percent')
      .build();
    sheet.insertChart(built);
  }
}
