// The `adapter` object templates call: dispatch, quote, get_relation, get_columns_in_relation.
import type { ParsedProject } from '../parser/project-parser.js';
import type { RelationCache } from './relation-cache.js';
import { Relation } from '../templating/relation.js';
import { bindArgs } from '../templating/jinja-args.js';
import { TsdbtError } from '../errors/tsdbt-error.js';
import { didYouMean } from '../errors/suggest.js';
import type { AgateTable } from './agate-table.js';

export function makeAdapterObject(project: ParsedProject, relations: RelationCache | undefined, runQuery: (sql: string) => AgateTable | undefined) {
  const engine = project.engine;
  return {
    type: () => 'duckdb',
    quote: (s: unknown) => `"${String(s).replace(/"/g, '""')}"`,
    dispatch: (...args: unknown[]) => {
      const a = bindArgs(['macro_name', 'macro_namespace'], args);
      const name = String(a.macro_name);
      const namespaces = a.macro_namespace ? [String(a.macro_namespace)] : [];
      const order = project.config.project.dispatch.find((d) => d.macro_namespace === namespaces[0])?.search_order ?? [project.config.project.name, ...namespaces, 'dbt'];
      for (const ns of order) {
        const macros = engine.namespaces.get(ns);
        for (const cand of [`duckdb__${name}`, `default__${name}`]) {
          if (macros && typeof macros[cand] === 'function') return macros[cand];
        }
      }
      for (const cand of [`duckdb__${name}`, `default__${name}`]) if (engine.macros.has(cand)) return engine.macros.get(cand);
      throw new TsdbtError('P004', `no macro found for adapter.dispatch('${name}'): looked for duckdb__${name} and default__${name} in ${order.join(', ')}`, {
        hint: didYouMean(name, engine.macros.keys()) ?? `define a macro named default__${name}`,
      });
    },
    get_relation: (...args: unknown[]) => {
      const a = bindArgs(['database', 'schema', 'identifier'], args);
      const r = relations?.get(String(a.schema), String(a.identifier));
      return r ? new Relation(r.database, r.schema, r.name, r.type) : null;
    },
    get_columns_in_relation: (rel: Relation) => {
      const t = runQuery(`select column_name, data_type from information_schema.columns where table_schema = '${rel.schema}' and table_name = '${rel.identifier}' order by ordinal_position`);
      if (!t) return [];
      return t.rows.map((r) => ({ name: r[0], column: r[0], data_type: r[1], dtype: r[1], quoted: `"${String(r[0])}"` }));
    },
  };
}
