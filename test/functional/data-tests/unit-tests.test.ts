// dbt 1.8 unit tests: inputs replaced by literal rows (dict, CSV, SQL, fixture files), vars and macro
// overrides, no upstream model built, and the expected-vs-actual diff when the model is wrong.
import { describe, expect, it } from 'vitest';
import { cli, writeProject } from '../../helpers/project.js';
import { statuses } from './helpers.js';

const FILES = {
  'models/stg_orders.sql': "select * from {{ source('raw', 'orders') }}\n",
  'models/customers.sql': 'select 1 as id\n',
  'models/order_totals.sql': `{{ config(materialized='incremental') }}
select o.customer_id, c.name, sum(o.amount) * {{ var('rate', 1) }} as total
from {{ ref('stg_orders') }} o join {{ ref('customers') }} c on c.id = o.customer_id
{% if is_incremental() %}where o.customer_id > (select max(customer_id) from {{ this }}){% endif %}
group by 1, 2
`,
  'tests/fixtures/customer_rows.csv': 'id,name\n1,ann\n2,bob\n',
  'models/schema.yml': `version: 2
sources:
  - name: raw
    tables: [{name: orders}]
unit_tests:
  - name: totals_per_customer
    model: order_totals
    given:
      - input: ref('stg_orders')
        rows:
          - {customer_id: 1, amount: 10}
          - {customer_id: 1, amount: 5}
          - {customer_id: 2, amount: 7}
      - input: ref("customers")
        format: csv
        fixture: customer_rows
    expect:
      rows:
        - {customer_id: 2, name: bob, total: 7}
        - {customer_id: 1, name: ann, total: 15}
  - name: totals_with_rate_is_wrong
    model: order_totals
    overrides:
      vars: {rate: 2}
    given:
      - input: ref('stg_orders')
        rows: [{customer_id: 1, amount: 10}]
      - input: ref('customers')
        format: sql
        rows: "select 1 as id, 'ann' as name"
    expect:
      rows:
        - {customer_id: 1, name: ann, total: 10}
  - name: incremental_only_new
    model: order_totals
    overrides:
      macros: {is_incremental: true}
    given:
      - input: ref('stg_orders')
        rows: [{customer_id: 1, amount: 10}, {customer_id: 3, amount: 4}]
      - input: ref('customers')
        rows: [{id: 1, name: ann}, {id: 3, name: cy}]
      - input: this
        rows: [{customer_id: 2, name: bob, total: 1}]
    expect:
      rows: [{customer_id: 3, total: 4}]
  - name: staging_passes_source_through
    model: stg_orders
    given:
      - input: source('raw', 'orders')
        rows: [{customer_id: 1, amount: 3}]
    expect:
      format: csv
      rows: |
        customer_id,amount
        1,3
`,
};

