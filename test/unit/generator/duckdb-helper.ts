// Test helper: opens an in-memory DuckDB with one view per generated table (read back from the CSVs
// with the tables' declared types), and runs queries returning plain JS rows.
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { TABLES, readCsvSql } from '../../../src/generator/index.js';

export interface Db {
  rows<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  one<T = Record<string, unknown>>(sql: string): Promise<T>;
  close(): void;
}

export async function openGenerated(dir: string): Promise<Db> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn: DuckDBConnection = await instance.connect();
  for (const t of TABLES) {
    await conn.run(`CREATE VIEW ${t.name} AS SELECT * FROM ${readCsvSql(join(dir, `${t.name}.csv`), t)}`);
  }
  const rows = async <T>(sql: string): Promise<T[]> => {
    const reader = await conn.runAndReadAll(sql);
    return reader.getRowObjectsJS() as T[];
  };
  return {
    rows,
    one: async <T>(sql: string) => (await rows<T>(sql))[0],
    close: () => {
      conn.closeSync();
      instance.closeSync();
    },
  };
}
