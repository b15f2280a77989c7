import { locateTable } from '../../src/core/tableLocation';

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

  test('an empty sheet has no table', () => {
    expect(locateTable([['', ''], ['', '']])).toEqual({ headerIndex: -1, firstColumn: 0, rowCount: 0, headers: [] });
    expect(locateTable([])).toEqual({ headerIndex: -1, firstColumn: 0, rowCount: 0, headers: [] });
  });
});
