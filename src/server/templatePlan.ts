/**
 * The churn template: a sheet for people who have monthly counts rather than a customer list,
 * laid out like the Norwegian article's worked example. Per month the user types churned, new
 * customers, new customers churned and won back (customers who had left before and came back,
 * 0 by default) and customers at start for the first month; the rest is native formulas, so the
 * sheet works without the add-on, in copies and in other programs.
 */
import { translate, type Language, type MessageKey } from '../i18n';

export const TEMPLATE_MONTHS = 12;
/** Sheet rows: title, profit input, blank, header, then the months. */
export const PROFIT_ROW = 2;
export const HEADER_ROW = 4;
export const FIRST_MONTH_ROW = 5;
export const LAST_MONTH_ROW = FIRST_MONTH_ROW + TEMPLATE_MONTHS - 1;
/** Columns (1-based): inputs B..F except B after the first month; computed G..L. */
export const INPUT_COLUMNS = { customersAtStart: 2, churned: 3, newCustomers: 4, newChurned: 5, wonBack: 6 } as const;
export const COMPUTED_FIRST_COLUMN = 7;
export const WIDTH = 12;

export type TemplateCell = string | number;

export interface TemplateValidation {
  /** A1 block the rule applies to. */
  a1: string;
  /** A custom formula, written for the block's top-left cell (relative references move with the cell). */
  formula: string;
  helpText: string;
}

export interface TemplatePlan {
  baseName: string;
  /** Rows 1..LAST_MONTH_ROW, columns A..L: values and formulas ('=' first) together. */
  cells: TemplateCell[][];
  numberFormats: string[][];
  /** A1 blocks of input cells (shaded) and of computed cells (warning-only protection). */
  inputBlocks: string[];
  computedBlocks: string[];
  validations: TemplateValidation[];
  namedRanges: Record<string, string>;
  notes: string[];
  /** Rows of the chart (header row and the months) and its columns. */
  chartColumns: number[];
}

/** Seed 004's numbers, for the "fill with the example" option (nobody is won back in it). */
export const EXAMPLE = {
  firstMonth: { year: 2024, month: 1 },
  profitPerCustomer: 30_000,
  customersAtStart: 500,
  months: [
    { churned: 15, newCustomers: 200, newChurned: 4, wonBack: 0 },
    { churned: 20, newCustomers: 300, newChurned: 5, wonBack: 0 },
  ],
} as const;

/**
 * `firstMonth` is the date serial of the first month's first day: a whole day, not a Date, which
 * Sheets would store as the day's first instant (01:00 where midnight is skipped).
 */
