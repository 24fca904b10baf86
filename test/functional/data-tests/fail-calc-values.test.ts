// A data test's result row is read straight from DuckDB's first chunk (AdapterConnection.firstRow): a
// fail_calc of any type (DECIMAL sums, HUGEINT, DOUBLE) must still give the right count and status.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, writeProject } from '../../helpers/project.js';

const results = (dir: string) =>
  Object.fromEntries(
    (JSON.parse(readFileSync(join(dir, 'target/run_results.json'), 'utf8')) as { results: { unique_id: string; status: string; failures: number | null }[] }).results.map((r) => [r.unique_id, [r.status, r.failures]]),
  );

describe('data test results of every type', () => {
  it('reads DECIMAL, HUGEINT and DOUBLE fail_calc values and the warn/error conditions', async () => {
    const dir = writeProject({
      'models/amounts.sql': "{{ config(materialized='table') }}\nselect * from (values (1, 2.50::decimal(10,2)), (2, 5.00::decimal(10,2))) as t(id, amount)\n",
      'tests/decimal_sum.sql': "{{ config(fail_calc='sum(amount)', warn_if='>5', error_if='>100') }}\nselect amount from {{ ref('amounts') }}\n",
      'tests/hugeint_sum.sql': "{{ config(fail_calc='sum(id::hugeint) * 0') }}\nselect id from {{ ref('amounts') }}\n",
      'tests/double_avg.sql': "{{ config(fail_calc='avg(amount::double)', error_if='>=3.75') }}\nselect amount from {{ ref('amounts') }}\n",
      'tests/no_rows.sql': "select * from {{ ref('amounts') }} where id > 10\n",
    });
    const r = await cli(dir, ['build']);
    expect(r.output).toMatch(/WARN 7\.5 decimal_sum|Got 7\.5 results?, configured to warn if >5/);
    expect(r.code).toBe(1);
    expect(results(dir)).toMatchObject({
      'test.shop.decimal_sum': ['warn', 7.5],
      'test.shop.hugeint_sum': ['pass', 0],
      'test.shop.double_avg': ['fail', 3.75],
      'test.shop.no_rows': ['pass', 0],
    });
  });
});
