// `materialized='external'`: the rows land in a CSV/Parquet file (relative to the project root, default
// target/exports/) and the relation becomes a view over that file.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, queryDb, writeProject } from '../../helpers/project.js';
import { query } from './warehouse-project.js';

describe('external materialization', () => {
  it('writes parquet to a location with {name}, csv to target/exports by default, and views read them back', async () => {
    const dir = writeProject({
      'models/base.sql': 'select range as id, range * 1.5 as amount from range(5)',
      'models/to_parquet.sql': "{{ config(materialized='external', location='exports/{name}.parquet') }}\nselect * from {{ ref('base') }}",
      'models/to_csv.sql': "{{ config(materialized='external', format='csv') }}\nselect id from {{ ref('base') }} where id < 3",
      'models/downstream.sql': "select count(*) as n from {{ ref('to_parquet') }}",
    });
    const r = await cli(dir, ['run']);
    expect(r.code).toBe(0);
    const parquet = join(dir, 'exports', 'to_parquet.parquet');
    expect(existsSync(parquet)).toBe(true);
    expect(await query(`select sum(amount) as s from read_parquet('${parquet}')`)).toEqual([{ s: '15.0' }]);
    const csvFile = join(dir, 'target', 'exports', 'to_csv.csv');
    expect(readFileSync(csvFile, 'utf8').trim().split('\n')).toEqual(['id', '0', '1', '2']);
    expect(await queryDb(dir, 'select n from downstream')).toEqual([{ n: '5' }]);
    expect(await queryDb(dir, "select table_type from information_schema.tables where table_name = 'to_csv'")).toEqual([{ table_type: 'VIEW' }]);
  });

  it('rejects an unknown format with the model file named', async () => {
    const dir = writeProject({ 'models/bad.sql': "{{ config(materialized='external', format='xlsx') }}\nselect 1 as x" });
    const r = await cli(dir, ['run']);
    expect(r.code).not.toBe(0);
    expect(r.output).toContain("external model bad has format 'xlsx'");
  });
});
