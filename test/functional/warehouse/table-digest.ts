// Order-independent fingerprints of every table of a warehouse file, to compare two builds: row count and
// the sum of a hash of each row (doubles rounded, so summation order in the marts cannot differ by an ulp).
import { query } from './warehouse-project.js';

interface ColumnRow { table_name: string; column_name: string; data_type: string }

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

function rowHash(columns: ColumnRow[]): string {
  const parts = columns.map((c) => (/^(DOUBLE|FLOAT|REAL)$/.test(c.data_type) ? `round(${quote(c.column_name)}, 9)` : quote(c.column_name)));
  return `hash(${parts.join(', ')})`;
}

/** table name -> "<rows> rows, digest <n>" for every base table of schema main. */
export async function tableDigests(db: string): Promise<Record<string, string>> {
  const columns = (await query(`select table_name, column_name, data_type from information_schema.columns
      where table_schema = 'main' and table_name in (select table_name from information_schema.tables where table_schema = 'main' and table_type = 'BASE TABLE')
      order by table_name, ordinal_position`, db)) as unknown as ColumnRow[];
  const byTable = new Map<string, ColumnRow[]>();
  for (const c of columns) byTable.set(c.table_name, [...(byTable.get(c.table_name) ?? []), c]);
  const selects = [...byTable].map(([t, cols]) =>
    `select '${t}' as t, count(*) as n, coalesce(sum(${rowHash(cols)}::hugeint), 0)::varchar as digest from ${quote(t)}`);
  const rows = await query(selects.join('\nunion all\n'), db);
  return Object.fromEntries(rows.map((r) => [String(r.t), `${String(r.n)} rows, digest ${String(r.digest)}`]));
}