describe('unit tests', () => {
  it('run without building upstream models and show a diff on failure', async () => {
    const dir = writeProject(FILES);
    const r = await cli(dir, ['test', '-s', 'test_type:unit']);
    expect(statuses(dir)).toEqual({
      'unit_test.shop.order_totals.totals_per_customer': 'pass',
      'unit_test.shop.order_totals.totals_with_rate_is_wrong': 'fail',
      'unit_test.shop.order_totals.incremental_only_new': 'pass',
      'unit_test.shop.stg_orders.staging_passes_source_through': 'pass',
    });
    expect(r.code).toBe(1);
    expect(r.output).toContain(['  actual differs from expected:', '', '  @@ ,customer_id,name,total', '  +++,1,ann,20', '  ---,1,ann,10'].join('\n'));
    expect(r.output).toContain('Failure in test totals_with_rate_is_wrong (models/schema.yml)');
  });

  it('render the model in full-refresh mode unless is_incremental is overridden, even when its table exists', async () => {
    const dir = writeProject({
      ...FILES,
      'data/orders.csv': 'customer_id,amount\n1,10\n',
      'models/schema.yml': FILES['models/schema.yml'].replace('    tables: [{name: orders}]', "    meta: {external_location: 'data/{name}.csv'}\n    tables: [{name: orders}]"),
      'models/customers.sql': "select 1 as id, 'ann' as name\n",
    });
    const b = await cli(dir, ['build', '--exclude', 'test_type:unit']);
    expect(b.code, b.output).toBe(0);
    await cli(dir, ['test', '-s', 'test_type:unit']);
    // totals_per_customer expects customer 1 although the existing table already holds customer 1:
    // with is_incremental() true the model's filter would drop it
    expect(statuses(dir)).toMatchObject({
      'unit_test.shop.order_totals.totals_per_customer': 'pass',
      'unit_test.shop.order_totals.incremental_only_new': 'pass',
    });
  });

  it('in build, a failing unit test runs before its model and skips it', async () => {
    const dir = writeProject({
      'models/base.sql': 'select 1 as x\n',
      'models/doubled.sql': "select x * 3 as y from {{ ref('base') }}\n",
      'models/after.sql': "select * from {{ ref('doubled') }}\n",
      'models/schema.yml': "unit_tests:\n  - name: doubles\n    model: doubled\n    given:\n      - input: ref('base')\n        rows: [{x: 2}]\n    expect:\n      rows: [{y: 4}]\n",
    });
    const r = await cli(dir, ['build']);
    expect(r.code).toBe(1);
    const order = [...r.output.matchAll(/\d+ of 4 (?:START|SKIP) (?:sql view model main\.|test |relation main\.)(\w+)/g)].map((m) => m[1]);
    expect(order).toEqual(['base', 'doubles', 'doubled', 'after']);
    expect(statuses(dir)).toMatchObject({ 'unit_test.shop.doubled.doubles': 'fail', 'model.shop.doubled': 'skipped', 'model.shop.after': 'skipped' });
  });
});

describe('unit test fixture columns', () => {
  const given = (rows: string) =>
    `unit_tests:\n  - name: t\n    model: doubled\n    given:\n      - input: ref('base')\n        rows: ${rows}\n    expect:\n      rows: [{y: 2}]\n`;
  const files = (props: string) => ({
    'models/base.sql': "select 1 as id, 'a' as v\n",
    'models/doubled.sql': "select id * 2 as y from {{ ref('base') }}\n",
    'models/schema.yml': props,
  });

  it('a column the built upstream does not have is an error naming the input line, the closest column and the accepted ones', async () => {
    const dir = writeProject(files(given('[{idd: 1}]')));
    expect((await cli(dir, ['run', '-s', 'base'])).code).toBe(0);
    const r = await cli(dir, ['test', '-s', 'test_type:unit']);
    expect(r.code).toBe(1);
    expect(statuses(dir)).toEqual({ 'unit_test.shop.doubled.t': 'error' });
    expect(r.output).toContain("models/schema.yml:5:9: error[T001]: unit test `t`: `idd` is not a column of input `ref('base')`");
    expect(r.output).toContain('hint: did you mean `id`? the accepted columns of `base` are id, v');
    expect(r.output).not.toContain('actual differs from expected');
  });

  it('when the upstream is not built, its YAML columns are the accepted ones (CSV fixtures too)', async () => {
    const props = `models:\n  - name: base\n    columns: [{name: id}, {name: v}]\n${given('[{id: 1}]')}  - name: t2\n    model: doubled\n    given:\n      - input: ref('base')\n        format: csv\n        rows: |\n          id,vv\n          1,a\n    expect:\n      rows: [{y: 2}]\n`;
    const dir = writeProject(files(props));
    const r = await cli(dir, ['test', '-s', 'test_type:unit']);
    expect(r.code).toBe(1);
    expect(statuses(dir)).toEqual({ 'unit_test.shop.doubled.t': 'pass', 'unit_test.shop.doubled.t2': 'error' });
    expect(r.output).toContain("models/schema.yml:15:9: error[T001]: unit test `t2`: `vv` is not a column of input `ref('base')`");
    expect(r.output).toContain('hint: did you mean `v`? the accepted columns of `base` are id, v');
  });

  it('when neither the database nor the YAML knows the columns, any fixture column is accepted', async () => {
    const dir = writeProject(files(given('[{id: 1, extra: 5}]')));
    const r = await cli(dir, ['test', '-s', 'test_type:unit']);
    expect(r.code, r.output).toBe(0);
    expect(statuses(dir)).toEqual({ 'unit_test.shop.doubled.t': 'pass' });
  });
});
