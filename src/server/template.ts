/**
 * Inserts the churn template as a new sheet: inputs shaded, computed cells protected with a
 * warning, inputs validated, named ranges and a notes block so a shared copy explains itself.
 */
import { civilFromDay, dayFromCivil, serialFromDay } from '../core/calendar';
import { translate, type Language } from '../i18n';
import { userLanguage } from './language';
import { uniqueSheetName } from './sheets';
import { spreadsheetTimeZone } from './timeZone';
import { EXAMPLE, FIRST_MONTH_ROW, HEADER_ROW, LAST_MONTH_ROW, WIDTH, planTemplate } from './templatePlan';

const INPUT_BACKGROUND = '#e8f0fe';
const INPUT_COLOR = '#1a56c4';
const NOTES_COLUMN = WIDTH + 2;

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;


/** Named ranges are per spreadsheet: a second template gets suffixed names, never the first one's. */
function uniqueRangeName(spreadsheet: Spreadsheet, base: string): string {
  let name = base;
  for (let n = 2; spreadsheet.getRangeByName(name); n++) name = `${base}_${n}`;
  return name;
}

export interface TemplateResult {
  sheetName: string;
}

export function insertTemplate(withExample: boolean, language: Language = userLanguage()): TemplateResult {
  const spreadsheet = SpreadsheetApp.getActive();
  const zone = spreadsheetTimeZone(spreadsheet.getSpreadsheetTimeZone(), language);
  // Today is the spreadsheet's day: at 20:00 UTC on 31 January it is already February in Tokyo.
  const today = civilFromDay(zone.dayOf(Date.now()));
  const firstMonth = withExample
    ? dayFromCivil(EXAMPLE.firstMonth.year, EXAMPLE.firstMonth.month, 1)
    : dayFromCivil(today.year, today.month, 1);
  const plan = planTemplate(language, serialFromDay(firstMonth), withExample === true);

  const sheetName = uniqueSheetName(spreadsheet, plan.baseName);
  const sheet = spreadsheet.insertSheet(sheetName);
  try {
    // Our own texts, dates, numbers and formulas: setValues reads the '=' cells as formulas.
    const block = sheet.getRange(1, 1, plan.cells.length, WIDTH);
    // Formats first, so the first month's serial lands in a date-formatted cell.
    block.setNumberFormats(plan.numberFormats);
    block.setValues(plan.cells);
    sheet.getRange(1, 1).setFontWeight('bold');
    sheet.getRange(HEADER_ROW, 1, 1, WIDTH).setFontWeight('bold').setWrap(true);
    for (const a1 of plan.inputBlocks) sheet.getRange(a1).setBackground(INPUT_BACKGROUND).setFontColor(INPUT_COLOR);
    for (const a1 of plan.computedBlocks) {
      sheet.getRange(a1).protect().setWarningOnly(true).setDescription(translate(language, 'template.protected'));
    }
    for (const rule of plan.validations) {
      const validation = SpreadsheetApp.newDataValidation().requireFormulaSatisfied(rule.formula).setAllowInvalid(false).setHelpText(rule.helpText).build();
      sheet.getRange(rule.a1).setDataValidation(validation);
    }
    for (const [name, a1] of Object.entries(plan.namedRanges)) spreadsheet.setNamedRange(uniqueRangeName(spreadsheet, name), sheet.getRange(a1));
    sheet.getRange(HEADER_ROW, NOTES_COLUMN, plan.notes.length, 1).setValues(plan.notes.map((line) => [line]));
    sheet.getRange(HEADER_ROW, NOTES_COLUMN).setFontWeight('bold');
    sheet.setFrozenRows(HEADER_ROW);
    const months = LAST_MONTH_ROW - HEADER_ROW + 1;
    const chart = sheet
      .newChart()
      .setChartType(Charts.ChartType.LINE)
      .addRange(sheet.getRange(HEADER_ROW, 1, months, 1))
      .addRange(sheet.getRange(HEADER_ROW, plan.chartColumns[0], months, plan.chartColumns.length))
      .setNumHeaders(1)
      .setPosition(FIRST_MONTH_ROW + plan.notes.length + 1, NOTES_COLUMN, 0, 0)
      .setOption('title', translate(language, 'sheet.chartTitle'))
      .setOption('vAxis.format', 'percent')
      .build();
    sheet.insertChart(chart);
  } catch (error) {
    spreadsheet.deleteSheet(sheet);
    throw error;
  }
  return { sheetName };
}

/** Menu: Insert churn template. Asks whether to fill in the example. */
export function insertTemplateFromMenu(language: Language = userLanguage()): void {
  const ui = SpreadsheetApp.getUi();
  const answer = ui.alert(translate(language, 'menu.template'), translate(language, 'template.askExample'), ui.ButtonSet.YES_NO_CANCEL);
  if (answer === ui.Button.CANCEL || answer === ui.Button.CLOSE) return;
  insertTemplate(answer === ui.Button.YES, language);
}
