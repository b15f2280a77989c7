import vm from 'node:vm';
import { FunctionArgumentType, FunctionPlugin, HyperFormula, type ImplementedFunctions } from 'hyperformula';
import { loadBundle } from '../helpers/bundle';
import { withCpuMs } from '../helpers/cpuTime';
import { isoInZone, serialOf, sheetsDate } from '../helpers/dates';
import { createFakeApps, type FakeApps } from '../../local/appsScript/appsScript';

// Jest runs in Pacific/Honolulu (jest.config.cjs); the spreadsheets below use other zones, so a
// fake that used the process zone for cells would fail these tests.
const AUCKLAND = 'Pacific/Auckland';

/** The fake's globals, typed loosely: the tests drive them the way the add-on does. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;
function services(apps: FakeApps) {
  return apps.globals as Record<'SpreadsheetApp' | 'Session' | 'HtmlService' | 'LockService' | 'PropertiesService' | 'Charts' | 'Utilities' | 'Logger', Any>;
}

describe('dates', () => {
  test('a Date round-trips through a spreadsheet in another zone than the process', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe('Pacific/Honolulu');
    const apps = createFakeApps({ timeZone: AUCKLAND, sheets: { Data: [] } });
    const sheet = services(apps).SpreadsheetApp.getActive().getSheetByName('Data');
    const midnight = sheetsDate('2024-04-07', AUCKLAND); // the day New Zealand leaves daylight saving
    const afternoon = new Date('2024-01-15T00:00:00Z'); // 13:00 on 15 January in Auckland (UTC+13)
    sheet.getRange(1, 1, 2, 1).setValues([[midnight], [afternoon]]);

    const [[first], [second]] = sheet.getRange('A1:A2').getValues();
    expect(first).toBeInstanceOf(Date);
    expect(first.getTime()).toBe(midnight.getTime());
    expect(isoInZone(first, AUCKLAND)).toBe('2024-04-07');
    expect(second.getTime()).toBe(afternoon.getTime());

    // Stored as the wall clock in Auckland, which formulas see.
    expect(apps.hf.getCellValue({ sheet: apps.hf.getSheetId('Data')!, row: 0, col: 0 })).toBe(serialOf('2024-04-07'));
    expect(apps.hf.getCellValue({ sheet: apps.hf.getSheetId('Data')!, row: 1, col: 0 })).toBeCloseTo(serialOf('2024-01-15') + 13 / 24, 10);
    expect(apps.numberFormats('Data')).toEqual([['yyyy-mm-dd'], ['yyyy-mm-dd hh:mm:ss']]);
  });

  test('a day whose midnight does not exist stores its first instant, 01:00, as Sheets does', () => {
    // America/Asuncion jumped from 00:00 to 01:00 on 2023-10-01.
    const zone = 'America/Asuncion';
    const apps = createFakeApps({ timeZone: zone, sheets: { Data: [] } });
    const sheet = services(apps).SpreadsheetApp.getActive().getSheetByName('Data');
    const firstInstant = sheetsDate('2023-10-01', zone);
    expect(firstInstant.toISOString()).toBe('2023-10-01T04:00:00.000Z');
    sheet.getRange('A1').setValue(firstInstant);
    const stored = apps.hf.getCellValue({ sheet: apps.hf.getSheetId('Data')!, row: 0, col: 0 }) as number;
    expect(stored).toBeCloseTo(serialOf('2023-10-01') + 1 / 24, 10);
    expect(apps.numberFormats('Data')).toEqual([['yyyy-mm-dd hh:mm:ss']]);
    // The whole day as a serial with a date format is midnight, which COUNTIFS "<" compares right.
    sheet.getRange('B1').setNumberFormat('mmm yyyy');
    sheet.getRange('B1').setValue(serialOf('2023-10-01'));
    expect(apps.hf.getCellValue({ sheet: apps.hf.getSheetId('Data')!, row: 0, col: 1 })).toBe(serialOf('2023-10-01'));
    expect(isoInZone(sheet.getRange('B1').getValue(), zone)).toBe('2023-10-01');
  });

  test('a number in a date-formatted cell reads as a Date, a percent format stays a number', () => {
    const apps = createFakeApps({ timeZone: AUCKLAND });
    const sheet = services(apps).SpreadsheetApp.getActiveSheet();
    sheet.getRange('A1:C1').setValues([[serialOf('2024-02-29'), 0.125, 7]]);
    sheet.getRange('A1').setNumberFormat('dd.mm.yyyy');
    sheet.getRange('B1').setNumberFormat('0.0%');
    const [[date, percent, plain]] = sheet.getRange('A1:C1').getValues();
    expect(isoInZone(date, AUCKLAND)).toBe('2024-02-29');
    expect(percent).toBe(0.125);
    expect(plain).toBe(7);
    expect(sheet.getRange('A1:C1').getNumberFormats()).toEqual([['dd.mm.yyyy', '0.0%', '0.###############']]);
    expect(sheet.getRange('A1:B1').getDisplayValues()).toEqual([['29.02.2024', '12.5%']]);
  });

  test('formula cells with a date format, or computing a date, come back as Dates', () => {
    const apps = createFakeApps({ timeZone: AUCKLAND });
    const sheet = services(apps).SpreadsheetApp.getActiveSheet();
    sheet.getRange('A1').setValue(sheetsDate('2024-01-31', AUCKLAND));
    sheet.getRange('B1:E1').setFormulas([['=EOMONTH(A1,1)', '=A1+1', '=DAY(A1)', '=A1']]);
    sheet.getRange('B1').setNumberFormat('mmmm yyyy');
    sheet.getRange('E1').setNumberFormat('0');
    const [[, monthEnd, nextDay, day, asNumber]] = sheet.getRange('A1:E1').getValues();
    expect(monthEnd).toBeInstanceOf(Date);
    expect(isoInZone(monthEnd, AUCKLAND)).toBe('2024-02-29');
    // No format set: Sheets formats =A1+1 as a date on its own, and so does the fake.
    expect(isoInZone(nextDay, AUCKLAND)).toBe('2024-02-01');
    expect(day).toBe(31);
    expect(asNumber).toBe(serialOf('2024-01-31'));
  });

  test('Utilities.formatDate uses the zone it is given', () => {
    const apps = createFakeApps();
    const instant = new Date('2024-03-30T22:30:05Z');
    const { Utilities, Session } = services(apps);
    expect(Utilities.formatDate(instant, AUCKLAND, 'yyyy-MM-dd HH:mm:ss')).toBe('2024-03-31 11:30:05');
    expect(Utilities.formatDate(instant, 'Europe/Riga', "dd MMM yyyy 'at' H:mm Z")).toBe('31 Mar 2024 at 0:30 +0200');
    expect(Utilities.formatDate(instant, 'UTC', 'EEE, MMMM d')).toBe('Sat, March 30');
    expect(Session.getScriptTimeZone()).toBe('America/New_York');
  });
});

describe('Utilities.formatDate patterns, as java.text.SimpleDateFormat writes them', () => {
  const { Utilities } = services(createFakeApps());
  const format = (iso: string, zone: string, pattern: string) => Utilities.formatDate(new Date(iso), zone, pattern) as string;
  // 2024-03-06 03:04:09.007 in Tokyo, a Wednesday, day 66 of a leap year.
  const TOKYO_INSTANT = '2024-03-05T18:04:09.007Z';

  test.each([
    ['yyyy-MM-dd HH:mm:ss.SSS', '2024-03-06 03:04:09.007'],
    ['yy M d H m s', '24 3 6 3 4 9'],
    ['yyyyy', '02024'],
    ["yyyy-MM-dd'T'HH:mm:ssXXX", '2024-03-06T03:04:09+09:00'],
    ['Z', '+0900'],
    ['X', '+09'],
    ['XX', '+0900'],
    ['XXX', '+09:00'],
    ['D', '66'],
    ['DDD', '066'],
    ['u', '3'],
    ['E', 'Wed'],
    ['EEE', 'Wed'],
    ['EEEE', 'Wednesday'],
    ['MMM', 'Mar'],
    ['MMMM', 'March'],
    ['S', '7'],
    ['SSSS', '0007'],
    ['G', 'AD'],
    ['F W w', '1 2 10'],
    ['h a, k K', '3 AM, 3 3'],
    ["h 'o''clock'", "3 o'clock"],
    ["''yy''", "'24'"],
    ['yyyy/MM/dd, HH.mm', '2024/03/06, 03.04'],
  ])('%s in Tokyo is %s', (pattern, expected) => {
    expect(format(TOKYO_INSTANT, 'Asia/Tokyo', pattern)).toBe(expected);
  });

  test('offsets west of UTC, with quarter hours, and UTC itself', () => {
    expect(format('2024-01-15T12:00:00Z', 'America/New_York', 'HH:mm Z XXX X')).toBe('07:00 -0500 -05:00 -05');
    expect(format('2024-07-15T12:00:00Z', 'America/New_York', 'HH:mm Z XXX')).toBe('08:00 -0400 -04:00');
    expect(format('2024-01-15T12:00:00Z', 'Asia/Kathmandu', 'HH:mm Z XXX X')).toBe('17:45 +0545 +05:45 +05');
    expect(format('2024-01-15T12:00:00Z', 'UTC', 'Z XXX X')).toBe('+0000 Z Z');
  });

  test('the last days of December can belong to week 1 of the next week year (Y, w)', () => {
    expect(format('2024-12-29T12:00:00Z', 'UTC', 'yyyy YYYY w u')).toBe('2024 2025 1 7');
    expect(format('2024-12-28T12:00:00Z', 'UTC', 'yyyy YYYY w D')).toBe('2024 2024 52 363');
  });

  test('letters Java does not know, an unclosed quote and XXXX throw as Java does', () => {
    expect(() => format(TOKYO_INSTANT, 'UTC', 'yyyy-bb')).toThrow("Illegal pattern character 'b'");
    expect(() => format(TOKYO_INSTANT, 'UTC', "yyyy 'T")).toThrow('Unterminated quote');
    expect(() => format(TOKYO_INSTANT, 'UTC', 'XXXX')).toThrow('invalid ISO 8601 format: length=4');
  });
});

describe('formulas', () => {
  const customers = [
    ['Id', 'Start', 'End'],
    ['c1', sheetsDate('2024-01-05', AUCKLAND), ''],
    ['c2', sheetsDate('2024-01-20', AUCKLAND), sheetsDate('2024-02-10', AUCKLAND)],
    ['c3', sheetsDate('2024-02-01', AUCKLAND), ''],
  ];

  test('COUNTIFS over another sheet evaluates, with bounded, whole-column and open-ended ranges', () => {
    const apps = createFakeApps({ timeZone: AUCKLAND, sheets: { Customers: customers, Churn: [] } });
    const churn = services(apps).SpreadsheetApp.getActive().getSheetByName('Churn');
    churn.getRange('A1:D1').setFormulas([
      [
        '=COUNTIFS(Customers!B2:B1000, ">="&DATE(2024,1,1), Customers!B2:B1000, "<"&DATE(2024,2,1))',
        "=COUNTIFS('Customers'!B:B, \">=\"&DATE(2024,2,1))",
        '=COUNTIFS(Customers!C2:C, "<>")',
        '=SUMPRODUCT((Customers!B2:B4<DATE(2024,2,1))*1)',
      ],
    ]);
    expect(churn.getRange('A1:D1').getValues()).toEqual([[2, 1, 1, 2]]);
    expect(churn.getRange('C1').getFormula()).toBe('=COUNTIFS(Customers!C2:C, "<>")');

    // More customers, also past the 1000 rows the sheet had (inserted first): the open-ended range follows.
    const more = services(apps).SpreadsheetApp.getActive().getSheetByName('Customers');
    more.insertRowsAfter(1000, 500);
    more.getRange(1500, 1, 1, 3).setValues([['c4', sheetsDate('2024-01-09', AUCKLAND), sheetsDate('2024-03-01', AUCKLAND)]]);
    expect(more.getMaxRows()).toBe(1500);
    expect(churn.getRange('A1:D1').getValues()).toEqual([[2, 1, 2, 2]]);
  });

  test("'=...' written as a value becomes a formula; an apostrophe keeps it text", () => {
    const apps = createFakeApps();
    const sheet = services(apps).SpreadsheetApp.getActiveSheet();
    sheet.getRange('A1:C1').setValues([['=1+1', "'=IMPORTXML(\"http://x\", \"//a\")", "'0042"]]);
    expect(apps.formulas('Sheet1')).toEqual([['=1+1', '', '']]);
    expect(apps.values('Sheet1')).toEqual([[2, '=IMPORTXML("http://x", "//a")', '0042']]);
    // An injected formula that Sheets would run is visible to tests, and Sheets' own functions fail loudly.
    sheet.getRange('D1').setValue('=IMPORTXML("http://x", "//a")');
    expect(sheet.getRange('D1').getFormula()).toBe('=IMPORTXML("http://x", "//a")');
    expect(sheet.getRange('D1').getValue()).toBe('#NAME?');
  });

  test('typed text becomes numbers, booleans and dates as in Sheets, unless the cell is plain text or the text has an apostrophe', () => {
    const apps = createFakeApps({ timeZone: AUCKLAND, locale: 'en_US' });
    const sheet = services(apps).SpreadsheetApp.getActiveSheet();
    const typed = ['007', '1e3', '-2.5E-1', '1,234.5', '3%', '12.5 %', 'TRUE', 'false', '2024-01-31', '1/31/2024', '2024-01-31 10:30', '10:30', '.5'];
    sheet.getRange(1, 1, 1, typed.length).setValues([typed]);
    const row = sheet.getRange(1, 1, 1, typed.length).getValues()[0];
    expect(row.slice(0, 8)).toEqual([7, 1000, -0.25, 1234.5, 0.03, 0.125, true, false]);
    expect(isoInZone(row[8], AUCKLAND)).toBe('2024-01-31');
    expect(isoInZone(row[9], AUCKLAND)).toBe('2024-01-31');
    expect(serialOf('2024-01-31') + 10.5 / 24).toBeCloseTo(apps.hf.getCellValue({ sheet: 0, row: 0, col: 10 }) as number, 10);
    expect(apps.hf.getCellValue({ sheet: 0, row: 0, col: 11 })).toBeCloseTo(10.5 / 24, 10);
    expect(row[12]).toBe(0.5);
    expect(apps.numberFormats('Sheet1')[0].slice(0, 9)).toEqual(['', '0.00E+00', '0.00E+00', '#,##0.00', '0%', '0.00%', '', '', 'yyyy-mm-dd']);

    // Text that is no number, date or boolean stays text; so does '1,5' where the decimal is a point.
    sheet.getRange('A2:F2').setValues([['Pro', '1,5', '12abc', 'C-007', '31/01/2024', ' 42 ']]);
    expect(sheet.getRange('A2:F2').getValues()).toEqual([['Pro', '1,5', '12abc', 'C-007', '31/01/2024', 42]]);

    // A plain-text cell keeps the string exactly as written, and an apostrophe keeps the rest as text.
    sheet.getRange('A3:C3').setNumberFormat('@');
    sheet.getRange('A3:C3').setValues([['007', '=1+1', "'x"]]);
    sheet.getRange('D3:E3').setValues([["'007", "'TRUE"]]);
    expect(sheet.getRange('A3:E3').getValues()).toEqual([['007', '=1+1', "'x", '007', 'TRUE']]);
    expect(sheet.getRange('A3:E3').getFormulas()).toEqual([['', '', '', '', '']]);
    // setValue and appendRow read typed text the same way; cells set up by a test keep their text.
    sheet.getRange('A4').setValue('0042');
    sheet.appendRow(['1e3', 'TRUE']);
    expect(sheet.getRange('A4:B5').getValues()).toEqual([[42, ''], [1000, true]]);
    const setUp = createFakeApps({ sheets: { Data: [['007', 'TRUE', '2024-01-31']] } });
    expect(setUp.values('Data')).toEqual([['007', 'TRUE', '2024-01-31']]);
  });

  test('typed numbers and dates follow the spreadsheet locale', () => {
    const apps = createFakeApps({ timeZone: AUCKLAND, locale: 'lv_LV' });
    const sheet = services(apps).SpreadsheetApp.getActiveSheet();
    sheet.getRange('A1:E1').setValues([['1,5', '1.234,5', '3,5%', '31.01.2024', '31/01/2024']]);
    const [[comma, grouped, percent, dotted, slashed]] = sheet.getRange('A1:E1').getValues();
    expect([comma, grouped, percent]).toEqual([1.5, 1234.5, 0.035]);
    expect(isoInZone(dotted, AUCKLAND)).toBe('2024-01-31');
    expect(isoInZone(slashed, AUCKLAND)).toBe('2024-01-31');
    // Day first outside en_US: 02/01 is the 2nd of January... of the current year.
    sheet.getRange('A2').setValue('02/01/2024');
    expect(isoInZone(sheet.getRange('A2').getValue(), AUCKLAND)).toBe('2024-01-02');
    const us = createFakeApps({ timeZone: AUCKLAND, locale: 'en_US' });
    const usSheet = services(us).SpreadsheetApp.getActiveSheet();
    usSheet.getRange('A1').setValue('02/01/2024');
    expect(isoInZone(usSheet.getRange('A1').getValue(), AUCKLAND)).toBe('2024-02-01');
  });

  test('setFormulas leaves cells empty for "", formula errors read as Sheets shows them', () => {
    const apps = createFakeApps();
    const sheet = services(apps).SpreadsheetApp.getActiveSheet();
    // E1 and F1 refer to each other: Sheets shows a circular dependency as #REF!.
    sheet.getRange('A1:F1').setFormulas([['=1/0', '', '=NOSUCHFUNCTION()', '=C1+', '=F1', '=E1']]);
    expect(sheet.getRange('A1:F1').getValues()).toEqual([['#DIV/0!', '', '#NAME?', '#ERROR!', '#REF!', '#REF!']]);
    expect(sheet.getRange('A1:F1').getFormulas()).toEqual([['=1/0', '', '=NOSUCHFUNCTION()', '=C1+', '=F1', '=E1']]);
    sheet.getRange('A2').setFormula('=MATCH(99, {1,2}, 0)');
    expect(sheet.getRange('A2').getValue()).toBe('#N/A');
  });

  test('setFormula on a block fills it: relative references move, absolute ones stay', () => {
    const apps = createFakeApps();
    const sheet = services(apps).SpreadsheetApp.getActiveSheet();
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.getRange('B1:B3').setFormula('=A1*$A$1*10');
    expect(apps.formulas('Sheet1').map((row) => row[1])).toEqual(['=A1*$A$1*10', '=A2*$A$1*10', '=A3*$A$1*10']);
    expect(sheet.getRange('B1:B3').getValues()).toEqual([[10], [20], [30]]);
  });

  test('TRUE/FALSE, named ranges and array results behave as in Sheets', () => {
    const apps = createFakeApps();
    const { SpreadsheetApp } = services(apps);
    const sheet = SpreadsheetApp.getActiveSheet();
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    SpreadsheetApp.getActive().setNamedRange('Amounts', sheet.getRange('A1:A3'));
    sheet.getRange('B1').setFormula('=IF(TRUE, SUM(Amounts), 0)');
    sheet.getRange('C1').setFormula('=ARRAYFORMULA(A1:A3*2)');
    expect(sheet.getRange('B1').getValue()).toBe(6);
    expect(sheet.getRange('C1:C3').getValues()).toEqual([[2], [4], [6]]);
    expect(sheet.getRange('C1:C3').getFormulas()).toEqual([['=ARRAYFORMULA(A1:A3*2)'], [''], ['']]);
    expect(SpreadsheetApp.getActive().getRangeByName('Amounts').getA1Notation()).toBe('A1:A3');
    expect(SpreadsheetApp.getActive().getRangeByName('Nope')).toBeNull();
    expect(apps.namedRanges()).toEqual({ Amounts: 'Sheet1!A1:A3' });
  });

  test('formulas can reference a sheet inserted later', () => {
    const apps = createFakeApps();
    const { SpreadsheetApp } = services(apps);
    const sheet = SpreadsheetApp.getActiveSheet();
    sheet.getRange('A1').setFormula("='Later on'!A1*2");
    expect(sheet.getRange('A1').getValue()).toBe('#REF!');
    SpreadsheetApp.getActive().insertSheet('Later on').getRange('A1').setValue(21);
    expect(sheet.getRange('A1').getValue()).toBe(42);
  });

  test('function plugins passed in options are available in formulas', () => {
    class TwicePlugin extends FunctionPlugin {
      static implementedFunctions: ImplementedFunctions = {
        FAKE_TWICE: { method: 'twice', parameters: [{ argumentType: FunctionArgumentType.NUMBER }] },
      };
      twice(ast: Any, state: Any) {
        return this.runFunction(ast.args, state, this.metadata('FAKE_TWICE'), (n: number) => 2 * n);
      }
    }
    const translations = { enGB: { FAKE_TWICE: 'FAKE_TWICE' } };
    const apps = createFakeApps({ functionPlugins: [{ plugin: TwicePlugin, translations }] });
    const again = createFakeApps({ functionPlugins: [{ plugin: TwicePlugin, translations }] }); // registered once, not twice
    services(apps).SpreadsheetApp.getActiveSheet().getRange('A1').setFormula('=FAKE_TWICE(21)');
    services(again).SpreadsheetApp.getActiveSheet().getRange('A1').setFormula('=FAKE_TWICE(2)');
    expect(apps.values('Sheet1')).toEqual([[42]]);
    expect(again.values('Sheet1')).toEqual([[4]]);
    HyperFormula.unregisterFunctionPlugin(TwicePlugin); // registration is global
  });
});

describe('ranges and sheets', () => {
  test('size mismatches throw as in Sheets', () => {
    const apps = createFakeApps();
    const range = services(apps).SpreadsheetApp.getActiveSheet().getRange(1, 1, 2, 3);
    expect(() => range.setValues([[1, 2, 3]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => range.setValues([[1, 2, 3], [4, 5]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.',
    );
    expect(() => range.setFormulas([['=1']])).toThrow('The data has 1 but the range has 2.');
    expect(() => range.setNumberFormats([['0']])).toThrow('The data has 1 but the range has 2.');
    expect(apps.values('Sheet1')).toEqual([]);
  });

  test('bad coordinates and unsupported values throw', () => {
    const apps = createFakeApps();
    const sheet = services(apps).SpreadsheetApp.getActiveSheet();
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(undefined, 1)).toThrow("don't match the method signature");
    expect(() => sheet.getRange('A1:B2:C3')).toThrow('Range not found');
    expect(() => sheet.getRange('A1').setValue({ a: 1 })).toThrow(/cannot store/);
    expect(() => sheet.getRange('A1').setValue(new Date(NaN))).toThrow(/Invalid Date/);
  });

  test('used area, grid size and A1 notation', () => {
    const apps = createFakeApps({ sheets: { Data: [] } });
    const sheet = services(apps).SpreadsheetApp.getActiveSheet();
    expect([sheet.getLastRow(), sheet.getLastColumn(), sheet.getDataRange().getA1Notation()]).toEqual([0, 0, 'A1']);
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1000, 26]);
    sheet.getRange('C2:D3').setValues([
      ['x', ''],
      ['', 5],
    ]);
    sheet.getRange('B7').setFormula('=""'); // a formula counts even when it shows nothing
    expect([sheet.getLastRow(), sheet.getLastColumn(), sheet.getDataRange().getA1Notation()]).toEqual([7, 4, 'A1:D7']);
    // Beyond the grid a range does not exist until rows or columns are inserted.
    expect(() => sheet.getRange(1, 30)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange('A1001')).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange(999, 1, 3, 1)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    expect(() => sheet.getRange('B2').offset(0, 25)).toThrow('The coordinates of the range are outside the dimensions of the sheet.');
    sheet.insertColumnsAfter(26, 4);
    sheet.getRange(1, 30).setValue(true);
    expect([sheet.getLastColumn(), sheet.getMaxColumns(), sheet.getMaxRows()]).toEqual([30, 30, 1000]);
    sheet.insertRowsAfter(1000, 1);
    expect(sheet.getRange('A1001').getValue()).toBe('');

    const block = sheet.getRange('B2:D4');
    expect([block.getRow(), block.getColumn(), block.getNumRows(), block.getNumColumns(), block.getLastRow(), block.getLastColumn()]).toEqual([2, 2, 3, 3, 4, 4]);
    expect(block.offset(1, -1).getA1Notation()).toBe('A3:C5');
    expect(block.offset(0, 0, 1, 1).getA1Notation()).toBe('B2');
    expect(sheet.getRange('B:C').getA1Notation()).toBe('B1:C1001');
    expect(sheet.getRange('C2:C').getValues()[0]).toEqual(['x']);
    expect(block.getSheet().getName()).toBe('Data');
    sheet.getRange('C2:D3').clearContent();
    expect(apps.values('Data')[1]).toEqual(new Array(30).fill(''));
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([7, 30]);
  });

  test('insertSheet, duplicates, order, active sheet and deleteSheet', () => {
    const apps = createFakeApps({ sheets: { First: [], Second: [] } });
    const ss = services(apps).SpreadsheetApp.getActive();
    expect(ss.getActiveSheet().getName()).toBe('First');
    const inserted = ss.insertSheet('Churn');
    // After the active sheet, and it becomes active.
    expect(apps.sheetNames()).toEqual(['First', 'Churn', 'Second']);
    expect(ss.getActiveSheet().getName()).toBe('Churn');
    expect(inserted.getIndex()).toBe(2);
    expect(() => ss.insertSheet('Churn')).toThrow('A sheet with the name "Churn" already exists. Please enter another name.');
    expect(() => ss.insertSheet('churn')).toThrow('A sheet with the name "churn" already exists.');
    ss.insertSheet('Last', 3);
    expect(apps.sheetNames()).toEqual(['First', 'Churn', 'Second', 'Last']);
    ss.deleteSheet(ss.getSheetByName('Second'));
    expect(apps.sheetNames()).toEqual(['First', 'Churn', 'Last']);
    expect(ss.getSheetByName('Second')).toBeNull();
    ss.setActiveSheet(ss.getSheetByName('First'));
    expect(ss.getActiveRange().getA1Notation()).toBe('A1');
    expect(ss.getActiveSheet().getSheetId()).toBe(0);
  });

  test('formatting, notes, frozen rows, validations, protections and charts are recorded', () => {
    const apps = createFakeApps({ sheets: { Churn: [['Month', 'Rate']] } });
    const { SpreadsheetApp, Charts } = services(apps);
    const sheet = SpreadsheetApp.getActive().getSheetByName('Churn');
    sheet.getRange('A1:B1').setFontWeight('bold').setBackground('#eeeeee').setNote('Header');
    sheet.setFrozenRows(1);
    sheet.getRange('B2:B13').setNumberFormat('0.0%');
    const rule = SpreadsheetApp.newDataValidation().requireNumberBetween(0, 1).setAllowInvalid(false).setHelpText('A share').build();
    sheet.getRange('B2:B13').setDataValidation(rule);
    sheet.protect().setWarningOnly(true).setDescription('Generated');
    const chart = sheet
      .newChart()
      .addRange(sheet.getRange('A1:B13'))
      .setChartType(Charts.ChartType.LINE)
      .setPosition(2, 4, 0, 0)
      .setOption('title', 'Churn')
      .setNumHeaders(1)
      .build();
    sheet.insertChart(chart);

    expect(apps.cell('Churn', 'B1')).toMatchObject({ value: 'Rate', fontWeight: 'bold', background: '#eeeeee', note: 'Header' });
    expect(sheet.getRange('A1:B1').getFontWeights()).toEqual([['bold', 'bold']]);
    expect(apps.frozenRows('Churn')).toBe(1);
    expect(apps.dataValidations('Churn')).toEqual([
      { a1: 'B2:B13', criteria: 'NUMBER_BETWEEN', args: [0, 1], allowInvalid: false, helpText: 'A share' },
    ]);
    expect(sheet.getRange('B5').getDataValidation().getCriteriaType()).toBe('NUMBER_BETWEEN');
    expect(apps.sheetInfo('Churn').protections).toEqual([{ type: 'SHEET', a1: null, description: 'Generated', warningOnly: true, unprotected: [] }]);
    expect(sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)).toHaveLength(1);
    expect(apps.charts('Churn')).toEqual([
      expect.objectContaining({
        chartType: 'LINE',
        ranges: ['Churn!A1:B13'],
        position: { row: 2, column: 4, offsetX: 0, offsetY: 0 },
        options: { title: 'Churn' },
        numHeaders: 1,
      }),
    ]);
    expect(sheet.getCharts()).toHaveLength(1);
  });

  test('colour scales: a gradient rule is built, set on the sheet, read back, and wrong arguments throw', () => {
    const apps = createFakeApps({ sheets: { Cohorts: [['Start', 'Size', 'Month 0']], Other: [] } });
    const { SpreadsheetApp } = services(apps);
    const sheet = SpreadsheetApp.getActive().getSheetByName('Cohorts');
    const { NUMBER } = SpreadsheetApp.InterpolationType;
    apps.resetCalls();
    const rule = SpreadsheetApp.newConditionalFormatRule()
      .setGradientMinpointWithValue('#ffffff', NUMBER, '0')
      .setGradientMaxpointWithValue('#57bb8a', NUMBER, '1')
      .setRanges([sheet.getRange('C2:E4')])
      .build();
    sheet.setConditionalFormatRules([rule]);
    // The builder is local: only getting the builder, the range and setting the rules are calls.
    expect(apps.calls.byMethod).toEqual({ 'SpreadsheetApp.newConditionalFormatRule': 1, 'Sheet.getRange': 1, 'Sheet.setConditionalFormatRules': 1 });
    expect(apps.conditionalFormats('Cohorts')).toEqual([
      { ranges: ['C2:E4'], gradient: { min: { color: '#ffffff', type: 'NUMBER', value: '0' }, mid: null, max: { color: '#57bb8a', type: 'NUMBER', value: '1' } } },
    ]);
    const [back] = sheet.getConditionalFormatRules();
    expect(back.getRanges().map((range: Any) => range.getA1Notation())).toEqual(['C2:E4']);
    expect([back.getGradientCondition().getMinValue(), back.getGradientCondition().getMaxType(), back.getBooleanCondition()]).toEqual(['0', 'NUMBER', null]);
    // Setting the rules replaces the sheet's list.
    sheet.setConditionalFormatRules([]);
    expect(apps.conditionalFormats('Cohorts')).toEqual([]);
    expect(apps.conditionalFormats('Other')).toEqual([]);

    const builder = () => SpreadsheetApp.newConditionalFormatRule();
    expect(() => builder().setGradientMinpointWithValue('#ffffff', NUMBER, 0)).toThrow(
      "The parameters (String,String,number) don't match the method signature for SpreadsheetApp.ConditionalFormatRuleBuilder.setGradientMinpointWithValue.",
    );
    expect(() => builder().setGradientMaxpointWithValue('#ffffff', 'LINEAR', '1')).toThrow(/don't match the method signature/);
    expect(() => builder().setGradientMaxpointWithValue('#ffffff', NUMBER)).toThrow(/don't match the method signature/);
    expect(() => builder().setRanges(sheet.getRange('C2:E4'))).toThrow(/don't match the method signature for SpreadsheetApp.ConditionalFormatRuleBuilder.setRanges/);
    expect(() => builder().setRanges(['C2:E4'])).toThrow(/don't match the method signature/);
    expect(() => builder().build()).toThrow(/needs a condition/);
    expect(() => builder().setGradientMinpoint('#ffffff').build()).toThrow(/needs a minimum and a maximum point/);
    const elsewhere = builder().setGradientMinpoint('#ffffff').setGradientMaxpoint('#57bb8a').setRanges([SpreadsheetApp.getActive().getSheetByName('Other').getRange('A1')]).build();
    expect(() => sheet.setConditionalFormatRules([elsewhere])).toThrow('A conditional format rule cannot reference a different sheet.');
    expect(() => sheet.setConditionalFormatRules(rule)).toThrow(/don't match the method signature for SpreadsheetApp.Sheet.setConditionalFormatRules/);
    expect(() => builder().whenNumberBetween(0, 1)).toThrow('ConditionalFormatRuleBuilder.whenNumberBetween() is not implemented by the Apps Script fake');
  });

  test('a method the fake lacks fails with a clear message', () => {
    const apps = createFakeApps();
    const range = services(apps).SpreadsheetApp.getActiveSheet().getRange('A1');
    expect(() => range.getRichTextValues()).toThrow('Range.getRichTextValues() is not implemented by the Apps Script fake');
    // Internal fields are not part of the surface either.
    expect(() => range.bounds()).toThrow('Range.bounds() is not implemented');
    expect(() => services(apps).SpreadsheetApp.SomeEnum).toThrow('SpreadsheetApp.SomeEnum is not implemented');
  });
});

describe('service calls', () => {
  test('every Spreadsheet, Sheet and Range call counts; helpers do not', () => {
    const apps = createFakeApps();
    const { SpreadsheetApp } = services(apps);
    const sheet = SpreadsheetApp.getActive().getActiveSheet();
    sheet.getRange(1, 1, 3, 1).setValues([[1], [2], [3]]);
    sheet.getRange('A1:A3').getValues();
    apps.values('Sheet1');
    apps.formulas('Sheet1');
    expect(apps.calls.byMethod).toEqual({
      'SpreadsheetApp.getActive': 1,
      'Spreadsheet.getActiveSheet': 1,
      'Sheet.getRange': 2,
      'Range.setValues': 1,
      'Range.getValues': 1,
    });
    expect(apps.calls.total).toBe(6);
    apps.resetCalls();
    expect(apps.calls).toEqual({ total: 0, byMethod: {} });
    services(apps).Session.getScriptTimeZone(); // not a spreadsheet service
    expect(apps.calls.total).toBe(0);
  });

  test('one setValues and one getValues of 200,000 rows x 5 columns is quick and two calls', () => {
    const apps = createFakeApps({ timeZone: AUCKLAND, sheets: { Customers: [] } });
    const sheet = services(apps).SpreadsheetApp.getActive().getSheetByName('Customers');
    const rows = 200_000;
    const first = sheetsDate('2022-01-01', AUCKLAND).getTime();
    const data = Array.from({ length: rows }, (_, i) => [`c${i}`, new Date(first + (i % 1000) * 86_400_000), i % 3 ? '' : new Date(first + 400 * 86_400_000), i * 1.5, i % 2 === 0]);
    sheet.insertRowsAfter(1000, rows - 1000);
    const { result: back, ms: elapsed } = withCpuMs(() => {
      sheet.getRange(1, 1, rows, 5).setValues(data);
      return sheet.getRange(1, 1, rows, 5).getValues();
    });
    expect(elapsed).toBeLessThan(5000);
    expect(apps.calls.byMethod['Range.setValues']).toBe(1);
    expect(apps.calls.byMethod['Range.getValues']).toBe(1);
    expect(back).toHaveLength(rows);
    expect(back[123_456][0]).toBe('c123456');
    expect(back[123_456][1].getTime()).toBe((data[123_456][1] as Date).getTime());
    expect(back[123_457][2]).toBe('');
    expect(back[199_999][3]).toBe(199_999 * 1.5);
    expect(sheet.getLastRow()).toBe(rows);
  });
});

describe('other services', () => {
  test('locks: a lock held elsewhere makes tryLock fail and waitLock time out', () => {
    const apps = createFakeApps();
    const { LockService } = services(apps);
    const first = LockService.getDocumentLock();
    const second = LockService.getDocumentLock();
    expect(first.tryLock(1000)).toBe(true);
    expect(first.hasLock()).toBe(true);
    expect(second.tryLock(1000)).toBe(false);
    expect(() => second.waitLock(1000)).toThrow('Lock timeout');
    expect(LockService.getScriptLock().tryLock(0)).toBe(true); // another slot
    first.releaseLock();
    expect(second.tryLock(1000)).toBe(true);
    second.releaseLock();

    apps.locks.document.hold(); // another execution holds it
    expect(LockService.getDocumentLock().tryLock(5000)).toBe(false);
    apps.locks.document.release();
    expect(LockService.getDocumentLock().tryLock(5000)).toBe(true);
    expect(apps.locks.document.held).toBe(true);
  });

  test('menus, sidebars, dialogs and alerts are recorded', () => {
    const apps = createFakeApps();
    const { SpreadsheetApp, HtmlService } = services(apps);
    apps.htmlFiles.Sidebar = '<h1><?= title ?></h1><p><?!= body ?></p>';
    const ui = SpreadsheetApp.getUi();
    ui.createAddonMenu().addItem('Build churn sheet', 'showSidebar').addSeparator().addItem('Help', 'showHelp').addToUi();
    const template = HtmlService.createTemplateFromFile('Sidebar');
    template.title = 'Churn & co';
    template.body = '<b>hi</b>';
    ui.showSidebar(template.evaluate().setTitle('Churn'));
    ui.showModalDialog(HtmlService.createHtmlOutput('<p>x</p>').setWidth(300), 'Dialog');
    expect(() => HtmlService.createHtmlOutputFromFile('Missing')).toThrow('No HTML file named Missing was found.');
    expect(ui.alert('Title', 'Sure?', ui.ButtonSet.YES_NO)).toBe(ui.Button.YES);
    apps.ui.alertResponses.push('NO');
    expect(ui.alert('Sure?', ui.ButtonSet.YES_NO)).toBe('NO');
    expect(ui.alert('Done')).toBe('OK');

    expect(apps.ui.menus).toEqual([
      expect.objectContaining({ addon: true, items: [{ caption: 'Build churn sheet', functionName: 'showSidebar' }, { caption: 'Help', functionName: 'showHelp' }] }),
    ]);
    expect(apps.ui.sidebars).toEqual([{ title: 'Churn', html: '<h1>Churn &amp; co</h1><p><b>hi</b></p>' }]);
    expect(apps.ui.dialogs).toEqual([{ title: 'Dialog', html: '<p>x</p>', modal: true }]);
    expect(apps.ui.alerts).toEqual([['Title', 'Sure?', 'YES_NO'], ['Sure?', 'YES_NO'], ['Done']]);
  });

  test('properties are strings in maps the test can read and fill', () => {
    const apps = createFakeApps();
    const { PropertiesService } = services(apps);
    const props = PropertiesService.getDocumentProperties();
    props.setProperty('settings', JSON.stringify({ period: 'month' })).setProperty('count', 3);
    expect(apps.documentProperties.get('count')).toBe('3');
    expect(PropertiesService.getDocumentProperties().getProperty('settings')).toBe('{"period":"month"}');
    expect(PropertiesService.getUserProperties().getProperty('settings')).toBeNull();
    apps.userProperties.set('language', 'lv');
    expect(PropertiesService.getUserProperties().getProperties()).toEqual({ language: 'lv' });
    expect(() => props.setProperty('big', 'x'.repeat(10_000))).toThrow('Argument too large');
  });

  test('Logger and console record instead of printing', () => {
    const apps = createFakeApps();
    services(apps).Logger.log('%s rows in %s ms', 10, 5);
    (apps.globals.console as Console).warn('careful');
    expect(apps.logs).toEqual(['10 rows in 5 ms', '[warn] careful']);
  });
});

describe('in a vm context', () => {
  test('the built add-on builds its menu through the fake', () => {
    const apps = createFakeApps();
    const context = loadBundle(apps.globals);
    context.onOpen({});
    expect(apps.ui.menus).toHaveLength(1);
    expect(apps.ui.menus[0].addon).toBe(true);
    expect(apps.ui.menus[0].items.length).toBeGreaterThan(0);
  });

  test("a context with its own Date gets its own Dates and Errors once the realm is set", () => {
    const apps = createFakeApps({ timeZone: AUCKLAND });
    const context = vm.createContext({ ...apps.globals });
    apps.setRealm(vm.runInContext('({ Date, Array, Error })', context));
    const result = vm.runInContext(
      `(() => {
        const range = SpreadsheetApp.getActiveSheet().getRange('A1');
        range.setValue(new Date(Date.UTC(2024, 0, 31, 11)));     // midnight 1 February in Auckland
        const value = range.getValue();
        let error;
        try { range.setValues([[1, 2]]); } catch (e) { error = e; }
        return { isDate: value instanceof Date, time: value.getTime(), rows: Array.isArray(range.getValues()) && range.getValues() instanceof Array, isError: error instanceof Error };
      })()`,
      context,
    );
    expect(result).toEqual({ isDate: true, time: sheetsDate('2024-02-01', AUCKLAND).getTime(), rows: true, isError: true });
  });
});

describe('a lazy engine (lazyEngine)', () => {
  const table = [['id', 'mrr'], ['a', 10], ['b', 20], ['c', 30]];

  test('a sheet goes into the engine when a formula names it, not before', () => {
    const apps = createFakeApps({ lazyEngine: true, sheets: { Customers: table, 'Big table': table, Report: [] } });
    expect(apps.values('Customers')[3]).toEqual(['c', 30]);
    expect(apps.engineFor('Customers')).toBeNull();
    apps.setValues('Report', 'A1', [['=SUM(Customers!B2:B4)', "=COUNTA('big table'!A:A)"]]);
    expect(apps.values('Report')).toEqual([[60, 4]]);
    expect(apps.engineFor('Customers')).not.toBeNull();
    expect(apps.engineFor('Big table')).not.toBeNull();
    // A sheet no formula names stays out; a formula naming a sheet before it exists waits for it.
    apps.setValues('Report', 'C1', [["=SUM('Later'!A1:A2)"]]);
    apps.setValues('Unread', 'A1', [[1]]);
    expect(apps.values('Report')[0][2]).toBe('#REF!');
    expect(apps.engineFor('Unread')).toBeNull();
    apps.setValues('Later', 'A1', [[5], [6]]);
    expect(apps.values('Report')[0][2]).toBe(11);
    // Edits of a sheet in the engine reach it.
    apps.setValues('Customers', 'B2', [[100]]);
    expect(apps.values('Report')[0][0]).toBe(150);
  });

  test('held formulas read as their given results; formulas typed later see those results', () => {
    const apps = createFakeApps({ lazyEngine: true, sheets: { Customers: table, Report: [] } });
    apps.holdFormulas(() => {
      apps.setValues('Report', 'A1', [['=SUM(Customers!B2:B4)', '=COUNTA(Customers!A:A)']]);
      apps.setValues('Notes', 'A1', [['=1+1']]);
      expect(apps.values('Report')).toEqual([['', '']]);
      apps.setValues('Computed', 'A1', [[60, 4]]);
      apps.cacheFormulaResults('Report', 'Computed');
      apps.removeSheet('Computed');
    });
    // The given results, not evaluated: the customer table never went into the engine.
    expect(apps.values('Report')).toEqual([[60, 4]]);
    expect(apps.formulas('Report')[0][0]).toBe('=SUM(Customers!B2:B4)');
    expect(apps.engineFor('Customers')).toBeNull();
    // A held formula left without a result is evaluated.
    expect(apps.values('Notes')).toEqual([[2]]);
    apps.setValues('Mine', 'A1', [['=Report!A1*2', '=Report!B1+Customers!B2']]);
    expect(apps.values('Mine')).toEqual([[120, 14]]);
    // Writing over a held formula gives the cell back to the engine.
    apps.setValues('Report', 'A1', [['=Customers!B3']]);
    expect(apps.values('Mine')[0][0]).toBe(40);
    // Given results stay until the formulas are handed back after an edit of what they read.
    apps.setValues('Customers', 'A5', [['d', 40]]);
    expect(apps.values('Report')[0][1]).toBe(4);
    apps.releaseFormulaResults('Customers');
    expect(apps.values('Report')[0][1]).toBe(5);
  });
});
