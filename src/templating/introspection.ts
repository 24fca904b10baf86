// The names that let a template look at the database while it renders: run_query(), the statement()
// call block with load_result()/store_result(), the `adapter` object, load_relation(), `api` and
// `graph`. The same code serves parse time (no `query`: `execute` is false, run_query returns None,
// statements do nothing) and run time (`query` is the compiler's replay: statements run exactly once).
import type { QueryResult } from '../adapters/adapter.js';
import type { Manifest } from '../parser/types.js';
import type { RelationCache } from '../compiler/relation-cache.js';
import type { TemplateEngine } from './environment.js';
import type { DispatchConfig } from './dispatch.js';
import type { ParsedProject } from '../parser/project-parser.js';
import type { QueryReplay } from '../compiler/query-replay.js';
import { makeAdapterObject } from '../compiler/adapter-object.js';
import { toAgate } from '../compiler/agate-table.js';
import { apiObject } from './api-objects.js';
import { bindArgs } from './jinja-args.js';
import type { Relation } from './relation.js';

export interface IntrospectionDeps extends DispatchConfig {
  engine: TemplateEngine;
  database: string;
  query?: (sql: string) => QueryResult;
  relations?: RelationCache;
  manifest?: Manifest;
}

const EMPTY_GRAPH = { nodes: {}, sources: {}, macros: {}, exposures: {}, metrics: {}, groups: {}, semantic_models: {}, saved_queries: {}, unit_tests: {} };

function graphOf(m: Manifest | undefined): Record<string, unknown> {
  if (!m) return EMPTY_GRAPH;
  return { ...EMPTY_GRAPH, nodes: m.nodes, sources: m.sources, macros: m.macros };
}

export function introspectionScope(d: IntrospectionDeps): Record<string, unknown> {
  const results = new Map<string, unknown>();
  const query = d.query;
  const store = (name: string, response: unknown, table: ReturnType<typeof toAgate> | null) => {
    results.set(name, { response, table, data: table ? table.rows.map((r) => r.values()) : [] });
  };
  const adapter = makeAdapterObject(d);
  // dbt's load_relation / load_cached_relation: the relation as it exists in the database, else None
  const loadRelation = (rel: unknown) => {
    const r = rel as Partial<Relation> | null | undefined;
    if (!r || typeof r !== 'object' || !r.schema || !r.identifier || r.type === 'cte') return null;
    return adapter.get_relation(r.database ?? null, r.schema, r.identifier);
  };
  return {
    adapter,
    load_relation: loadRelation,
    load_cached_relation: loadRelation,
    api: apiObject(),
    graph: graphOf(d.manifest),
    run_query: (sql: unknown) => (query ? toAgate(query(String(sql))) : null),
    statement: (...args: unknown[]) => {
      const a = bindArgs(['name', 'fetch_result', 'auto_begin', 'language'], args);
      if (!query) return '';
      const caller = a.caller as (() => unknown) | undefined;
      const sql = String(caller ? caller() : '');
      const r = query(sql);
      const response = { _message: 'OK', code: 'OK', rows_affected: r.rows.length };
      if (a.name !== undefined && a.name !== null) store(String(a.name), response, a.fetch_result ? toAgate(r) : null);
      return '';
    },
    store_result: (...args: unknown[]) => {
      const a = bindArgs(['name', 'response', 'agate_table'], args);
      store(String(a.name), a.response ?? null, (a.agate_table as ReturnType<typeof toAgate>) ?? null);
      return '';
    },
    store_raw_result: (...args: unknown[]) => {
      const a = bindArgs(['name', 'message', 'code', 'rows_affected', 'agate_table'], args);
      store(String(a.name), { _message: a.message, code: a.code, rows_affected: a.rows_affected }, (a.agate_table as ReturnType<typeof toAgate>) ?? null);
      return '';
    },
    load_result: (name: unknown) => results.get(String(name)) ?? null,
  };
}

/** The run-time introspection names of a node's scope: queries go through the compiler's replay. */
export function runTimeIntrospection(project: ParsedProject, relations: RelationCache | undefined, replay: QueryReplay | undefined): Record<string, unknown> {
  const { config } = project;
  return introspectionScope({
    engine: project.engine,
    projectName: config.project.name,
    dispatch: config.project.dispatch,
    database: config.target.database,
    query: replay ? (sql) => replay.take(sql) : undefined,
    relations,
    manifest: project.manifest,
  });
}
