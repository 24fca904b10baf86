// Pure functions that write the DDL/DML tsdbt sends: the swap, views, incremental merges, seed loads.
// Golden tests compare their output with checked-in files and run it on DuckDB.
import type { RelationInfo } from '../adapters/adapter.js';

export function q(ident: string): string {
  return `"${ident.replace(/"/g, '""')}"`;
}

export function lit(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

export interface Rel {
  database: string;
  schema: string;
  name: string;
}

export function rel(r: Rel): string {
  return `${q(r.database)}.${q(r.schema)}.${q(r.name)}`;
}

export const TMP_SUFFIX = '__tsdbt_tmp';

export function tmpRel(r: Rel): Rel {
  return { ...r, name: `${r.name}${TMP_SUFFIX}` };
}

export function dropSql(r: Rel, type: RelationInfo['type']): string {
  return `drop ${type === 'view' ? 'view' : 'table'} if exists ${rel(r)}`;
}

/**
 * The statements that build a table. One that does not exist yet is created under its own name (one
 * statement, atomic by itself: a failed create leaves no table). Otherwise it is built under a temporary
 * name that then replaces the old relation: run inside one transaction, so a failure anywhere leaves the
 * previous table in place.
 */
export function tableSwapSql(target: Rel, selectSql: string, existing: RelationInfo['type'] | null): string[] {
  if (!existing) return [`create table ${rel(target)} as (\n${selectSql}\n)`];
  const tmp = tmpRel(target);
  return [`create or replace table ${rel(tmp)} as (\n${selectSql}\n)`, dropSql(target, existing), `alter table ${rel(tmp)} rename to ${q(target.name)}`];
}

export function viewSql(target: Rel, selectSql: string, existing: RelationInfo['type'] | null): string[] {
  const out: string[] = [];
  if (existing === 'table') out.push(dropSql(target, 'table'));
  out.push(`create or replace view ${rel(target)} as (\n${selectSql}\n)`);
  return out;
}

export function createSchemaSql(database: string, schema: string): string {
  return `create schema if not exists ${q(database)}.${q(schema)}`;
}

export function insertSql(target: Rel, source: string, columns: string[]): string {
  const cols = columns.map(q).join(', ');
  return `insert into ${rel(target)} (${cols})\nselect ${cols} from ${source}`;
}

function keyList(uniqueKey: string | string[]): string[] {
  return Array.isArray(uniqueKey) ? uniqueKey : [uniqueKey];
}

export function deleteInsertSql(target: Rel, source: string, uniqueKey: string | string[], columns: string[]): string[] {
  const keys = keyList(uniqueKey);
  const match = keys.map((k) => `${rel(target)}.${q(k)} = ${source}.${q(k)}`).join(' and ');
  return [`delete from ${rel(target)}\nwhere exists (select 1 from ${source} where ${match})`, insertSql(target, source, columns)];
}

export function mergeSql(target: Rel, source: string, uniqueKey: string | string[], columns: string[]): string {
  const keys = keyList(uniqueKey);
  const on = keys.map((k) => `t.${q(k)} = s.${q(k)}`).join(' and ');
  const updates = columns.filter((c) => !keys.includes(c)).map((c) => `${q(c)} = s.${q(c)}`);
  const cols = columns.map(q).join(', ');
  const vals = columns.map((c) => `s.${q(c)}`).join(', ');
  const matched = updates.length ? `when matched then update set ${updates.join(', ')}\n` : '';
  return `merge into ${rel(target)} as t\nusing ${source} as s\non ${on}\n${matched}when not matched then insert (${cols}) values (${vals})`;
}

export function addColumnSql(target: Rel, name: string, type: string): string {
  return `alter table ${rel(target)} add column ${q(name)} ${type}`;
}

export function dropColumnSql(target: Rel, name: string): string {
  return `alter table ${rel(target)} drop column ${q(name)}`;
}

export function alterColumnTypeSql(target: Rel, name: string, type: string): string {
  return `alter table ${rel(target)} alter column ${q(name)} type ${type}`;
}

export interface CsvOptions {
  delimiter?: string | null;
  columnTypes?: Record<string, string>;
  /**
   * quote_columns: false — the header's names, written unquoted as the created columns (so DuckDB's
   * identifier rules apply to them, as to dbt-duckdb's unquoted `create table`)
   */
  unquotedColumns?: string[];
}

/** DuckDB's reader over a seed file, with the header only (types and renames are not applied). */
export function csvHeaderSql(path: string, delimiter?: string | null): string {
  const args = [lit(path), 'header = true', 'auto_detect = true'];
  if (delimiter) args.push(`delim = ${lit(delimiter)}`);
  return `describe select * from read_csv(${args.join(', ')})`;
}

export function readCsvSql(path: string, o: CsvOptions): string {
  const args = [lit(path), 'header = true', 'auto_detect = true'];
  if (o.delimiter) args.push(`delim = ${lit(o.delimiter)}`);
  const types = Object.entries(o.columnTypes ?? {});
  if (types.length) args.push(`types = {${types.map(([c, t]) => `${lit(c)}: ${lit(t)}`).join(', ')}}`);
  const cols = o.unquotedColumns?.length ? o.unquotedColumns.map((c) => `${q(c)} as ${c}`).join(', ') : '*';
  return `select ${cols} from read_csv(${args.join(', ')})`;
}
