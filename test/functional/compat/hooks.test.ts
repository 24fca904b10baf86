// Hooks: pre-/post-hooks on models and seeds run around the build (post-hooks see the new table),
// on-run-start runs first, and on-run-end sees dbt-shaped `results` (node, status, timing, message).
import { describe, expect, it } from 'vitest';
import { cli, queryDb, writeProject } from '../../helpers/project.js';

const PROJECT = `name: shop
profile: shop
version: '1.0'
config-version: 2
on-run-start:
  - "create table if not exists audit (what varchar, name varchar, status varchar, secs double, msg varchar, n bigint)"
  - "insert into audit values ('start', '{{ target.name }}', null, null, null, null)"
on-run-end:
  - "{% for r in results %}insert into audit values ('end', '{{ r.node.name }}', '{{ r.status }}', {{ r.execution_time }}, '{{ r.message | replace(\\"'\\", \\"''\\") }}', {{ r.adapter_response.rows_affected or 'null' }});{% endfor %}"
  - "create or replace table end_schemas as select unnest(string_split('{{ schemas | join(',') }}', ',')) as s"
seeds:
  shop:
    +post-hook: "insert into audit select 'seed_post', '{{ this.name }}', null, null, null, count(*) from {{ this }}"
`;

describe('hooks', () => {
  it('run pre/post-hooks on models and seeds, and on-run-start/end with results', async () => {
    const dir = writeProject({
      'project.yml': PROJECT,
      'seeds/raw.csv': 'id\n1\n2\n',
      'models/totals.sql': `{{ config(materialized='table',
  pre_hook="insert into audit values ('pre', '{{ this.name }}', null, null, null, null)",
  post_hook=["insert into audit select 'post', '{{ this.name }}', null, null, null, count(*) from {{ this }}",
             {'sql': "insert into audit values ('post_outside', '{{ this.name }}', null, null, null, null)", 'transaction': false}]) }}
select sum(id) as total from {{ ref('raw') }}
`,
      'models/broken.sql': 'select no_such_column from {{ ref(\'raw\') }}\n',
    });
    const r = await cli(dir, ['build']);
    expect(r.code).toBe(1);
    const rows = await queryDb(dir, "select what, name, status, n::int as n from audit where what <> 'end' order by rowid");
    expect(rows).toEqual([
      { what: 'start', name: 'dev', status: null, n: null },
      { what: 'seed_post', name: 'raw', status: null, n: 2 },
      { what: 'pre', name: 'totals', status: null, n: null },
      { what: 'post', name: 'totals', status: null, n: 1 },
      { what: 'post_outside', name: 'totals', status: null, n: null },
    ]);
    const end = await queryDb(dir, "select name, status, secs >= 0 as timed, msg, n::int as n from audit where what = 'end' order by name");
    expect(end).toEqual([
      { name: 'broken', status: 'error', timed: true, msg: expect.stringContaining('no_such_column'), n: null },
      { name: 'raw', status: 'success', timed: true, msg: expect.any(String), n: 2 },
      { name: 'totals', status: 'success', timed: true, msg: expect.any(String), n: expect.any(Number) },
    ]);
    expect(await queryDb(dir, 'select s from end_schemas')).toEqual([{ s: 'main' }]);
  });

  it('a failing pre-hook fails the model and keeps its previous table', async () => {
    const dir = writeProject({ 'models/t.sql': "{{ config(materialized='table') }}\nselect 1 as v\n" });
    expect((await cli(dir, ['run'])).code).toBe(0);
    const dir2 = dir;
    const { writeFiles } = await import('../../helpers/project.js');
    writeFiles(dir2, { 'models/t.sql': "{{ config(materialized='table', pre_hook='select * from missing_table') }}\nselect 2 as v\n" });
    const r = await cli(dir2, ['run']);
    expect(r.code).toBe(1);
    expect(r.output).toContain('missing_table');
    expect(await queryDb(dir2, 'select v from t')).toEqual([{ v: 1 }]);
  });

  it('on-run-end can query the database, and a failing hook is a clear run error', async () => {
    const dir = writeProject({
      'project.yml': `name: shop
profile: shop
on-run-end:
  - "{% set r = run_query('select 41 + 1 as v') %}create or replace table rq as select {{ r.rows[0][0] }} as v"
  - "select * from no_such_table"
`,
      'models/m.sql': 'select 1 as x\n',
    });
    const r = await cli(dir, ['run']);
    expect(r.code).toBe(1);
    // the second hook is on line 5 of project.yml
    expect(r.output).toMatch(/project\.yml:5(:\d+)?: error\[R001\]: on-run-end hook 2 failed: .*no_such_table/);
    expect(r.output).toContain('hint: fix the SQL of the on-run-end hook in project.yml');
    expect(await queryDb(dir, 'select v from rq')).toEqual([{ v: 42 }]);
  });
});
