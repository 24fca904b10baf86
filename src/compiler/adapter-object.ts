// The `adapter` object templates call: dispatch, quote, get_relation, get_columns_in_relation,
// drop/rename/truncate_relation, schemas, execute. Database access goes through `query`, the replay
// bridge that makes an asynchronous DuckDB call look synchronous to the template (each statement runs
// once); without it (parse time, `execute` false) introspection answers empty and changes nothing.
import type { QueryResult } from '../adapters/adapter.js';
import type { RelationCache } from './relation-cache.js';
import type { TemplateEngine } from '../templating/environment.js';
import { Relation, type RelationType } from '../templating/relation.js';
import { Column } from '../templating/api-objects.js';
import { bindArgs } from '../templating/jinja-args.js';
import { resolveDispatch, type DispatchConfig } from '../templating/dispatch.js';
import { toAgate } from './agate-table.js';

export interface AdapterDeps extends DispatchConfig {
  engine: TemplateEngine;
  database: string;
  /** synchronous (replayed) query; undefined at parse time */
  query?: (sql: string) => QueryResult;
  relations?: RelationCache;
}

const q = (s: unknown) => `"${String(s).replace(/"/g, '""')}"`;
const lit = (s: unknown) => `'${String(s).replace(/'/g, "''")}'`;
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

export function makeAdapterObject(d: AdapterDeps) {
  const run = (sql: string): QueryResult => (d.query ? d.query(sql) : { columns: [], rows: [] });
  const relationType = (rel: Relation): RelationType => {
    if (rel.type) return rel.type;
    const cached = rel.schema ? d.relations?.get(rel.schema, rel.identifier) : undefined;
    if (cached) return cached.type;
    const r = run(`select table_type from information_schema.tables where table_schema = ${lit(rel.schema)} and table_name = ${lit(rel.identifier)}`);
    return r.rows.length ? (String(r.rows[0][0]).toUpperCase() === 'VIEW' ? 'view' : 'table') : null;
  };
  const getRelation = (...args: unknown[]) => {
    const a = bindArgs(['database', 'schema', 'identifier'], args);
    const schema = String(a.schema);
    const name = String(a.identifier);
    const cached = d.relations?.get(schema, name);
    if (cached) return new Relation(cached.database, cached.schema, cached.name, cached.type);
    if (!d.query) return null;
    // not known to the run's cache: it may have been created by a statement of this very render
    const r = run(`select table_catalog, table_schema, table_name, table_type from information_schema.tables where lower(table_schema) = lower(${lit(schema)}) and lower(table_name) = lower(${lit(name)})${a.database ? ` and lower(table_catalog) = lower(${lit(a.database)})` : ''}`);
    if (!r.rows.length) return null;
    const [db, sch, tbl, type] = r.rows[0].map(String);
    return new Relation(db, sch, tbl, type.toUpperCase() === 'VIEW' ? 'view' : 'table');
  };
  const columnsOf = (rel: Relation): Column[] => {
    if (!d.query || !rel) return [];
    const r = run(`select column_name, data_type from information_schema.columns where table_schema = ${lit(rel.schema ?? 'main')} and table_name = ${lit(rel.identifier)}${rel.database ? ` and table_catalog = ${lit(rel.database)}` : ''} order by ordinal_position`);
    return r.rows.map((row) => new Column(String(row[0]), String(row[1])));
  };
  const forget = (rel: Relation) => rel.schema && d.relations?.delete(rel.schema, rel.identifier);
  return {
    type: () => 'duckdb',
    quote: (s: unknown) => q(s),
    quote_as_configured: (s: unknown) => q(s),
    quote_seed_column: (s: unknown, quote?: unknown) => (quote === false ? String(s) : q(s)),
    dispatch: (...args: unknown[]) => {
      const a = bindArgs(['macro_name', 'macro_namespace', 'packages'], args);
      return resolveDispatch(d.engine, d, String(a.macro_name), str(a.macro_namespace));
    },
    get_relation: getRelation,
    already_exists: (schema: unknown, name: unknown) => getRelation(null, schema, name) !== null,
    get_columns_in_relation: columnsOf,
    get_missing_columns: (from: Relation, to: Relation) => {
      const have = new Set(columnsOf(to).map((c) => c.name.toLowerCase()));
      return columnsOf(from).filter((c) => !have.has(c.name.toLowerCase()));
    },
    expand_target_column_types: () => '',
    drop_relation: (rel: Relation) => {
      const type = relationType(rel);
      if (type === null || !d.query) return '';
      run(`drop ${type === 'view' ? 'view' : 'table'} if exists ${rel.render()}`);
      forget(rel);
      return '';
    },
    truncate_relation: (rel: Relation) => {
      if (d.query) run(`delete from ${rel.render()}`);
      return '';
    },
    rename_relation: (from: Relation, to: Relation) => {
      if (!d.query) return '';
      run(`alter ${relationType(from) === 'view' ? 'view' : 'table'} ${from.render()} rename to ${q(to.identifier)}`);
      forget(from);
      return '';
    },
    create_schema: (rel: Relation) => {
      if (d.query) run(`create schema if not exists ${rel.include({ identifier: false }).render()}`);
      return '';
    },
    drop_schema: (rel: Relation) => {
      if (d.query) run(`drop schema if exists ${rel.include({ identifier: false }).render()} cascade`);
      return '';
    },
    check_schema_exists: (database: unknown, schema: unknown) => run(`select 1 from information_schema.schemata where lower(schema_name) = lower(${lit(schema)})${database ? ` and lower(catalog_name) = lower(${lit(database)})` : ''}`).rows.length > 0,
    list_schemas: (database: unknown) => run(`select schema_name from information_schema.schemata where lower(catalog_name) = lower(${lit(database ?? d.database)})`).rows.map((r) => String(r[0])),
    list_relations_without_caching: (schemaRel: Relation) =>
      run(`select table_catalog, table_schema, table_name, table_type from information_schema.tables where lower(table_schema) = lower(${lit(schemaRel.schema)})`).rows.map(
        ([db, sch, name, type]) => new Relation(String(db), String(sch), String(name), String(type).toUpperCase() === 'VIEW' ? 'view' : 'table'),
      ),
    execute: (...args: unknown[]) => {
      const a = bindArgs(['sql', 'auto_begin', 'fetch'], args);
      const r = run(String(a.sql));
      return [{ _message: 'OK', code: 'OK', rows_affected: r.rows.length }, toAgate(a.fetch ? r : { columns: r.columns, rows: [] })];
    },
  };
}
