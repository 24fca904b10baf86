// Incremental models on DuckDB: append, delete+insert, merge, is_incremental(), --full-refresh and
// every on_schema_change mode, checked on the table's contents across runs.
import { describe, expect, it } from 'vitest';
import { cli, queryDb, writeFiles, writeProject } from '../helpers/project.js';

function project(model: string, seed = 'id,amount\n1,10\n2,20\n') {
  return writeProject({ 'seeds/src.csv': seed, 'models/inc.sql': model });
}

describe('incremental models', () => {
  it('appends only new rows when is_incremental()', async () => {
    const dir = project("{{ config(materialized='incremental') }}\nselect id, amount from {{ ref('src') }}\n{% if is_incremental() %}where id > (select max(id) from {{ this }}){% endif %}\n");
    expect((await cli(dir, ['build'])).code).toBe(0);
    writeFiles(dir, { 'seeds/src.csv': 'id,amount\n1,10\n2,20\n3,30\n' });
    expect((await cli(dir, ['build'])).code).toBe(0);
    expect(await queryDb(dir, 'select id::int as id, amount::int as amount from inc order by id')).toEqual([
      { id: 1, amount: 10 },
      { id: 2, amount: 20 },
      { id: 3, amount: 30 },
    ]);
  });

  it('delete+insert with unique_key replaces changed rows', async () => {
    const dir = project("{{ config(materialized='incremental', unique_key='id') }}\nselect id, amount from {{ ref('src') }}\n");
    expect((await cli(dir, ['build'])).code).toBe(0);
    writeFiles(dir, { 'seeds/src.csv': 'id,amount\n2,99\n3,30\n' });
    expect((await cli(dir, ['build'])).code).toBe(0);
    expect(await queryDb(dir, 'select id::int as id, amount::int as amount from inc order by id')).toEqual([
      { id: 1, amount: 10 },
      { id: 2, amount: 99 },
      { id: 3, amount: 30 },
    ]);
  });

  it('merge with unique_key updates and inserts', async () => {
    const dir = project("{{ config(materialized='incremental', unique_key='id', incremental_strategy='merge') }}\nselect id, amount from {{ ref('src') }}\n");
    expect((await cli(dir, ['build'])).code).toBe(0);
    writeFiles(dir, { 'seeds/src.csv': 'id,amount\n1,11\n4,40\n' });
    expect((await cli(dir, ['build'])).code).toBe(0);
    expect(await queryDb(dir, 'select id::int as id, amount::int as amount from inc order by id')).toEqual([
      { id: 1, amount: 11 },
      { id: 2, amount: 20 },
      { id: 4, amount: 40 },
    ]);
  });

  it('--full-refresh rebuilds from scratch', async () => {
    const dir = project("{{ config(materialized='incremental') }}\nselect id, amount from {{ ref('src') }}\n");
    await cli(dir, ['build']);
    await cli(dir, ['run']);
    expect(await queryDb(dir, 'select count(*)::int as n from inc')).toEqual([{ n: 4 }]);
    expect((await cli(dir, ['run', '--full-refresh'])).code).toBe(0);
    expect(await queryDb(dir, 'select count(*)::int as n from inc')).toEqual([{ n: 2 }]);
  });

  it('on_schema_change: append_new_columns adds the column, sync_all_columns also drops, fail refuses', async () => {
    const dir = project("{{ config(materialized='incremental', on_schema_change='append_new_columns') }}\nselect id, amount from {{ ref('src') }} where id = 1\n");
    await cli(dir, ['build']);
    writeFiles(dir, { 'models/inc.sql': "{{ config(materialized='incremental', on_schema_change='append_new_columns') }}\nselect id, amount, 'x' as tag from {{ ref('src') }} where id = 2\n" });
    expect((await cli(dir, ['run'])).code).toBe(0);
    expect(await queryDb(dir, 'select id::int as id, amount::int as amount, tag from inc order by id')).toEqual([
      { id: 1, amount: 10, tag: null },
      { id: 2, amount: 20, tag: 'x' },
    ]);
    writeFiles(dir, { 'models/inc.sql': "{{ config(materialized='incremental', on_schema_change='sync_all_columns') }}\nselect id, 'y' as tag from {{ ref('src') }} where id = 2\n" });
    expect((await cli(dir, ['run'])).code).toBe(0);
    expect(await queryDb(dir, 'select column_name from information_schema.columns where table_name = \'inc\' order by ordinal_position')).toEqual([{ column_name: 'id' }, { column_name: 'tag' }]);
    writeFiles(dir, { 'models/inc.sql': "{{ config(materialized='incremental', on_schema_change='fail') }}\nselect id, 1 as extra from {{ ref('src') }}\n" });
    const r = await cli(dir, ['run']);
    expect(r.code).toBe(1);
    expect(r.output).toContain("on_schema_change is 'fail'");
    expect(await queryDb(dir, 'select count(*)::int as n from inc')).toEqual([{ n: 3 }]);
  });

  it('on_schema_change: ignore inserts only the existing columns', async () => {
    const dir = project("{{ config(materialized='incremental') }}\nselect id from {{ ref('src') }} where id = 1\n");
    await cli(dir, ['build']);
    writeFiles(dir, { 'models/inc.sql': "{{ config(materialized='incremental') }}\nselect id, amount from {{ ref('src') }} where id = 2\n" });
    expect((await cli(dir, ['run'])).code).toBe(0);
    expect(await queryDb(dir, 'select id::int as id from inc order by id')).toEqual([{ id: 1 }, { id: 2 }]);
  });

  it('a failing incremental run leaves the table exactly as before', async () => {
    const dir = project("{{ config(materialized='incremental', unique_key='id') }}\nselect id, amount from {{ ref('src') }}\n");
    await cli(dir, ['build']);
    writeFiles(dir, { 'models/inc.sql': "{{ config(materialized='incremental', unique_key='id') }}\nselect id, amount / 0 as amount, error('boom') as x from {{ ref('src') }}\n" });
    const r = await cli(dir, ['run']);
    expect(r.code).toBe(1);
    expect(await queryDb(dir, 'select id::int as id, amount::int as amount from inc order by id')).toEqual([
      { id: 1, amount: 10 },
      { id: 2, amount: 20 },
    ]);
  });
});
