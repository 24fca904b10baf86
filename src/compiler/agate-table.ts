// What run_query() returns to a template: dbt's agate Table shape (rows addressable by index and by
// column name, columns with .values(), print_table()), built from a plain query result.
import type { QueryResult } from '../adapters/adapter.js';
import { console as out } from '../console/console.js';

export interface AgateColumn {
  name: string;
  data_type: string;
  values(): unknown[];
}

export interface AgateTable {
  column_names: string[];
  column_types: string[];
  columns: AgateColumn[] & Record<string, AgateColumn>;
  rows: unknown[][];
  length: number;
  print_table(): string;
}

export function toAgate(r: QueryResult): AgateTable {
  const names = r.columns.map((c) => c.name);
  const rows = r.rows.map((row) => {
    const copy = [...row] as unknown[] & Record<string, unknown>;
    names.forEach((n, i) => {
      if (!(n in copy)) copy[n] = row[i];
    });
    return copy;
  });
  const columns = names.map((name, i) => ({ name, data_type: r.columns[i].type, values: () => r.rows.map((row) => row[i]) })) as AgateColumn[] & Record<string, AgateColumn>;
  for (const c of [...columns]) columns[c.name] = c;
  return {
    column_names: names,
    column_types: r.columns.map((c) => c.type),
    columns,
    rows,
    length: rows.length,
    print_table: () => {
      out.info([names.join(' | '), ...r.rows.map((row) => row.map((v) => String(v)).join(' | '))].join('\n'));
      return '';
    },
  };
}
