// Jinja materializations: `{% materialization name, default %}` / `adapter='duckdb'` blocks of the
// project and of packages build models; dbt's precedence picks the block; the statements run once,
// in a transaction, with hooks and run_results; mistakes are clear errors.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, queryDb, writeFiles, writeProject } from '../../helpers/project.js';

const MY_TABLE = `{% materialization my_table, default %}
  {%- set target_relation = this.incorporate(type='table') -%}
  {{ run_hooks(pre_hooks) }}
  {% call statement('main') -%}
    create or replace table {{ target_relation }} as ({{ sql }})
  {%- endcall %}
  {{ run_hooks(post_hooks) }}
  {{ return({'relations': [target_relation]}) }}
{% endmaterialization %}
`;

/** Builds under a temporary name, checks it, and swaps it in; `fail_check` makes the check fail. */
const SWAP = `{% materialization swap_table, adapter='duckdb' %}
  {%- set target_relation = this.incorporate(type='table') -%}
  {%- set existing = load_relation(this) -%}
  {%- set tmp = make_temp_relation(target_relation) -%}
  {{ drop_relation_if_exists(load_relation(tmp)) }}
  {{ run_hooks(pre_hooks, inside_transaction=False) }}
  {{ run_hooks(pre_hooks) }}
  {% call statement('main') -%}
    {{ create_table_as(False, tmp, sql) }}
  {%- endcall %}
  {% call statement('check', fetch_result=True) -%}
    select count(*) as n from {{ tmp }}
  {%- endcall %}
  {% set n = load_result('check')['data'][0][0] %}
  {% if config.get('fail_check', false) %}
    {% call statement('boom') %}select error('check failed: ' || {{ n }}){% endcall %}
  {% endif %}
  {% if existing is not none %}{{ adapter.drop_relation(existing) }}{% endif %}
  {{ adapter.rename_relation(tmp, target_relation) }}
  {{ run_hooks(post_hooks) }}
  {{ adapter.commit() }}
  {{ run_hooks(post_hooks, inside_transaction=False) }}
  {{ return({'relations': [target_relation]}) }}
{% endmaterialization %}
`;

function runResults(dir: string): { unique_id: string; status: string; message: string; adapter_response: Record<string, unknown> }[] {
  return JSON.parse(readFileSync(join(dir, 'target/run_results.json'), 'utf8')).results;
}

