// What DuckDB answers reaches users intact: rows affected by CREATE TABLE AS and by an incremental
// insert (run_results.json), and every row of a result spread over many chunks (run_query).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, queryDb, writeProject } from '../helpers/project.js';

const FILES = {
  'models/big.sql': "{{ config(materialized='table') }}\nselect range as id from range(5000)\n",
  'models/grows.sql':
    "{{ config(materialized='incremental', unique_key='id') }}\nselect range as id from range({{ var('upto', 10) }})\n{% if is_incremental() %}where range >= (select max(id) + 1 from {{ this }}){% endif %}\n",
  // 5,000 rows arrive in three of DuckDB's 2,048-row chunks: all of them must be read
  'models/counted.sql': "{% set r = run_query('select range from range(5000)') %}\nselect {{ r.rows | length if execute else 0 }} as n, {{ r.columns[0].values()[4999] if execute else 0 }} as last\n",
};

const affected = (dir: string) =>
  Object.fromEntries(
    (JSON.parse(readFileSync(join(dir, 'target/run_results.json'), 'utf8')) as { results: { unique_id: string; adapter_response: { rows_affected?: number } }[] }).results.map((r) => [
      r.unique_id,
      r.adapter_response.rows_affected,
    ]),
  );

describe('DuckDB results', () => {
  it('reports rows affected and reads multi-chunk results whole', async () => {
    const dir = writeProject(FILES);
    const first = await cli(dir, ['run']);
    expect(first.code).toBe(0);
    expect(affected(dir)).toMatchObject({ 'model.shop.big': 5000, 'model.shop.grows': 10 });
    expect(await queryDb(dir, 'select n, last from main.counted')).toEqual([{ n: 5000, last: 4999 }]);
    const second = await cli(dir, ['run', '-s', 'grows', '--vars', '{upto: 25}']);
    expect(second.code).toBe(0);
    expect(affected(dir)).toEqual({ 'model.shop.grows': 15 });
    expect(await queryDb(dir, 'select count(*) as n from main.grows')).toEqual([{ n: '25' }]);
  });
});
