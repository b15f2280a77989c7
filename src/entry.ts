/*
 * The functions Google Sheets, the add-on menu and the sidebar call. Apps Script only sees
 * top-level function declarations, and the formula autocomplete only reads the JSDoc block
 * directly above one, so this file is not bundled: the build transpiles it on its own (keeping
 * these comments) and appends it after the bundle, where each function forwards to ChurnSheet.
 */

declare const ChurnSheet: typeof import('./api');

/**
 * Churn rate: the share of the customers you had at the start of a period that left during it
 * (customers lost / customers at start). Gives 0.03 for 3 %: format the cell as a percentage.
 * Works on single numbers or on ranges of the same size, row by row.
 *
 * @param {number|number[][]} customers_at_start Customers at the start of the period (more than 0).
 * @param {number|number[][]} customers_lost Customers who left during the period (not more than customers_at_start).
 * @return {number|number[][]} The churn rate, for example 0.03 for CHURN_RATE(500, 15).
 * @customfunction
 */
function CHURN_RATE(customers_at_start: unknown, customers_lost: unknown) {
  return ChurnSheet.CHURN_RATE(customers_at_start, customers_lost);
}

/**
 * Adjusted churn: customers lost plus new customers lost in the same period, over customers at
 * the start, so a month that wins and loses new customers shows it. Method "average" divides
 * by the mean of customers at start and at end instead; "start_plus_new" by customers at start
 * plus new customers.
 *
 * @param {number|number[][]} customers_at_start Customers at the start of the period (more than 0).
 * @param {number|number[][]} customers_lost Customers from the start who left during the period.
 * @param {number|number[][]} new_customers Customers who joined during the period.
 * @param {number|number[][]} new_customers_lost New customers who also left during the period.
 * @param {string} [method] "start" (default), "average" or "start_plus_new".
 * @return {number|number[][]} The adjusted churn, for example 0.038 for ADJUSTED_CHURN(500, 15, 200, 4).
 * @customfunction
 */
function ADJUSTED_CHURN(customers_at_start: unknown, customers_lost: unknown, new_customers: unknown, new_customers_lost: unknown, method?: unknown) {
  return ChurnSheet.ADJUSTED_CHURN(customers_at_start, customers_lost, new_customers, new_customers_lost, method);
}

/**
 * Retention rate: the share of the customers at the start of a period who stayed, 1 - churn rate.
 *
 * @param {number|number[][]} customers_at_start Customers at the start of the period (more than 0).
 * @param {number|number[][]} customers_lost Customers who left during the period.
 * @return {number|number[][]} The retention rate, for example 0.97 for RETENTION_RATE(500, 15).
 * @customfunction
 */
function RETENTION_RATE(customers_at_start: unknown, customers_lost: unknown) {
  return ChurnSheet.RETENTION_RATE(customers_at_start, customers_lost);
}

/**
 * Lost profit: what the customers who left would have brought, customers lost x profit per customer.
 *
 * @param {number|number[][]} customers_lost Customers who left in the period.
 * @param {number|number[][]} profit_per_customer Average profit one customer brings.
 * @return {number|number[][]} The lost profit, for example 450000 for CHURN_COST(15, 30000).
 * @customfunction
 */
function CHURN_COST(customers_lost: unknown, profit_per_customer: unknown) {
  return ChurnSheet.CHURN_COST(customers_lost, profit_per_customer);
}

/**
 * Expected customer lifetime in periods at a steady churn rate: 1 / churn rate.
 *
 * @param {number|number[][]} churn_rate Churn rate per period, between 0 (exclusive) and 1, e.g. 3% or 0.03.
 * @return {number|number[][]} The lifetime in periods, for example 33.3 months for CUSTOMER_LIFETIME(3%).
 * @customfunction
 */
function CUSTOMER_LIFETIME(churn_rate: unknown) {
  return ChurnSheet.CUSTOMER_LIFETIME(churn_rate);
}

