// Golden SQL for the DDL/DML tsdbt generates: compared exactly with checked-in files, then executed on
// DuckDB to prove it does what it says.
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { deleteInsertSql, mergeSql, tableSwapSql, viewSql, readCsvSql } from '../../../src/materializations/sql-builders.js';

const DIR = join(import.meta.dirname, 'goldens');
const target = { database: 'memory', schema: 'main', name: 'orders' };

function golden(name: string, sql: string): void {
  const path = join(DIR, `${name}.sql`);
  if (process.env.UPDATE_GOLDENS === '1' || !existsSync(path)) writeFileSync(path, sql);
  expect(sql).toBe(readFileSync(path, 'utf8'));
}

async function withDb<T>(fn: (run: (sql: string) => Promise<Record<string, unknown>[]>) => Promise<T>): Promise<T> {
  const inst = await DuckDBInstance.create(':memory:');
  const conn = await inst.connect();
  try {
    return await fn(async (sql) => (await conn.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[]);
  } finally {
    conn.closeSync();
    inst.closeSync();
  }
}

describe('golden SQL', () => {
  it('swaps a rebuilt table in place of a view or table inside one transaction', async () => {
    const swapOverView = tableSwapSql(target, 'select 1 as id, 10 as amount', 'view');
    golden('table-swap-over-view', swapOverView.join(';\n') + ';\n');
    await withDb(async (run) => {
      await run('create view orders as select 0 as id');
      await run('begin transaction');
      for (const s of swapOverView) await run(s);
      await run('commit');
      expect(await run('select * from orders')).toEqual([{ id: 1, amount: 10 }]);
      expect(await run("select table_type from information_schema.tables where table_name = 'orders'")).toEqual([{ table_type: 'BASE TABLE' }]);
      expect(await run("select count(*)::int as n from information_schema.tables where table_name like '%tsdbt_tmp'")).toEqual([{ n: 0 }]);
    });
  });

  it('a failing swap rolls back and leaves the previous table', async () => {
    await withDb(async (run) => {
      await run('create table orders as select 7 as id');
      await run('begin transaction');
      await expect((async () => {
        for (const s of tableSwapSql(target, 'select no_such_col from orders', 'table')) await run(s);
      })()).rejects.toThrow(/no_such_col/);
      await run('rollback');
      expect(await run('select * from orders')).toEqual([{ id: 7 }]);
    });
  });

  it('replaces a table by a view', async () => {
    const sql = viewSql(target, 'select 2 as id', 'table');
    golden('view-over-table', sql.join(';\n') + ';\n');
    await withDb(async (run) => {
      await run('create table orders as select 1 as id');
      for (const s of sql) await run(s);
      expect(await run("select table_type from information_schema.tables where table_name = 'orders'")).toEqual([{ table_type: 'VIEW' }]);
    });
  });

  it('delete+insert replaces rows by unique key', async () => {
    const sql = deleteInsertSql(target, 'staged', ['id'], ['id', 'amount']);
    golden('delete-insert', sql.join(';\n') + ';\n');
    await withDb(async (run) => {
      await run('create table orders as select * from (values (1, 10), (2, 20)) t(id, amount)');
      await run('create table staged as select * from (values (2, 25), (3, 30)) t(id, amount)');
      for (const s of sql) await run(s);
      expect(await run('select * from orders order by id')).toEqual([{ id: 1, amount: 10 }, { id: 2, amount: 25 }, { id: 3, amount: 30 }]);
    });
  });

  it('merge updates matched rows and inserts new ones, with a composite key', async () => {
    const sql = mergeSql(target, 'staged', ['id', 'day'], ['id', 'day', 'amount']);
    golden('merge-composite-key', sql + ';\n');
    await withDb(async (run) => {
      await run("create table orders as select * from (values (1, 'mon', 10), (1, 'tue', 11)) t(id, day, amount)");
      await run("create table staged as select * from (values (1, 'tue', 99), (2, 'mon', 5)) t(id, day, amount)");
      await run(sql);
      expect(await run('select * from orders order by id, day')).toEqual([
        { id: 1, day: 'mon', amount: 10 },
        { id: 1, day: 'tue', amount: 99 },
        { id: 2, day: 'mon', amount: 5 },
      ]);
    });
  });

  it('reads seeds with DuckDB\'s CSV reader, with column types and delimiter', async () => {
    const sql = readCsvSql('/data/x.csv', { delimiter: ';', columnTypes: { zip: 'VARCHAR' } });
    golden('seed-read-csv', sql + '\n');
  });
});
