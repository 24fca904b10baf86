// Every built-in generic test (dbt's four and the data-quality library) passing on a clean model and
// failing on a dirty one with the same columns, in one build over a real DuckDB file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, writeProject } from '../../helpers/project.js';
import { manifest, runResults, statuses } from './helpers.js';

const GOOD = `select * from (values
  (1, 1, 'a', 10.0, 'x', 'AB1', 1),
  (2, 1, 'b', 20.0, 'y', 'AB2', 2),
  (3, 2, 'a', 30.0, 'z', 'AB3', 3)
) t(id, parent_id, status, amount, name, code, seq), (select cast(current_timestamp as timestamp) as loaded_at)
`;
const BAD = `select * from (values
  (1, 1, 'a', 10, 'x', 'AB1', 1),
  (1, 9, 'c', -5, '', 'zz', 5),
  (null, null, 'a', null, ' ', 'AB3', 6),
  (1, 1, 'a', 10, 'x', 'AB1', 7)
) t(id, parent_id, status, amount, name, code, seq), (select timestamp '2000-01-01' as loaded_at)
`;

const testsFor = (model: string) => `
  - name: ${model}
    data_tests:
      - expression_is_true: {expression: "amount >= 0"}
      - row_count: {min_value: 3, max_value: 3}
      - equal_rowcount: {compare_model: "ref('three')"}
      - fewer_rows_than: {compare_model: "ref('four')"}
      - recency: {field: loaded_at, datepart: day, interval: 1}
      - unique_combination_of_columns: {combination_of_columns: [id, parent_id]}
      - columns_match:
          columns: [{name: id, data_type: integer}, {name: amount, data_type: "decimal(3,1)"}]
          exact: false
    columns:
      - name: id
        data_tests: [unique, not_null]
      - name: status
        data_tests:
          - accepted_values: {values: [a, b]}
      - name: parent_id
        data_tests:
          - relationships: {to: ref('parents'), field: id}
          - relationships_where: {to: ref('parents'), field: id, from_condition: "id is not null"}
      - name: amount
        data_tests:
          - accepted_range: {min_value: 0}
          - not_null_proportion: {at_least: 0.9}
          - mean_between: {min_value: 6, max_value: 50}
          - stddev_between: {min_value: 9}
      - name: name
        data_tests: [not_empty_string]
      - name: code
        data_tests:
          - matches_regex: {regex: "^[A-Z]{2}[0-9]$"}
      - name: seq
        data_tests: [sequential_values]
`;

const BUILTINS = [
  'unique', 'not_null', 'accepted_values', 'relationships', 'relationships_where', 'accepted_range', 'not_null_proportion',
  'unique_combination_of_columns', 'expression_is_true', 'row_count', 'equal_rowcount', 'fewer_rows_than', 'recency',
  'not_empty_string', 'matches_regex', 'columns_match', 'sequential_values', 'mean_between', 'stddev_between',
];

describe('built-in generic tests', () => {
  it('each passes on clean data and fails on dirty data', async () => {
    const dir = writeProject({
      'models/good.sql': GOOD,
      'models/bad.sql': BAD,
      'models/parents.sql': 'select * from (values (1), (2)) t(id)\n',
      'models/three.sql': 'select * from range(3)\n',
      'models/four.sql': 'select * from range(4)\n',
      'models/schema.yml': `version: 2\nmodels:${testsFor('good')}${testsFor('bad')}`,
    });
    const r = await cli(dir, ['build', '--threads', '4']);
    expect(r.code).toBe(1);
    const nodes = manifest(dir).nodes;
    const got: Record<string, string> = {};
    for (const res of runResults(dir)) {
      const n = nodes[res.unique_id];
      const meta = n.test_metadata as { name: string } | null;
      if (meta) got[`${meta.name}:${String(n.attached_node).split('.').pop()}`] = res.status;
    }
    const want: Record<string, string> = {};
    for (const b of BUILTINS) {
      want[`${b}:good`] = 'pass';
      want[`${b}:bad`] = 'fail';
    }
    expect(got).toEqual(want);
    // dbt's names, and failures counted like dbt
    const byId = Object.fromEntries(runResults(dir).map((x) => [x.unique_id, x]));
    expect(byId['test.shop.not_null_bad_id'].failures).toBe(1);
    expect(byId['test.shop.unique_bad_id'].failures).toBe(1);
    expect(byId['test.shop.accepted_values_bad_status__a__b'].message).toBe('Got 1 result, configured to fail if !=0');
    expect(byId['test.shop.relationships_bad_parent_id__id__ref_parents_'].status).toBe('fail');
    expect(r.output).toContain('Done. PASS=24 WARN=0 ERROR=19 SKIP=0 TOTAL=43');
  });

  it('accepted_values with quote: false compares unquoted, and compile writes each test under its YAML file', async () => {
    const dir = writeProject({
      'models/nums.sql': 'select * from (values (1), (2)) t(n)\n',
      'models/schema.yml': 'models:\n  - name: nums\n    columns:\n      - name: n\n        tests:\n          - accepted_values: {values: [1, 2], quote: false}\n          - accepted_values: {values: [1], quote: false}\n',
    });
    expect((await cli(dir, ['compile'])).code).toBe(0);
    const compiled = readFileSync(join(dir, 'target/compiled/shop/models/schema.yml/accepted_values_nums_n__False__1__2.sql'), 'utf8');
    expect(compiled).toContain('where value_field not in (1, 2)');
    expect((await cli(dir, ['build'])).code).toBe(1);
    expect(statuses(dir)).toMatchObject({ 'test.shop.accepted_values_nums_n__False__1__2': 'pass', 'test.shop.accepted_values_nums_n__False__1': 'fail' });
  });
});