/**
 * Churn table of a customer list: one row per period with period start, customers at start,
 * new customers, reactivated, churned, churned new, customers at end, churn rate and adjusted
 * churn. A customer counts from its start date until its end date (blank: still a customer).
 *
 * @param {Date[][]} start_dates The column of start dates, e.g. Customers!B2:B.
 * @param {Date[][]} end_dates The column of end (cancellation) dates, blank while active, e.g. Customers!C2:C.
 * @param {string} [period] "month" (default), "week" (ISO, from Monday), "quarter" or "year".
 * @param {string[][]} [ids] Customer ids: rows with the same id are one customer, and a return after a gap counts as reactivated.
 * @param {string[][]} [segments] A column of segment names (plan, country): one block of rows per segment after all customers, led by a Segment column.
 * @param {string} [method] How the last column is computed: "start" (default, adjusted churn over customers at start), "average", "start_plus_new", or "daily" (the sum over the period's days of the customers lost that day / customers at its start).
 * @return {Array<Array<Date|number|string>>} The table, with a header row.
 * @customfunction
 */
function CHURN_TABLE(start_dates: unknown, end_dates: unknown, period?: unknown, ids?: unknown, segments?: unknown, method?: unknown) {
  return ChurnSheet.CHURN_TABLE(start_dates, end_dates, period, ids, segments, method);
}

// Revenue (MRR)

/**
 * MRR churn: the monthly recurring revenue (MRR) lost in a period, from customers who left
 * (mrr_lost) and from downgrades (mrr_contraction), over the MRR at the start of the period.
 * With net TRUE the MRR gained from upgrades (mrr_expansion) is subtracted: net MRR churn, which
 * is negative ("net negative churn") when upgrades bring more than leavers and downgrades take.
 * Works on single numbers or on ranges of the same size, row by row.
 *
 * @param {number|number[][]} mrr_at_start MRR at the start of the period (more than 0).
 * @param {number|number[][]} mrr_lost MRR of the customers who left during the period.
 * @param {number|number[][]} [mrr_contraction] MRR lost to downgrades (default 0).
 * @param {number|number[][]} [mrr_expansion] MRR gained from upgrades (default 0; only counts when net is TRUE).
 * @param {boolean} [net] FALSE (default) for gross MRR churn, TRUE for net MRR churn.
 * @return {number|number[][]} The MRR churn, for example 0.038 for MRR_CHURN(50000, 1900).
 * @customfunction
 */
function MRR_CHURN(mrr_at_start: unknown, mrr_lost: unknown, mrr_contraction?: unknown, mrr_expansion?: unknown, net?: unknown) {
  return ChurnSheet.MRR_CHURN(mrr_at_start, mrr_lost, mrr_contraction, mrr_expansion, net);
}

/**
 * Customer lifetime value: what a customer brings over its lifetime at a steady churn rate,
 * average revenue per account x gross margin / churn rate (per period, e.g. per month).
 *
 * @param {number|number[][]} arpa Average revenue per account (customer) per period, 0 or more.
 * @param {number|number[][]} churn_rate Churn rate per period, above 0 and at most 1, e.g. 3% or 0.03.
 * @param {number|number[][]} [gross_margin] Share of revenue kept as gross profit, between 0 and 1, e.g. 80% (default 100%).
 * @return {number|number[][]} The lifetime value, for example 2666.67 for CUSTOMER_LTV(100, 3%, 80%).
 * @customfunction
 */
function CUSTOMER_LTV(arpa: unknown, churn_rate: unknown, gross_margin?: unknown) {
  return ChurnSheet.CUSTOMER_LTV(arpa, churn_rate, gross_margin);
}

/**
 * Revenue (MRR) table of a customer list: one row per period with period start, MRR at start,
 * new, reactivation, expansion, contraction and churned MRR, MRR at end, gross and net MRR churn,
 * net revenue retention and quick ratio. A row's amount counts from its start date until its end
 * date (blank: still paying); a customer's MRR is the sum of its active rows.
 *
 * @param {Date[][]} start_dates The column of start dates, e.g. Customers!B2:B.
 * @param {Date[][]} end_dates The column of end (cancellation) dates, blank while active, e.g. Customers!C2:C.
 * @param {number[][]} amounts The column of monthly recurring amounts (MRR) of each row, e.g. Customers!D2:D.
 * @param {string} [period] "month" (default), "week" (ISO, from Monday), "quarter" or "year".
 * @param {string[][]} [ids] Customer ids: rows with the same id are one customer, so a plan change is expansion or contraction, and a return after a gap is reactivation.
 * @param {string[][]} [segments] A column of segment names (plan, country): one block of rows per segment after all customers, led by a Segment column.
 * @return {Array<Array<Date|number|string>>} The table, with a header row.
 * @customfunction
 */
