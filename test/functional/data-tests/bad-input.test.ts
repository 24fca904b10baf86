// Mistakes in test definitions are clear errors naming the property file and line, with the closest
// valid name: unknown test, bad argument, unparseable threshold, unknown column, unit test input.
import { describe, expect, it } from 'vitest';
import { cli, writeProject } from '../../helpers/project.js';
import { manifest } from './helpers.js';

const yml = (tests: string) =>
  writeProject({
    'models/orders.sql': "select 1 as order_id, 'placed' as status\n",
    'models/schema.yml': `version: 2\nmodels:\n  - name: orders\n    columns:\n      - name: status\n        data_tests:\n${tests}`,
  });

describe('bad test definitions', () => {
  it('an unknown test name names the line and the closest test', async () => {
    const r = await cli(yml('          - not_nul\n'), ['parse']);
    expect(r.code).toBe(2);
    expect(r.output).toContain('models/schema.yml:7:13: error[T001]: unknown test `not_nul` on model `orders` column `status`');
    expect(r.output).toContain('hint: did you mean `not_null`');
  });

  it('an argument the test does not take, or one of the wrong type', async () => {
    let r = await cli(yml('          - accepted_values:\n              valuez: [placed]\n'), ['parse']);
    expect(r.code).toBe(2);
    expect(r.output).toContain('models/schema.yml:8:15: error[T001]: test `accepted_values` on model `orders` column `status` (models/schema.yml): `valuez` is not an argument of test `accepted_values`');
    expect(r.output).toContain('hint: did you mean `values`');
    r = await cli(yml('          - accepted_values:\n              values: placed\n'), ['parse']);
    expect(r.output).toMatch(/schema\.yml:8:15: error\[T001\]: .*argument `values` of test `accepted_values` must be a non-empty list, got "placed"/);
    r = await cli(yml('          - relationships: {field: id}\n'), ['parse']);
    expect(r.output).toMatch(/schema\.yml:7:13: error\[T001\]: .*test `relationships` needs the argument `to`/);
  });

  it('an unparseable threshold or severity', async () => {
    let r = await cli(yml('          - not_null:\n              config:\n                error_if: "more than 10"\n'), ['parse']);
    expect(r.code).toBe(2);
    expect(r.output).toMatch(/schema\.yml:9:17: error\[T001\]: .*`error_if` must be a comparison with a number such as ">10" or "!=0", got "more than 10"/);
    r = await cli(yml('          - not_null:\n              severity: warning\n'), ['parse']);
    expect(r.output).toMatch(/schema\.yml:8:15: error\[T001\]: .*severity must be `error` or `warn`, got `warning`/);
    expect(r.output).toContain('did you mean `warn`');
  });

  it('a test on a column the model does not have fails naming the YAML line and the closest column', async () => {
    const dir = writeProject({
      'models/orders.sql': "select 1 as order_id, 'placed' as status\n",
      'models/schema.yml': 'version: 2\nmodels:\n  - name: orders\n    columns:\n      - name: order_idd\n        data_tests: [not_null]\n',
    });
    const r = await cli(dir, ['build']);
    expect(r.code).toBe(1);
    expect(r.output).toContain('models/schema.yml:6:22: error[T001]: test not_null_orders_order_idd: `order_idd` is not a column of `orders`');
    expect(r.output).toContain('hint: did you mean `order_id`?');
  });

  it('a unit test input that is not an upstream of the model', async () => {
    const dir = writeProject({
      'models/stg.sql': 'select 1 as id\n',
      'models/orders.sql': "select * from {{ ref('stg') }}\n",
      'models/schema.yml': "unit_tests:\n  - name: t\n    model: orders\n    given:\n      - input: ref('stgg')\n        rows: [{id: 1}]\n    expect:\n      rows: [{id: 1}]\n  - name: t2\n    model: order\n    given: []\n    expect: {rows: []}\n",
    });
    const r = await cli(dir, ['parse']);
    expect(r.code).toBe(2);
    expect(r.output).toContain("models/schema.yml:5:9: error[T001]: unit test `t`: input `ref('stgg')` is not an upstream of model `orders`");
    expect(r.output).toContain("hint: did you mean `ref('stg')`?");
    expect(r.output).toContain('models/schema.yml:10:5: error[T001]: unit test `t2` tests model `order`, which does not exist');
    expect(r.output).toContain('did you mean `orders`');
  });
  it('a ref to a missing model in a test argument names the line and column of the value', async () => {
    const dir = writeProject({
      'models/base.sql': 'select 1 as id\n',
      'models/child.sql': 'select 1 as id, 1 as base_id\n',
      'models/props.yml': [
        'version: 2',
        'sources: [{name: raw, tables: [{name: events}]}]',
        'models:',
        '  - name: child',
        '    columns:',
        '      - name: base_id',
        '        data_tests:',
        "          - relationships: {to: ref('bse'), field: id}",
        '          - relationships:',
        '              field: id',
        "              to: \"ref('bse')\"",
        '          - relationships:',
        '              field: id',
        "              to: source('raw', 'event')",
        '',
      ].join('\n'),
    });
    const r = await cli(dir, ['parse']);
    expect(r.code).toBe(2);
    expect(r.output).toMatch(/models\/props\.yml:8:33: error\[P002\]: test 'relationships_child_base_id__id__ref_bse_' depends on a node named 'bse' which was not found/);
    expect(r.output).toMatch(/models\/props\.yml:11:19: error\[P002\]: test '[\w.]+' depends on a node named 'bse' which was not found/);
    expect(r.output).toContain('did you mean `base`');
    expect(r.output).toMatch(/models\/props\.yml:14:19: error\[P003\]: test '[\w.]+' depends on a source named 'raw.event' which was not found/);
    expect(r.output).not.toMatch(/models\/props\.yml: error\[P00[23]\]/);
  });
  it('a misspelt test config key is an error with the closest key; other custom keys are accepted', async () => {
    // in a `config:` block
    let r = await cli(yml('          - not_null:\n              config:\n                sevrity: warn\n'), ['parse']);
    expect(r.code).toBe(2);
    expect(r.output).toContain('models/schema.yml:9:17: error[T001]: test `not_null` on model `orders` column `status` (models/schema.yml): unknown config key `sevrity`');
    expect(r.output).toContain('hint: did you mean `severity`?');
    r = await cli(yml('          - accepted_values: {values: [placed], config: {store_failure: true}}\n'), ['parse']);
    expect(r.output).toMatch(/schema\.yml:7:58: error\[T001\]: .*unknown config key `store_failure`/);
    expect(r.output).toContain('did you mean `store_failures`');
    // next to the arguments, where it reads as an argument
    r = await cli(yml('          - not_null:\n              sevrity: warn\n'), ['parse']);
    expect(r.output).toMatch(/schema\.yml:8:15: error\[T001\]: .*`sevrity` is not an argument of test `not_null`/);
    expect(r.output).toContain('did you mean the config `severity`?');
    // a custom key is kept in the config
    const dir = yml('          - not_null:\n              config: {owner: data-team, severity: warn}\n');
    r = await cli(dir, ['parse']);
    expect(r.code, r.output).toBe(0);
    expect(manifest(dir).nodes['test.shop.not_null_orders_status'].config).toMatchObject({ owner: 'data-team', severity: 'WARN' });
  });

  it('a misspelt test config key in project.yml or a singular test names that file and line', async () => {
    let dir = writeProject({
      'project.yml': "name: shop\nprofile: shop\nversion: '1.0'\nconfig-version: 2\ndata_tests:\n  +sevrity: warn\n",
      'models/orders.sql': 'select 1 as id\n',
      'models/schema.yml': 'version: 2\nmodels:\n  - name: orders\n    columns:\n      - name: id\n        data_tests: [not_null, unique]\n',
    });
    let r = await cli(dir, ['parse']);
    expect(r.code).toBe(2);
    expect(r.output).toContain('project.yml:6:3: error[T001]: unknown data test config key `sevrity`');
    expect(r.output).toContain('hint: did you mean `severity`?');
    // reported once, not once per test
    expect(r.output.match(/unknown data test config key/g)).toHaveLength(1);
    dir = writeProject({
      'models/orders.sql': 'select 1 as id\n',
      'tests/no_orders.sql': "-- no rows\n{{ config(sevrity='warn', owner='me') }}\nselect * from {{ ref('orders') }} where id < 0\n",
    });
    r = await cli(dir, ['parse']);
    expect(r.code).toBe(2);
    expect(r.output).toContain('tests/no_orders.sql:2:11: error[T001]: test `no_orders`: unknown config key `sevrity`');
    expect(r.output).toContain('did you mean `severity`?');
  });
});