export function planTemplate(language: Language, firstMonth: number, withExample: boolean): TemplatePlan {
  const t = (key: MessageKey) => translate(language, key);
  const cells: TemplateCell[][] = [];
  const formats: string[][] = [];
  const blankRow = () => new Array<TemplateCell>(WIDTH).fill('');
  const generalRow = () => new Array<string>(WIDTH).fill('General');

  cells.push([t('template.title'), ...blankRow().slice(1)]);
  formats.push(generalRow());
  const profitRow = blankRow();
  profitRow[0] = t('sheet.profitPerCustomer');
  profitRow[1] = withExample ? EXAMPLE.profitPerCustomer : '';
  cells.push(profitRow);
  formats.push(['General', '#,##0', ...generalRow().slice(2)]);
  cells.push(blankRow());
  formats.push(generalRow());
  cells.push([
    t('template.month'),
    t('template.customersAtStart'),
    t('template.churned'),
    t('template.newCustomers'),
    t('template.newChurned'),
    t('template.wonBack'),
    t('template.totalChurned'),
    t('table.churnRate'),
    t('table.adjustedChurn'),
    t('table.customersAtEnd'),
    t('sheet.retentionRate'),
    t('sheet.lostProfit'),
  ]);
  formats.push(generalRow());

  for (let i = 0; i < TEMPLATE_MONTHS; i++) {
    const r = FIRST_MONTH_ROW + i;
    const example = withExample ? EXAMPLE.months[i] : undefined;
    cells.push([
      // The first month is typed in; each later one is a month after the row above.
      i === 0 ? firstMonth : `=EDATE(A${r - 1},1)`,
      i === 0 ? (withExample ? EXAMPLE.customersAtStart : '') : `=J${r - 1}`,
      example ? example.churned : '',
      example ? example.newCustomers : '',
      example ? example.newChurned : '',
      // Won back is 0 unless typed: most months nobody comes back, and a blank would read as 0 anyway.
      example ? example.wonBack : 0,
      `=C${r}+E${r}`,
      // A month whose churned count is not typed in yet shows no rates, not 0 % churn.
      `=IF(AND(B${r}>0,ISNUMBER(C${r})),C${r}/B${r},"")`,
      `=IF(AND(B${r}>0,ISNUMBER(C${r})),G${r}/B${r},"")`,
      // S + N + R - L - Ln: the won back join the customers at end, not the churn rates.
      `=B${r}+D${r}+F${r}-C${r}-E${r}`,
      `=IF(AND(B${r}>0,ISNUMBER(C${r})),1-H${r},"")`,
      `=IF(ISNUMBER(C${r}),G${r}*$B$${PROFIT_ROW},"")`,
    ]);
    formats.push(['mmm yyyy', '#,##0', '#,##0', '#,##0', '#,##0', '#,##0', '#,##0', '0.00%', '0.00%', '#,##0', '0.00%', '#,##0']);
  }

  const block = (from: string, to: string) => `${from}${FIRST_MONTH_ROW}:${to}${LAST_MONTH_ROW}`;
  const whole = (column: string) => `${column}${FIRST_MONTH_ROW}:${column}${LAST_MONTH_ROW}`;
  const f = FIRST_MONTH_ROW;
  return {
    baseName: t('template.name'),
    cells,
    numberFormats: formats,
    inputBlocks: [`B${PROFIT_ROW}`, `A${f}:B${f}`, block('C', 'F')],
    computedBlocks: [`A${f + 1}:B${LAST_MONTH_ROW}`, block('G', 'L')],
    validations: [
      { a1: `B${f}`, formula: `=AND(ISNUMBER(B${f}),B${f}>=0,B${f}=INT(B${f}))`, helpText: t('template.help.count') },
      { a1: whole('C'), formula: `=AND(ISNUMBER(C${f}),C${f}>=0,C${f}=INT(C${f}),C${f}<=B${f})`, helpText: t('template.help.churned') },
      { a1: whole('D'), formula: `=AND(ISNUMBER(D${f}),D${f}>=0,D${f}=INT(D${f}))`, helpText: t('template.help.count') },
      { a1: whole('E'), formula: `=AND(ISNUMBER(E${f}),E${f}>=0,E${f}=INT(E${f}),E${f}<=D${f})`, helpText: t('template.help.newChurned') },
      // No upper bound: the customers lost before the sheet's first month are not in it.
      { a1: whole('F'), formula: `=AND(ISNUMBER(F${f}),F${f}>=0,F${f}=INT(F${f}))`, helpText: t('template.help.wonBack') },
    ],
    namedRanges: {
      ProfitPerCustomer: `B${PROFIT_ROW}`,
      Months: whole('A'),
      CustomersAtStart: whole('B'),
      Churned: whole('C'),
      NewCustomers: whole('D'),
      NewCustomersChurned: whole('E'),
      WonBack: whole('F'),
      TotalChurned: whole('G'),
      ChurnRate: whole('H'),
      AdjustedChurn: whole('I'),
      CustomersAtEnd: whole('J'),
      RetentionRate: whole('K'),
      LostProfit: whole('L'),
    },
    notes: [
      t('template.notes'),
      t('template.note.start'),
      t('template.note.churnRate'),
      t('template.note.adjusted'),
      t('template.note.wonBack'),
      t('template.note.end'),
      t('template.note.retention'),
      t('template.note.lostProfit'),
      t('template.note.source'),
    ],
    chartColumns: [8, 9],
  };
}