function REVENUE_TABLE(start_dates: unknown, end_dates: unknown, amounts: unknown, period?: unknown, ids?: unknown, segments?: unknown) {
  return ChurnSheet.REVENUE_TABLE(start_dates, end_dates, amounts, period, ids, segments);
}

/**
 * Monthly recurring revenue of each subscription from a billing export's own columns: amount x
 * quantity / months of the billing interval (a yearly 2,000 is 166.67 a month, weekly is x 52 / 12).
 * Feed the result to REVENUE_TABLE as its amounts.
 *
 * @param {number|number[][]} amount The price per billing interval, e.g. Export!I2:I (Stripe's Amount).
 * @param {string|string[][]} interval "day", "week", "month", "quarter" or "year" (also "monthly", "yearly", "annual").
 * @param {number|number[][]} [quantity] Units of the plan (1 when left out or blank).
 * @param {number|number[][]} [interval_count] How many intervals one billing covers, e.g. 3 for every 3 months (1 when left out or blank).
 * @return {number|number[][]} The monthly amount, for example 166.67 for NORMALIZED_MRR(2000, "year").
 * @customfunction
 */
function NORMALIZED_MRR(amount: unknown, interval: unknown, quantity?: unknown, interval_count?: unknown) {
  return ChurnSheet.NORMALIZED_MRR(amount, interval, quantity, interval_count);
}

// Cohorts and daily churn

/**
 * Cohort retention of a customer list: one row per cohort (the customers who first started in
 * the same period) with its size, then for 0, 1, 2... periods since that start the share of the
 * cohort that is still a customer at the end of the period. Column 0 is the end of the cohort's
 * own period; a customer who came back counts again.
 *
 * @param {Date[][]} start_dates The column of start dates, e.g. Customers!B2:B.
 * @param {Date[][]} end_dates The column of end (cancellation) dates, blank while active, e.g. Customers!C2:C.
 * @param {string} [period] "month" (default), "week" (ISO, from Monday), "quarter" or "year".
 * @param {string[][]} [ids] Customer ids: rows with the same id are one customer, in the cohort of its first start.
 * @param {string} [mode] "share" (default, a fraction of the cohort: format as a percentage) or "count" (customers).
 * @param {string[][]} [segments] A column of segment names (plan, country): one block of rows per segment after all customers, led by a Segment column.
 * @return {Array<Array<Date|number|string>>} The cohort table, with a header row.
 * @customfunction
 */
function COHORT_TABLE(start_dates: unknown, end_dates: unknown, period?: unknown, ids?: unknown, mode?: unknown, segments?: unknown) {
  return ChurnSheet.COHORT_TABLE(start_dates, end_dates, period, ids, mode, segments);
}

// Win-back

/**
 * The customers who left, to win back: one row per customer who is no longer a customer (its
 * rows merged by id, as in CHURN_TABLE), with its id, customer since, left on, days as a
 * customer, MRR when it left and times it came back before. The most valuable first (highest
 * MRR, then the latest to leave).
 *
 * @param {Date[][]} start_dates The column of start dates, e.g. Customers!B2:B.
 * @param {Date[][]} end_dates The column of end (cancellation) dates, blank while active, e.g. Customers!C2:C.
 * @param {string[][]} ids Customer ids: rows with the same id are one customer.
 * @param {number[][]} [amounts] The column of monthly amounts (MRR) of each row, for the MRR when it left.
 * @param {Date} [from_date] Only customers who left on or after this date.
 * @param {Date} [to_date] Only customers who left on or before this date (for example TODAY(), to leave out cancellations booked for later).
 * @return {Array<Array<Date|number|string>>} The list, with a header row.
 * @customfunction
 */
