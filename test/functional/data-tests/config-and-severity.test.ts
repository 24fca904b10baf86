// Test config as users write it: severity, error_if / warn_if thresholds, where, limit, store_failures,
// a custom name; what the console prints under a failure; run_results' `failures`; exit codes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, queryDb, writeProject } from '../../helpers/project.js';
import { runResults } from './helpers.js';

const ORDERS = `select * from (values
  (1, 'placed', 10), (2, 'placed', 20), (3, 'bogus', 30), (4, 'lost', 40), (5, 'gone', 50)
) t(id, status, amount)
`;

function project(tests: string) {
  return writeProject({
    'models/orders.sql': ORDERS,
    'models/schema.yml': `version: 2\nmodels:\n  - name: orders\n    columns:\n      - name: status\n        data_tests:\n${tests}`,
  });
}

const byId = (dir: string) => Object.fromEntries(runResults(dir).map((r) => [r.unique_id, r]));

describe('test config', () => {
  it('severity warn reports a warning and exits 0', async () => {
    const dir = project('          - accepted_values:\n              values: [placed]\n              config:\n                severity: warn\n');
    const r = await cli(dir, ['build']);
    expect(r.code).toBe(0);
    const res = byId(dir)['test.shop.accepted_values_orders_status__placed'];
    expect(res).toMatchObject({ status: 'warn', failures: 3 });
    expect(r.output).toMatch(/WARN 3 accepted_values_orders_status__placed \.+ \[WARN 3 in/);
    expect(r.output).toContain('Warning in test accepted_values_orders_status__placed (models/schema.yml)');
    // the failing rows are shown under the line
    expect(r.output).toMatch(/failing rows \(3\):\n\s+\| value_field \| n_records \|/);
    expect(r.output).toMatch(/\| bogus\s+\| 1\s+\|/);
  });

  it('error_if / warn_if thresholds decide between fail, warn and pass', async () => {
    const dir = project([
      '          - accepted_values: {name: above_error, values: [placed], config: {error_if: ">2", warn_if: ">1"}}',
      '          - accepted_values: {name: only_warn, values: [placed], config: {error_if: ">5", warn_if: ">=3"}}',
      '          - accepted_values: {name: under_both, values: [placed], config: {error_if: ">10", warn_if: ">10"}}',
      '',
    ].join('\n'));
    const r = await cli(dir, ['build']);
    expect(r.code).toBe(1);
    const res = byId(dir);
    expect(res['test.shop.above_error']).toMatchObject({ status: 'fail', failures: 3, message: 'Got 3 results, configured to fail if >2' });
    expect(res['test.shop.only_warn']).toMatchObject({ status: 'warn', failures: 3, message: 'Got 3 results, configured to warn if >=3' });
    expect(res['test.shop.under_both']).toMatchObject({ status: 'pass', failures: 3 });
  });

  it('where filters the tested rows and limit caps the failures', async () => {
    const dir = project([
      "          - accepted_values: {name: filtered, values: [placed], config: {where: \"id < 3\"}}",
      '          - accepted_values: {name: limited, values: [placed], config: {limit: 2}}',
      '',
    ].join('\n'));
    const r = await cli(dir, ['build']);
    expect(r.code).toBe(1);
    const res = byId(dir);
    expect(res['test.shop.filtered']).toMatchObject({ status: 'pass', failures: 0 });
    expect(res['test.shop.limited']).toMatchObject({ status: 'fail', failures: 2 });
    const compiled = readFileSync(join(dir, 'target/compiled/shop/models/schema.yml/filtered.sql'), 'utf8');
    expect(compiled).toContain('where id < 3) dbt_subquery');
    expect(r.output).toContain(`compiled code at ${join(dir, 'target/compiled/shop/models/schema.yml/limited.sql')}`);
  });

  it("a project's get_where_subquery macro builds the tested relation, as dbt's override does", async () => {
    // dbt's documented way to make `where` dynamic: a placeholder the project's macro replaces at run time
    const dir = writeProject({
      'models/orders.sql': ORDERS,
      'macros/get_where_subquery.sql': [
        '{% macro get_where_subquery(relation) -%}',
        "  {%- set where = config.get('where') -%}",
        '  {%- if where -%}',
        "    {%- set where = where | replace('__recent__', 'id >= ' ~ var('from_id', 1)) -%}",
        '    (select * from {{ relation }} where {{ where }}) dbt_subquery',
        '  {%- else -%}{{ relation }}{%- endif -%}',
        '{%- endmacro %}',
        '',
      ].join('\n'),
      'models/schema.yml': "version: 2\nmodels:\n  - name: orders\n    columns:\n      - name: status\n        data_tests:\n          - accepted_values: {name: recent, values: [placed, lost, gone], config: {where: __recent__}}\n          - not_null: {name: plain}\n",
    });
    expect((await cli(dir, ['build'])).code).toBe(1);
    expect(byId(dir)['test.shop.recent']).toMatchObject({ status: 'fail', failures: 1 });
    expect(readFileSync(join(dir, 'target/compiled/shop/models/schema.yml/recent.sql'), 'utf8')).toContain('where id >= 1) dbt_subquery');
    const r = await cli(dir, ['build', '--vars', '{from_id: 4}']);
    expect(r.code).toBe(0);
    expect(byId(dir)['test.shop.recent']).toMatchObject({ status: 'pass', failures: 0 });
    expect(byId(dir)['test.shop.plain']).toMatchObject({ status: 'pass' });
  });

  it('store_failures keeps the failing rows in the audit schema', async () => {
    const dir = project('          - not_null\n          - accepted_values:\n              values: [placed, lost]\n              config: {store_failures: true}\n');
    expect((await cli(dir, ['build'])).code).toBe(1);
    const rows = await queryDb(dir, 'select value_field, n_records from main_dbt_test__audit.accepted_values_orders_status__placed__lost order by 1');
    expect(rows).toEqual([{ value_field: 'bogus', n_records: '1' }, { value_field: 'gone', n_records: '1' }]);
    // only tests that store failures create the audit schema's tables
    const tables = await queryDb(dir, "select table_name from information_schema.tables where table_schema = 'main_dbt_test__audit'");
    expect(tables).toEqual([{ table_name: 'accepted_values_orders_status__placed__lost' }]);
    expect(readFileSync(join(dir, 'target/run/shop/models/schema.yml/accepted_values_orders_status__placed__lost.sql'), 'utf8')).toContain('create or replace table "shop"."main_dbt_test__audit"."accepted_values_orders_status__placed__lost"');
  });

  it('takes config from project.yml data_tests: and from top-level keys of the test', async () => {
    const dir = writeProject({
      'project.yml': "name: shop\nprofile: shop\nversion: '1.0'\nconfig-version: 2\ndata_tests:\n  +severity: warn\n",
      'models/orders.sql': ORDERS,
      'models/schema.yml': 'version: 2\nmodels:\n  - name: orders\n    columns:\n      - name: status\n        data_tests:\n          - accepted_values: {values: [placed]}\n          - not_null: {severity: error}\n',
    });
    const r = await cli(dir, ['build']);
    expect(r.code).toBe(0);
    expect(byId(dir)['test.shop.accepted_values_orders_status__placed'].status).toBe('warn');
  });
});
