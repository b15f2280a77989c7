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
  'menu.build': 'Build churn sheet...',
  'menu.template': 'Insert churn template',
  'menu.help': 'Help',
  'help.title': 'Churn toolkit',
  'help.body':
    'Type these functions in any cell:\n' +
    '=CHURN_RATE(customers_at_start, customers_lost)\n' +
    '=ADJUSTED_CHURN(customers_at_start, customers_lost, new_customers, new_customers_lost, [method])\n' +
    '=RETENTION_RATE(customers_at_start, customers_lost)\n' +
    '=CHURN_COST(customers_lost, profit_per_customer)\n' +
    '=CUSTOMER_LIFETIME(churn_rate)\n' +
    '=CHURN_TABLE(start_dates, end_dates, [period], [ids], [segments], [method])\n' +
    '=COHORT_TABLE(start_dates, end_dates, [period], [ids], [mode], [segments])\n' +
    '=REVENUE_TABLE(start_dates, end_dates, amounts, [period], [ids], [segments])\n' +
    '=MRR_CHURN(mrr_at_start, mrr_lost, [mrr_contraction], [mrr_expansion], [net])\n' +
    '=CUSTOMER_LTV(arpa, churn_rate, [gross_margin])\n' +
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

  // The churn sheet the wizard builds
  'sheet.name.month': 'Churn by month',
  'sheet.name.week': 'Churn by week',
  'sheet.name.quarter': 'Churn by quarter',
  'sheet.name.year': 'Churn by year',
  'sheet.retentionRate': 'Retention rate',
  'sheet.lostProfit': 'Lost profit',
  'sheet.profitPerCustomer': 'Profit per customer',
  'sheet.source': 'Source',
  'sheet.mode': 'Numbers',
  'sheet.mode.formulas': 'Live formulas: they follow the source table',
  'sheet.mode.values': 'Values computed when the sheet was built',
  'sheet.chartTitle': 'Churn rate and adjusted churn',
  'note.periodStart': 'First day of the period.',
  'note.customersAtStart': 'Customers at start: started before the period and had not left before it began.',
  'note.newCustomers': 'New customers: started during the period.',
  'note.reactivated': 'Reactivated: customers who came back during the period after a gap (needs a customer id column).',
  'note.churned': 'Churned: customers at the start who left during the period.',
  'note.churnedNew': 'Churned new: customers who started during the period and left in it too.',
  'note.customersAtEnd': 'Customers at end = at start + new + reactivated - churned - churned new.',
  'note.churnRate': 'Churn rate = churned / customers at start. Blank when there were no customers at the start.',
  'note.adjustedChurn': 'Adjusted churn = (churned + churned new) / customers at start.',
  'note.retentionRate': 'Retention rate = 1 - churn rate.',
  'note.lostProfit': 'Lost profit = (churned + churned new) x profit per customer.',

  // The churn template
  'template.name': 'Churn template',
  'template.title': 'Monthly churn: fill in the blue cells, the rest is computed.',
  'template.month': 'Month',
  'template.customersAtStart': 'Customers at start',
  'template.churned': 'Churned',
  'template.newCustomers': 'New customers',
  'template.newChurned': 'New customers churned',
  'template.totalChurned': 'Total churned',
  'template.help.count': 'Enter a whole number of customers, 0 or more.',
  'template.help.churned': 'Enter a whole number, 0 or more, and not more than the customers at the start of the month.',
  'template.help.newChurned': 'Enter a whole number, 0 or more, and not more than the new customers of the month.',
  'template.protected': 'Computed cell: it is recalculated from the blue input cells.',
  'template.notes': 'How this sheet counts',
  'template.note.start': 'Customers at start: the first month is typed in; every later month starts with the previous month\'s customers at end.',
  'template.note.churnRate': 'Churn rate = churned / customers at start.',
  'template.note.adjusted': 'Adjusted churn = (churned + new customers churned) / customers at start.',
  'template.note.end': 'Customers at end = customers at start + new customers + won back - churned - new customers churned.',
  'template.note.retention': 'Retention rate = 1 - churn rate.',
  'template.note.lostProfit': 'Lost profit = total churned x profit per customer.',
  'template.note.source': 'The numbers come from your own monthly counts; nothing is fetched from elsewhere. The formulas are plain spreadsheet formulas, so a copy of this sheet works without the add-on.',

  'template.askExample': 'Fill the template with the example numbers (500 customers, 15 churned, 200 new, 4 of them churned)? Choose No for an empty template.',
  'template.inserted': 'Inserted "{sheet}".',

  // The wizard (server side)
  'wizard.noSheet': 'There is no sheet named "{name}" in this spreadsheet.',
  'wizard.emptySheet': 'The sheet "{name}" is empty: there is no customer table on it.',
  'wizard.noStartColumn': 'Choose the column that holds the start dates.',
  'wizard.badPosition': 'The table position the sidebar sent is not valid. Close the sidebar and open it again.',
  'wizard.badColumn': 'The {role} column must be one of the table\'s {count} columns.',
  'wizard.sameColumn': 'The start and end dates cannot come from the same column.',
  'wizard.badPeriod': 'The period must be month, week, quarter or year.',
  'wizard.badOutput': 'The output must be live formulas or values.',
  'wizard.badDate': '{which}: "{value}" is not a date (use the form 2024-01-31).',
  'wizard.badRange': 'The first period ({first}) is after the last period ({last}).',
  'wizard.badProfit': 'The profit per customer must be a number of 0 or more.',
  'wizard.noUsableRows': 'No row of the table has a usable start date. {problems}',
  'wizard.busy': 'Another churn sheet is being built in this spreadsheet right now. Try again in a moment.',
  'wizard.liveBlocked': 'Live formulas cannot give the same numbers for this table: {reasons} Choose "Values", or fix the table first.',
  'wizard.blocker.textDates': 'the {role} column has dates written as text (row {row}: "{value}"), which formulas do not count as dates.',
  'wizard.blocker.rows': 'some rows have dates that formulas would count differently ({first})',
  'wizard.blocker.repeatedIds': 'customer "{id}" has more than one row (rows {rows}); formulas count every row as a customer, the values merge them.',
  'wizard.dateOrder': 'Dates written as text in the {role} column were read {order}{why}.',
  'wizard.dateOrder.DMY': 'day first (31.01.2024)',
  'wizard.dateOrder.MDY': 'month first (1/31/2024)',
  'wizard.dateOrder.YMD': 'year first',
  'wizard.dateOrder.fromLocale': ', as the spreadsheet\'s locale writes them: every value could be read either way',
  'wizard.role.start': 'start date',
  'wizard.role.end': 'end date',
  'wizard.role.id': 'customer id',
  'wizard.role.amount': 'amount',
  'wizard.role.segment': 'segment',

  // The sidebar
  'ui.step.source': '1. Customer table',
  'ui.step.columns': '2. Columns',
  'ui.step.options': '3. Options',
  'ui.step.build': '4. Build',
  'ui.sheet': 'Sheet',
  'ui.tableFound': 'Header in row {row}; customer rows below it: {count}.',
  'ui.tableEmpty': 'This sheet is empty. Pick the sheet that holds your customer list.',
  'ui.column.none': '(none)',
  'ui.column.start': 'Start date',
  'ui.column.end': 'End date',
  'ui.column.id': 'Customer ID',
  'ui.column.amount': 'Amount (MRR)',
  'ui.column.segment': 'Segment',
  'ui.chooseStart': 'Choose the column with the start dates.',
  'ui.preview': 'The first rows as they will be read:',
  'ui.preview.row': 'Row',
  'ui.noProblems': 'Every row can be read.',
  'ui.problems': 'Rows that cannot be used and will not be counted ({count}):',
  'ui.period': 'Period',
  'ui.period.month': 'Month',
  'ui.period.week': 'Week (from Monday)',
  'ui.period.quarter': 'Quarter',
  'ui.period.year': 'Year',
  'ui.firstPeriod': 'First period',
  'ui.lastPeriod': 'Last period',
  'ui.spanHint': 'Leave empty for the whole table ({first} to {last}).',
  'ui.profit': 'Profit per customer (optional, for lost profit)',
  'ui.output': 'Numbers in the new sheet',
  'ui.output.formulas': 'Live formulas (update when the table changes)',
  'ui.output.values': 'Values (fixed when built)',
  'ui.liveBlocked': 'Live formulas are not available for this table:',
  'ui.chart': 'Add a chart of churn and adjusted churn',
  'ui.build': 'Build churn sheet',
  'ui.building': 'Building the churn sheet...',
  'ui.loading': 'Reading the sheet...',
  'ui.done': 'Done: "{sheet}" has {periods} periods for {customers} customers.',
  'ui.skipped': 'Rows not counted ({count}):',
  'ui.templateTitle': 'No customer list? Start from monthly counts',
  'ui.template': 'Insert churn template',
  'ui.language': 'Language',
  'ui.templateExample': 'Fill it with the example numbers',
  'ui.templateDone': 'Inserted "{sheet}". Type your monthly counts in the blue cells.',

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
  'table.skippedRows': 'Rows not counted ({count}; numbered from the first row of the range): {problems}',
  'table.moreProblems': 'and {count} more.',

  // Reading a CSV or XLSX file (CLI and playground)
  'file.type': '{file}: only .csv and .xlsx files can be read (export the table as one of them).',
  'file.unreadableXlsx': 'The file is not a readable .xlsx workbook ({error}).',

  // The churn-sheet command line (local/cli.ts)
  'cli.usage':
    'Usage: churn-sheet build <customers.csv|customers.xlsx> -o <churn.xlsx> [options]\n' +
    '\n' +
    'Builds the churn sheet of the add-on\'s wizard from a customer table (a header row with a start\n' +
    'date column, optionally end date and customer id) and writes it as an .xlsx workbook.\n' +
    '\n' +
    'Options:\n' +
    '  -o, --output <file>   the .xlsx file to write (an existing file is kept unless --force)\n' +
    '  --period <period>     month (default), week, quarter or year\n' +
    '  --values              write the computed numbers instead of live formulas\n' +
    '  --profit <amount>     profit per customer: adds a lost-profit column\n' +
    '  --locale <xx_YY>      how dates written as text are read, e.g. en_US (default en_GB)\n' +
    '  --json                print the churn table as JSON on stdout (with -o it is written too)\n' +
    '  --force               overwrite the output file if it exists\n' +
    '  -h, --help            show this text\n',
  'cli.noCommand': 'no command given.',
  'cli.unknownCommand': 'unknown command "{command}" (the command is "build").',
  'cli.needsValue': '{option} needs a value.',
  'cli.takesNoValue': '{option} takes no value.',
  'cli.badPeriod': '--period must be month, week, quarter or year, not "{value}".',
  'cli.badProfit': '--profit must be a number of 0 or more, such as 30000, not "{value}".',
  'cli.badLocale': '--locale must look like en_GB or nb_NO, not "{value}".',
  'cli.unknownOption': 'unknown option "{option}".',
  'cli.noInput': 'the customer file is missing.',
  'cli.manyInputs': 'one customer file at a time (got {files}).',
  'cli.noOutput': '-o <churn.xlsx> is missing (or use --json to print the table).',
  'cli.outputNotXlsx': 'the output file must end in .xlsx (got "{file}").',
  'cli.badTimeZone': 'TZ="{value}" is not a time zone name; using {zone}.',
  'cli.noSuchFile': '{file}: no such file.',
  'cli.notAFile': '{file} is not a file.',
  'cli.outputExists': '{file} already exists; it was left as it is. Choose another -o file, or add --force to replace it.',
  'cli.outputAppeared': '{file} already exists; it was left as it is. Add --force to replace it.',
  'cli.notBuilt': 'dist/Code.js is missing: run npm run build first.',
  'cli.reading': 'reading {file}...',
  'cli.building': 'building the churn sheet from {count} rows...',
  'cli.writing': 'writing {file}...',
  'cli.noTable': '{file}: there is no customer table in it (a header row with customer rows below it).',
  'cli.noStartColumn': '{file}: no start date column found. {choose} The columns are {columns}; name the start date column "Start date" (or Signup date, Created, Start).',
  'cli.liveBlocked': '{file}: {message} (Add --values to write the numbers.)',
  'cli.cannotWrite': 'cannot write {file}: {error}',
  'cli.columns': 'columns: start "{start}"',
  'cli.columns.end': ', end "{end}"',
  'cli.columns.noEnd': ', no end date',
  'cli.columns.id': ', id "{id}"',
  'cli.mode.formulas': 'live formulas',
  'cli.mode.values': 'values',
  'cli.summary': '{done} ({mode}; {columns}; time zone {zone})',
  'cli.wrote': ' Wrote {file}.',

  // The local playground page (local/playground)
  'play.title': 'Churn toolkit playground',
  'play.build': 'Build churn sheet...',
  'play.template': 'Insert churn template',
  'play.load': 'Load CSV or XLSX',
  'play.download': 'Download .xlsx',
  'play.formula': 'Select a cell, then type a value or a formula such as =CHURN_RATE(500, 15)',
  'play.sidebar': 'Sidebar',

  // -- revenue (issue 7): keys of this part go right below this line --
  'row.amountMissing': 'Row {row}: the amount is empty.',
  'row.amountNotNumber': 'Row {row}: the amount "{value}" is not a number.',
  'row.amountNegative': 'Row {row}: the amount {value} is negative.',
  'arg.mrrStartNotPositive': '{fn}: {arg} must be greater than 0, but {where} is {value}. With no MRR at the start, an MRR churn rate is not defined.',
  'arg.mrrLostAboveStart': '{fn}: mrr_lost + mrr_contraction ({lost}) is larger than mrr_at_start ({start}){at}. You cannot lose more MRR than you had at the start.',
  'arg.ltvRateZero': '{fn}: {arg} is 0{at}. At a churn rate of 0 customers never leave, so their lifetime value has no limit.',
  'arg.marginOutOfRange': '{fn}: {arg} must be a share between 0 and 1 (for example 80% or 0.8), but {where} is {value}.',
  'arg.notTrueFalse': '{fn}: {arg} must be TRUE or FALSE, but it is "{value}".',
  'arg.noUsableRevenueRows': '{fn}: no row has both a usable start date and a usable amount. {problems}',
  'revenue.mrrAtStart': 'MRR at start',
  'revenue.newMrr': 'New MRR',
  'revenue.reactivationMrr': 'Reactivation MRR',
  'revenue.expansionMrr': 'Expansion MRR',
  'revenue.contractionMrr': 'Contraction MRR',
  'revenue.churnedMrr': 'Churned MRR',
  'revenue.mrrAtEnd': 'MRR at end',
  'revenue.grossMrrChurn': 'Gross MRR churn',
  'revenue.netMrrChurn': 'Net MRR churn',
  'revenue.netRevenueRetention': 'Net revenue retention',
  'revenue.quickRatio': 'Quick ratio',

  // -- cohorts and daily churn (issue 7): keys of this part go right below this line --
  'cohort.start': 'Cohort start',
  'cohort.size': 'Cohort size',
  'cohort.since.month': 'Month {n}',
  'cohort.since.week': 'Week {n}',
  'cohort.since.quarter': 'Quarter {n}',
  'cohort.since.year': 'Year {n}',
  'table.dailyChurn': 'Daily churn',
  'note.cohortStart': 'First day of the period: the cohort is the customers who first started in it.',
  'note.cohortSize': 'Cohort size: customers who first started in the period (its new customers).',
  'note.cohortCell': 'Share of the cohort still a customer at the end of the period; column 0 is the end of the cohort\'s first period. Customers who came back count again.',
  'arg.unknownMode': '{fn}: mode "{value}" is not known. Use {allowed}.',
  'arg.dailyNeedsDates': '{fn}: method "daily" adds up a churn rate for every day, so it needs each customer\'s start and end dates, not a period\'s counts. Use =CHURN_TABLE(start_dates, end_dates, [period], [ids], [segments], "daily").',
  'arg.cohortTooLarge': '{fn}: the cohort table would have {rows} rows and {cols} columns, more cells than a spreadsheet holds. Choose a longer period, such as "month" or "quarter".',

  // -- segments (issue 7): keys of this part go right below this line --
  'note.mrrAtStart': 'Monthly recurring revenue (MRR) of the customers at the start of the period: the sum of the amounts of their rows.',
  'note.newMrr': 'What the customers who started in the period pay per month.',
  'note.reactivationMrr': 'What customers who had left and came back in the period pay per month.',
  'note.expansionMrr': 'Increases in what existing customers pay per month (upgrades, more seats).',
  'note.contractionMrr': 'Decreases in what customers who stay pay per month (downgrades, fewer seats).',
  'note.churnedMrr': 'What the customers who left in the period paid per month.',
  'wizard.blocker.textAmounts': 'the amount in row {row} is written as text ("{value}"), which formulas do not add up; the values read it.',
  'wizard.badOption': 'The options for the chart, the cohort sheet and the segment blocks must each be on or off.',
  'ui.cohorts': 'Add a cohort retention sheet (how many of each period\'s new customers stay)',
  'ui.segments': 'Add one block per segment (plan, country) below the total',
  'ui.revenueHint': 'An amount column is chosen: the sheet also shows revenue (MRR) churn.',
  'ui.cohortsDone': 'Cohort retention is on the sheet "{sheet}".',
  'table.segment': 'Segment',
  'table.allSegments': 'All customers',
  'table.blankSegment': '(no segment)',
  'wizard.noSegmentColumn': 'Choose a segment column to add one block per segment.',
  'wizard.blocker.segment': 'live formulas cannot pick out the segment "{value}" (row {row}) exactly: a segment for them is text with no spaces at its ends, no * ? ~, and no = < > at its start.',
  'wizard.blocker.blankSegment': 'row {row} has no segment, and live formulas cannot pick out rows without one.',
  'cohortSheet.name.month': 'Cohorts by month',
  'cohortSheet.name.week': 'Cohorts by week',
  'cohortSheet.name.quarter': 'Cohorts by quarter',
  'cohortSheet.name.year': 'Cohorts by year',

  // -- template won back (issue 7): keys of this part go right below this line --
  'template.wonBack': 'Won back',
  'template.help.wonBack': 'Enter a whole number, 0 or more: the customers who had left before and came back this month.',
  'template.note.wonBack': 'Won back: customers who had left before and came back this month (leave 0 if none). They are added to the customers at end; churn rate and adjusted churn do not count them.',
} as const;

export type MessageKey = keyof typeof en;