function LOST_CUSTOMERS(start_dates: unknown, end_dates: unknown, ids: unknown, amounts?: unknown, from_date?: unknown, to_date?: unknown) {
  return ChurnSheet.LOST_CUSTOMERS(start_dates, end_dates, ids, amounts, from_date, to_date);
}

/**
 * Win-back table: one row per period with the customers lost in it (by customer, so a plan
 * change is no loss), then for 1, 2, 3... periods later the share of them who had come back by
 * the end of that period. Blank past the table's last period.
 *
 * @param {Date[][]} start_dates The column of start dates, e.g. Customers!B2:B.
 * @param {Date[][]} end_dates The column of end (cancellation) dates, blank while active, e.g. Customers!C2:C.
 * @param {string[][]} ids Customer ids: rows with the same id are one customer; a return after a gap is a win-back.
 * @param {string} [period] "month" (default), "week" (ISO, from Monday), "quarter" or "year".
 * @return {Array<Array<Date|number|string>>} The table, with a header row.
 * @customfunction
 */
function WINBACK_TABLE(start_dates: unknown, end_dates: unknown, ids: unknown, period?: unknown) {
  return ChurnSheet.WINBACK_TABLE(start_dates, end_dates, ids, period);
}

/**
 * Adds the add-on menu when the spreadsheet opens.
 * @param {Object} e The open event.
 */
function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen) {
  ChurnSheet.onOpen(e);
}

/**
 * Adds the add-on menu right after the add-on is installed.
 * @param {Object} e The install event.
 */
function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall) {
  ChurnSheet.onInstall(e);
}

/** Menu: Help. */
function showHelp() {
  ChurnSheet.showHelp();
}

/**
 * Menu: Check the add-on in this spreadsheet. Compares the add-on's dates and numbers with
 * Google's in this spreadsheet's time zone and locale, rebuilds the worked example and shows
 * a report; the temporary sheets it adds are removed.
 */
function checkAddOn() {
  ChurnSheet.checkAddOn();
}

/**
 * The same check for a maintainer in the Apps Script editor (Run > runSelfCheck): the report
 * goes to the execution log.
 * @return {string} The report.
 */
function runSelfCheck() {
  return ChurnSheet.runSelfCheck();
}

/** Menu: Build churn sheet... */
function showWizard() {
  ChurnSheet.showWizard();
}

/**
 * Sidebar: the customer table on a sheet, its columns, a preview and its problems.
 * @param {string|null} sheetName The sheet to look at; null for the active sheet.
 * @param {Object|null} mapping The chosen columns; null to detect them from the header names.
 * @param {Object|null} exportChoices How to read a recognised billing export; null for the defaults.
 * @return {Object} What the sidebar shows.
 */
function wizardInspect(sheetName: string | null, mapping: Parameters<typeof ChurnSheet.wizardInspect>[1], exportChoices?: Parameters<typeof ChurnSheet.wizardInspect>[2]) {
  return ChurnSheet.wizardInspect(sheetName, mapping, exportChoices);
}

/**
 * Sidebar: builds the churn sheet.
 * @param {Object} request The sheet, columns and options chosen in the sidebar.
 * @return {Object} A summary of what was built.
 */
function wizardBuild(request: Parameters<typeof ChurnSheet.wizardBuild>[0]) {
  return ChurnSheet.wizardBuild(request);
}

/** Menu: Insert churn template. */
function insertChurnTemplate() {
  ChurnSheet.insertTemplateFromMenu();
}

/**
 * Sidebar: inserts the churn template.
 * @param {boolean} withExample Fill it with the example numbers.
 * @return {Object} The new sheet's name.
 */
function wizardInsertTemplate(withExample: boolean) {
  return ChurnSheet.insertTemplate(withExample === true);
}

/**
 * Sidebar: the language switch.
 * @param {string} language One of en, lv, pl, sl, el, nb.
 * @return {string} The language saved.
 */
function wizardSetLanguage(language: string) {
  return ChurnSheet.wizardSetLanguage(language);
}
