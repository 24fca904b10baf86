// The `dbt` namespace of cross-database macros on DuckDB (called as dbt.x(), bare x(), and through
// adapter.dispatch), compared with the values dbt's macros produce; date_spine queries at run time.
import { describe, expect, it } from 'vitest';
import { cli, queryDb, writeProject } from '../../helpers/project.js';

const MODEL = `{{ config(materialized='table') }}
select
  ({{ dbt.dateadd('day', 3, "date '2024-01-30'") }})::date as dateadd_day,
  ({{ dateadd('month', 1, "date '2024-01-31'") }})::date as dateadd_month,
  {{ dbt.datediff("date '2024-01-01'", "date '2024-03-15'", 'day') }} as datediff_day,
  {{ dbt.datediff("date '2023-11-20'", "date '2024-02-01'", 'month') }} as datediff_month,
  {{ dbt.date_trunc('month', "date '2024-02-17'") }}::date as trunc_month,
  {{ dbt.last_day("date '2024-02-10'", 'month') }} as last_day_month,
  {{ dbt.last_day("date '2024-05-10'", 'quarter') }} as last_day_quarter,
  {{ dbt.split_part("'a-b-c'", "'-'", 2) }} as split_2,
  {{ dbt.split_part("'a-b-c'", "'-'", -1) }} as split_last,
  {{ dbt.concat(["'x'", "'y'", "'z'"]) }} as concat_xyz,
  {{ dbt.hash("'abc'") }} as hash_abc,
  {{ dbt.safe_cast("'12'", dbt.type_int()) }} as safe_cast_int,
  {{ dbt.cast("'1.5'", dbt.type_float()) }} as cast_float,
  {{ dbt.position("'c'", "'abcd'") }} as position_c,
  {{ dbt.length("'hello'") }} as length_hello,
  {{ dbt.replace("'a.b.c'", "'.'", "'/'") }} as replaced,
  {{ dbt.right("'abcdef'", 2) }} as right_2,
  {{ dbt.string_literal(dbt.escape_single_quotes("it's")) }} as quoted,
  {{ dbt.cast_bool_to_text('true') }} as bool_text,
  {{ dbt.array_construct([1, 2]) }} as arr,
  {{ dbt.array_append(dbt.array_construct([1]), 5) }} as arr_appended,
  {{ dbt.array_concat(dbt.array_construct([1]), dbt.array_construct([2, 3])) }} as arr_concat,
  {{ dbt.date(2024, 2, 29) }} as made_date,
  {{ dbt.current_timestamp() }} is not null as has_now,
  '{{ dbt.type_string() }}|{{ type_int() }}|{{ dbt.type_bigint() }}|{{ dbt.type_float() }}|{{ dbt.type_numeric() }}|{{ dbt.type_boolean() }}|{{ dbt.type_timestamp() }}' as type_names
`;

const AGG = `{{ config(materialized='table') }}
with t as (select * from (values (1, 'b', true), (1, 'a', false), (2, 'c', false)) v(k, s, f))
select k, {{ dbt.listagg('s', "','", 'order by s') }} as joined, {{ dbt.bool_or('f') }} as any_f, {{ dbt.any_value('k') }} as anyk
from t group by k
{{ dbt.except() }}
select 9, 'z', false, 9
order by k
`;

const SPINE = `{{ config(materialized='table') }}
{{ dbt.date_spine('day', "date '2024-01-01'", "date '2024-01-05'") }}
`;

const SERIES = `{{ config(materialized='table') }}
{{ dbt.generate_series(4) }}
`;

describe('the dbt namespace of cross-database macros', () => {
  it('compiles to SQL DuckDB runs with dbt results', async () => {
    const dir = writeProject({ 'models/crossdb.sql': MODEL, 'models/aggs.sql': AGG, 'models/spine.sql': SPINE, 'models/series.sql': SERIES });
    const r = await cli(dir, ['build']);
    expect(r.output).toContain('PASS=4');
    const [row] = await queryDb(dir, 'select * exclude (hash_abc), hash_abc = md5(\'abc\') as hash_ok from main.crossdb');
    expect(row).toEqual({
      dateadd_day: '2024-02-02',
      dateadd_month: '2024-02-29',
      datediff_day: '74',
      datediff_month: '3',
      trunc_month: '2024-02-01',
      last_day_month: '2024-02-29',
      last_day_quarter: '2024-06-30',
      split_2: 'b',
      split_last: 'c',
      concat_xyz: 'xyz',
      safe_cast_int: 12,
      cast_float: 1.5,
      position_c: '3',
      length_hello: '5',
      replaced: 'a/b/c',
      right_2: 'ef',
      quoted: "it's",
      bool_text: 'true',
      arr: [1, 2],
      arr_appended: [1, 5],
      arr_concat: [1, 2, 3],
      made_date: '2024-02-29',
      has_now: true,
      type_names: 'TEXT|INT|bigint|FLOAT|numeric(28,6)|BOOLEAN|TIMESTAMP',
      hash_ok: true,
    });
    expect(await queryDb(dir, 'select k, joined, any_f, anyk from main.aggs order by k')).toEqual([
      { k: 1, joined: 'a,b', any_f: true, anyk: 1 },
      { k: 2, joined: 'c', any_f: false, anyk: 2 },
    ]);
    const spine = await queryDb(dir, 'select strftime(date_day, \'%m-%d\') as d from main.spine order by 1');
    // the end date is exclusive, as in dbt; four periods means the statement() counting them ran
    expect(spine.map((x) => x.d)).toEqual(['01-01', '01-02', '01-03', '01-04']);
    expect((await queryDb(dir, 'select generated_number as n from main.series order by 1')).map((x) => x.n)).toEqual(['1', '2', '3', '4']);
  });

  it('lets the project override a macro, a dispatch candidate, or the search order', async () => {
    const dir = writeProject({
      'project.yml': `name: shop\nprofile: shop\nversion: '1.0'\nconfig-version: 2\ndispatch:\n  - macro_namespace: my_utils\n    search_order: [shop, my_utils]\n`,
      // a project macro of the same name replaces the built-in for bare calls
      'macros/overrides.sql': `{% macro type_string() %}varchar(42){% endmacro %}
{% macro default__hash(field) %}'hashed:' || {{ field }}{% endmacro %}
{% macro greet(name) %}{{ return(adapter.dispatch('greet', 'my_utils')(name)) }}{% endmacro %}
{% macro default__greet(name) %}'project says hi ' || {{ name }}{% endmacro %}
{% macro wrapper() %}{{ return(adapter.dispatch('shout')('x')) }}{% endmacro %}
{% macro duckdb__shout(s) %}upper('{{ s }}')||'!'{% endmacro %}
{% macro default__shout(s) %}'{{ s }}'{% endmacro %}`,
      'models/o.sql': `{{ config(materialized='table') }}
select '{{ type_string() }}' as bare, '{{ dbt.type_string() }}' as namespaced, {{ dbt.hash("'a'") }} as hashed,
  {{ greet("'bo'") }} as greeting, {{ wrapper() }} as shouted`,
    });
    const r = await cli(dir, ['build']);
    expect(r.output).toContain('PASS=1');
    expect(await queryDb(dir, 'select * from main.o')).toEqual([
      { bare: 'varchar(42)', namespaced: 'TEXT', hashed: 'hashed:a', greeting: 'project says hi bo', shouted: 'X!' },
    ]);
  });
});
