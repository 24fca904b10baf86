// A model that fails (SQL error, failing post-hook, out of memory) leaves the previous version of its
// table intact and queryable; a failing incremental run leaves the target exactly as before.
import { describe, expect, it } from 'vitest';
import { cli, queryDb, writeFiles, writeProject } from '../helpers/project.js';

const TABLE = "{{ config(materialized='table') }}\nselect range::int as id, 'v1' as ver from range(5)\n";

async function snapshot(dir: string, rel: string): Promise<unknown[]> {
  return queryDb(dir, `select * from ${rel} order by all`);
}

function noStack(output: string): void {
  expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(output).not.toContain('internal error');
}

describe('a failing model keeps the previous version of its relation', () => {
  it('SQL error: the old table stays, downstream is skipped, exit 1', async () => {
    const dir = writeProject({ 'models/t.sql': TABLE, 'models/d.sql': "{{ config(materialized='table') }}\nselect count(*)::int as n from {{ ref('t') }}\n" });
    expect((await cli(dir, ['build'])).code).toBe(0);
    const before = await snapshot(dir, 't');
    writeFiles(dir, { 'models/t.sql': "{{ config(materialized='table') }}\nselect id, from nowhere_at_all\n" });
    const r = await cli(dir, ['build']);
    expect(r.code).toBe(1);
    expect(r.output).toContain('models/t.sql');
    expect(r.output).toMatch(/SKIP relation main\.d/);
    noStack(r.output);
    expect(await snapshot(dir, 't')).toEqual(before);
    expect(await queryDb(dir, 'select n from d')).toEqual([{ n: 5 }]);
    expect(await queryDb(dir, "select table_name from information_schema.tables where table_name like '%tsdbt%'")).toEqual([]);
  });

  it('runtime error half-way through the data (error() on one row) leaves the old table', async () => {
    const dir = writeProject({ 'models/t.sql': TABLE });
    expect((await cli(dir, ['run'])).code).toBe(0);
    const before = await snapshot(dir, 't');
    writeFiles(dir, { 'models/t.sql': "{{ config(materialized='table') }}\nselect range::int as id, case when range = 900000 then error('boom at row 900000') else 'v2' end as ver from range(1000000)\n" });
    const r = await cli(dir, ['run']);
    expect(r.code).toBe(1);
    expect(r.output).toContain('boom at row 900000');
    expect(await snapshot(dir, 't')).toEqual(before);
  });

  it('failing post-hook: the new table is rolled back, for tables and views', async () => {
    const view = "{{ config(materialized='view') }}\nselect 1 as id, 'v1' as ver\n";
    const dir = writeProject({ 'models/t.sql': TABLE, 'models/v.sql': view });
    expect((await cli(dir, ['run'])).code).toBe(0);
    const before = await snapshot(dir, 't');
    const hook = "{{ config(post_hook=\"insert into no_such_table values (1)\") }}\n";
    writeFiles(dir, {
      'models/t.sql': hook + "{{ config(materialized='table') }}\nselect 42 as id, 'v2' as ver\n",
      'models/v.sql': hook + "{{ config(materialized='view') }}\nselect 2 as id, 'v2' as ver\n",
    });
    const r = await cli(dir, ['run']);
    expect(r.code).toBe(1);
    expect(r.output).toContain('no_such_table');
    noStack(r.output);
    expect(await snapshot(dir, 't')).toEqual(before);
    expect(await queryDb(dir, 'select ver from v')).toEqual([{ ver: 'v1' }]);
  });

  it('DuckDB out of memory under a low memory_limit: exit 1, the old table stays queryable', async () => {
    const profiles = `shop:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: shop.duckdb\n      schema: main\n      threads: 1\n      settings:\n        memory_limit: 64MB\n        threads: 1\n`;
    const dir = writeProject({ 'profiles.yml': profiles, 'models/t.sql': TABLE, 'models/ok.sql': "select 1 as id\n" });
    expect((await cli(dir, ['run'])).code).toBe(0);
    const before = await snapshot(dir, 't');
    // a list aggregate cannot spill to disk: it must fail with DuckDB's out-of-memory error
    writeFiles(dir, { 'models/t.sql': "{{ config(materialized='table') }}\nselect 1 as id, list(range) as ver from range(50000000)\n" });
    const r = await cli(dir, ['run']);
    expect(r.code).toBe(1);
    expect(r.output).toMatch(/Out of Memory/i);
    expect(r.output).toContain('models/t.sql');
    noStack(r.output);
    expect(await snapshot(dir, 't')).toEqual(before);
    // the database is still usable by the next run
    writeFiles(dir, { 'models/t.sql': TABLE.replace("'v1'", "'v3'") });
    expect((await cli(dir, ['run'])).code).toBe(0);
    expect(await queryDb(dir, 'select distinct ver from t')).toEqual([{ ver: 'v3' }]);
  });
});

describe('a failing incremental run leaves the target exactly as before', () => {
  const incr = (body: string, extra = '') => `{{ config(materialized='incremental', unique_key='id'${extra}) }}\n${body}\n`;
  const first = "select range::int as id, 'v1' as ver from range(10)";

  for (const [name, model] of [
    ['SQL error in the new rows', incr("select range::int as id, case when range = 3 then error('bad row') else 'v2' end as ver from range(20)")],
    ['failing post-hook after delete+insert', incr("select range::int as id, 'v2' as ver from range(20)", ", post_hook='select * from missing_audit_table'")],
    ['failing post-hook after merge', incr("select range::int as id, 'v2' as ver from range(20)", ", incremental_strategy='merge', post_hook='select * from missing_audit_table'")],
    ['on_schema_change fail', incr("select range::int as id, 'v2' as ver, 1 as extra from range(20)", ", on_schema_change='fail'")],
  ] as const) {
    it(name, async () => {
      const dir = writeProject({ 'models/inc.sql': incr(first) });
      expect((await cli(dir, ['run'])).code).toBe(0);
      const before = await snapshot(dir, 'inc');
      const cols = await queryDb(dir, "select column_name, data_type from information_schema.columns where table_name = 'inc' order by ordinal_position");
      writeFiles(dir, { 'models/inc.sql': model });
      const r = await cli(dir, ['run']);
      expect(r.code, r.output).toBe(1);
      expect(r.output).toContain('models/inc.sql');
      noStack(r.output);
      expect(await snapshot(dir, 'inc')).toEqual(before);
      expect(await queryDb(dir, "select column_name, data_type from information_schema.columns where table_name = 'inc' order by ordinal_position")).toEqual(cols);
    });
  }
});
