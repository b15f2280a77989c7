import { locateTable } from '../../src/core/tableLocation';
import { TimeZone } from '../../src/core/timezone';

const grid = [
  ['Customers 2024', '', '', '', '', ''],
  ['', '', '', '', '', ''],
  ['', 'Customer ID', 'Start', 'End', '', 'Notes'],
  ['', 'C1', '2024-01-05', '', '', 'paid late'],
  ['', 'C2', '2024-01-09', '2024-02-01', '', ''],
  ['', '', '', '', '', ''],
  ['', 'C3', '2024-03-01', '', '', ''],
  ['', '', '', '', '', ''],
];

describe('finding the customer table', () => {
  test('without a selection: a one-cell title is skipped and blank rows inside the table are kept', () => {
    expect(locateTable(grid)).toEqual({ headerIndex: 2, firstColumn: 1, rowCount: 4, headers: ['Customer ID', 'Start', 'End'] });
  });

  test('a selection inside the table, even on a blank end date\'s row, finds the same table', () => {
    expect(locateTable(grid, { row: 3, col: 2 })).toMatchObject({ headerIndex: 2, firstColumn: 1, headers: ['Customer ID', 'Start', 'End'] });
    expect(locateTable(grid, { row: 4, col: 3 })).toMatchObject({ headerIndex: 2, firstColumn: 1 });
  });

  test('a selection in another block finds that block; a blank selection falls back to the first table', () => {
    expect(locateTable(grid, { row: 3, col: 5 })).toMatchObject({ headerIndex: 2, firstColumn: 5, headers: ['Notes'] });
    expect(locateTable(grid, { row: 7, col: 0 })).toMatchObject({ headerIndex: 2, firstColumn: 1 });
  });

  test('a selection on a one-cell title finds the table below it', () => {
    expect(locateTable(grid, { row: 0, col: 0 })).toEqual({ headerIndex: 2, firstColumn: 1, rowCount: 4, headers: ['Customer ID', 'Start', 'End'] });
    // A lone header with nothing below is a title too; a one-column table with rows is still a table.
    expect(locateTable([['Title'], [''], ['Start', 'End'], ['2024-01-05', '']], { row: 0, col: 0 })).toMatchObject({ headerIndex: 2, headers: ['Start', 'End'] });
    expect(locateTable([['Start'], ['2024-01-05']], { row: 0, col: 0 })).toMatchObject({ headerIndex: 0, rowCount: 1, headers: ['Start'] });
    expect(locateTable([['Only a title']], { row: 0, col: 0 })).toMatchObject({ headerIndex: 0, rowCount: 0, headers: ['Only a title'] });
  });

  test("a date in the header is its day in the spreadsheet's zone", () => {
    // Midnight of 1 January 2024 in Tokyo is 15:00 UTC on 31 December.
    const header = [['Start', new Date('2023-12-31T15:00:00Z')], ['2024-01-05', '']];
    expect(locateTable(header, undefined, TimeZone.named('Asia/Tokyo')).headers).toEqual(['Start', '2024-01-01']);
    expect(locateTable(header).headers).toEqual(['Start', '2023-12-31']);
  });

  test('an empty sheet has no table', () => {
    expect(locateTable([['', ''], ['', '']])).toEqual({ headerIndex: -1, firstColumn: 0, rowCount: 0, headers: [] });
    expect(locateTable([])).toEqual({ headerIndex: -1, firstColumn: 0, rowCount: 0, headers: [] });
  });
});
