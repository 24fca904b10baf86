// Generic test macros as packages write them: a `{{ config(fail_calc=...) }}` inside the (dispatched)
// test macro sets how failures are counted, below the test's own YAML config; should_store_failures()
// is callable; and a profile's other outputs are not rendered, so an env var only a cloud or prod
// target uses need not be set.
import { describe, expect, it } from 'vitest';
import { cli, queryDb, writeProject } from '../../helpers/project.js';

const MACROS = `{% test rows_match(model, other) %}
  {{ return(adapter.dispatch('test_rows_match', 'shop')(model, other)) }}
{% endtest %}

{% macro default__test_rows_match(model, other) %}
{{ config(fail_calc = 'sum(coalesce(gap, 0))') }}
{%- if not execute -%}{{ return('') }}{%- endif -%}
select abs((select count(*) from {{ model }}) - (select count(*) from {{ other }})) as gap
{% endmacro %}

{% test no_negatives(model, column_name) %}
{% set cols = '*, true as stored' if should_store_failures() else column_name %}
select {{ cols }} from {{ model }} where {{ column_name }} < 0
{% endtest %}
`;

const SCHEMA = `version: 2
models:
  - name: three
    data_tests:
      - rows_match:
          other: ref('also_three')
      - rows_match:
          name: gap_warns
          other: ref('one')
          config:
            severity: warn
      - rows_match:
          name: own_fail_calc_wins
          other: ref('one')
          config:
            fail_calc: "count(*) * 0"
    columns:
      - name: n
        data_tests: [no_negatives]
`;

const PROFILES = `shop:
  target: "{{ env_var('SHOP_TARGET', 'dev') }}"
  outputs:
    dev:
      type: duckdb
      path: shop.duckdb
      schema: main
    cloud:
      type: duckdb
      path: "md:shop?token={{ env_var('SHOP_CLOUD_TOKEN_NOT_SET') }}"
      schema: main
`;

describe('generic test macros written as packages write them', () => {
  it('honour config() in the macro, should_store_failures(), and leave other outputs unrendered', async () => {
    const dir = writeProject({
      'profiles.yml': PROFILES,
      'macros/tests.sql': MACROS,
      'models/three.sql': 'select * from range(3) t(n)\n',
      'models/also_three.sql': 'select * from range(3) t(n)\n',
      'models/one.sql': 'select * from range(1) t(n)\n',
      'models/schema.yml': SCHEMA,
    });
    const r = await cli(dir, ['build']);
    expect(r.output).not.toContain('error[');
    expect(r.code).toBe(0);
    // one row per test: count(*) would say 1; the macro's fail_calc sums the gap
    expect(r.output).toMatch(/PASS rows_match_three_ref_also_three_/);
    expect(r.output).toMatch(/WARN 2 gap_warns/);
    expect(r.output).toMatch(/PASS own_fail_calc_wins/);
    expect(r.output).toMatch(/PASS no_negatives_three_n/);
    const stored = await cli(dir, ['test', '--store-failures', '--select', 'no_negatives_three_n']);
    expect(stored.output).not.toContain('error[');
    expect(stored.code).toBe(0);
    const cols = await queryDb(dir, "select column_name from information_schema.columns where table_name = 'no_negatives_three_n' order by ordinal_position");
    expect(cols.map((c) => c.column_name)).toEqual(['n', 'stored']);
  });
});
