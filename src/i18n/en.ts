/**
 * English messages: the reference catalogue. Every other language defines exactly these keys
 * with the same {placeholders}. Messages are whole sentences a non-programmer can act on.
 */
export const en = {
  // Reading a customer table
  'row.startMissing': 'Row {row}: the start date is empty.',
  'row.startNotDate': 'Row {row}: the start date "{value}" is not a date.',
  'row.endNotDate': 'Row {row}: the end date "{value}" is not a date.',
  'row.dateOutOfRange': 'Row {row}: the date "{value}" is outside the years 1900 to 2199.',
  'row.endBeforeStart': 'Row {row}: the end date {end} is before the start date {start}.',

  // Menu and help
  'menu.help': 'Help',
  'help.title': 'Churn toolkit',
  'help.body':
    'Type these functions in any cell:\n' +
    '=CHURN_RATE(customers_at_start, customers_lost)\n' +
    '=ADJUSTED_CHURN(customers_at_start, customers_lost, new_customers, new_customers_lost, [method])\n' +
    '=RETENTION_RATE(customers_at_start, customers_lost)\n' +
    '=CHURN_COST(customers_lost, profit_per_customer)\n' +
    '=CUSTOMER_LIFETIME(churn_rate)\n' +
    '=CHURN_TABLE(start_dates, end_dates, [period], [ids])\n' +
    'Format the rates as percentages (Format > Number > Percent).',

  // Custom function arguments
  'arg.required': '{fn}: the argument {arg} is missing.',
  'arg.notNumber': '{fn}: {arg} must be a number, but {where} is "{value}".',
  'arg.negative': '{fn}: {arg} cannot be negative, but {where} is {value}.',
  'arg.notPositive': '{fn}: {arg} must be greater than 0, but {where} is {value}. With no customers at the start, a churn rate is not defined.',
  'arg.lostAboveStart': '{fn}: {arg} ({lost}) is larger than customers_at_start ({start}){at}. You cannot lose more customers than you had.',
  'arg.newLostAboveNew': '{fn}: {arg} ({lost}) is larger than new_customers ({gained}){at}. You cannot lose more new customers than you gained.',
  'arg.rateOutOfRange': '{fn}: {arg} must be a share between 0 and 1 (for example 3% or 0.03), but {where} is {value}.',
  'arg.rateZero': '{fn}: {arg} is 0{at}. At a churn rate of 0 customers never leave, so the lifetime has no end.',
  'arg.notFinite': '{fn}: the result{at} is too large to show. Check the inputs.',
  'arg.shapeMismatch': '{fn}: {arg} has {rows} x {cols} cells but {otherArg} has {otherRows} x {otherCols}. Give ranges of the same size.',
  'arg.notColumn': '{fn}: {arg} must be a single column, but it has {cols} columns.',
  'arg.lengthMismatch': '{fn}: {arg} has {rows} rows but {otherArg} has {otherRows}. Select the same rows in both.',
  'arg.unknownPeriod': '{fn}: period "{value}" is not known. Use "month", "week", "quarter" or "year".',
  'arg.unknownMethod': '{fn}: method "{value}" is not known. Use {allowed}.',
  'arg.noUsableRows': '{fn}: no row of {arg} has a usable start date. {problems}',
  'where.value': 'the value',
  'where.cell': 'the value in row {row}, column {col} of the range',
  'at.cell': ' in row {row}, column {col} of the range',

  // CHURN_TABLE output
  'table.periodStart': 'Period start',
  'table.customersAtStart': 'Customers at start',
  'table.newCustomers': 'New customers',
  'table.reactivated': 'Reactivated',
  'table.churned': 'Churned',
  'table.churnedNew': 'Churned new',
  'table.customersAtEnd': 'Customers at end',
  'table.churnRate': 'Churn rate',
  'table.adjustedChurn': 'Adjusted churn',
  'table.skippedRows': '{count} rows were not counted (rows are numbered from the first row of the range): {problems}',
  'table.moreProblems': 'and {count} more.',
} as const;

export type MessageKey = keyof typeof en;
