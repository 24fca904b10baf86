// Turns fixture rows into a literal SQL query. When the column types are known (the real relation
// exists, or its YAML declares data_type), values are cast to them and missing columns become typed nulls.
import type { Fixture } from './fixtures.js';

export interface TypedColumn {
  name: string;
  type: string | null;
}

export function literal(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) return `'${v.toISOString()}'`;
  const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
  return `'${s.replace(/'/g, "''")}'`;
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function cell(v: unknown, type: string | null): string {
  return type ? `cast(${literal(v)} as ${type})` : literal(v);
}

/**
 * @param known the relation's columns in order (empty when unknown); fixture columns it lacks are added
 * @example fixtureSql({kind:'rows', columns:['id'], rows:[{id:1}]}, [{name:'id', type:'INTEGER'}])
 */
export function fixtureSql(f: Fixture, known: TypedColumn[]): string {
  if (f.kind === 'sql') return f.sql;
  const byName = new Map(known.map((c) => [c.name.toLowerCase(), c]));
  const cols: TypedColumn[] = known.length ? [...known] : [];
  for (const c of f.columns) if (!byName.has(c.toLowerCase())) cols.push({ name: c, type: null });
  if (!cols.length) return 'select null as no_columns where false';
  const pick = (row: Record<string, unknown>, c: TypedColumn) => {
    const key = Object.keys(row).find((k) => k.toLowerCase() === c.name.toLowerCase());
    return key === undefined ? null : row[key];
  };
  if (!f.rows.length) return `select ${cols.map((c) => `${cell(null, c.type)} as ${quoteIdent(c.name)}`).join(', ')} where false`;
  return f.rows.map((row) => `select ${cols.map((c) => `${cell(pick(row, c), c.type)} as ${quoteIdent(c.name)}`).join(', ')}`).join('\nunion all\n');
}
