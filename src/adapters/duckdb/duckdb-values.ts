// DuckDB result values -> plain JSON-safe values for templates, show and artifacts.
import type { DuckDBResultReader } from '@duckdb/node-api';
import type { QueryResult } from '../adapter.js';

const INTEGER_TYPES = /^(BIGINT|HUGEINT|UBIGINT|UHUGEINT|INT128)$/;
const DECIMAL = /^DECIMAL/;

export function toQueryResult(r: DuckDBResultReader): QueryResult {
  const names = r.columnNames();
  const types = r.columnTypes().map((t) => String(t));
  const rows = r.getRowsJson() as unknown[][];
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
