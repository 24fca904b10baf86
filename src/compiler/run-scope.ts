// The run-time scope of a node: ref() returns the real quoted relation (or an ephemeral CTE name),
// is_incremental() looks at the database, and run_query()/statement() reach DuckDB through the replay.
import type { ManifestNode } from '../parser/types.js';
import type { ParsedProject } from '../parser/project-parser.js';
import { nodeScope } from '../templating/node-scope.js';
import { Relation } from '../templating/relation.js';
import { relationFor } from '../parser/naming.js';
import { buildRefIndex, resolveRef, type RefIndex } from '../parser/ref-resolver.js';
import type { RelationCache } from './relation-cache.js';
import type { QueryReplay } from './query-replay.js';
import { TsdbtError } from '../errors/tsdbt-error.js';
import { deferredRef } from './defer.js';
import { runTimeIntrospection } from '../templating/introspection.js';

export interface RunScopeOptions {
  project: ParsedProject;
  relations?: RelationCache;
  replay?: QueryReplay;
  fullRefresh: boolean;
  /** ephemeral nodes referenced while rendering (their CTEs get injected) */
  ephemerals: Set<string>;
  /** override what ref() returns for some nodes (unit tests, --defer) */
  refOverride?: (node: ManifestNode) => string | undefined;
}

const indexes = new WeakMap<object, RefIndex>();

export function refIndexFor(project: ParsedProject): RefIndex {
  let idx = indexes.get(project.manifest);
  if (!idx) {
    idx = buildRefIndex(project.manifest);
    indexes.set(project.manifest, idx);
  }
  return idx;
}

export function ephemeralCteName(node: ManifestNode): string {
  return `__dbt__cte__${node.name}`;
}

export function runScope(node: ManifestNode, o: RunScopeOptions): Record<string, unknown> {
  const { project } = o;
  const index = refIndexFor(project);
  const existing = o.relations?.get(node.schema, node.alias);
  const scope = nodeScope(project.base, node, relationFor(node, existing?.type ?? null), {
    ref: (call) => {
      const r = resolveRef(index, node, call, new Set());
      if (r instanceof TsdbtError) throw r;
      const override = o.refOverride?.(r) ?? deferredRef(project, r, o.relations);
      if (override !== undefined) return override;
      if (r.config.materialized === 'ephemeral') {
        o.ephemerals.add(r.unique_id);
        return new Relation(null, null, ephemeralCteName(r), 'cte');
      }
      const rel = o.relations?.get(r.schema, r.alias);
      return relationFor(r, rel?.type ?? (r.config.materialized === 'view' ? 'view' : 'table'));
    },
    source: (s, t) => {
      const src = index.sources.get(`${s}.${t}`);
      if (!src) throw new TsdbtError('P003', `source '${s}.${t}' not found`, { location: { file: node.original_file_path } });
      return src.external_location ? src.relation_name : new Relation(src.database, src.schema, src.identifier, 'table');
    },
    config: () => undefined,
    configValue: (key) => node.config[key],
    isIncremental: () => node.config.materialized === 'incremental' && existing?.type === 'table' && !(o.fullRefresh || node.config.full_refresh === true),
    execute: true,
  });
  // run_query, statement/load_result, adapter, api, graph (src/templating/introspection.ts)
  Object.assign(scope, runTimeIntrospection(project, o.relations, o.replay));
  scope.flags = { ...(project.base.flags as object), FULL_REFRESH: o.fullRefresh };
  return scope;
}
