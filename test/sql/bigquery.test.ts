import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Parser } from 'node-sql-parser';
import { ADJUSTED_METHODS } from '../../src/core/metrics';
import { PERIOD_KINDS } from '../../src/core/periods';
import { DIALECTS, quotedTableName } from '../../src/sql/dialects';
import { SQL_KINDS, churnSql, sqlColumnNames } from '../../src/sql/statement';

// BigQuery cannot run here: its text comes from the same description as the DuckDB and
// PostgreSQL texts that test/sql/engines.test.ts runs, and here it must parse as BigQuery SQL.
const parser = new Parser();
const parse = (sql: string) => parser.astify(sql, { database: 'bigquery' });
const columns = { start: 'Start date', end: 'End date', id: 'Customer ID', amount: 'MRR', segment: 'Plan' };

describe('the BigQuery statement', () => {
  test.each(SQL_KINDS.flatMap((kind) => PERIOD_KINDS.map((period) => [kind, period] as const)))('%s by %s parses as BigQuery SQL, with every method, with and without ids, segments and a time zone', (kind, period) => {
    for (const method of ADJUSTED_METHODS) {
      for (const full of [true, false]) {
        const sql = churnSql({
          dialect: 'bigquery',
          table: 'my-project.sales.customers',
          columns: full ? columns : { start: 'Start date', ...(kind === 'revenue' ? { amount: 'MRR' } : {}) },
          kind,
          period,
          method,
          cohortColumns: 5,
          timeZone: full ? 'Europe/Riga' : undefined,
        });
        expect(() => parse(sql)).not.toThrow();
        expect(sql).toContain('FROM `my-project`.`sales`.`customers`');
        expect(sql).not.toMatch(/MATERIALIZED|\/\/|COLLATE/); // DuckDB's and PostgreSQL's spellings stay out
      }
    }
  });

  test('the parser is not lenient: a statement with a mistake fails to parse', () => {
    const sql = churnSql({ dialect: 'bigquery', table: 'p.d.t', columns });
    expect(() => parse(sql.replace('GROUP BY g, k, n', 'GROUP g, k, n'))).toThrow();
  });

  test('names are quoted part by part, and nothing in them can close the quotes', () => {
    const bq = DIALECTS.bigquery;
    expect(quotedTableName(bq, 'my-project.sales.customers')).toBe('`my-project`.`sales`.`customers`');
    expect(bq.identifier('a`b\\c')).toBe('`a\\`b\\\\c`');
    expect(bq.text("it's\n")).toBe("'it\\'s\\x0a'");
    expect(quotedTableName(DIALECTS.postgres, 'public.customer "list"')).toBe('"public"."customer ""list"""');
    expect(() => quotedTableName(bq, 'a..b')).toThrow();
    const hostile = churnSql({ dialect: 'bigquery', table: 'p.d.t', columns: { start: 'x` FROM t; DROP TABLE t; --' } });
    expect(hostile).toContain('`x\\` FROM t; DROP TABLE t; --`');
    // node-sql-parser does not read a backslash-escaped backtick inside a quoted name (BigQuery
    // does), so that one is checked by its text above; other hostile names must parse.
    expect(() => parse(churnSql({ dialect: 'bigquery', table: 'p.d.t', columns: { start: "x'; DROP TABLE t; -- \"y" } }))).not.toThrow();
  });

  test('the result has the columns of the function, in its order', () => {
    expect(sqlColumnNames({ columns, kind: 'churn' })).toEqual(['segment', 'period_start', 'customers_at_start', 'new_customers', 'reactivated', 'churned', 'churned_new', 'customers_at_end', 'churn_rate', 'adjusted_churn']);
    expect(sqlColumnNames({ columns: { start: 's' }, kind: 'cohort', period: 'week', cohortColumns: 3 })).toEqual(['cohort_start', 'cohort_size', 'week_0', 'week_1', 'week_2']);
  });
});

test('docs/sql.md shows the statement churn-sheet sql prints for the seed example', () => {
  const doc = readFileSync(path.join(__dirname, '../../docs/sql.md'), 'utf8');
  const shown = /```sql\n([\s\S]*?)\n```/.exec(doc)![1];
  const printed = churnSql({ dialect: 'bigquery', table: 'my-project.sales.customers', columns: { start: 'Start date', end: 'End date', id: 'Customer ID' } });
  expect(shown).toBe(`${printed.trimEnd()};`);
});
