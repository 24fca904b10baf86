// Introspection while rendering: run_query() results a model branches on, statement()/load_result(),
// statements with side effects running exactly once, adapter relation and column calls, api.Relation,
// this.incorporate(), graph.nodes, and `execute` false at parse time (run_query returning None).
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { cli, queryDb, writeProject } from '../../helpers/project.js';

const FILES = {
  'seeds/raw_payments.csv': 'id,method,amount\n1,card,10\n2,cash,5\n3,card,7\n4,voucher,1\n',
  // pivot on whatever methods exist, found by querying the database while compiling
  'models/pivot.sql': `{{ config(materialized='table') }}
{%- set methods_query -%}select distinct method from {{ ref('raw_payments') }} order by 1{%- endset -%}
{%- set results = run_query(methods_query) -%}
{%- if execute -%}{%- set methods = results.columns[0].values() -%}{%- else -%}{%- set methods = [] -%}{%- endif -%}
{%- do results.print_table() if execute -%}
select
  {% for m in methods -%}
  sum(case when method = '{{ m }}' then amount else 0 end) as {{ m }}_amount{{ ',' if not loop.last }}
  {% endfor -%}
from {{ ref('raw_payments') }}
`,
  'models/introspect.sql': `{{ config(materialized='table') }}
{%- call statement('setup') -%}create table if not exists main.audit_log (note varchar){%- endcall -%}
{%- call statement('audit') -%}insert into main.audit_log values ('rendered {{ this.name }}'){%- endcall -%}
{%- call statement('totals', fetch_result=True) -%}select method, sum(amount) as total from {{ ref('raw_payments') }} group by 1 order by 1{%- endcall -%}
{%- set totals = load_result('totals') -%}
{%- set cols = adapter.get_columns_in_relation(ref('raw_payments')) -%}
{%- set found = adapter.get_relation(database=this.database, schema=this.schema, identifier='raw_payments') -%}
{%- set missing = adapter.get_relation(this.database, this.schema, 'no_such_table') -%}
{%- call statement('scratch') -%}create or replace table main.scratch as select 1 as x{%- endcall -%}
{%- set scratch = api.Relation.create(database=this.database, schema='main', identifier='scratch', type='table') -%}
{%- do adapter.drop_relation(scratch) -%}
{%- set after_drop = adapter.get_relation(this.database, 'main', 'scratch') -%}
{%- set seeds = graph.nodes.values() | selectattr('resource_type', 'equalto', 'seed') | map(attribute='name') | list -%}
select
  '{% for row in totals.table.rows %}{{ row['method'] }}={{ row[1] }}{{ ';' if not loop.last }}{% endfor %}' as totals,
  {{ totals['data'] | length }} as data_rows,
  '{{ cols | map(attribute='name') | join(',') }}' as columns,
  '{% if execute %}{{ cols[0].is_number() }}|{{ cols[1].is_string() }}{% endif %}' as column_kinds,
  {{ found is not none }} as found_existing,
  {{ missing is none }} as missing_is_none,
  {{ after_drop is none }} as dropped,
  '{{ seeds | join(',') }}' as seed_names,
  '{{ this.incorporate(type='view').is_view }}|{{ this.identifier }}|{{ this.schema }}|{{ this.include(database=False) }}' as relation_attrs,
  '{{ scratch }}' as created_relation
`,
  'models/parse_time.sql': `{%- set r = run_query('select 1') -%}
{{ config(materialized='table', meta={'run_query_none_at_parse': r is none, 'execute_at_parse': execute}) }}
select {{ execute }} as execute_at_run, {{ r is not none }} as result_at_run
`,
};

