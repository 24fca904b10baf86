// DuckDB result values -> plain JSON-safe values for templates, show and artifacts.
import { JsonDuckDBValueConverter, type DuckDBMaterializedResult } from './duckdb-api.js';
import type { QueryResult } from '../adapter.js';

const INTEGER_TYPES = /^(BIGINT|HUGEINT|UBIGINT|UHUGEINT|INT128)$/;
const DECIMAL = /^DECIMAL/;

/**
 * A materialized result's rows, read synchronously from its chunks (already in memory: fetching them
 * would cost a round trip to DuckDB's thread per chunk, one per data test).
 */
export function toQueryResult(r: DuckDBMaterializedResult): QueryResult {
  const names = r.columnNames();
  const types = r.columnTypes().map((t) => String(t));
  const rows: unknown[][] = [];
  for (let i = 0, n = r.chunkCount; i < n; i++) for (const row of r.getChunk(i).convertRows(JsonDuckDBValueConverter)) rows.push(row as unknown[]);
  const numeric = types.map((t) => INTEGER_TYPES.test(t) || DECIMAL.test(t));
  if (numeric.some(Boolean)) {
    for (const row of rows) {
      for (let i = 0; i < row.length; i++) {
        if (numeric[i] && typeof row[i] === 'string') {
          const n = Number(row[i]);
          if (Number.isSafeInteger(n) || DECIMAL.test(types[i])) row[i] = n;
        }
      }
    }
  }
  return { columns: names.map((name, i) => ({ name, type: types[i] })), rows };
}

/** One DuckDB value as a plain JS value: integers as numbers (strings past 2^53), other values objects as their text. */
export function plainValue(v: unknown): unknown {
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : String(v);
  return v !== null && typeof v === 'object' ? String(v) : v;
}
