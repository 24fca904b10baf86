// Parquet output: the CSV files are written first, then DuckDB converts each one with explicit
// column types (so Parquet carries TIMESTAMP/DECIMAL, not whatever type sniffing guesses).
import { DuckDBInstance } from '../adapters/duckdb/duckdb-api.js';
import type { TableSchema } from './table-schemas.js';
import { sqlString } from '../adapters/sql-literal.js';

/** The read_csv call that reads a generated CSV with the table's exact types. */
export function readCsvSql(path: string, table: TableSchema): string {
  const columns = table.columns.map(([name, type]) => `${sqlString(name)}: ${sqlString(type)}`).join(', ');
  return `read_csv(${sqlString(path)}, header = true, columns = {${columns}}, timestampformat = '%Y-%m-%d %H:%M:%S')`;
}

export async function convertToParquet(jobs: ReadonlyArray<{ csv: string; parquet: string; table: TableSchema }>): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    for (const job of jobs) {
      await conn.run(`COPY (SELECT * FROM ${readCsvSql(job.csv, job.table)}) TO ${sqlString(job.parquet)} (FORMAT parquet)`);
    }
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}