describe('introspection while rendering', () => {
  it('queries the database from templates, synchronously from their point of view', async () => {
    const dir = writeProject(FILES);
    const r = await cli(dir, ['build']);
    expect(r.output).toContain('PASS=4');
    // print_table() printed the query result while compiling
    expect(r.output).toMatch(/\| method\s+\|/);
    expect(await queryDb(dir, 'select * from main.pivot')).toEqual([{ card_amount: '17', cash_amount: '5', voucher_amount: '1' }]);
    const [row] = await queryDb(dir, 'select * from main.introspect');
    expect(row).toEqual({
      totals: 'card=17;cash=5;voucher=1',
      data_rows: 3,
      columns: 'id,method,amount',
      column_kinds: 'True|True',
      found_existing: true,
      missing_is_none: true,
      dropped: true,
      seed_names: 'raw_payments',
      relation_attrs: 'True|introspect|main|"main"."introspect"',
      created_relation: '"shop"."main"."scratch"',
    });
    // statements with side effects ran exactly once although the model re-rendered for each query
    expect(await queryDb(dir, 'select note from main.audit_log')).toEqual([{ note: 'rendered introspect' }]);
    expect(await queryDb(dir, "select count(*)::int as n from information_schema.tables where table_name = 'scratch'")).toEqual([{ n: 0 }]);
    expect(await queryDb(dir, 'select * from main.parse_time')).toEqual([{ execute_at_run: true, result_at_run: true }]);
    const manifest = JSON.parse(readFileSync(join(dir, 'target/manifest.json'), 'utf8'));
    expect(manifest.nodes['model.shop.parse_time'].config.meta).toEqual({ run_query_none_at_parse: true, execute_at_parse: false });
  });
});

describe('re-rendering after a query', () => {
  const STAMPED = {
    // the statement embeds the clock: every render pass must see the same time, or the replay breaks
    'models/stamped.sql': `{{ config(materialized='table') }}
{%- set now = modules.datetime.datetime.now() -%}
{%- set stamp = now ~ '|' ~ modules.datetime.datetime.utcnow() ~ '|' ~ modules.datetime.date.today() ~ '|' ~ modules.datetime.datetime.today() -%}
{%- do run_query("create table if not exists main.log_t (stamp varchar)") -%}
{%- do log('LOGLINE ' ~ this.name, info=True) -%}
{%- do run_query("insert into main.log_t values ('" ~ stamp ~ "')") -%}
{%- set r = run_query("select count(*) from main.log_t") -%}
select {{ r.rows[0][0] if execute else 0 }} as n, '{{ stamp }}' as stamp
`,
  };

  it('sees one clock in every pass of a render, so a statement stamped with now() runs once', async () => {
    const dir = writeProject(STAMPED);
    const r = await cli(dir, ['run']);
    expect(r.output).not.toContain('changed between renders');
    expect(r.code).toBe(0);
    const logged = await queryDb(dir, 'select stamp from main.log_t');
    expect(logged).toHaveLength(1);
    expect(await queryDb(dir, 'select n::int as n, stamp from main.stamped')).toEqual([{ n: 1, stamp: logged[0].stamp }]);
    expect(String(logged[0].stamp)).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?\|\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?\|\d{4}-\d\d-\d\d\|\d{4}-\d\d-\d\d/);
    // a second run renders again at a later time: a new row, a new stamp
    expect((await cli(dir, ['run'])).code).toBe(0);
    expect(await queryDb(dir, 'select count(distinct stamp)::int as n from main.log_t')).toEqual([{ n: 2 }]);
  });

  it('prints a log() line once at parse and once at run, however many passes the render took', async () => {
    const dir = writeProject(STAMPED);
    const r = await cli(dir, ['run']);
    expect(r.code).toBe(0);
    expect(r.output.match(/LOGLINE stamped/g)).toHaveLength(2);
  });

  it('names the file and what differed when a template sends different SQL on a later pass', async () => {
    const dir = writeProject({
      'project.yml': 'name: shop\nprofile: shop\nversion: "1.0"\nconfig-version: 2\nvars:\n  ids: [1]\n',
      'models/mutating.sql': `{%- set ids = var('ids') -%}{%- do ids.append(9) -%}
{%- set a = run_query('select ' ~ (ids | length) ~ ' as n') -%}
{%- set b = run_query('select 2') -%}
select 1 as x
`,
    });
    const r = await cli(dir, ['run']);
    expect(r.code).toBe(1);
    expect(r.output).toContain('models/mutating.sql');
    expect(r.output).toMatch(/not deterministic/);
    expect(r.output).toContain("'select 3 as n'");
    expect(r.output).toContain("'select 4 as n'");
    expect(r.output).not.toMatch(/\n\s+at /);
  });
});

