// A fingerprint of everything in a DuckDB file: each relation's name, kind, columns and an md5 of its
// sorted rows, so a test can assert that "no table changed".
import { DuckDBInstance } from '@duckdb/node-api';

export async function fingerprint(file: string): Promise<Record<string, string>> {
  const inst = await DuckDBInstance.create(file);
  const conn = await inst.connect();
  try {
    const rels = (await conn.runAndReadAll(`select table_schema, table_name, table_type from information_schema.tables order by 1, 2`)).getRows();
    const out: Record<string, string> = {};
    for (const [schema, name, type] of rels) {
      const q = `"${String(schema).replace(/"/g, '""')}"."${String(name).replace(/"/g, '""')}"`;
      const cols = (await conn.runAndReadAll(`select string_agg(column_name || ' ' || data_type, ', ' order by ordinal_position) from information_schema.columns where table_schema = '${schema}' and table_name = '${String(name).replace(/'/g, "''")}'`)).getRows()[0][0];
      const rows = (await conn.runAndReadAll(`select count(*)::int, md5(coalesce(string_agg(t::varchar, '|' order by t::varchar), '')) from ${q} t`)).getRows()[0];
      out[`${schema}.${name}`] = `${type} (${cols}) ${rows[0]} rows ${rows[1]}`;
    }
    return out;
  } finally {
    conn.closeSync();
    inst.closeSync();
  }
}