describe('user-defined materializations', () => {
  it('renders deterministically across its statements: one clock, each log line printed once', async () => {
    const dir = writeProject({
      'macros/stamped.sql': `{% materialization stamped, default %}
  {%- set target_relation = this.incorporate(type='table') -%}
  {%- set at = modules.datetime.datetime.now() -%}
  {% do log('MATLOG building ' ~ this.identifier, info=True) %}
  {% call statement('main') -%}
    create or replace table {{ target_relation }} as (select *, '{{ at }}' as built_at from ({{ sql }}))
  {%- endcall %}
  {% call statement('stamp') -%}
    create or replace table {{ target_relation.identifier }}_stamp as select '{{ at }}' as built_at
  {%- endcall %}
  {{ return({'relations': [target_relation]}) }}
{% endmaterialization %}
`,
      'models/s.sql': "{{ config(materialized='stamped') }}\nselect 1 as id\n",
    });
    const r = await cli(dir, ['run']);
    expect(r.code, r.output).toBe(0);
    expect(r.output.match(/MATLOG building s/g)).toHaveLength(1);
    const [a] = await queryDb(dir, 'select built_at from s');
    expect(await queryDb(dir, 'select built_at from s_stamp')).toEqual([a]);
  });

  it('a project materialization builds the table, with hooks, console line and run_results', async () => {
    const dir = writeProject({
      'macros/my_mat.sql': MY_TABLE,
      'models/x.sql': "{{ config(materialized='my_table', pre_hook='create table if not exists audit (what varchar)', post_hook=\"insert into audit select 'post ' || count(*) from {{ this }}\") }}\nselect 1 as id union all select 2\n",
      'models/y.sql': "select count(*)::int as n from {{ ref('x') }}\n",
    });
    const r = await cli(dir, ['run']);
    expect(r.output).not.toContain('error[');
    expect(r.code).toBe(0);
    expect(r.output).toMatch(/START sql my_table model main\.x/);
    expect(r.output).toMatch(/OK created sql my_table model main\.x/);
    expect(await queryDb(dir, 'select id::int as id from x order by id')).toEqual([{ id: 1 }, { id: 2 }]);
    expect(await queryDb(dir, "select table_type from information_schema.tables where table_name = 'x'")).toEqual([{ table_type: 'BASE TABLE' }]);
    expect(await queryDb(dir, 'select n from y')).toEqual([{ n: 2 }]);
    expect(await queryDb(dir, 'select what from audit')).toEqual([{ what: 'post 2' }]);
    const x = runResults(dir).find((res) => res.unique_id === 'model.shop.x')!;
    expect(x.status).toBe('success');
    expect(x.adapter_response).toMatchObject({ code: 'OK', rows_affected: 2 });
    // the statements sent, once each, in the model's run SQL
    const run = readFileSync(join(dir, 'target/run/shop/models/x.sql'), 'utf8');
    expect(run.match(/create or replace table/g)).toHaveLength(1);
    expect(run).toContain('begin transaction');
    expect(run).toContain('commit');
    // a second run replaces the table
    writeFiles(dir, { 'models/x.sql': "{{ config(materialized='my_table') }}\nselect 7 as id\n" });
    expect((await cli(dir, ['run', '-s', 'x'])).code).toBe(0);
    expect(await queryDb(dir, 'select id::int as id from x')).toEqual([{ id: 7 }]);
  });

  it('the adapter-specific block beats the default one; the manifest names both macros', async () => {
    const dir = writeProject({
      'macros/mats.sql': `{% materialization flavoured, default %}
  {% call statement('main') %}create or replace table {{ this }} as select 'default' as flavour{% endcall %}
  {{ return({'relations': [this.incorporate(type='table')]}) }}
{% endmaterialization %}
{% materialization flavoured, adapter='duckdb' %}
  {% call statement('main') %}create or replace table {{ this }} as select 'duckdb' as flavour, * from ({{ sql }}){% endcall %}
  {{ return({'relations': [this.incorporate(type='table')]}) }}
{% endmaterialization %}
{% materialization only_default, default %}
  {% call statement('main') %}create or replace view {{ this }} as {{ sql }}{% endcall %}
  {{ return({'relations': [this.incorporate(type='view')]}) }}
{% endmaterialization %}
`,
      'models/f.sql': "{{ config(materialized='flavoured') }}\nselect 1 as id\n",
      'models/d.sql': "{{ config(materialized='only_default') }}\nselect 2 as id\n",
    });
    const r = await cli(dir, ['run']);
    expect(r.output).not.toContain('error[');
    expect(r.code).toBe(0);
    expect(await queryDb(dir, 'select flavour, id::int as id from f')).toEqual([{ flavour: 'duckdb', id: 1 }]);
    expect(await queryDb(dir, "select table_type from information_schema.tables where table_name = 'd'")).toEqual([{ table_type: 'VIEW' }]);
    const macros = Object.keys(JSON.parse(readFileSync(join(dir, 'target/manifest.json'), 'utf8')).macros);
    expect(macros).toEqual(expect.arrayContaining(['macro.shop.materialization_flavoured_default', 'macro.shop.materialization_flavoured_duckdb', 'macro.shop.materialization_only_default_default']));
  });

  it("a project's adapter='duckdb' block replaces a built-in; a default one does not (as on dbt-duckdb), with a warning", async () => {
    const dir = writeProject({
      'macros/table.sql': `{% materialization table, adapter='duckdb' %}
  {% call statement('main') %}create or replace table {{ this }} as select 'mine' as made_by, * from ({{ sql }}){% endcall %}
  {{ return({'relations': [this.incorporate(type='table')]}) }}
{% endmaterialization %}
{% materialization incremental, default %}
  {{ exceptions.raise_compiler_error('never used') }}
{% endmaterialization %}
`,
      'models/t.sql': "{{ config(materialized='table') }}\nselect 1 as id\n",
      'models/i.sql': "{{ config(materialized='incremental') }}\nselect 1 as id\n",
    });
    const r = await cli(dir, ['run']);
    expect(r.output).not.toContain('error[');
    expect(r.code).toBe(0);
    expect(r.output).toMatch(/OK created sql table model main\.t/);
    expect(await queryDb(dir, 'select made_by, id::int as id from t')).toEqual([{ made_by: 'mine', id: 1 }]);
    expect(await queryDb(dir, 'select id::int as id from i')).toEqual([{ id: 1 }]);
    expect(r.output).toMatch(/materialization 'incremental' in macros\/table\.sql is not used: .*adapter='duckdb'/);
  });

  it("a package's materialization registers; a package cannot replace a built-in", async () => {
    const dir = writeProject({
      'packages.yml': 'packages:\n  - local: vendor/mats\n',
      'vendor/mats/dbt_project.yml': "name: mats\nversion: '1.0'\nconfig-version: 2\n",
      'vendor/mats/macros/mats.sql': `{% macro mats_label() %}'from package'{% endmacro %}
{% materialization labelled, default %}
  {% call statement('main') %}create or replace table {{ this }} as select {{ mats_label() }} as label, * from ({{ sql }}){% endcall %}
  {{ return({'relations': [this.incorporate(type='table')]}) }}
{% endmaterialization %}
{% materialization table, adapter='duckdb' %}
  {{ exceptions.raise_compiler_error('a package must not replace table') }}
{% endmaterialization %}
`,
      'models/l.sql': "{{ config(materialized='labelled') }}\nselect 1 as id\n",
      'models/t.sql': "{{ config(materialized='table') }}\nselect 2 as id\n",
    });
    expect((await cli(dir, ['deps'])).code).toBe(0);
    const r = await cli(dir, ['run']);
    expect(r.output).not.toContain('error[');
    expect(r.code).toBe(0);
    expect(await queryDb(dir, 'select label, id::int as id from l')).toEqual([{ label: 'from package', id: 1 }]);
    expect(await queryDb(dir, 'select id::int as id from t')).toEqual([{ id: 2 }]);
    expect(r.output).toMatch(/materialization 'table' in .*mats\.sql is not used: a package cannot replace a built-in/);
  });

  it('a materialization that returns nothing is an error naming it and its file', async () => {
    const dir = writeProject({
      'macros/bad.sql': `{% materialization no_return, default %}
  {% call statement('main') %}create or replace table {{ this }} as {{ sql }}{% endcall %}
{% endmaterialization %}
`,
      'models/n.sql': "{{ config(materialized='no_return') }}\nselect 1 as id\n",
      'models/after_n.sql': "select * from {{ ref('n') }}\n",
      'models/other.sql': 'select 3 as id\n',
    });
    const r = await cli(dir, ['run']);
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/materialization 'no_return' \(materialization_no_return_default in macros\/bad\.sql\) did not return the relations it built/);
    expect(r.output).toContain("return({'relations': [target_relation]})");
    // its statement was rolled back; the rest of the run goes on, descendants are skipped
    expect(await queryDb(dir, "select count(*)::int as c from information_schema.tables where table_name = 'n'")).toEqual([{ c: 0 }]);
    expect(await queryDb(dir, 'select id::int as id from other')).toEqual([{ id: 3 }]);
    const byId = Object.fromEntries(runResults(dir).map((res) => [res.unique_id, res.status]));
    expect(byId).toEqual({ 'model.shop.n': 'error', 'model.shop.after_n': 'skipped', 'model.shop.other': 'success' });
  });

  it('a failing statement is a node ERROR with DuckDB’s message and the model file; the previous table stays', async () => {
    const dir = writeProject({
      'macros/swap.sql': SWAP,
      'models/s.sql': "{{ config(materialized='swap_table') }}\nselect 1 as id union all select 2\n",
      'models/after_s.sql': "select * from {{ ref('s') }}\n",
      'models/other.sql': 'select 3 as id\n',
    });
    const first = await cli(dir, ['run']);
    expect(first.output).not.toContain('error[');
    expect(first.code).toBe(0);
    expect(await queryDb(dir, 'select id::int as id from s order by id')).toEqual([{ id: 1 }, { id: 2 }]);
    expect(runResults(dir).find((res) => res.unique_id === 'model.shop.s')!.adapter_response).toMatchObject({ rows_affected: 2 });

    // a statement after the temp table was built fails: everything is rolled back
    writeFiles(dir, { 'models/s.sql': "{{ config(materialized='swap_table', fail_check=true) }}\nselect 10 as id\n" });
    const failed = await cli(dir, ['run']);
    expect(failed.code).toBe(1);
    expect(failed.output).toMatch(/models\/s\.sql: error\[R001\]: .*check failed: 1/);
    expect(failed.output).toMatch(/materialization 'swap_table' \(materialization_swap_table_duckdb in macros\/swap\.sql\)/);
    expect(failed.output).toMatch(/ERROR creating sql swap_table model main\.s/);
    expect(await queryDb(dir, 'select id::int as id from s order by id')).toEqual([{ id: 1 }, { id: 2 }]);
    expect(await queryDb(dir, "select count(*)::int as c from information_schema.tables where table_name like 's__dbt_tmp'")).toEqual([{ c: 0 }]);
    const byId = Object.fromEntries(runResults(dir).map((res) => [res.unique_id, res.status]));
    expect(byId).toEqual({ 'model.shop.s': 'error', 'model.shop.after_s': 'skipped', 'model.shop.other': 'success' });

    // bad model SQL: DuckDB's own message
    writeFiles(dir, { 'models/s.sql': "{{ config(materialized='swap_table') }}\nselect no_such_column\n" });
    const bad = await cli(dir, ['run', '-s', 's']);
    expect(bad.code).toBe(1);
    expect(bad.output).toMatch(/models\/s\.sql:2:8: error\[R001\]: .*no_such_column/);
    expect(await queryDb(dir, 'select id::int as id from s order by id')).toEqual([{ id: 1 }, { id: 2 }]);

    // fixed: swapped in
    writeFiles(dir, { 'models/s.sql': "{{ config(materialized='swap_table') }}\nselect 5 as id\n" });
    expect((await cli(dir, ['run', '-s', 's'])).code).toBe(0);
    expect(await queryDb(dir, 'select id::int as id from s')).toEqual([{ id: 5 }]);
  });

  it('an error raised in the block points at the macro file', async () => {
    const dir = writeProject({
      'macros/raise.sql': `{% materialization strict, default %}
  {% if not config.get('allowed') %}
    {{ exceptions.raise_compiler_error('strict models need allowed=true') }}
  {% endif %}
  {{ return({'relations': []}) }}
{% endmaterialization %}
`,
      'models/m.sql': "{{ config(materialized='strict') }}\nselect 1 as id\n",
    });
    const r = await cli(dir, ['run']);
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/macros\/raise\.sql:3:\d+: error\[P001\]: Compilation Error: strict models need allowed=true \(in macro 'materialization_strict_default', called from models\/m\.sql\)/);
  });

  it('an unknown materialization lists the available ones with the closest name', async () => {
    const dir = writeProject({
      'macros/my_mat.sql': MY_TABLE,
      'models/x.sql': "{{ config(materialized='my_tabel') }}\nselect 1 as id\n",
    });
    const r = await cli(dir, ['run']);
    expect(r.code).toBe(2);
    expect(r.output).toMatch(/models\/x\.sql: error\[P006\]: unknown materialization 'my_tabel'/);
    expect(r.output).toMatch(/hint: did you mean `my_table`.*available: view, table, incremental, ephemeral, external, my_table/);
  });

  it('should_full_refresh() and statement results reach the block', async () => {
    const dir = writeProject({
      'macros/appender.sql': `{% materialization appender, default %}
  {%- set existing = load_cached_relation(this) -%}
  {% if existing is none or should_full_refresh() %}
    {% call statement('main') %}create or replace table {{ this }} as {{ sql }}{% endcall %}
  {% else %}
    {% set before = run_query('select count(*) from ' ~ this) %}
    {% call statement('main') %}insert into {{ this }} {{ sql }}{% endcall %}
    {% call statement('log') %}create or replace table append_log as select {{ before.rows[0][0] }} as before, {{ load_result('main')['response']['rows_affected'] }} as added{% endcall %}
  {% endif %}
  {{ return({'relations': [this.incorporate(type='table')]}) }}
{% endmaterialization %}
`,
      'models/a.sql': "{{ config(materialized='appender') }}\nselect 1 as id union all select 2\n",
    });
    expect((await cli(dir, ['run'])).code).toBe(0);
    const second = await cli(dir, ['run']);
    expect(second.output).not.toContain('error[');
    expect(await queryDb(dir, 'select count(*)::int as c from a')).toEqual([{ c: 4 }]);
    expect(await queryDb(dir, 'select before::int as before, added::int as added from append_log')).toEqual([{ before: 2, added: 2 }]);
    expect((await cli(dir, ['run', '--full-refresh'])).code).toBe(0);
    expect(await queryDb(dir, 'select count(*)::int as c from a')).toEqual([{ c: 2 }]);
  });
});