describe('load_relation / load_cached_relation', () => {
  it('return the relation when it exists in the database and None when not (dbt_utils.get_column_values pattern)', async () => {
    const dir = writeProject({
      'seeds/raw_payments.csv': FILES['seeds/raw_payments.csv'],
      'macros/get_column_values.sql': `{% macro get_column_values(table, column, default=none) %}
  {%- if not execute -%}{{ return(default or []) }}{%- endif -%}
  {%- set relation_exists = (load_relation(table)) is not none -%}
  {%- if relation_exists -%}
    {%- set q -%}select {{ column }} as value from {{ table }} group by 1 order by count(*) desc, 1{%- endset -%}
    {{ return(run_query(q).columns[0].values()) }}
  {%- else -%}
    {{ return(default) }}
  {%- endif -%}
{% endmacro %}
`,
      'models/methods.sql': `{%- set nope = api.Relation.create(database=this.database, schema='main', identifier='no_such_table') -%}
select
  '{{ get_column_values(ref('raw_payments'), 'method') | join(',') }}' as methods,
  '{{ get_column_values(nope, 'x', default=['none']) | join(',') }}' as missing,
  {{ load_cached_relation(ref('raw_payments')) is not none }} as cached_found,
  {{ load_cached_relation(nope) is none }} as cached_missing,
  '{{ load_relation(ref('raw_payments')) }}' as rendered
`,
    });
    const r = await cli(dir, ['build']);
    expect(r.output).not.toContain('error');
    expect(r.code).toBe(0);
    expect(await queryDb(dir, 'select * from main.methods')).toEqual([
      { methods: 'card,cash,voucher', missing: 'none', cached_found: true, cached_missing: true, rendered: '"shop"."main"."raw_payments"' },
    ]);
  });
});

describe('compile', () => {
  const COMPILED = {
    'models/intervals.sql': `{%- set r = run_query('select 6 * 7') -%}
select {{ r.rows[0][0] if execute else 'null' }} as answer, {{ dbt.get_intervals_between("'2024-01-01'::date", "'2024-01-31'::date", 'day') }} as days
`,
    'models/built.sql': "{{ config(materialized='table') }}\nselect 1 as x\n",
  };

  it('on a fresh project opens (creates) the database so run_query answers, and builds nothing', async () => {
    const dir = writeProject(COMPILED);
    expect(existsSync(join(dir, 'shop.duckdb'))).toBe(false);
    const r = await cli(dir, ['compile']);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'target/compiled/shop/models/intervals.sql'), 'utf8').trim()).toBe('select 42 as answer, 30 as days');
    expect(await queryDb(dir, "select count(*)::int as n from information_schema.tables where table_catalog = 'shop'")).toEqual([{ n: 0 }]);
  });

  it('on a database another process holds says so and exits 2', async () => {
    const dir = writeProject(COMPILED);
    // another process opens the file and keeps it open (and so locked)
    const holder = spawn(process.execPath, ['--input-type=module', '-e', `import { DuckDBInstance } from '@duckdb/node-api';
const i = await DuckDBInstance.create(${JSON.stringify(join(dir, 'shop.duckdb'))});
await (await i.connect()).run('create table held (x int)');
console.log('ready');
setInterval(() => {}, 1000);`], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((res, rej) => {
        holder.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && res());
        holder.once('exit', (code) => rej(new Error(`holder exited ${code}`)));
      });
      const r = await cli(dir, ['compile']);
      expect(r.code).toBe(2);
      expect(r.output).toContain(`shop.duckdb is in use by another process`);
      expect(r.output).toContain(`PID ${holder.pid}`);
      expect(r.output).not.toMatch(/\n\s+at /);
    } finally {
      holder.kill('SIGKILL');
    }
  });
});
